import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// Read through Vite's ?raw import (the renderer tsconfig has no Node types), as translit.test.ts does.
import tsv from './fixtures/translit_pairs.tsv?raw';
import {
  foldToken,
  foldVariants,
  idSearchKeys,
  KEY_PREFIX,
  nameSearchKeys,
  narrowestToken,
  parseQuery,
  rankCandidate,
  rawToken,
  TIER,
  tokenize,
} from './searchKey';
import { cyrToLat, latToCyr } from './translit';

interface Pair {
  readonly cyrillic: string;
  readonly latin: string;
}

const pairs: Pair[] = tsv
  .split(/\r?\n/u)
  .filter((line) => line !== '' && !line.startsWith('#'))
  .slice(1)
  .map((line) => {
    const [cyrillic = '', latin = ''] = line.split('\t');
    return { cyrillic, latin };
  });

/** A person's stored keys, with both scripts as the app keeps them. */
const keysOf = (...names: string[]): string[] => nameSearchKeys(names.flatMap((name) => [name, /\p{Script=Cyrillic}/u.test(name) ? cyrToLat(name) : latToCyr(name)]));
const rank = (query: string, keys: readonly string[]): number | null => rankCandidate(parseQuery(query), keys);
const folds = (keys: readonly string[]): string[] => keys.filter((key) => key.startsWith(KEY_PREFIX.folded)).sort();
/** The documented score of a candidate whose query tokens matched at these tiers. */
const scoreOf = (...tiers: number[]): number => Math.max(...tiers) * (3 * tiers.length + 1) + tiers.reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------- fixtures

describe('translit_pairs.tsv', () => {
  it('has its 80 pairs', () => {
    expect(pairs).toHaveLength(80);
  });

  it.each(pairs)('$cyrillic and $latin get the same keys', ({ cyrillic, latin }) => {
    const cyr = tokenize(cyrillic);
    const lat = tokenize(latin);
    expect(cyr).toHaveLength(lat.length);
    cyr.forEach((token, i) => {
      expect(foldToken(token)).toBe(foldToken(lat[i]!));
      expect(foldVariants(token)).toEqual(foldVariants(lat[i]!));
    });
    expect(folds(nameSearchKeys([cyrillic]))).toEqual(folds(nameSearchKeys([latin])));
  });
});

// ---------------------------------------------------------------- spellings that must meet

const SPELLING_SETS: readonly (readonly string[])[] = [
  ['Xoʻjayev', "Xo'jayev", 'Xo‘jayev', 'Xo`jayev', 'Ходжаев', 'Хўжаев', 'Хаджаев', 'Хужаев', 'Khodjaev', 'Xodjayev', 'Hojayev', 'Xojayev'],
  ['Gʻofurov', "G'ofurov", 'Gafurov', 'Gofurov', 'Гафуров', 'Ғофуров', 'Гофуров'],
  ['Qodirov', 'Kodirov', 'Kadirov', 'Кадиров', 'Кадыров', 'Қодиров'],
  ['Yoʻldoshev', 'Yoldoshev', 'Yuldashev', 'Йўлдошев', 'Юлдашев'],
  ['Joʻrayev', "Jo'rayev", 'Jurayev', 'Djuraev', 'Zhuraev', 'Жўраев', 'Жураев', 'Джураев'],
  ['Oʻrolov', 'Urolov', 'Ўролов', 'Уролов'],
  ['Oʻrazov', 'Urazov', 'Ўразов', 'Уразов'],
  ['Gʻayratov', "G'ayratov", 'G‘ayratov', 'Gayratov', 'GAYRATOV', 'Ғайратов', 'Гайратов'],
  ['Rahmatullayev', 'Raxmatullayev', 'Rakhmatullaev', 'Рахматуллаев', 'Раҳматуллаев', 'Рахматулаев'],
  ['Abdullayev', 'Abdullaev', 'Abdulayev', 'Абдуллаев'],
  ['Muhammadiyev', 'Muxammadiyev', 'Muhammadiev', 'Мухаммадиев', 'Муҳаммадиев', 'Мухамадиев'],
  ['Isʼhoqov', "Is'hoqov", 'Ishoqov', 'Iskhakov', 'Исҳоқов', 'Исхаков'],
  ['Yoqubov', 'Yakubov', 'Ёқубов', 'Якубов'],
  ['Toshkentov', 'Tashkentov', 'Ташкентов'],
  ['Karimov', 'Qarimov', 'Каримов'],
  ['Tursunov', 'Турсунов'],
  ['Shukurov', 'Шукуров'],
  ['Sherzod', 'Шерзод'],
  ['Ergashev', 'Эргашев', 'Ергашев'],
  ['Yusupov', 'Юсупов'],
  ['Yelena', 'Elena', 'Елена'],
  ['Tsoy', 'Цой', 'Soy'],
  ['Xurshid', 'Hurshid', 'Khurshid', 'Хуршид'],
  ['Maʼruf', 'Maruf', 'Маъруф', 'Маруф'],
  ['Ilyos', 'Ilyas', 'Ильёс', 'Ильяс', 'Илёс'],
  ['Oktabr', 'Октябрь', 'Oktyabr'],
];

