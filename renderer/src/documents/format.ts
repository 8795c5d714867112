import type { IsoDate } from '../domain/dates';
import type { BiScriptText, TriLingualText } from '../domain/names';
import type { DocLanguage } from './model';
import type { DocumentTexts } from './texts';

/** A name in the document's script: Uzbek Latin documents print the Latin spelling, the others the Cyrillic. */
export function nameIn(name: BiScriptText, language: DocLanguage): string {
  return language === 'uz-Latn' ? name.latn : name.cyrl;
}

export function labelIn(text: TriLingualText, language: DocLanguage): string {
  return language === 'uz-Latn' ? text.uzLatn : language === 'uz-Cyrl' ? text.uzCyrl : text.ru;
}

/** Uzbek Latin letters written with two characters keep both in an initial: Sh., Ch., Oʻ., Gʻ. */
const LATIN_DIGRAPH = /^(sh|ch|oʻ|gʻ)/iu;

function initial(word: string): string {
  const digraph = LATIN_DIGRAPH.exec(word);
  const first = digraph ? digraph[1]!.slice(0, 2) : Array.from(word)[0] ?? '';
  return `${first.charAt(0).toUpperCase()}${first.slice(1).toLowerCase()}.`;
}

/**
 * "Familiya Ism Otasining ismi" → "I.O. Familiya", the form signature blocks print.
 * A single word is printed as it is.
 */
export function shortName(full: string): string {
  const words = full.trim().split(/\s+/u).filter(Boolean);
  if (words.length < 2) return words.join(' ');
  const [surname, first, patronymic] = words;
  const initials = [first, patronymic].filter((word): word is string => !!word && !/^(oʻgʻli|qizi|ўғли|қизи)$/iu.test(word)).map(initial);
  return `${initials.join('')} ${surname}`;
}

function dateParts(date: IsoDate, texts: DocumentTexts) {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const months = texts.lines('format.months');
  return { year, month: months[month - 1] ?? String(month), day };
}

/** "2025-yil 12-mart" / "2025 йил 12 март" / "12 марта 2025 года". */
export function longDate(date: IsoDate, texts: DocumentTexts): string {
  return texts.t('format.date', dateParts(date, texts));
}

/** "2025-yil «12» mart" / "2025 йил «12» март" / "«12» марта 2025 г.": the date line of a decision or agreement. */
export function quotedDate(date: IsoDate, texts: DocumentTexts): string {
  return texts.t('format.quotedDate', dateParts(date, texts));
}

/** `dd.mm.yyyy`, for birth dates in tables. */
export function shortDate(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/**
 * A Russian place name in the genitive, for "решение хокима Алатского района Бухарской области":
 * the forms regions.json uses are adjective + район/область, "город X" and "Республика X".
 * Anything else is left as it is (the issuer line stays editable in the form).
 */
export function ruGenitive(name: string): string {
  return name
    .replace(/(\S+)ий район$/u, '$1ого района')
    .replace(/(\S+)ая область$/u, '$1ой области')
    .replace(/^город /u, 'города ')
    .replace(/^Республика /u, 'Республики ');
}

/** `+998901234567` → `+998 90 123 45 67`, as phones are printed; anything else as stored. */
export function phoneText(phone: string): string {
  const match = /^\+998(\d{2})(\d{3})(\d{2})(\d{2})$/u.exec(phone);
  return match ? `+998 ${match[1]} ${match[2]} ${match[3]} ${match[4]}` : phone;
}
