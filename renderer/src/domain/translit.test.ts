import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// Read through Vite's ?raw import rather than node:fs: the renderer tsconfig deliberately has
// no Node types, and a `/// <reference types="node" />` here would load them for the whole
// renderer program, silently allowing node:* imports in app code.
import pairsTsv from './fixtures/translit_pairs.tsv?raw';
import regionsJson from '../../../resources/reference/regions.json?raw';
import { normalizeApostrophes, OKINA, TUTUQ } from './apostrophes';
import { cyrToLat, detectScript, latToCyr, toScript } from './translit';
import { TRANSLIT_EXCEPTIONS } from './translitExceptions';

interface Pair {
  readonly cyrillic: string;
  readonly latin: string;
  readonly kind: string;
  readonly cyr2lat: 'rule' | 'exception';
  readonly lat2cyr: 'rule' | 'exception';
}

function parsePairs(tsv: string): Pair[] {
  const [header, ...rows] = tsv.split(/\r?\n/).filter((line) => line !== '' && !line.startsWith('#'));
  expect(header).toBe('cyrillic\tlatin\tkind\tcyr2lat\tlat2cyr');
  return rows.map((row) => {
    const [cyrillic = '', latin = '', kind = '', cyr2lat, lat2cyr] = row.split('\t');
    if ((cyr2lat !== 'rule' && cyr2lat !== 'exception') || (lat2cyr !== 'rule' && lat2cyr !== 'exception')) {
      throw new Error(`bad row: ${row}`);
    }
    return { cyrillic, latin, kind, cyr2lat, lat2cyr };
  });
}

interface UnitName {
  readonly uz_latn: string;
  readonly uz_cyrl: string;
}
interface RegionsFile {
  readonly regions: readonly { readonly name: UnitName; readonly districts: readonly { readonly name: UnitName }[] }[];
}

const pairs = parsePairs(pairsTsv);
const regions = (JSON.parse(regionsJson) as RegionsFile).regions;
const districts = regions.flatMap((region) => region.districts);
const RULES_ONLY = { useExceptions: false } as const;

describe('translit_pairs.tsv', () => {
  it('holds the 80 documented pairs in NFC', () => {
    expect(pairs).toHaveLength(80);
    for (const pair of pairs) expect(pair.latin).toBe(pair.latin.normalize('NFC'));
  });

  // A "rule" pair must come out of the bare rules; an "exception" pair must need the
  // dictionary, i.e. the bare rules must get it wrong (otherwise the flag or the rules are off).
  it.each(pairs)('cyrToLat($cyrillic) = $latin by $cyr2lat', ({ cyrillic, latin, cyr2lat }) => {
    expect(cyrToLat(cyrillic)).toBe(latin);
    if (cyr2lat === 'rule') expect(cyrToLat(cyrillic, RULES_ONLY)).toBe(latin);
    else expect(cyrToLat(cyrillic, RULES_ONLY)).not.toBe(latin);
  });

  it.each(pairs)('latToCyr($latin) = $cyrillic by $lat2cyr', ({ cyrillic, latin, lat2cyr }) => {
    expect(latToCyr(latin)).toBe(cyrillic);
    // What people type: the ASCII apostrophe for both ʻ and ʼ.
    expect(latToCyr(latin.replace(/[\u02BB\u02BC]/gu, "'"))).toBe(cyrillic);
    if (lat2cyr === 'rule') expect(latToCyr(latin, RULES_ONLY)).toBe(cyrillic);
    else expect(latToCyr(latin, RULES_ONLY)).not.toBe(cyrillic);
  });
});

describe('regions.json names', () => {
  it('has 14 regions and 209 second-level units', () => {
    expect(regions).toHaveLength(14);
    expect(districts).toHaveLength(209);
  });

  it.each(regions.map((region) => region.name))('region $uz_cyrl → $uz_latn', ({ uz_cyrl, uz_latn }) => {
    expect(cyrToLat(uz_cyrl, RULES_ONLY)).toBe(uz_latn);
    expect(latToCyr(uz_latn)).toBe(uz_cyrl);
  });

  it.each(districts.map((district) => district.name))('district $uz_cyrl → $uz_latn', ({ uz_cyrl, uz_latn }) => {
    expect(cyrToLat(uz_cyrl, RULES_ONLY)).toBe(uz_latn);
    expect(latToCyr(uz_latn)).toBe(uz_cyrl);
  });
});

