import { normalizeApostrophes } from './apostrophes';
import { cyrToLat, detectScript, latToCyr, type Script } from './translit';

/**
 * A person's name in both Uzbek scripts. `typed` says which one the user entered; the other was
 * suggested by transliteration and possibly corrected, so documents and screens in either
 * script show the name in that script. Russian screens use the Cyrillic spelling.
 */
export interface BiScriptText {
  latn: string;
  cyrl: string;
  typed: Script;
}

/** A name of a place or an organisation in the three languages the office prints in. */
export interface TriLingualText {
  uzLatn: string;
  uzCyrl: string;
  ru: string;
}

export type DisplayLanguage = 'uz-Latn' | 'uz-Cyrl' | 'ru' | 'en';

/** Tidies what a user typed: apostrophes per the 1995 rules, single spaces, no edge spaces. */
export function cleanText(text: string): string {
  return normalizeApostrophes(text).replace(/\s+/gu, ' ').trim();
}

/** The other script's spelling to offer while the user types one. */
export function suggestOtherScript(text: string, from: Script): string {
  const clean = cleanText(text);
  return from === 'latn' ? latToCyr(clean) : cyrToLat(clean);
}

/** Builds a two-script name from one typed spelling. */
export function biScriptFrom(text: string): BiScriptText {
  const clean = cleanText(text);
  const typed: Script = detectScript(clean) === 'cyrl' ? 'cyrl' : 'latn';
  return typed === 'latn' ? { latn: clean, cyrl: latToCyr(clean), typed } : { latn: cyrToLat(clean), cyrl: clean, typed };
}

/** Uzbek Cyrillic letters Russian spelling lacks, replaced by the letters Russian texts use. */
const RU_FOLD: Record<string, string> = { ў: 'у', Ў: 'У', қ: 'к', Қ: 'К', ғ: 'г', Ғ: 'Г', ҳ: 'х', Ҳ: 'Х' };

/** A first guess at the Russian spelling of an Uzbek place name (Қўрғонча → Кургонча); the user corrects it. */
export function suggestRussian(uzCyrl: string): string {
  return cleanText(uzCyrl).replace(/[ўЎқҚғҒҳҲ]/gu, (ch) => RU_FOLD[ch] ?? ch);
}

export function biScriptIn(text: BiScriptText, language: DisplayLanguage): string {
  return language === 'uz-Latn' || language === 'en' ? text.latn : text.cyrl;
}

export function triLingualIn(text: TriLingualText, language: DisplayLanguage): string {
  switch (language) {
    case 'uz-Cyrl':
      return text.uzCyrl;
    case 'ru':
      return text.ru;
    default:
      return text.uzLatn;
  }
}
