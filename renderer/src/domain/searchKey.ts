/**
 * Search keys for family cases: names folded so Uzbek Latin, Uzbek Cyrillic and the Russian
 * spellings of Uzbek names meet, plus PINFL and case-number keys. The keys go into the case's
 * multi-entry `searchKeys` index, so nothing is built at start-up; a query is turned into index
 * prefixes to scan and each candidate found is ranked with {@link rankCandidate}.
 *
 * ## Key kinds (one multi-entry index holds all of them; each kind is range-scanned by prefix)
 *
 * | prefix | holds | example |
 * |---|---|---|
 * | `r:` | raw token: lower case, NFC, apostrophes normalised, script kept | `r:xoʻjayev`, `r:хўжаев` |
 * | `f:` | folded token ({@link foldVariants}) | `f:hujaev`, `f:hajaev` |
 * | `n:` | PINFL digits | `n:31505900123456` |
 * | `c:` | case number, lower case without separators, and its tails | `c:1727259a3f020260042`, `c:20260042`, `c:42` |
 * | `R:` `F:` | the same as `r:` `f:`, for the head of the family only (head matches rank first) | `R:karimov` |
 * | `p:` `P:` | folded surname and first name as one key, both orders, any member / the head | `p:karimav šerzad`, `p:šerzad karimav` |
 *
 * ## The folding table
 *
 * Folding works letter by letter (not the context-sensitive display transliteration of
 * translit.ts): lower case, NFC, then every letter of either script goes to one canonical
 * letter. The canonical alphabet is `a b c č d e f g h i j l m n p q r s š t u v y z` plus
 * digits (`c` only survives from foreign spellings; `o k x w` never occur in a folded key).
 *
 * | canonical | Uzbek Latin | Uzbek Cyrillic / Russian | other spellings folded in |
 * |---|---|---|---|
 * | a | a, o | а, о | (ō ŏ ö are oʻ, below) |
 * | u | u | у | |
 * | u *and* a (two keys) | oʻ | ў | o' o‘ o’ o\` o´ ŏ ō ö |
 * | e | e, ye | е, э | y before e is dropped: Yelena = Елена = Elena |
 * | i | i | и, ы | |
 * | y | y | й | ё = y+a, ю = y+u, я = y+a |
 * | h | h, x, kh | х, ҳ, кх, кҳ | Khodjaev; but q/қ before x stays q+h (Ishoqxon) |
 * | q | q, k | қ, к | |
 * | g | g, gʻ | г, ғ | ğ |
 * | j | j, dj, zh | ж, дж | ž, dzh (Dzhuraev) |
 * | s | s, ts | с, ц, тс | Tsoy = Цой = Soy |
 * | š | sh, sʼh, tsh, ssh | ш, щ, сҳ, сх, тш, сш, цҳ | ş; Isʼhoq = Исҳоқ = Исхак = Ishoq |
 * | č | ch | ч | ç |
 * | v | v, w | в | |
 * | (dropped) | ʻ ʼ ' ‘ ’ \` ´ | ъ, ь | combining marks, punctuation |
 *
 * Other Latin letters lose their diacritics (é → e, ñ → n, ı → i); letters of other scripts are
 * kept as they are.
 *
 * Then, on the canonical letters:
 * - a doubled letter is written once (Abdulla = Абдулла = Abdula, Muhammad = Muhamad); digits are
 *   never collapsed;
 * - y between a consonant and a vowel is dropped: Russian soft signs and iotated vowels after a
 *   consonant are spelt every way (Октябрь = Oktabr, Ильёс = Ilyos = Ilyas, Марьям = Maryam).
 *
 * ## Decisions
 *
 * **o and a are folded together.** Russian spelling writes the Uzbek о (the old long ā) as а in
 * most names of Persian and Arabic origin: Гафуров for Ғофуров, Кадыров for Қодиров, Юлдашев for
 * Йўлдошев, Ташкентов for Toshkentov, Хаджаев next to Ходжаев, Гульнара for Гулнора, Якубов for
 * Ёқубов. Without the merge none of those meet, and it cannot be done "only where needed": the
 * stored side would need a key for every o/a combination (Boboyorov has four o's) and the query
 * side cannot know which of its a's were o's. The cost is that names differing only in o/a merge;
 * in the Uzbek name stock those are nearly always spellings of one name (Olim/Alim,
 * Nodira/Nadira, Sobir/Sabir, Hokim/Hakim), and ranking puts raw (same-spelling) matches first.
 *
 * **oʻ/ў gets two keys, not one letter.** Russian writes ў as у in some names (Жураев, Юлдашев,
 * Уролов) and as о/а in others (Ходжаев, Хаджаев); Latin typists drop the apostrophe (Xojayev).
 * One canonical letter would have to merge u with o/a, and then Hasan = Husan, Bobur = Bubur. So a
 * token with ў folds to two variants, ў→u and ў→a ({@link foldVariants}); both are stored and
 * both are queried, and ў meets u on one side and o/a on the other without u meeting a. The
 * price: two misspellings of one ў meet the official spelling but not each other (a query
 * "Ходжаев" does not find a person stored as "Хужаев"); stored names are normally the official
 * spelling. {@link foldToken} returns the ў→u variant. U+02BC (ʼ) after o is the tutuq belgisi (it is what
 * cyrToLat writes for оъ), every other apostrophe after o makes oʻ.
 *
 * **kh → h only for plain k.** English/Russian-style Latin writes х as kh (Khodjaev, Bekhzod) and
 * Russian occasionally кх; q/қ before x/ҳ is a real q (Ishoqxon, Sodiqxon) and stays q+h so that
 * "Ishoq" still prefix-matches "Ishoqxon".
 *
 * **Prefix matching and digraphs.** A query that stops inside a folding digraph (the d of dj, the
 * t of ts, the y of ye, the k of kh) has a folded form that is not a prefix of the word's folded
 * form: "Aliy" folds to `aliy`, Aliyev to `aliev`. The raw key still matches such a prefix in the
 * same spelling, and the next keystroke completes the digraph, so this was preferred to widening
 * every query.
 *
 * **Not folded** (each would merge more distinct names than it joins): ё written as е (Зиеда for
 * Зиёда), f/p (Юсуфов/Юсупов), i/y between vowels (Исмаилов/Исмайлов), English gh for ғ.
 */