describe('normalizeApostrophes', () => {
  const VARIANTS = ["'", '\u2018', '\u2019', '`', '\u00B4', OKINA, TUTUQ];

  it('exports the two modifier letters', () => {
    expect(OKINA.codePointAt(0)).toBe(0x02bb);
    expect(TUTUQ.codePointAt(0)).toBe(0x02bc);
  });

  it.each(VARIANTS)('normalises %s in Gayratov, Oktam, Maruf', (mark) => {
    expect(normalizeApostrophes(`G${mark}ayratov`)).toBe('G\u02BBayratov');
    expect(normalizeApostrophes(`O${mark}ktam`)).toBe('O\u02BBktam');
    expect(normalizeApostrophes(`Ma${mark}ruf`)).toBe('Ma\u02BCruf');
    expect(normalizeApostrophes(`to${mark}g${mark}`)).toBe('to\u02BBg\u02BB');
  });

  it('applies NFC and keeps whitespace', () => {
    expect(normalizeApostrophes('Йу\u0306ldosh  o\u2019g\u2018li\n')).toBe('Йўldosh  oʻgʻli\n');
  });

  it('leaves quotes that do not follow a letter', () => {
    expect(normalizeApostrophes("'Ma'ruf 5' ‘x")).toBe("'Maʼruf 5' ‘x");
    expect(normalizeApostrophes('‘Salom’')).toBe('‘Salomʼ');
  });

  it('is idempotent', () => {
    const unit = fc.constantFrom('o', 'O', 'g', 'G', 'a', 'ў', ' ', '.', '5', 'у\u0306', ...VARIANTS);
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (text) => {
        const once = normalizeApostrophes(text);
        expect(normalizeApostrophes(once)).toBe(once);
      }),
    );
  });
});

describe('case', () => {
  it.each([
    ['ЁҚУБОВ', 'YOQUBOV'],
    ['Ёқубов', 'Yoqubov'],
    ['ШАҲАР', 'SHAHAR'],
    ['Шаҳар', 'Shahar'],
    ['ЧИҚИШ', 'CHIQISH'],
    ['МАЪРУФ', 'MAʼRUF'],
    ['Ш.Рашидов', 'Sh.Rashidov'],
    ['Ч. Қодиров', 'Ch. Qodirov'],
    ['Ё.Жумаев', 'Yo.Jumayev'],
    ['Ш.РАШИДОВ', 'SH.RASHIDOV'],
    ['ИСҲОҚОВ Ю.', 'ISʼHOQOV YU.'],
    ['ТошДУ', 'ToshDU'],
    ['МЧЖ', 'MChJ'],
  ])('%s ⇄ %s', (cyrillic, latin) => {
    expect(cyrToLat(cyrillic)).toBe(latin);
    expect(latToCyr(latin)).toBe(cyrillic);
  });

  it('reads upper-case digraphs typed either way', () => {
    expect(latToCyr('MCHJ')).toBe('МЧЖ');
    expect(latToCyr("G'AYRATOV O'KTAM")).toBe('ҒАЙРАТОВ ЎКТАМ');
  });
});

describe('texts', () => {
  const cyrillic =
    'Ш.Рашидов тумани, 2024 йил 15 октябрда: XXI аср мактабида «Ёшлар» концерти бўлди ' +
    '(Microsoft Word, www.gov.uz, info@gov.uz)! Ер-сув 1,5 га; Эъзоза Исҳоқовна — 3-уй.';
  const latin =
    'Sh.Rashidov tumani, 2024 yil 15 oktabrda: XXI asr maktabida «Yoshlar» konserti boʻldi ' +
    '(Microsoft Word, www.gov.uz, info@gov.uz)! Yer-suv 1,5 ga; Eʼzoza Isʼhoqovna — 3-uy.';

  it('converts mixed text with digits, punctuation and foreign words', () => {
    expect(cyrToLat(cyrillic)).toBe(latin);
    expect(latToCyr(latin)).toBe(cyrillic);
  });

  it('leaves words of the other script alone', () => {
    expect(latToCyr('Hujjat: Ш.Рашидов')).toBe('Ҳужжат: Ш.Рашидов');
    expect(cyrToLat('Hujjat: Ш.Рашидов')).toBe('Hujjat: Sh.Rashidov');
  });

  it('applies dictionary stems under suffixes only', () => {
    expect(latToCyr('Oktabrdagi albomlarni Sexlarda')).toBe('Октябрдаги альбомларни Цехларда');
    expect(cyrToLat('Октябрдаги альбомларни Цехларда')).toBe('Oktabrdagi albomlarni Sexlarda');
    expect(latToCyr('ANTISIKLON, aksiyadorlik, iyunda')).toBe('АНТИЦИКЛОН, акциядорлик, июнда');
    expect(latToCyr('Moʻjiza, Mayor, Syezd')).toBe('Мўъжиза, Майор, Съезд');
    // "sirka" (vinegar) only looks like цирк + suffix.
    expect(latToCyr('sirka, sirkda')).toBe('сирка, циркда');
  });

  it('writes ts as ц only in -tsiya/-tsion', () => {
    expect(latToCyr('Militsiya, revolyutsion, oʻtsa, Oʻtsiz')).toBe('Милиция, революцион, ўтса, Ўтсиз');
  });
});

