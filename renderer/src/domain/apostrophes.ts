/** U+02BB MODIFIER LETTER TURNED COMMA: the official sign in the letters oʻ and gʻ. */
export const OKINA = '\u02BB';

/** U+02BC MODIFIER LETTER APOSTROPHE: the tutuq belgisi (maʼno) and the sʼh separator. */
export const TUTUQ = '\u02BC';

// The two modifier letters are unambiguous apostrophes; the other five are what keyboards
// produce and double as quotation marks.
const MODIFIERS = new Set([OKINA, TUTUQ]);
const TYPED = new Set(['\u0027', '\u2018', '\u2019', '\u0060', '\u00B4']);
const OG = new Set(['o', 'O', 'g', 'G']);
const LETTER = /\p{L}/u;

/**
 * Returns `text` in NFC with every apostrophe written the official way: U+02BB (ʻ) after
 * o/O/g/G, U+02BC (ʼ) elsewhere. Whitespace and all other characters are kept.
 *
 * A typed quote (' ‘ ’ ` ´) that does not follow a letter is left alone: no Uzbek word starts
 * with an apostrophe, so it can only be an opening quotation mark. Idempotent.
 */
export function normalizeApostrophes(text: string): string {
  let out = '';
  // Decide on the already-normalised previous character, so a second pass sees exactly the
  // context the first one did (this is what makes the function idempotent).
  let prev = '';
  for (const ch of text.normalize('NFC')) {
    let next = ch;
    if (MODIFIERS.has(ch) || (TYPED.has(ch) && LETTER.test(prev))) {
      next = OG.has(prev) ? OKINA : TUTUQ;
    }
    out += next;
    prev = next;
  }
  return out;
}