import { normalizeApostrophes } from './apostrophes';

// ---------------------------------------------------------------- key prefixes and tiers

/** Prefixes of the four kinds of keys in the `searchKeys` index. */
export const KEY_PREFIX = {
  raw: 'r:',
  folded: 'f:',
  headRaw: 'R:',
  headFolded: 'F:',
  pair: 'p:',
  headPair: 'P:',
  pinfl: 'n:',
  caseNumber: 'c:',
} as const;

/**
 * How well one query token matched a candidate, best first. A case-number or PINFL token matches
 * at {@link TIER.exact} or {@link TIER.prefix}.
 */
export const TIER = { exact: 0, prefix: 1, foldedExact: 2, foldedPrefix: 3 } as const;
export type Tier = (typeof TIER)[keyof typeof TIER];
const NO_MATCH = 4;

// ---------------------------------------------------------------- characters

/** Every apostrophe-like character people type or software writes (translit.md §2), plus ʽ and ′. */
const APOSTROPHES = new Set(['\u02BB', '\u02BC', '\u02BD', '\u0027', '\u2018', '\u2019', '\u0060', '\u00B4', '\u2032']);
const TUTUQ = '\u02BC';
/** Internal symbol for oʻ/ў; rendered as `u` or `a`. Never in input: input is lower-cased first. */
const OU = 'W';

const VOWELS = new Set(['a', 'e', 'i', 'u', OU]);
const CONSONANTS = new Set([...'bcčdfghjlmnpqrsštvz']);

