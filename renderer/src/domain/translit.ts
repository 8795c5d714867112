/**
 * Uzbek Cyrillic ⇄ Latin transliteration (1995 Latin alphabet, orthographic rules of CM
 * Resolution 339/1995). Section numbers (§3 letters, §4 context rules, §5 reverse rules) refer
 * to the project's transliteration notes, translit.md. Works on whole texts; only letters of
 * the source script are touched.
 */
import { normalizeApostrophes, OKINA, TUTUQ } from './apostrophes';
import { CYR_ABBREVIATIONS, CYR_SUFFIXES, LAT_SUFFIXES, TRANSLIT_EXCEPTIONS } from './translitExceptions';

/** Options of {@link cyrToLat} and {@link latToCyr}. */
export interface TranslitOptions {
  /** Consult the exception dictionary (default `true`); `false` shows what the bare rules give. */
  readonly useExceptions?: boolean;
}

/** A writing system of Uzbek. */
export type Script = 'latn' | 'cyrl';

/** Result of {@link detectScript}. */
export type DetectedScript = Script | 'mixed' | 'none';

// ---------------------------------------------------------------- shared helpers

interface StemEntry {
  readonly key: string;
  /** Output when the word is exactly `key`. */
  readonly whole: string;
  /** Output when `key` is followed by suffixes (a final ь is dropped then: октябрь → октябрда). */
  readonly stem: string;
}

const byKeyLengthDesc = (a: StemEntry, b: StemEntry): number => b.key.length - a.key.length;
const withoutSoftSign = (cyr: string): string => cyr.replace(/ь$/u, '');

const CYR_STEMS: readonly StemEntry[] = TRANSLIT_EXCEPTIONS.flatMap(([cyr, lat]) =>
  // Cyrillic users write the suffixed form without ь too (октябрда), so both spellings are keys.
  [...new Set([cyr, withoutSoftSign(cyr)])].map((key) => ({ key, whole: lat, stem: lat })),
).sort(byKeyLengthDesc);

const LAT_STEMS: readonly StemEntry[] = TRANSLIT_EXCEPTIONS.map(([cyr, lat]) => ({
  key: lat,
  whole: cyr,
  stem: withoutSoftSign(cyr),
})).sort(byKeyLengthDesc);

/** Longest dictionary stem at the start of `lower` that is the whole word or followed by suffixes. */
function findStem(lower: string, table: readonly StemEntry[], suffixes: RegExp): { out: string; length: number } | undefined {
  for (const entry of table) {
    if (!lower.startsWith(entry.key)) continue;
    const rest = lower.slice(entry.key.length);
    if (rest === '') return { out: entry.whole, length: entry.key.length };
    if (suffixes.test(rest)) return { out: entry.stem, length: entry.key.length };
  }
  return undefined;
}

const isUpper = (ch: string): boolean => ch !== ch.toLowerCase();
const isCased = (ch: string): boolean => ch.toLowerCase() !== ch.toUpperCase();
const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** True when every cased letter of `word` is upper case and there are at least two of them. */
function isCapsWord(word: string): boolean {
  const cased = [...word].filter(isCased);
  return cased.length >= 2 && cased.every(isUpper);
}

/** Case a dictionary stem like the word it replaces (the stem has no per-letter alignment). */
function caseStem(out: string, word: string, allCaps: boolean): string {
  if (allCaps) return out.toUpperCase();
  return isUpper(word.charAt(0)) ? capitalize(out) : out;
}

// ---------------------------------------------------------------- Cyrillic → Latin

const CYR_VOWELS = new Set('аеёиоуўэюяы');
// Russian-loan vowels that already carry the y-sound; a preceding ъ is then dropped (§4.3).
const CYR_IOTATED = new Set('еёюя');
const CYR_PLAIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ё: 'yo', ж: 'j', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', т: 't', у: 'u', ф: 'f', х: 'x', ч: 'ch',
  ш: 'sh', щ: 'sh', ы: 'i', ь: '', э: 'e', ю: 'yu', я: 'ya', ў: `o${OKINA}`, қ: 'q',
  ғ: `g${OKINA}`, ҳ: 'h',
};
// §4.5: the official spelling is sentabr/oktabr, so я is `a` inside these stems.
const MONTH_STEM = /^(?:сентябр|октябр)/u;
const CYR_WORD = /(\p{Script=Cyrillic}+)/u;