describe('detectScript / toScript', () => {
  it.each([
    ['Ўзбекистон', 'cyrl'],
    ['Oʻzbekiston', 'latn'],
    ['Тошкент шаҳри, XXI аср', 'cyrl'],
    ['Sh.Rashidov (Ш.Рашидов)', 'mixed'],
    ['', 'none'],
    ['12.05.2024 — №7', 'none'],
  ])('detectScript(%j) = %s', (text, script) => {
    expect(detectScript(text)).toBe(script);
  });

  it('converts only from the other script', () => {
    expect(toScript('Ўзбекистон', 'latn')).toBe('Oʻzbekiston');
    expect(toScript("G'ayratov", 'cyrl')).toBe('Ғайратов');
    expect(toScript("G'ayratov", 'latn')).toBe("G'ayratov");
    expect(toScript('Ўзбекистон', 'cyrl')).toBe('Ўзбекистон');
    expect(toScript('Sh.Rashidov (Ш.Рашидов)', 'latn')).toBe('Sh.Rashidov (Ш.Рашидов)');
    expect(toScript('2024', 'cyrl')).toBe('2024');
  });
});

describe('round trip Cyrillic → Latin → Cyrillic', () => {
  // Native Uzbek letters. Left out on purpose, because Latin does not keep them apart:
  // ц (s/ts, = с or тс), щ (= ш), ы (= и), ь (dropped); ъ is kept where it becomes ʼ.
  const LETTERS = [...'абвгдеёжзийклмнопрстуфхчшэюяўқғҳъ'];
  const VOWEL = 'аеёиоуўэюя';
  // Spellings whose Latin form reads back differently, each excluded for a documented reason:
  const LOSSY: readonly RegExp[] = [
    new RegExp(`[^${VOWEL}]э`, 'u'), // э after a consonant gives e, which reads back as е
    /й[аеоуэ]/u, // y + vowel reads back as я/е/ё/ю (йў is fine: yoʻ is read as й+ў)
    /ўъ|ъ[еёюяэ]/u, // ъ is not written after ў and before е/ё/ю/я; ʼe reads back as ъе
    /[оёг]ъ/u, // oʼ/gʼ: the apostrophe after o/g is normalised to ʻ (oʻ, gʻ)
    /съҳ/u, // sʼh is the spelling of сҳ
    new RegExp(`[${VOWEL}]тси(?:я|он)`, 'u'), // -tsiya/-tsion is read as ц
  ];
  // Dictionary stems map back to their loan spelling (албом → albom → альбом); the month
  // rule (сентябр → sentabr) is the same kind of loss.
  const touchesDictionary = (word: string): boolean =>
    TRANSLIT_EXCEPTIONS.some(([cyr, lat]) => word.startsWith(cyr.replace(/ь$/u, '')) || cyrToLat(word).startsWith(lat));
  const isRoundTrippable = (word: string): boolean => !LOSSY.some((re) => re.test(word)) && !touchesDictionary(word);

  const word = fc
    .array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 9 })
    .map((letters) => letters.join(''))
    .filter(isRoundTrippable);
  const separator = fc.constantFrom(' ', '-', ', ', '.', '. ', '\n', ' 2024 ', '5', ' (', ') ', '! ', ' «', '» ', ': ');
  const text = (words: fc.Arbitrary<string>): fc.Arbitrary<string> =>
    fc.array(fc.tuple(words, separator), { minLength: 1, maxLength: 6 }).map((parts) => parts.flat().join(''));

  it('restores lower-case text, with and without the dictionary', () => {
    fc.assert(
      fc.property(text(word), (cyrillic) => {
        expect(latToCyr(cyrToLat(cyrillic))).toBe(cyrillic);
        expect(latToCyr(cyrToLat(cyrillic, RULES_ONLY), RULES_ONLY)).toBe(cyrillic);
      }),
      { numRuns: 500 },
    );
  });

  it('restores Title and UPPER case', () => {
    const capitalize = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
    const casedWord = fc
      .tuple(word, fc.constantFrom('lower', 'title', 'upper'))
      .map(([w, style]) => (style === 'upper' ? w.toUpperCase() : style === 'title' ? capitalize(w) : w))
      // Ъ/ʼ has no case of its own: Latin can show an upper-case Ъ only inside a word with two
      // other capitals, and a word cannot start with a capital Ъ. All-caps Latin spelled with
      // IVXLCDM only is kept as a Roman numeral.
      .filter((w) => !/^[ъЪ]/u.test(w) && (w.length === 1 || w.replace(/[ъЪ]/gu, '').length >= 2))
      .filter((w) => !/^[IVXLCDM]+$/u.test(cyrToLat(w)));
    fc.assert(
      fc.property(text(casedWord), (cyrillic) => {
        expect(latToCyr(cyrToLat(cyrillic))).toBe(cyrillic);
      }),
      { numRuns: 500 },
    );
  });

  it('restores every district and region name from Latin (the lossy letters do not occur there)', () => {
    for (const { name } of [...regions, ...districts]) expect(latToCyr(cyrToLat(name.uz_cyrl))).toBe(name.uz_cyrl);
  });
});