/** Letters that map to a fixed canonical sequence (all the rest of the table is in `scan`). */
const LETTERS: ReadonlyMap<string, string> = new Map(Object.entries({
  // Uzbek Latin (o before an apostrophe, k before h/x: see scan)
  a: 'a', b: 'b', c: 'c', d: 'd', e: 'e', f: 'f', g: 'g', h: 'h', i: 'i', j: 'j', k: 'q', l: 'l',
  m: 'm', n: 'n', o: 'a', p: 'p', q: 'q', r: 'r', s: 's', t: 't', u: 'u', v: 'v', w: 'v', x: 'h',
  y: 'y', z: 'z',
  // the 1993 Latin alphabet and Turkish/Czech-style typing
  ç: 'č', č: 'č', ğ: 'g', ǧ: 'g', ş: 'š', š: 'š', ž: 'j', ɉ: 'j', ŋ: 'ng', ō: OU, ŏ: OU, ö: OU, ı: 'i',
  // Uzbek Cyrillic and Russian (к before х/ҳ: see scan)
  а: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'ya', ж: 'j', з: 'z', и: 'i', й: 'y',
  к: 'q', қ: 'q', л: 'l', м: 'm', н: 'n', о: 'a', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: OU,
  ф: 'f', х: 'h', ҳ: 'h', ц: 's', ч: 'č', ш: 'š', щ: 'š', ъ: '', ы: 'i', ь: '', э: 'e', ю: 'yu',
  я: 'ya',
}));
const CYR_H = new Set(['х', 'ҳ']);
const LETTER = /\p{L}/u;
const MARKS = /\p{M}/gu;
const NUMBER = /\p{N}/u;

// ---------------------------------------------------------------- folding

/**
 * Appends a canonical letter, applying the rules on adjacent letters: doubled letters once,
 * ts→s, sh→š, ch→č, zh→j, dj→j, ye→e, y dropped between a consonant and a vowel, and t or s
 * before š dropped. A rule may expose a new pair, so the result is pushed again.
 *
 * Latin sh is s+h here, not a unit: Latin "tsh" may be т+ш or ц+ҳ and "ssh" с+ш or сц+ҳ, so t
 * and s before š are dropped and every reading folds alike (тш = цҳ = ш).
 */
function push(out: string[], letter: string): void {
  let x = letter;
  for (;;) {
    const top = out[out.length - 1];
    if (top === undefined) break;
    if (x === top && !NUMBER.test(x)) return;
    if ((x === 's' && top === 't') || (x === 'š' && (top === 't' || top === 's')) || (x === 'j' && top === 'd') || (x === 'e' && top === 'y')) {
      out.pop();
      continue;
    }
    if (x === 'h' && (top === 's' || top === 'c' || top === 'z')) {
      out.pop();
      x = top === 's' ? 'š' : top === 'c' ? 'č' : 'j';
      continue;
    }
    if (VOWELS.has(x) && top === 'y' && CONSONANTS.has(out[out.length - 2] ?? '')) {
      out.pop();
      continue;
    }
    break;
  }
  out.push(x);
}

function afterSoftSigns(chars: readonly string[], from: number): number {
  let i = from;
  while (chars[i] === 'ь') i++;
  return i;
}