/** Latin for the letter at `i` of the lower-case word `w`; undefined for non-Uzbek letters. */
function cyrLetterToLat(w: string, i: number): string | undefined {
  const prev = w.charAt(i - 1);
  const next = w.charAt(i + 1);
  switch (w.charAt(i)) {
    case 'е': // §4.1
      return prev === '' || CYR_VOWELS.has(prev) || prev === 'ъ' || prev === 'ь' ? 'ye' : 'e';
    case 'ц': // §4.2; the prefix case (анти-) is left to the dictionary
      return CYR_VOWELS.has(prev) && next !== '' ? 'ts' : 's';
    case 'ъ': // §4.3
      return prev === 'ў' || CYR_IOTATED.has(next) ? '' : TUTUQ;
    case 'с': // §4.6: keep сҳ from reading as ш
      return next === 'ҳ' ? `s${TUTUQ}` : 's';
    case 'я':
      return i < (MONTH_STEM.exec(w)?.[0].length ?? 0) ? 'a' : 'ya';
    default:
      return CYR_PLAIN[w.charAt(i)];
  }
}

function cyrRangeToLat(word: string, from: number, allCaps: boolean): string {
  const w = word.toLowerCase();
  let out = '';
  for (let i = from; i < w.length; i++) {
    const lat = cyrLetterToLat(w, i);
    if (lat === undefined) out += word.charAt(i);
    else if (!isUpper(word.charAt(i)) || lat === '') out += lat;
    // §4.7: a capital becomes a whole upper-case digraph only inside an all-caps word.
    else out += allCaps ? lat.toUpperCase() : capitalize(lat);
  }
  return out;
}

function cyrWordToLat(word: string, allCaps: boolean, useExceptions: boolean): string {
  if (useExceptions) {
    const abbreviation = CYR_ABBREVIATIONS.get(word);
    if (abbreviation !== undefined) return abbreviation;
    const hit = findStem(word.toLowerCase(), CYR_STEMS, CYR_SUFFIXES);
    if (hit) return caseStem(hit.out, word, allCaps) + cyrRangeToLat(word, hit.length, allCaps);
  }
  return cyrRangeToLat(word, 0, allCaps);
}

/**
 * Converts the Cyrillic words of `text` to the Uzbek Latin alphabet; everything else (Latin
 * words, digits, punctuation, whitespace) is kept. Output is NFC with ʻ (U+02BB) in oʻ/gʻ and
 * ʼ (U+02BC) as tutuq belgisi. Initials: Ш. → Sh., Ё. → Yo.
 */
export function cyrToLat(text: string, options: TranslitOptions = {}): string {
  const useExceptions = options.useExceptions ?? true;
  const parts = text.normalize('NFC').split(CYR_WORD);
  for (let i = 1; i < parts.length; i += 2) {
    const word = parts[i] ?? '';
    // A lone capital (an initial, a one-letter word) cannot show whether the text is in
    // caps, so it follows the next word, or the previous one at the end: Ш.РАШИДОВ → SH.RASHIDOV.
    const neighbour = parts[i + 2] ?? parts[i - 2] ?? '';
    const allCaps = isCapsWord(word) || ([...word].filter(isCased).length === 1 && isUpper(word) && isCapsWord(neighbour));
    parts[i] = cyrWordToLat(word, allCaps, useExceptions);
  }
  return parts.join('');
}

// ---------------------------------------------------------------- Latin → Cyrillic