/** Some folded form of `a` is one of `b`, and a query typed as `a` finds a person stored as `b`. */
function expectMeet(a: string, b: string): void {
  const shared = foldVariants(a).filter((folded) => foldVariants(b).includes(folded));
  expect(shared, `${a} ~ ${b}`).not.toHaveLength(0);
  expect(rank(a, nameSearchKeys([b])), `${a} finds ${b}`).not.toBeNull();
}

describe('spellings of one name meet', () => {
  // The first spelling of each set is the official one; every other spelling meets it both ways.
  it.each(SPELLING_SETS.map((set) => [set.join(' / '), set] as const))('%s', (_, [official = '', ...others]) => {
    for (const other of others) {
      expectMeet(official, other);
      expectMeet(other, official);
    }
  });

  it('meets two misspellings of ў only through the official spelling', () => {
    // ў folds to u and to a; Russian у and о/а each meet one of them, not each other.
    expect(rank('Ходжаев', nameSearchKeys(['Хужаев']))).toBeNull();
    expect(rank('Юлдашев', nameSearchKeys(['Yoldoshev']))).toBeNull();
    // spellings without ў meet whichever way round
    for (const set of SPELLING_SETS.filter((s) => !s.some((name) => /ў|o[ʻ'‘`]/iu.test(name)))) {
      for (const a of set) for (const b of set) expectMeet(a, b);
    }
  });

  it('folds the examples to the documented keys', () => {
    expect(foldVariants('Xoʻjayev')).toEqual(['hujaev', 'hajaev']);
    expect(foldToken('Ходжаев')).toBe('hajaev');
    expect(foldToken('Gʻofurov')).toBe('gafurav');
    expect(foldToken('Кадыров')).toBe('qadirav');
    expect(foldVariants('Йўлдошев')).toEqual(['yuldašev', 'yaldašev']);
    expect(foldToken('Джураев')).toBe('juraev');
    expect(foldToken('Isʼhoq')).toBe('išaq');
    expect(foldToken('Цой')).toBe('say');
    expect(foldToken('Ishoqxon')).toBe('išaqhan');
    expect(foldToken('Тупроққалъа')).toBe('tupraqala');
    expect(foldToken('2026')).toBe('2026');
    expect(foldToken('ь')).toBe('');
  });
});

// ---------------------------------------------------------------- names that must stay apart

const DISTINCT: readonly (readonly [string, string])[] = [
  ['Karimov', 'Qodirov'],
  ['Aliyev', 'Valiyev'],
  ['Hasan', 'Husan'],
  ['Hasanov', 'Husanov'],
  ['Dilnoza', 'Dilnura'],
  ['Shukurov', 'Shakirov'],
  ['Kamola', 'Kamila'],
  ['Yusupov', 'Yunusov'],
  ['Sardor', 'Sarvar'],
  ['Zarina', 'Zarifa'],
  ['Umid', 'Ulugʻbek'],
  ['Bobur', 'Bahodir'],
];

describe('different names stay apart', () => {
  it.each(DISTINCT)('%s and %s', (a, b) => {
    expect(foldToken(a)).not.toBe(foldToken(b));
    expect(rank(a, keysOf(b))).toBeNull();
    expect(rank(b, keysOf(a))).toBeNull();
    expect(rank(latToCyr(a), keysOf(b))).toBeNull();
    expect(rank(latToCyr(b), keysOf(a))).toBeNull();
  });
});

// ---------------------------------------------------------------- tokens and keys

describe('tokenize and rawToken', () => {
  it('splits on spaces, hyphens, dots and commas, keeping apostrophes inside words', () => {
    expect(tokenize('  Sh.Rashidov, Ali-Akbar  Oʻgʻiloy ')).toEqual(['Sh', 'Rashidov', 'Ali', 'Akbar', 'Oʻgʻiloy']);
    expect(tokenize("'Xo'jayev' — \"Gʻani\"")).toEqual(["Xo'jayev'", 'Gʻani']);
    expect(tokenize(' - . ')).toEqual([]);
  });

  it('keeps the script and writes apostrophes the official way', () => {
    expect(rawToken("G'ayratov")).toBe('gʻayratov');
    expect(rawToken('XO`JAYEV')).toBe('xoʻjayev');
    expect(rawToken('Маъруф')).toBe('маъруф');
    expect(rawToken("Ma'ruf")).toBe('maʼruf');
  });
});

describe('nameSearchKeys and idSearchKeys', () => {
  it('stores a raw and the folded keys of every word of every spelling, once', () => {
    expect(nameSearchKeys(['Xoʻjayev', 'Хўжаев', 'Sherzod', 'Шерзод', 'Sherzod'])).toEqual([
      'r:xoʻjayev',
      'f:hujaev',
      'f:hajaev',
      'r:хўжаев',
      'r:sherzod',
      'f:šerzad',
      'r:шерзод',
    ]);
    expect(nameSearchKeys(['', ' - '])).toEqual([]);
  });

  it('stores the PINFL and the case number from each of its parts, and the bare sequence', () => {
    expect(idSearchKeys({ pinfl: '3150 5900 1234 56', caseNumber: '1727259-A3F0-2026-0042' })).toEqual([
      'n:31505900123456',
      'c:1727259a3f020260042',
      'c:a3f020260042',
      'c:20260042',
      'c:0042',
      'c:42',
    ]);
    expect(idSearchKeys({ pinfl: null, caseNumber: null })).toEqual([]);
    expect(idSearchKeys({})).toEqual([]);
  });
});

describe('parseQuery', () => {
  it('gives every name word its raw and folded ranges', () => {
    const query = parseQuery('Хўжаев Sher');
    expect(query.tokens.map((token) => token.kind)).toEqual(['name', 'name']);
    expect(query.tokens[0]?.ranges).toEqual([{ prefix: 'r:хўжаев' }, { prefix: 'f:hujaev' }, { prefix: 'f:hajaev' }]);
    expect(query.tokens[1]?.ranges).toEqual([{ prefix: 'r:sher' }, { prefix: 'f:šer' }]);
  });

  it('reads a chunk with digits as one case-number/PINFL token', () => {
    const query = parseQuery('Karimov, 2026-0042');
    expect(query.tokens.map((token) => token.kind)).toEqual(['name', 'id']);
    expect(query.tokens[1]?.ranges).toEqual([{ prefix: 'c:20260042' }, { prefix: 'n:20260042' }]);
    expect(parseQuery('0042').tokens[0]?.ranges).toEqual([{ prefix: 'c:0042' }, { prefix: 'n:0042' }]);
    expect(parseQuery('1727259-A3F0').tokens[0]?.ranges).toEqual([{ prefix: 'c:1727259a3f0' }]);
  });

  it('drops empty, repeated and empty-folding words', () => {
    expect(parseQuery('  ,  ').tokens).toEqual([]);
    expect(parseQuery('Ali ali ALI').tokens).toHaveLength(1);
    expect(parseQuery('ь Ali').tokens.map((token) => token.text)).toEqual(['Ali']);
  });

  it('points at the narrowest token to scan', () => {
    expect(narrowestToken(parseQuery('Ali Xoʻjayev'))?.text).toBe('Xoʻjayev');
    expect(narrowestToken(parseQuery(''))).toBeUndefined();
  });
});

// ---------------------------------------------------------------- ranking

describe('rankCandidate', () => {
  const karimovs = keysOf('Karimov Alisher Baxtiyorovich');

  it('requires every token to start some key, in any order', () => {
    expect(rank('Karimov Alisher', karimovs)).not.toBeNull();
    expect(rank('Alisher Karimov', karimovs)).toBe(rank('Karimov Alisher', karimovs));
    expect(rank('alish kar', karimovs)).not.toBeNull();
    expect(rank('Karimov Sherzod', karimovs)).toBeNull();
    expect(rank('Zarina', karimovs)).toBeNull();
  });

  it('scores an empty query 0 for everyone', () => {
    expect(rank('', karimovs)).toBe(0);
  });

  it('ranks exact raw before raw prefix before folded exact before folded prefix', () => {
    const asTyped = keysOf('Ходжаев'); // Xodjayev in Latin
    const asTypedFemale = keysOf('Ходжаева');
    const uzbek = keysOf('Xoʻjayev'); // Хўжаев in Cyrillic
    const uzbekFemale = keysOf('Xoʻjayeva');
    const query = parseQuery('Ходжаев');
    const scores = [asTyped, asTypedFemale, uzbek, uzbekFemale].map((keys) => rankCandidate(query, keys));
    expect(scores).toEqual([TIER.exact, TIER.prefix, TIER.foldedExact, TIER.foldedPrefix].map((tier) => scoreOf(tier)));
  });

  it('sorts candidates by their weakest token, then by the sum', () => {
    const exactBoth = keysOf('Karimov Ali');
    const prefixOne = keysOf('Karimov Alisher');
    const foldedOne = keysOf('Qarimov Ali');
    const query = parseQuery('Karimov Ali');
    const scores = [exactBoth, prefixOne, foldedOne].map((keys) => rankCandidate(query, keys)!);
    expect(scores[0]).toBeLessThan(scores[1]!);
    expect(scores[1]).toBeLessThan(scores[2]!);
    // one folded word loses to two prefixes
    const twoPrefixes = rankCandidate(parseQuery('Kar Ali'), keysOf('Karimov Alisher'))!;
    const foldedAndExact = rankCandidate(parseQuery('Kar Ali'), keysOf('Qarimov Ali'))!;
    expect(twoPrefixes).toBeLessThan(foldedAndExact);
  });

  it("finds a family's case by any member's name, PINFL or case number", () => {
    const caseKeys = [
      ...keysOf('Toʻxtayev Baxtiyor'),
      ...keysOf('Toʻxtayeva Nigora'),
      ...keysOf('Toʻxtayeva Ziyoda'),
      ...idSearchKeys({ pinfl: '51203126540012', caseNumber: '1727259-A3F0-2026-0042' }),
    ];
    expect(rank('Зиёда', caseKeys)).toBe(scoreOf(TIER.exact));
    expect(rank('Ziyoda Toʻxtayeva', caseKeys)).toBe(scoreOf(TIER.exact, TIER.exact));
    expect(rank('тухтаева зиёда', caseKeys)).toBe(scoreOf(TIER.foldedExact, TIER.exact));
    expect(rank('512031', caseKeys)).toBe(scoreOf(TIER.prefix));
    expect(rank('51203126540012', caseKeys)).toBe(scoreOf(TIER.exact));
    expect(rank('0042', caseKeys)).toBe(scoreOf(TIER.exact));
    expect(rank('42', caseKeys)).toBe(scoreOf(TIER.exact));
    expect(rank('4', caseKeys)).toBe(scoreOf(TIER.prefix));
    expect(rank('2026-004', caseKeys)).toBe(scoreOf(TIER.prefix));
    expect(rank('1727259-A3F0-2026-0042', caseKeys)).toBe(scoreOf(TIER.exact));
    expect(rank('A3F0-2026', caseKeys)).toBe(scoreOf(TIER.prefix));
    expect(rank('Nigora 2026', caseKeys)).toBe(scoreOf(TIER.exact, TIER.prefix));
    expect(rank('2025-0042', caseKeys)).toBeNull();
    expect(rank('Nigora 9', caseKeys)).toBeNull();
  });
});

// ---------------------------------------------------------------- properties

const UZ_CYRILLIC = [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяўқғҳ'];
const UZ_LATIN = [...'abdefghijklmnopqrstuvxyz', 'oʻ', 'gʻ', 'sh', 'ch', 'ʼ'];
const APOSTROPHES = [...'ʻʼʽ\'‘’`´′'];
const cyrillicWord = fc.array(fc.constantFrom(...UZ_CYRILLIC), { minLength: 1, maxLength: 12 }).map((letters) => letters.join(''));
// the letters the folding rules and cyrToLat's context rules are about, so their clashes come up often
const trickyCyrillicWord = fc.array(fc.constantFrom(...'аоўуеёюяйиъьсцтшҳхкқдзжг'), { minLength: 1, maxLength: 8 }).map((letters) => letters.join(''));
const latinWord = fc.array(fc.constantFrom(...UZ_LATIN), { minLength: 1, maxLength: 12 }).map((letters) => letters.join(''));
const mixedText = fc.string({ unit: fc.constantFrom(...UZ_CYRILLIC, ...UZ_LATIN, ...APOSTROPHES, ...'ŏōğşçšžčŋkKwWcC09 -.ÄÖé') });
const capitalized = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
const CANONICAL = /^[abcčdefghijlmnpqrsštuvyz0-9]*$/u;

describe('properties', () => {
  it('foldToken is idempotent', () => {
    fc.assert(fc.property(fc.oneof(mixedText, fc.string({ unit: 'grapheme' })), (text) => foldToken(foldToken(text)) === foldToken(text)));
  });

  it('folded keys use only the canonical alphabet', () => {
    fc.assert(
      fc.property(fc.oneof(cyrillicWord, latinWord, mixedText), (word) => {
        for (const folded of foldVariants(word)) expect(folded).toMatch(CANONICAL);
      }),
    );
  });

  it('foldToken(cyrToLat(w)) = foldToken(w) for Uzbek Cyrillic words', () => {
    fc.assert(
      fc.property(fc.oneof(cyrillicWord, trickyCyrillicWord, cyrillicWord.map(capitalized), trickyCyrillicWord.map((w) => w.toUpperCase())), (word) => {
        expect(foldVariants(cyrToLat(word))).toEqual(foldVariants(word));
      }),
      { numRuns: 2000 },
    );
  });

  it('is case-insensitive', () => {
    fc.assert(
      fc.property(fc.oneof(cyrillicWord, latinWord, mixedText), (word) => {
        expect(foldVariants(word.toUpperCase())).toEqual(foldVariants(word));
        expect(foldVariants(capitalized(word))).toEqual(foldVariants(word));
        expect(rawToken(word.toUpperCase())).toBe(rawToken(word));
      }),
    );
  });

  it('a name typed in either script finds the person stored in the other', () => {
    fc.assert(
      fc.property(cyrillicWord, cyrillicWord, (surname, firstName) => {
        const name = `${capitalized(surname)} ${capitalized(firstName)}`;
        expect(rank(cyrToLat(name), nameSearchKeys([name]))).not.toBeNull();
        expect(rank(`${firstName} ${surname}`, nameSearchKeys([cyrToLat(name)]))).not.toBeNull();
      }),
    );
  });

  it('every prefix of a stored spelling finds it at a raw tier', () => {
    fc.assert(
      fc.property(fc.oneof(cyrillicWord, latinWord), fc.nat(), (word, cut) => {
        const prefix = word.slice(0, 1 + (cut % word.length));
        const score = rank(prefix, nameSearchKeys([word]));
        expect(score).not.toBeNull();
        expect(score).toBeLessThanOrEqual(scoreOf(TIER.prefix));
      }),
    );
  });
});