/** The canonical letters of one word, with {@link OU} for oʻ/ў. */
function scan(word: string): string[] {
  const chars = [...word.toLowerCase().normalize('NFC')];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const next = chars[i + 1] ?? '';
    if (ch === 'o' && APOSTROPHES.has(next) && next !== TUTUQ) {
      push(out, OU);
      i++;
    } else if (ch === 'k' && (next === 'h' || next === 'x')) {
      push(out, 'h');
      i++;
    } else if (ch === 'к' && CYR_H.has(chars[afterSoftSigns(chars, i + 1)] ?? '')) {
      // cyrToLat drops ь: кьх is kx, so it folds like кх
      push(out, 'h');
      i = afterSoftSigns(chars, i + 1);
    } else if (LETTERS.has(ch)) {
      for (const letter of LETTERS.get(ch)!) push(out, letter);
    } else if (NUMBER.test(ch)) {
      push(out, ch);
    } else if (LETTER.test(ch) && !APOSTROPHES.has(ch)) {
      // (ʻ and ʼ are letters to Unicode: modifier letters.) Other Latin letters with a diacritic
      // lose it (é → e, ñ → n); letters of other scripts are kept as they are.
      const base = ch.normalize('NFD').replace(MARKS, '');
      const letters = LETTERS.get(base) ?? base;
      for (const letter of letters) push(out, letter);
    }
    // apostrophes, combining marks and punctuation are dropped
  }
  return out;
}

function render(symbols: readonly string[], ou: 'u' | 'a'): string {
  let out = '';
  let prev = '';
  for (const symbol of symbols) {
    const ch = symbol === OU ? ou : symbol;
    // ў next to u (or a) becomes a double letter only now
    if (ch !== prev || NUMBER.test(ch)) out += ch;
    prev = ch;
  }
  return out;
}

/**
 * The folded forms of one word: one, or two when it has oʻ/ў (the ў→u form first, then ў→a).
 * Empty for a word without letters or digits.
 */
export function foldVariants(word: string): string[] {
  const symbols = scan(word);
  const u = render(symbols, 'u');
  return symbols.includes(OU) ? [u, render(symbols, 'a')] : [u];
}

/** The folded form of one word (oʻ/ў as u); see the table at the top of this file. Idempotent. */
export function foldToken(word: string): string {
  return render(scan(word), 'u');
}

/**
 * One word as written, for ranking same-spelling matches first: lower case, NFC, apostrophes
 * the official way (ʻ after o/g, ʼ elsewhere), script kept.
 */
export function rawToken(word: string): string {
  return normalizeApostrophes(word.toLowerCase().replace(/[\u02BD\u2032]/gu, "'"));
}

const NOT_WORD = /[^\p{L}\p{M}\p{N}\u02BB\u02BC\u02BD\u0027\u2018\u2019\u0060\u00B4\u2032]+/u;
const LEADING_APOSTROPHES = /^[\u02BB\u02BC\u02BD\u0027\u2018\u2019\u0060\u00B4\u2032]+/u;

/**
 * The words of a text: split on spaces, hyphens, dots, commas and other punctuation; an
 * apostrophe inside or at the end of a word belongs to it (Oʻgʻiloy, "Xo'" while typing), one at
 * the start is a quotation mark and is dropped.
 */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFC')
    .split(NOT_WORD)
    .map((token) => token.replace(LEADING_APOSTROPHES, ''))
    .filter((token) => token !== '');
}

// ---------------------------------------------------------------- stored keys

/**
 * The keys to store for all spellings of a person's names (surname, first name, patronymic in
 * Latin and in Cyrillic, and any other spelling kept): for every word an `r:` raw key and its
 * `f:` folded keys, without duplicates.
 */
export function nameSearchKeys(names: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    for (const token of tokenize(name)) {
      keys.add(KEY_PREFIX.raw + rawToken(token));
      for (const folded of foldVariants(token)) if (folded !== '') keys.add(KEY_PREFIX.folded + folded);
    }
  }
  return [...keys];
}

/**
 * Keys that let search answer from the index alone, without reading records: the head's own
 * `R:`/`F:` copies of its `r:`/`f:` keys (so head matches can be fetched first), and `p:` keys
 * pairing folded surname and first name in both orders (so "Karimov Sher" is one short range
 * instead of the intersection of two large ones); `P:` for the head's pairs.
 */