const LAT_VOWELS = new Set('aeiou');
const LAT_PLAIN: Readonly<Record<string, string>> = {
  a: 'а', b: 'б', d: 'д', f: 'ф', g: 'г', h: 'ҳ', i: 'и', j: 'ж', k: 'к', l: 'л', m: 'м',
  n: 'н', o: 'о', p: 'п', q: 'қ', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', x: 'х', y: 'й', z: 'з',
};
const Y_VOWELS: Readonly<Record<string, string>> = { e: 'е', o: 'ё', u: 'ю', a: 'я' };
const LAT_WORD = /([A-Za-z\u02BB\u02BC]+)/u;
// URLs and e-mail addresses are copied verbatim (§5).
const VERBATIM = /((?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/iu;
const ROMAN = /^(?=[IVXLCDM]+$)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/u;
// c outside ch and w are not Uzbek letters: such a word is a foreign name (Microsoft, Word).
const FOREIGN = /c(?!h)|w/u;

function latVowelBefore(l: string, i: number): boolean {
  const prev = l.charAt(i - 1);
  return LAT_VOWELS.has(prev) || (prev === OKINA && l.charAt(i - 2) === 'o');
}

/** Cyrillic letter for the Latin unit at `i` of the lower-case word `l`, and its length in `l`. */
function latUnitToCyr(l: string, i: number): readonly [string, number] | undefined {
  const c = l.charAt(i);
  const next = l.charAt(i + 1);
  if (c === 's' && next === TUTUQ && l.charAt(i + 2) === 'h') return ['с', 2]; // sʼh → сҳ; h follows
  if (c === 's' && next === 'h') return ['ш', 2];
  if (c === 'c' && next === 'h') return ['ч', 2];
  if (c === 'o' && next === OKINA) return ['ў', 2];
  if (c === 'g' && next === OKINA) return ['ғ', 2];
  if (c === 'y') {
    if (next === 'o' && l.charAt(i + 2) === OKINA) return ['й', 1]; // yoʻ = й + ў (Yoʻldoshev)
    const iotated = Y_VOWELS[next];
    return iotated === undefined ? ['й', 1] : [iotated, 2];
  }
  // ts is ц only in the loan suffixes -tsiya/-tsion (Militsiya), elsewhere т+с (Oʻtsa).
  if (c === 't' && next === 's' && latVowelBefore(l, i) && /^i(?:ya|on)/u.test(l.slice(i + 2))) return ['ц', 2];
  if (c === 'e') return [i === 0 || latVowelBefore(l, i) ? 'э' : 'е', 1];
  if (c === TUTUQ) return ['ъ', 1];
  const plain = LAT_PLAIN[c];
  return plain === undefined ? undefined : [plain, 1];
}

function latRangeToCyr(word: string, from: number, allCaps: boolean): string {
  const l = word.toLowerCase();
  let out = '';
  for (let i = from; i < l.length; ) {
    const unit = latUnitToCyr(l, i);
    if (unit === undefined) {
      out += word.charAt(i);
      i += 1;
      continue;
    }
    const [cyr, length] = unit;
    // ʼ has no case; Ъ only makes sense inside an all-caps word (MAʼRUF → МАЪРУФ).
    const upper = cyr === 'ъ' ? allCaps : isUpper(word.charAt(i));
    out += upper ? cyr.toUpperCase() : cyr;
    i += length;
  }
  return out;
}

function latWordToCyr(word: string, nextChar: string, useExceptions: boolean): string {
  // A Roman numeral followed by "." is an initial (V.Karimov), not a number.
  if (ROMAN.test(word) && nextChar !== '.') return word;
  const lower = word.toLowerCase();
  if (FOREIGN.test(lower)) return word;
  const allCaps = isCapsWord(word);
  if (useExceptions) {
    const hit = findStem(lower, LAT_STEMS, LAT_SUFFIXES);
    if (hit) return caseStem(hit.out, word, allCaps) + latRangeToCyr(word, hit.length, allCaps);
  }
  return latRangeToCyr(word, 0, allCaps);
}

function latSegmentToCyr(segment: string, useExceptions: boolean): string {
  const parts = segment.split(LAT_WORD);
  for (let i = 1; i < parts.length; i += 2) {
    parts[i] = latWordToCyr(parts[i] ?? '', (parts[i + 1] ?? '').charAt(0), useExceptions);
  }
  return parts.join('');
}

/**
 * Converts the Uzbek Latin words of `text` to Cyrillic. Apostrophes are normalised first
 * (G'ayratov = Gʻayratov). Cyrillic words, digits, URLs, e-mail addresses, Roman numerals and
 * words with letters outside the Uzbek alphabet (c without h, w) are kept.
 */
export function latToCyr(text: string, options: TranslitOptions = {}): string {
  const useExceptions = options.useExceptions ?? true;
  return normalizeApostrophes(text)
    .split(VERBATIM)
    .map((segment, k) => (k % 2 === 1 ? segment : latSegmentToCyr(segment, useExceptions)))
    .join('');
}

// ---------------------------------------------------------------- script detection

const LATIN_LETTER = /(?=\p{L})\p{Script=Latin}/gu;
const CYRILLIC_LETTER = /(?=\p{L})\p{Script=Cyrillic}/gu;
// A text counts as one script when at least this share of its letters is in it; a few
// foreign letters (a brand name, "XXI") must not stop a Cyrillic sentence from converting.
const DOMINANT_SHARE = 0.75;

/**
 * Which script `text` is written in, by counting Latin and Cyrillic letters: the script with
 * at least 75 % of them, 'mixed' when neither has, 'none' when there are no letters.
 */
export function detectScript(text: string): DetectedScript {
  const latn = text.match(LATIN_LETTER)?.length ?? 0;
  const cyrl = text.match(CYRILLIC_LETTER)?.length ?? 0;
  const total = latn + cyrl;
  if (total === 0) return 'none';
  if (latn >= total * DOMINANT_SHARE) return 'latn';
  if (cyrl >= total * DOMINANT_SHARE) return 'cyrl';
  return 'mixed';
}

/**
 * `text` in `script`: converted when {@link detectScript} says it is in the other script,
 * returned unchanged when it already is in `script`, mixed, or has no letters.
 */
export function toScript(text: string, script: Script): string {
  const current = detectScript(text);
  if (script === 'latn' && current === 'cyrl') return cyrToLat(text);
  if (script === 'cyrl' && current === 'latn') return latToCyr(text);
  return text;
}