export function personPairKeys(surnames: readonly string[], firstNames: readonly string[], head: boolean): string[] {
  const fold = (names: readonly string[]) => [...new Set(names.flatMap((name) => tokenize(name).flatMap((token) => foldVariants(token))).filter(Boolean))];
  const prefix = head ? KEY_PREFIX.headPair : KEY_PREFIX.pair;
  const keys = new Set<string>();
  for (const surname of fold(surnames)) {
    for (const firstName of fold(firstNames)) {
      keys.add(`${prefix}${surname} ${firstName}`);
      keys.add(`${prefix}${firstName} ${surname}`);
    }
  }
  return [...keys];
}

/** The head's copies of name keys: `r:` → `R:`, `f:` → `F:`. */
export function headNameKeys(names: readonly string[]): string[] {
  return nameSearchKeys(names).map((key) => (key.startsWith(KEY_PREFIX.raw) ? KEY_PREFIX.headRaw + key.slice(2) : KEY_PREFIX.headFolded + key.slice(2)));
}

const digitsOf = (text: string): string => text.replace(/\D/gu, '');
const withoutLeadingZeros = (digits: string): string => digits.replace(/^0+(?=\d)/u, '');

/**
 * PINFL and case-number keys. The PINFL is stored as `n:` + its digits. A case number
 * (`1727259-A3F0-2026-0042`) is stored lower case without separators from each of its parts to
 * the end — `c:1727259a3f020260042`, `c:a3f020260042`, `c:20260042`, `c:0042` — and its sequence
 * without leading zeros, `c:42`: people type the number from the start, from the year
 * ("2026-0042") or just the sequence ("42"); the district code is the same for nearly every case
 * of an office, so the full number alone would make short prefixes useless.
 */
export function idSearchKeys(ids: { readonly pinfl?: string | null; readonly caseNumber?: string | null }): string[] {
  const keys = new Set<string>();
  const pinfl = digitsOf(ids.pinfl ?? '');
  if (pinfl !== '') keys.add(KEY_PREFIX.pinfl + pinfl);
  const parts = (ids.caseNumber ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((part) => part !== '');
  for (let i = 0; i < parts.length; i++) keys.add(KEY_PREFIX.caseNumber + parts.slice(i).join(''));
  const sequence = parts[parts.length - 1];
  if (sequence !== undefined && /^\d+$/u.test(sequence)) keys.add(KEY_PREFIX.caseNumber + withoutLeadingZeros(sequence));
  return [...keys];
}

// ---------------------------------------------------------------- queries

/** A key prefix to look up, with the tiers of a key that equals it and of one that only starts with it. */
export interface Probe {
  readonly prefix: string;
  readonly exact: Tier;
  readonly partial: Tier;
}

/** One word of a query. */
export interface QueryToken {
  /** As typed. */
  readonly text: string;
  /** A name word, or a case-number/PINFL part (a chunk of the query with a digit in it). */
  readonly kind: 'name' | 'id';
  /** Index ranges to scan: `where('searchKeys').startsWith(prefix)` for each, results united. */
  readonly ranges: readonly { readonly prefix: string }[];
  /** What {@link rankCandidate} compares the candidate's keys with (the same prefixes, with tiers). */
  readonly probes: readonly Probe[];
}

export interface SearchQuery {
  readonly tokens: readonly QueryToken[];
  /** Weight of the worst token's tier in the score: larger than any sum of tiers of this query. */
  readonly stride: number;
}

function nameToken(text: string): QueryToken | undefined {
  const folded = foldVariants(text);
  // A word that folds to nothing (ь, ъ) says nothing about a name: it is left out rather than
  // becoming the prefix of every folded key or a word that only a stray ь could match.
  if (folded[0] === '') return undefined;
  return withRanges(text, 'name', [
    { prefix: KEY_PREFIX.raw + rawToken(text), exact: TIER.exact, partial: TIER.prefix },
    ...folded.map((variant): Probe => ({ prefix: KEY_PREFIX.folded + variant, exact: TIER.foldedExact, partial: TIER.foldedPrefix })),
  ]);
}

function idToken(text: string): QueryToken | undefined {
  const normalized = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  if (normalized === '') return undefined;
  const probes: Probe[] = [{ prefix: KEY_PREFIX.caseNumber + normalized, exact: TIER.exact, partial: TIER.prefix }];
  // No variant without leading zeros: "0042" → "c:42" would also be a prefix of every full case
  // number starting with 42…, and the stored keys already hold both "0042" and "42".
  if (/^\d+$/u.test(normalized)) probes.push({ prefix: KEY_PREFIX.pinfl + normalized, exact: TIER.exact, partial: TIER.prefix });
  return withRanges(text, 'id', probes);
}

function withRanges(text: string, kind: QueryToken['kind'], probes: Probe[]): QueryToken {
  const unique = probes.filter((probe, i) => probes.findIndex((other) => other.prefix === probe.prefix) === i);
  return { text, kind, probes: unique, ranges: unique.map(({ prefix }) => ({ prefix })) };
}

/**
 * Reads a search box. The text is cut at spaces, commas and semicolons; a chunk with a digit is
 * one case-number/PINFL token (`2026-0042`, `31505900123456`, `1727259-A3F0`), any other chunk
 * is split into name words by {@link tokenize}. Repeated words, and words that fold to nothing
 * (a lone ь), are left out. An empty query has no tokens (every candidate scores 0).
 */
export function parseQuery(text: string): SearchQuery {
  const tokens: QueryToken[] = [];
  const seen = new Set<string>();
  const add = (token: QueryToken | undefined): void => {
    const id = token?.probes[0]?.prefix;
    if (token === undefined || id === undefined || seen.has(id)) return;
    seen.add(id);
    tokens.push(token);
  };
  for (const chunk of text.normalize('NFC').split(/[\s,;]+/u)) {
    if (chunk === '') continue;
    if (/\p{N}/u.test(chunk)) add(idToken(chunk));
    else for (const word of tokenize(chunk)) add(nameToken(word));
  }
  return { tokens, stride: (NO_MATCH - 1) * tokens.length + 1 };
}

/**
 * The token whose index ranges are likely to hold the fewest keys (the longest shortest
 * prefix): the one a repository should scan before ranking the candidates it found.
 */
export function narrowestToken(query: SearchQuery): QueryToken | undefined {
  let best: QueryToken | undefined;
  let bestLength = -1;
  for (const token of query.tokens) {
    const length = Math.min(...token.probes.map((probe) => probe.prefix.length));
    if (length > bestLength) [best, bestLength] = [token, length];
  }
  return best;
}

/**
 * Scores one candidate (a case's `searchKeys`) against a query; lower is better, `null` when some
 * query token starts none of its keys. Tokens may match in any order and several may match the
 * same key. Each token gets the best {@link TIER} among its matches; the score is
 * `worst tier × stride + sum of tiers`, so candidates sort first by their weakest token
 * (all exact < all at least raw prefixes < folded exact < folded prefix) and then by how many
 * tokens matched better than that. Allocation-free: it runs for thousands of candidates per
 * keystroke.
 */
export function rankCandidate(query: SearchQuery, candidateKeys: readonly string[]): number | null {
  const tokens = query.tokens;
  let worst = 0;
  let sum = 0;
  for (let t = 0; t < tokens.length; t++) {
    const probes = tokens[t]!.probes;
    let best: number = NO_MATCH;
    for (let k = 0; k < candidateKeys.length && best > TIER.exact; k++) {
      const key = candidateKeys[k]!;
      for (let p = 0; p < probes.length; p++) {
        const probe = probes[p]!;
        if (probe.exact >= best) continue; // exact ≤ partial: this probe cannot improve on best
        if (!key.startsWith(probe.prefix)) continue;
        const tier = key.length === probe.prefix.length ? probe.exact : probe.partial;
        if (tier < best) best = tier;
      }
    }
    if (best === NO_MATCH) return null;
    if (best > worst) worst = best;
    sum += best;
  }
  return worst * query.stride + sum;
}
