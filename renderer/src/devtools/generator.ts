/**
 * A deterministic generator of a realistic district office: users, mahallas, family cases with
 * their members, memberships and stage history. Used by unit tests (a fixed seed gives the same
 * office on every machine), by the benchmarks (20 000 and 100 000 families) and by demos.
 *
 * Pure TypeScript: no DOM, no database, no React. Everything random comes from one seeded PRNG,
 * ids included (record.ts's `newId` uses crypto.randomUUID, which is not reproducible).
 *
 * Built for volume: names are spelled (and transliterated) once per name when the module is first
 * used, not once per person; dates come from a precomputed calendar; ids and PINFLs are built in a
 * reused char-code buffer so they are flat strings. Generated records share their immutable parts
 * (name spellings, education entries, date strings): treat the output as read-only, or clone.
 */
import type { IsoDate } from '../domain/dates';
import { isIsoDate } from '../domain/dates';
import type { Address, CaseHistoryEntry, Consent, FamilyCase, Referral, ReferralSource } from '../domain/familyCase';
import type { Mahalla } from '../domain/mahalla';
import { suggestRussian, type BiScriptText, type TriLingualText } from '../domain/names';
import type { DisabilityGroup, Membership, Person, Relation } from '../domain/person';
import { pinflCheckDigit } from '../domain/pinfl';
import { REGIONS, type District, type Region } from '../domain/regions';
import { applyCaseEvent, type CaseEvent, type ClosureOutcome, type OpenStage, type StageFacts } from '../domain/stages';
import { cyrToLat, latToCyr } from '../domain/translit';
import type { User } from '../domain/user';
import { VULNERABILITY_CRITERIA, type RiskLevel } from '../domain/vulnerability';

// ================================================================ PRNG

/** Items with cumulative weights, for repeated weighted picks in O(log n). */
export interface WeightedTable<T> {
  readonly items: readonly T[];
  readonly cumulative: Float64Array;
}

export function weightedTable<T>(items: readonly T[], weights: readonly number[]): WeightedTable<T> {
  if (items.length === 0 || items.length !== weights.length) throw new RangeError('weightedTable: items and weights must be non-empty and of equal length');
  const cumulative = new Float64Array(items.length);
  let total = 0;
  for (let i = 0; i < items.length; i += 1) {
    const weight = weights[i]!;
    if (!(weight >= 0)) throw new RangeError('weightedTable: weights must be non-negative');
    total += weight;
    cumulative[i] = total;
  }
  if (total <= 0) throw new RangeError('weightedTable: total weight must be positive');
  return { items, cumulative };
}

/** A small, fast, seeded PRNG (sfc32 seeded through splitmix32) with the helpers a generator needs. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** 32 random bits as an unsigned integer. */
  uint32(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  /** One item, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One item of a {@link weightedTable}. */
  weighted<T>(table: WeightedTable<T>): T;
  /** One item by weights given inline (linear; build a {@link weightedTable} for hot paths). */
  weightedPick<T>(items: readonly T[], weights: readonly number[]): T;
}

export function createRng(seed: number): Rng {
  let state = (Math.trunc(seed) >>> 0) ^ (Math.floor(Math.abs(seed) / 4294967296) >>> 0);
  const splitmix = (): number => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  // The state lives in a typed array, not in closure variables: with pointer compression
  // (Chromium) a captured variable holding a 32-bit value is boxed on every write, which made
  // the generator twice as slow there.
  const state4 = Int32Array.of(splitmix(), splitmix(), splitmix(), splitmix());
  const uint32 = (): number => {
    const a = state4[0]!;
    const b = state4[1]!;
    const c = state4[2]!;
    const d = state4[3]!;
    const t = (((a + b) | 0) + d) | 0;
    state4[3] = d + 1;
    state4[0] = b ^ (b >>> 9);
    state4[1] = c + (c << 3);
    state4[2] = ((c << 21) | (c >>> 11)) + t;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i += 1) uint32();
  const next = (): number => uint32() / 4294967296;
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    uint32,
    int,
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: <T>(table: WeightedTable<T>): T => {
      const { cumulative } = table;
      const r = next() * cumulative[cumulative.length - 1]!;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulative[mid]! > r) hi = mid;
        else lo = mid + 1;
      }
      return table.items[lo]!;
    },
    weightedPick: <T>(items: readonly T[], weights: readonly number[]): T => {
      let total = 0;
      for (const weight of weights) total += weight;
      let r = next() * total;
      for (let i = 0; i < items.length; i += 1) {
        r -= weights[i]!;
        if (r < 0) return items[i]!;
      }
      return items[items.length - 1]!;
    },
  };
}

// ================================================================ calendar

const DAY_MS = 86_400_000;
const CAL_FIRST_YEAR = 1920;
const CAL_LAST_YEAR = 2060;
const CAL_EPOCH = Date.UTC(CAL_FIRST_YEAR, 0, 1) / DAY_MS;

/** Day numbers (days since 1920-01-01) to dates, built once. */
interface Calendar {
  iso: IsoDate[];
  year: Int16Array;
  month: Uint8Array;
  dom: Uint8Array;
}

let calendarCache: Calendar | undefined;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function calendar(): Calendar {
  if (calendarCache) return calendarCache;
  const days = Date.UTC(CAL_LAST_YEAR + 1, 0, 1) / DAY_MS - CAL_EPOCH;
  const iso: IsoDate[] = new Array<IsoDate>(days);
  const year = new Int16Array(days);
  const month = new Uint8Array(days);
  const dom = new Uint8Array(days);
  const mm = Array.from({ length: 13 }, (_, m) => pad2(m));
  const dd = Array.from({ length: 32 }, (_, d) => pad2(d));
  let i = 0;
  for (let y = CAL_FIRST_YEAR; y <= CAL_LAST_YEAR; y += 1) {
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    for (let m = 1; m <= 12; m += 1) {
      const length = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
      for (let d = 1; d <= length; d += 1) {
        iso[i] = `${y}-${mm[m]}-${dd[d]}` as IsoDate;
        year[i] = y;
        month[i] = m;
        dom[i] = d;
        i += 1;
      }
    }
  }
  calendarCache = { iso, year, month, dom };
  return calendarCache;
}

function dayOf(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS - CAL_EPOCH;
}

/** Office hours in Tashkent (UTC+5), 09:00–17:59, as UTC times in 15-second steps. */
const SLOTS = 9 * 60 * 4;
let timeCache: string[] | undefined;
function times(): string[] {
  if (timeCache) return timeCache;
  timeCache = Array.from({ length: SLOTS }, (_, slot) => {
    const seconds = slot * 15;
    return `T${pad2(4 + Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}.000Z`;
  });
  return timeCache;
}

// ================================================================ flat strings

const HEX = [...'0123456789abcdef'].map((ch) => ch.charCodeAt(0));
const ZERO = 48;
/** Reused char-code buffers, one per length (a plain array: `apply` is several times faster on it than on a typed array). */
const ID_CHARS = new Array<number>(36).fill(ZERO);
const PINFL_CHARS = new Array<number>(14).fill(ZERO);
const PINFL_FIRST13 = new Array<number>(13).fill(ZERO);
const PHONE_CHARS = new Array<number>(13).fill(ZERO);

/** Char codes → one flat string (concatenation would leave rope strings costing several times more memory). */
function flat(chars: number[]): string {
  return String.fromCharCode.apply(null, chars);
}

/** Where the 32 hex digits of a UUID go (the dashes stay in place). */
const ID_DIGITS = Array.from({ length: 36 }, (_, p) => p).filter((p) => p !== 8 && p !== 13 && p !== 18 && p !== 23);
for (const p of [8, 13, 18, 23]) ID_CHARS[p] = 45;

/** A UUID v4-shaped id (lower-case, like crypto.randomUUID) from the PRNG. */
function uuid(rng: Rng): string {
  const chars = ID_CHARS;
  let first = 0;
  for (let k = 0; k < 32; k += 8) {
    let word = rng.uint32();
    if (k === 0) first = word;
    for (let j = 0; j < 8; j += 1) {
      chars[ID_DIGITS[k + j]!] = HEX[word & 15]!;
      word >>>= 4;
    }
  }
  chars[14] = HEX[4]!;
  chars[19] = HEX[8 | (first >>> 30)]!;
  return flat(chars);
}

function putDigits(chars: number[], at: number, value: number, width: number): void {
  for (let i = width - 1; i >= 0; i -= 1) {
    chars[at + i] = ZERO + (value % 10);
    value = Math.floor(value / 10);
  }
}

// ================================================================ names

/** One name spelled the three ways it reaches the office: typed in Uzbek Latin, in Uzbek Cyrillic, in Russian spelling. */
type Spellings = readonly [latn: BiScriptText, uzCyrl: BiScriptText, ru: BiScriptText];

const SPELLING_LATN = 0;
const SPELLING_CYRL = 1;
const SPELLING_RU = 2;

interface SurnameEntry {
  male: Spellings;
  female: Spellings;
}

interface GivenName {
  name: Spellings;
  /** Patronymics formed from this (male) name: …ovich / …ovna. */
  sonOf: Spellings | null;
  daughterOf: Spellings | null;
}

interface NameTables {
  surnames: WeightedTable<SurnameEntry>;
  oldMale: WeightedTable<GivenName>;
  adultMale: WeightedTable<GivenName>;
  childMale: WeightedTable<GivenName>;
  oldFemale: WeightedTable<GivenName>;
  adultFemale: WeightedTable<GivenName>;
  childFemale: WeightedTable<GivenName>;
  mahallas: TriLingualText[];
  /** Cyrillic spellings → who writes them so. */
  cyrillicKind: Map<string, 'uz' | 'ru' | 'both'>;
}

/*
 * Name lists in Uzbek Cyrillic, most frequent first; `=` gives the Russian spelling where it is
 * not simply the Uzbek one without ў қ ғ ҳ (Қодиров=Кадыров, Хўжаев=Ходжаев, Жўраев=Джураев).
 */
const SURNAMES =
  'Каримов Раҳимов Абдуллаев Юсупов Алиев Турсунов Эргашев Исмоилов=Исмаилов Саидов Қодиров=Кадыров Маматов Тошматов=Ташматов ' +
  'Холматов Усмонов=Усманов Норматов Мирзаев Рашидов Аҳмедов Ҳасанов Ҳусанов Расулов Жўраев=Джураев Хўжаев=Ходжаев Ғафуров ' +
  'Раҳматуллаев Назаров Собиров=Сабиров Ёқубов=Якубов Шарипов Азимов Бобоев=Бабаев Иброҳимов=Ибрагимов Исломов=Исламов ' +
  'Сулаймонов=Сулейманов Аминов Умаров Муҳаммадиев Эшматов Қурбонов=Курбанов Тўхтаев Шукуров Ниёзов=Ниязов Содиқов=Садыков ' +
  'Ҳайдаров Мўминов Бердиев Жуманиёзов=Джуманиязов Очилов=Ачилов Худойбердиев Қосимов=Касымов Зокиров=Закиров Валиев ' +
  'Солиев=Салиев Тожиев=Таджиев Абдураҳмонов=Абдурахманов Абдураҳимов Абдусаломов=Абдусаламов Файзуллаев Чориев Мамадалиев ' +
  'Ортиқов=Артыков Ўролов=Уралов Отабоев=Атабаев Йўлдошев=Юлдашев Нуриддинов Мадаминов Ғуломов=Гулямов Ҳамроев=Хамраев ' +
  'Раҳмонов=Рахманов Олимов=Алимов Абдуқодиров=Абдукадыров Норқулов Жалилов=Джалилов Жабборов=Джаббаров Тўраев Қаҳҳоров=Каххаров ' +
  'Хайруллаев Сафаров Мусаев Баҳромов=Бахрамов Бозоров=Базаров Ўринбоев=Уринбаев Муродов=Мурадов Шодиев=Шадиев ' +
  'Абдувоҳидов=Абдувахидов Тиллаев Қаюмов=Каюмов Исаев Мамажонов=Мамаджанов Ҳакимов Сайфуллаев Самадов Неъматов=Нематов ' +
  'Низомов=Низамов Аҳмаджонов=Ахмаджанов Эркинов Исроилов=Исраилов Холиқов=Халиков Тоиров=Таиров Маҳмудов Баротов=Баратов ' +
  'Жумаев=Джумаев Хидиров Носиров=Насыров Ғаниев Обидов=Абидов Пўлатов Тўйчиев Ҳамидов Зиёев=Зияев Аъзамов=Азамов Мансуров ' +
  'Воҳидов=Вахидов Фозилов=Фазылов Сиддиқов Латипов Маъруфов=Маруфов Шамсиев Ўктамов Давлатов Ботиров=Батыров Ражабов=Раджабов ' +
  'Султонов=Султанов Эгамбердиев Бекмуродов=Бекмурадов Омонов=Аманов Тошпўлатов=Ташпулатов Абдулазизов Аҳроров Нурматов ' +
  'Қўчқоров=Кучкаров Шерматов Абдиев Бурҳонов=Бурханов Муҳиддинов=Мухитдинов Зайниддинов=Зайнутдинов Қўзиев Ёдгоров=Ядгаров ' +
  'Ҳайитов=Хаитов Жўрабоев=Джурабаев Бобоёров=Бабаяров Низоев Ғайратов Исҳоқов=Исхаков Саъдуллаев=Садуллаев Ҳожиев=Хаджиев ' +
  'Нуруллаев Абдурашидов Отажонов=Атаджанов Камолов=Камалов Рўзиев Эшонқулов=Эшанкулов Полвонов=Палванов Мадраҳимов ' +
  'Матёқубов=Матякубов Отаназаров=Атаназаров Бекчанов Сапаев Юнусов Қаршиев Тилавов Эргашбоев=Эргашбаев Шоназаров Жўрақулов=Джуракулов';

const OLD_MALE =
  'Ғулом=Гулям Эргаш Тошпўлат=Ташпулат Холмат Норбой=Нарбай Абдураҳмон=Абдурахман Раҳим Карим Турсун Жўра=Джура Абдулла ' +
  'Қурбон=Курбан Исмоил=Исмаил Усмон=Усман Юсуф Маҳмуд Аҳмад Тўлқин Ўктам Расул Шодмон=Шадман Бобомурод=Бабамурад Мамат ' +
  'Тоҳир=Тахир Ҳамро Назар Саид Олим=Алим Ражаб=Раджаб Рўзи Султон=Султан Ҳайит=Хаит Неъмат=Немат Шокир=Шакир Собир=Сабир ' +
  'Иброҳим=Ибрагим Зокир=Закир Қодир=Кадыр Хайрулла Баҳром Абдуқодир=Абдукадыр Нурмат Шермат Эшмат Тошмат=Ташмат ' +
  'Хўжамурод=Ходжамурад Мирзо=Мирза Акрам Ислом=Ислам Файзулла Ҳамид';

const ADULT_MALE =
  'Рустам Шерзод Баҳтиёр=Бахтияр Шуҳрат Фаррух Жамшид=Джамшид Улуғбек Дилшод Рашид Отабек Санжар=Санджар Азиз Зафар Равшан ' +
  'Бобур=Бабур Сардор=Сардар Алишер Фарҳод Анвар Акмал Бекзод Жасур=Джасур Шоҳруҳ=Шахрух Нодир=Надир Ботир=Батыр ' +
  'Илҳом=Ильхом Мурод=Мурад Жавлон=Джавлон Хуршид Комил=Камил Ойбек=Айбек Баҳодир=Бахадыр Умид Ҳасан Ҳусан Тимур Аброр ' +
  'Икром=Икрам Ислом=Ислам Ғайрат Эркин Мансур Абдулла Нурбек Ўткир Шавкат Муҳаммад Собир=Сабир Ғолиб Ҳамид Акбар ' +
  'Сирожиддин=Сираджиддин Ҳикмат Аъзам=Азам Элёр=Эльёр Сарвар Азамат Дониёр=Данияр Жаҳонгир=Джахангир Қаҳрамон=Кахраман ' +
  'Ҳайдар Ортиқ=Артык Маъруф=Маруф';

const CHILD_MALE =
  'Муҳаммадали Асилбек Абдуллоҳ=Абдуллах Аҳмад Умар Али Юсуф Иброҳим=Ибрагим Муҳаммадюсуф Жаҳонгир=Джахангир Самандар ' +
  'Ҳусайн=Хусейн Ҳасан Амир Мироншоҳ=Мираншах Шаҳзод Ислом=Ислам Азизбек Бекзод Даврон=Давран Жавоҳир=Джавохир Нурмуҳаммад ' +
  'Абубакр Усмон=Усман Муслим Исмоил=Исмаил Сардорбек=Сардарбек Ҳожиакбар=Ходжиакбар Зиёдулла=Зиядулла Феруз Ҳамза Алибек ' +
  'Жасурбек=Джасурбек Достон=Дастан Мустафо=Мустафа Ёқуб=Якуб Дониёр=Данияр Тимур Асадбек Абдулазиз Хондамир ' +
  'Шоҳжаҳон=Шахджахан Отабек Аббос=Аббас';

const OLD_FEMALE =
  'Муқаддас Ҳалима Раҳима Меҳринисо=Мехриниса Мастура Тўхтахон=Тухтахан Ойниса=Айниса Ҳанифа Мунаввар Хосият=Хасият Бибихон ' +
  'Кумуш Ҳожар=Хаджар Саломат=Саламат Ўғилой=Угилой Турсуной=Турсунай Маҳбуба Зуҳра Роҳила Тожихон=Таджихан Хадича ' +
  'Адолат=Адалат Назокат=Назакат Ойша=Айша Гулсара=Гульсара Шарофат=Шарафат Фотима=Фатима Робия=Рабия Зулфия=Зульфия Мавжуда ' +
  'Саида Қумри';

const ADULT_FEMALE =
  'Дилноза=Дильноза Гулноза=Гульноза Нигора Феруза Мадина Шаҳло Зарина Малика Ирода Севара Гулчеҳра=Гульчехра Муҳаббат ' +
  'Нодира=Надира Дилфуза=Дильфуза Моҳира Гавҳар Наргиза Санобар Ойгул=Айгуль Гулнора=Гульнара Зулфия=Зульфия Хуршида Шаҳноза ' +
  'Мунира Маъмура=Мамура Дилдора=Дильдора Лола Барно Умида Юлдуз Саодат=Саадат Нилуфар Мафтуна Лобар Раъно=Рано Ситора Шоира ' +
  'Мавлуда Комила=Камила Гулбаҳор=Гульбахор Ҳилола Зебо Манзура Насиба Озода=Азода Ширин Гулруҳ=Гульрух Дилором ' +
  'Сурайё=Сурайя Зилола Садоқат Мукаррам Нафиса Ойдин=Айдин';

const CHILD_FEMALE =
  'Марям=Марьям Оиша=Аиша Ҳадича Фотима=Фатима Сарвиноз Мубина Мадинабону Сумайя Зулайҳо=Зулейха Ясмина Моҳинур Севинч ' +
  'Шаҳзода Дурдона Ҳулкар Муслима Сафина Ҳумора Лайло Сабина Зарнигор Нозима Шукрона Робия=Рабия Ирода Дилноза=Дильноза ' +
  'Зиёда Асмо=Асма Ёрқиной Интизор Ўғилой=Угилой Малика Мадина Омина=Амина Солиҳа Меҳрангиз Нурафшон';

/** Mahalla names in Uzbek Cyrillic, `=` the Russian name where it is not the plain fold. */
const MAHALLAS =
  'Навбаҳор|Наврўз=Навруз|Мустақиллик|Гулистон=Гулистан|Бўстон=Бустан|Боғишамол|Янгиобод=Янгиабад|Дўстлик|Тинчлик|Истиқлол|' +
  'Бунёдкор|Обод=Абад|Ибн Сино=Ибн Сина|Алишер Навоий|Амир Темур|Бобур=Бабур|Мирзо Улуғбек|Янги ҳаёт|Оқтепа=Актепа|Чорбоғ=Чарбаг|' +
  'Боғбон|Пахтакор|Олтин водий|Камолот|Меҳнатобод=Мехнатабад|Шарқ|Нурафшон=Нурафшан|Қорасув=Карасу|Оққўрғон=Аккурган|Яккатут|' +
  'Қўшчинор=Кушчинар|Чинор=Чинар|Зиёкор|Маданият|Гулбаҳор=Гульбахор|Ёшлик|Ўзбекистон=Узбекистан|Бирлик|Ҳамкор|Баҳор|Лолазор|' +
  'Сайҳун=Сайхун|Мевазор|Узумзор|Боғистон=Богистан|Шодлик=Шадлик|Саодат=Саадат|Фаровон|Қаҳрамон=Кахраман|Ойдин=Айдин|' +
  'Кўктерак=Коктерек|Қоратол=Каратал|Толзор|Оқсарой=Аксарай|Янгиариқ=Янгиарык|Катта боғ|Ғалаба|Зарафшон=Зарафшан|Марказ|' +
  'Тараққиёт|Умид|Келажак|Меҳр|Оқ олтин=Ак алтын|Соҳибкор|Чўпонота=Чупан-Ата|Қизилтепа=Кызылтепа|Янгибозор=Янгибазар|' +
  'Сарой=Сарай|Кўкча=Кукча|Чоштепа=Чаштепа';

let namesCache: NameTables | undefined;

function nameTables(): NameTables {
  if (namesCache) return namesCache;
  const cyrillicKind = new Map<string, 'uz' | 'ru' | 'both'>();
  const note = (text: string, kind: 'uz' | 'ru') => {
    const known = cyrillicKind.get(text);
    cyrillicKind.set(text, known === undefined || known === kind ? kind : 'both');
  };
  const spell = (uzCyrl: string, ru: string): Spellings => {
    const latn = cyrToLat(uzCyrl);
    const latnTyped: BiScriptText = { latn, cyrl: latToCyr(latn), typed: 'latn' };
    note(uzCyrl, 'uz');
    note(latnTyped.cyrl, 'uz');
    note(ru, 'ru');
    return [latnTyped, { latn, cyrl: uzCyrl, typed: 'cyrl' }, { latn: cyrToLat(ru), cyrl: ru, typed: 'cyrl' }];
  };
  const parse = (list: string, separator: string | RegExp) =>
    list.split(separator).map((entry) => {
      const [uz = '', ru] = entry.split('=');
      return { uz, ru: ru ?? suggestRussian(uz) };
    });
  /** Zipf-like weights: rank r gets 1 / r^s, so the first few are very common. */
  const zipf = (count: number, s: number) => Array.from({ length: count }, (_, rank) => 1 / (rank + 1) ** s);

  const surnames = parse(SURNAMES, ' ').map(({ uz, ru }) => ({ male: spell(uz, ru), female: spell(`${uz}а`, `${ru}а`) }));

  const given = new Map<string, GivenName>();
  const patronymic = (name: string, female: boolean) => {
    const last = name.charAt(name.length - 1);
    if (last === 'й') return name.slice(0, -1) + (female ? 'евна' : 'евич');
    if ('аеёиоуўэюя'.includes(last)) return name + (female ? 'евна' : 'евич');
    return name + (female ? 'овна' : 'ович');
  };
  const givenList = (list: string, male: boolean, s: number): WeightedTable<GivenName> => {
    const entries = parse(list, ' ').map(({ uz, ru }) => {
      let entry = given.get(uz);
      if (!entry) {
        entry = {
          name: spell(uz, ru),
          sonOf: male ? spell(patronymic(uz, false), patronymic(ru, false)) : null,
          daughterOf: male ? spell(patronymic(uz, true), patronymic(ru, true)) : null,
        };
        given.set(uz, entry);
      }
      return entry;
    });
    return weightedTable(entries, zipf(entries.length, s));
  };

  const mahallas = parse(MAHALLAS, '|').map(({ uz, ru }) => ({ uzLatn: cyrToLat(uz), uzCyrl: uz, ru }));

  namesCache = {
    surnames: weightedTable(surnames, zipf(surnames.length, 0.65)),
    oldMale: givenList(OLD_MALE, true, 0.5),
    adultMale: givenList(ADULT_MALE, true, 0.5),
    childMale: givenList(CHILD_MALE, true, 0.5),
    oldFemale: givenList(OLD_FEMALE, false, 0.5),
    adultFemale: givenList(ADULT_FEMALE, false, 0.5),
    childFemale: givenList(CHILD_FEMALE, false, 0.5),
    mahallas,
    cyrillicKind,
  };
  return namesCache;
}

/**
 * Who writes a generated Cyrillic name part so: 'uz' (Uzbek Cyrillic, typed or transliterated
 * from Latin), 'ru' (Russian spelling), 'both' (the two coincide: Каримов), undefined when the
 * generator never produces it. For tests and search experiments.
 */
export function cyrillicSpellingKind(text: string): 'uz' | 'ru' | 'both' | undefined {
  return nameTables().cyrillicKind.get(text);
}

// ================================================================ free-text vocabularies (Uzbek Latin, as offices type them)

const STREETS = [
  'Navoiy', 'Amir Temur', 'Mustaqillik', 'Bobur', 'Istiqlol', 'Tinchlik', 'Guliston', 'Bogʻishamol', 'Mirzo Ulugʻbek',
  'Oʻzbekiston', 'Yangi hayot', 'Doʻstlik', 'Navroʻz', 'Bunyodkor', 'Ibn Sino', 'Chinor', 'Lolazor', 'Paxtakor', 'Sharq',
  'Gulbahor', 'Yoshlik', 'Bahor', 'Mehnat', 'Zarafshon', 'Alpomish', 'Beruniy', 'Al-Xorazmiy', 'Furqat', 'Muqimiy', 'Choʻlpon',
  'Abdulla Qodiriy', 'Hamza', 'Oybek', 'Gʻafur Gʻulom', 'Uvaysiy', 'Nodirabegim', 'Mashrab', 'Ogahiy', 'Bogʻbon', 'Sayhun',
].map((name) => `${name} koʻchasi`);

const EMPLOYMENT_MEN = weightedTable(
  ['Ishsiz', 'Vaqtincha ishsiz', 'Mardikor (kunbay ish)', 'Bozorda sotuvchi', 'Haydovchi', 'Qurilish ishchisi', 'Fermer xoʻjaligida ishchi',
    'Qoʻriqchi', 'Usta (santexnik)', 'Payvandchi', 'Yakka tartibdagi tadbirkor', 'Oʻqituvchi', 'Oshpaz', 'Nogironlik nafaqasida'],
  [22, 8, 16, 8, 9, 9, 7, 4, 4, 3, 4, 2, 2, 2],
);
const EMPLOYMENT_WOMEN = weightedTable(
  ['Uy bekasi', 'Ishsiz', 'Tikuvchi', 'Bozorda sotuvchi', 'Farrosh', 'Hamshira', 'Oʻqituvchi', 'Tarbiyachi', 'Fermer xoʻjaligida ishchi',
    'Oshpaz', 'Yakka tartibdagi tadbirkor', 'Bola parvarishi taʼtilida'],
  [34, 16, 9, 8, 6, 4, 4, 3, 5, 3, 3, 5],
);
const EMPLOYMENT_YOUNG = weightedTable(['Talaba', 'Ishsiz', 'Haydovchi', 'Sotuvchi', 'Kasb-hunar maktabida oʻqiydi', 'Mardikor (kunbay ish)'], [30, 25, 8, 10, 15, 12]);
const PENSIONER = 'Pensioner';
const MIGRANT_WORK = 'Mehnat migranti';

const MIGRATION_COUNTRIES = weightedTable(
  ['Rossiya', 'Qozogʻiston', 'Turkiya', 'Janubiy Koreya', 'Polsha', 'BAA', 'Germaniya', 'Buyuk Britaniya'],
  [58, 14, 10, 7, 4, 3, 2, 2],
);

const HEALTH_NOTES = ['Surunkali kasallik', 'Qandli diabet', 'Yurak-qon tomir kasalligi', 'Bronxial astma', 'Kamqonlik', 'Koʻrish qobiliyati past', 'Eshitish qobiliyati past', 'Gipertoniya'];
const DISABILITY_NOTES = ['Tayanch-harakat aʼzolari zararlangan', 'Bolalar serebral falaji', 'Autizm spektri buzilishi', 'Daun sindromi', 'Epilepsiya', 'Koʻzi ojiz'];

const KINDERGARTEN_GROUPS = ['kichik guruh', 'oʻrta guruh', 'katta guruh', 'tayyorlov guruhi'];
const GRADES = Array.from({ length: 11 }, (_, g) => `${g + 1}-sinf`);

const PHONE_OPERATORS = [90, 91, 93, 94, 95, 97, 98, 99, 33, 88, 77, 50, 20];

const PASSPORT_SERIES = weightedTable(['AA', 'AB', 'AC', 'AD', 'AE', 'FA', 'FB'], [18, 16, 10, 22, 18, 10, 6]);

const REFERRAL_SOURCE_TABLE = weightedTable<ReferralSource>(['mahalla', 'school', 'polyclinic', 'police', 'family', 'ngo', 'other'], [36, 20, 14, 10, 8, 5, 7]);
const WHO_MAHALLA = ['Mahalla raisi', 'Xotin-qizlar faoli', 'Yoshlar yetakchisi', 'Mahalla posboni', 'Ijtimoiy xodim', 'Hokim yordamchisi'];
const WHO_POLICE = ['Voyaga yetmaganlar boʻyicha inspektor', 'Profilaktika inspektori', 'IIB navbatchi qismi'];
const WHO_FAMILY = ['Oila boshligʻining oʻzi', 'Bolalarning onasi', 'Qarindoshlari', 'Buvisi murojaat qildi'];
const WHO_NGO = ['Nodavlat notijorat tashkiloti', 'Xayriya jamgʻarmasi', 'Xotin-qizlar qoʻmitasi', 'Ijtimoiy xizmatlar markazi'];
const WHO_OTHER = ['Tuman hokimligi', 'Ishonch telefoni', 'Tuman adliya boʻlimi', 'Qoʻshnilari', 'Virtual qabulxona'];

const REASONS_BY_DOMAIN: Record<string, readonly string[]> = {
  economic: ['Oila daromadi yashash minimumidan past', 'Ota-ona ishsiz, oila ehtiyojmand', 'Oila boquvchisini yoʻqotgan', 'Otasi xorijda, oila qarzga botgan'],
  family: ['Yolgʻiz ona bolalarni yolgʻiz tarbiyalamoqda', 'Oilada nizolar, ajrashish jarayoni', 'Bolalar buvisi qaramogʻida', 'Koʻp bolali oila qiyin ahvolda'],
  health: ['Bolaning nogironligi, parvarish va davolanish ehtiyoji', 'Ota-onadan biri ogʻir kasal', 'Bolaning alohida taʼlim ehtiyojlari'],
  safety: ['Bolaga nisbatan qoʻpol munosabat haqida xabar', 'Oilada zoʻravonlik holati', 'Bola nazoratsiz qolmoqda', 'Bolaning asosiy ehtiyojlari qondirilmaydi'],
  education: ['Bola maktabga muntazam bormayapti', 'Bola maktabga qatnamaydi', 'Bola maktabgacha taʼlimga qamrab olinmagan'],
  law: ['Bolaning hujjatlari yoʻq', 'Voyaga yetmagan huquqbuzarlik sodir etgan', 'Bola jinoyatdan jabrlangan'],
  housing: ['Uy-joy sharoiti ogʻir, uy avariya holatida', 'Oila doimiy yashash joyiga ega emas', 'Uy yongʻindan zarar koʻrgan'],
  other: ['Ogʻir hayotiy vaziyatga tushib qolgan ayol', 'Mojaro hududidan qaytgan oila'],
};

const ELIGIBLE_REASONS = ['Himoyaga muhtojlik mezonlariga mos keladi', 'Dastlabki baholash: oila yordamga muhtoj', 'Mezonlar tasdiqlandi, keys ochiladi'];
const NOT_ELIGIBLE_REASONS = ['Oila mezonlarga mos kelmaydi', 'Oila daromadi yetarli, yordam talab etilmaydi', 'Vaziyat oʻzi hal boʻlgan'];
const LOOP_REASONS = ['Oylik monitoring: reja qayta koʻrib chiqildi', 'Monitoring natijasida yangi ehtiyojlar aniqlandi', 'Reja maqsadlari oʻzgartirildi'];
const REASSESS_REASONS = ['Oila vaziyati oʻzgardi, qayta baholash', 'Yangi xavf omillari aniqlandi'];
const REOPEN_REASONS = ['Oila qaytib keldi, vaziyat yomonlashdi', 'Maktabdan yangi xabar keldi', 'Takroriy murojaat'];
const URGENT_REASONS = ['Bola hayoti va sogʻligʻiga bevosita xavf', 'Oilada zoʻravonlik, bolani himoya qilish zarur', 'Bola nazoratsiz qolgan, zudlik bilan choralar'];
const URGENT_ACTIONS = ['Bolani vaqtincha qarindoshlari qaramogʻiga joylashtirish', 'Himoya orderi berish uchun IIBga murojaat', 'Tibbiy koʻrikdan oʻtkazish', 'Oilaga zudlik bilan oziq-ovqat yordami'];
const URGENT_RESPONSIBLE = ['Voyaga yetmaganlar boʻyicha inspektor', 'Keys-menejer', 'Oilaviy poliklinika shifokori', 'Mahalla raisi'];
const CLOSE_REASONS: Record<Exclude<ClosureOutcome, 'notEligible'>, readonly string[]> = {
  selfSufficient: ['Oila oʻz muammolarini mustaqil hal qila oladi', 'Reja maqsadlariga erishildi', 'Ota-ona ishga joylashdi, bolalar maktabga qatnaydi'],
  movedAway: ['Oila boshqa tumanga koʻchib ketdi', 'Oila boshqa viloyatga koʻchdi, keys uzatildi'],
  refused: ['Oila xizmatlardan voz kechdi', 'Oila kelishuvni imzolashdan bosh tortdi'],
  lostContact: ['Oila bilan aloqa uzildi', 'Oila manzilda yashamaydi, aloqa yoʻq'],
  childPlaced: ['Bola vasiylikka berildi', 'Bola qarindoshlari oilasiga joylashtirildi'],
  other: ['Boshqa sabab', 'Ota-ona sud qarori bilan'],
};
const PAPER_LOCATIONS = ['Keys jildida', 'Keys jildida, arxiv javoni', 'Seyf, 2-javon', 'Keys jildida, skan nusxasi kompyuterda'];

// ================================================================ the office

export const GENERATOR_TODAY = '2026-11-23' as IsoDate;

export interface GenerateOfficeOptions {
  families: number;
  /** Any integer; the same seed gives the same office. Default 1. */
  seed?: number;
  /** The office's calendar day; every date is on or before it. Default 2026-11-23. */
  today?: IsoDate;
  /** More than 1: a regional office holding several districts' cases (several regions). Default 1. */
  districts?: number;
}

export interface GeneratedDistrict {
  regionCode: string;
  districtCode: string;
  /** The one installation of this district's office that made its records. */
  installationId: string;
  name: TriLingualText;
}

export interface GeneratedOffice {
  /** The office itself (the first district) and every district whose data it holds. */
  office: GeneratedDistrict & { districts: GeneratedDistrict[] };
  users: User[];
  mahallas: Mahalla[];
  cases: FamilyCase[];
  persons: Person[];
  memberships: Membership[];
  history: CaseHistoryEntry[];
}

/** Referral dates lie within this many days before today. */
const HISTORY_DAYS = 1095;
/** A criterion the replay confirms until the family's own are drawn (they replace it). */
const CRITERION_STAND_IN = 'ECO_LOW_INCOME';
const OPEN_STAGES: readonly OpenStage[] = ['identification', 'primaryAssessment', 'agreement', 'inDepthAssessment', 'planning', 'implementation', 'monitoring'];
const MONITORING = 6;
const IMPLEMENTATION = 5;

type CloseOutcome = Exclude<ClosureOutcome, 'notEligible'>;
/** What a family's case ends up as: an open stage (its index, 0–6) or, from 7 on, a closure outcome. */
const TARGET_OUTCOMES: readonly ClosureOutcome[] = ['selfSufficient', 'notEligible', 'movedAway', 'refused', 'lostContact', 'childPlaced', 'other'];
const TARGETS = weightedTable(
  Array.from({ length: OPEN_STAGES.length + TARGET_OUTCOMES.length }, (_, i) => i),
  [...[5, 8, 5, 7, 8, 27, 40].map((w) => w * 0.65), ...[58, 12, 10, 9, 5, 3, 3].map((w) => w * 0.35)],
);
/** At which open stage a case is closed with an outcome. */
const CLOSE_STAGE: Record<CloseOutcome, WeightedTable<number>> = {
  selfSufficient: weightedTable([IMPLEMENTATION, MONITORING], [10, 90]),
  movedAway: weightedTable([0, 1, 2, 3, 4, 5, 6], [5, 10, 5, 10, 10, 25, 35]),
  refused: weightedTable([0, 1, 2, 3, 4, 5, 6], [10, 30, 35, 10, 5, 5, 5]),
  lostContact: weightedTable([1, 2, 3, 4, 5, 6], [5, 5, 5, 10, 35, 40]),
  childPlaced: weightedTable([3, 4, 5, 6], [20, 20, 30, 30]),
  other: weightedTable([0, 1, 2, 3, 4, 5, 6], [5, 15, 10, 10, 10, 25, 25]),
};
/** How long an open case may have sat at its stage since its last event (monitoring: any time; plans take months to carry out). */
const TAIL_MAX = [30, 40, 30, 60, 60, 420, 30];
const LOOP_COUNT = weightedTable([0, 1, 2], [55, 30, 15]);

const SPELLINGS = weightedTable([SPELLING_LATN, SPELLING_CYRL, SPELLING_RU], [55, 30, 15]);
const RISK = weightedTable<RiskLevel>(['R0', 'R1', 'R2', 'R3'], [4, 36, 48, 12]);
const CODE_COUNT = weightedTable([1, 2, 3, 4], [22, 40, 26, 12]);
const GENERAL_CODES = weightedTable(
  ['ECO_LOW_INCOME', 'ECO_UNEMPLOYED', 'HOU_POOR_CONDITIONS', 'FAM_CONFLICT', 'EDU_ABSENTEEISM', 'SAF_NEGLECT', 'HLT_CHRONIC_ILLNESS',
    'EDU_NO_PRESCHOOL', 'LAW_NO_DOCUMENTS', 'SAF_ALCOHOL', 'HLT_PARENT_MENTAL', 'EDU_OUT_OF_SCHOOL', 'HLT_SEN', 'LAW_CHILD_OFFENDER',
    'SAF_UNSUPERVISED', 'OTH_WOMAN_DIFFICULT', 'FAM_PARENT_IMPRISONED', 'HOU_NO_RESIDENCE', 'SAF_CHILD_LABOUR', 'FAM_EARLY_MARRIAGE',
    'HOU_EMERGENCY', 'SAF_DRUGS', 'LAW_CHILD_VICTIM', 'OTH_RETURNEE', 'SAF_TRAFFICKING'],
  [40, 18, 14, 10, 9, 8, 7, 6, 5, 4, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 0.3],
);
const SEVERE_CODES = ['SAF_CHILD_ABUSE', 'SAF_NEGLECT', 'SAF_DOMESTIC_VIOLENCE', 'SAF_UNSUPERVISED'];
const CHILD_COUNT = weightedTable([1, 2, 3, 4, 5, 6], [25, 32, 24, 11, 5, 3]);
const PHONE_COUNT = weightedTable([0, 1, 2], [8, 62, 30]);
const ADULT_DISABILITY = weightedTable<DisabilityGroup>(['group1', 'group2', 'group3'], [1, 3, 4]);
const ID_CARD_SERIES = ['AD', 'AE'];

let domainByCode: Map<string, string> | undefined;
function codeDomains(): Map<string, string> {
  if (domainByCode) return domainByCode;
  domainByCode = new Map(VULNERABILITY_CRITERIA.map((criterion) => [criterion.code, criterion.domain]));
  const used = [...GENERAL_CODES.items, ...SEVERE_CODES, 'FAM_SINGLE_PARENT', 'ECO_LABOUR_MIGRATION', 'FAM_KINSHIP_CARE', 'ECO_BREADWINNER_LOST', 'FAM_LARGE', 'HLT_CHILD_DISABILITY', 'HLT_ADULT_DISABILITY'];
  for (const code of used) if (!domainByCode.has(code)) throw new Error(`generator: unknown vulnerability code ${code}`);
  return domainByCode;
}

type Education = NonNullable<Person['education']>;

interface DistrictState {
  info: GeneratedDistrict;
  city: boolean;
  managerIds: string[];
  mahallaIds: WeightedTable<string>;
  /** Passport-office codes of PINFLs issued here. */
  areaCodes: number[];
  schools: string[];
  kindergartens: string[];
  polyclinics: string[];
  schoolWho: string[];
  /** Education entries, shared between children: school × 11 + grade, kindergarten × 4 + group. */
  schoolEntries: (Education | null)[];
  kindergartenEntries: (Education | null)[];
  collegeEntries: Education[];
  openFamilies: number;
  /** Agreements signed per year, for their numbers. */
  agreementSeq: Map<number, number>;
}

/** One planned stage event: what, after how many days, why. */
interface Step {
  kind: 'advance' | 'decide' | 'sign' | 'close' | 'reopen' | 'urgent';
  to: OpenStage;
  eligible: boolean;
  outcome: CloseOutcome;
  gap: number;
  reason: string;
}

/** A parent's or grandparent's name parts, chosen before the person is made. */
interface Adult {
  birth: number;
  surname: BiScriptText;
  first: BiScriptText;
  patronymic: BiScriptText;
}

/** Picks `count` districts: one rural district for a district office, else districts spread over several regions. */
function pickDistricts(rng: Rng, count: number): { region: Region; district: District }[] {
  const total = REGIONS.reduce((sum, region) => sum + region.districts.length, 0);
  if (!Number.isInteger(count) || count < 1 || count > total) throw new RangeError(`districts must be an integer in 1..${total}`);
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = rng.int(0, i);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  if (count === 1) {
    const region = rng.pick(REGIONS.filter((r) => r.districts.some((d) => d.type === 'district')));
    return [{ region, district: rng.pick(region.districts.filter((d) => d.type === 'district')) }];
  }
  const regionCount = Math.min(REGIONS.length, Math.max(2, Math.ceil(count / 5)));
  const pools = shuffle(REGIONS).map((region) => ({ region, districts: shuffle(region.districts) }));
  const picked: { region: Region; district: District }[] = [];
  let active = pools.slice(0, regionCount);
  let spare = pools.slice(regionCount);
  while (picked.length < count) {
    for (const pool of active) {
      const district = pool.districts.pop();
      if (district && picked.length < count) picked.push({ region: pool.region, district });
    }
    active = active.filter((pool) => pool.districts.length > 0);
    if (active.length === 0) {
      active = spare.slice(0, 1);
      spare = spare.slice(1);
    }
  }
  return picked;
}

/**
 * Generates a district office (or, with `districts` > 1, a regional office holding several
 * districts' cases). Deterministic: the same options give deep-equal output.
 */
export function generateOffice(options: GenerateOfficeOptions): GeneratedOffice {
  return new OfficeBuilder(options).build();
}

/**
 * The generator's state. Written as a class of small methods on purpose: one big function full of
 * per-family closures is slow to optimise and keeps being deoptimised, which made 100 000 families
 * several times slower. Per-family state lives in fields, reset by {@link OfficeBuilder.family}.
 */
class OfficeBuilder {
  private readonly rng: Rng;
  private readonly names = nameTables();
  private readonly cal = calendar();
  private readonly time = times();
  private readonly domains = codeDomains();
  private readonly familyCount: number;
  private readonly today: IsoDate;
  private readonly todayDay: number;
  /** Born after this day (string compare) = under 18 today, exactly as ageOn counts. */
  private readonly adultBorn: string;
  private readonly districts: DistrictState[];
  private readonly familyDistrict: Uint16Array;
  private readonly familyTarget: Uint8Array;
  /** Creation instant of each case (day × slots + slot), to number cases in order. */
  private readonly caseCreated: Float64Array;

  private readonly users: User[] = [];
  private readonly userNames = new Map<string, string>();
  private readonly mahallas: Mahalla[] = [];
  private readonly cases: FamilyCase[] = [];
  private readonly persons: Person[] = [];
  private readonly memberships: Membership[] = [];
  private readonly history: CaseHistoryEntry[] = [];
  /** Last PINFL serial used per birth day: serials count up per day, so they are unique per day and area. */
  private readonly pinflSerials: Uint16Array;
  private readonly passportNext = new Map<string, number>();

  // ---- the family being made
  private district!: DistrictState;
  private installationId = '';
  private managerId = '';
  private caseId = '';
  private spelling = 0;
  private risk: RiskLevel = 'R1';
  private reopened = false;
  private readonly steps: Step[] = [];
  private createdDay = 0;
  private caseCreatedAt = '';
  private lastDay = 0;
  private lastSlot = 0;
  private consentDay = -1;
  private closedDay = 0;
  private readonly members: Person[] = [];
  private readonly relations: Relation[] = [];
  private readonly fromDays: number[] = [];
  private readonly births: number[] = [];
  private codes: string[] = [];

  constructor(options: GenerateOfficeOptions) {
    const familyCount = options.families;
    if (!Number.isInteger(familyCount) || familyCount < 0) throw new RangeError('families must be a non-negative integer');
    const today = options.today ?? GENERATOR_TODAY;
    if (!isIsoDate(today) || today < '1990-01-01' || today > `${CAL_LAST_YEAR - 1}-12-31`) throw new RangeError(`today must be a date in 1990..${CAL_LAST_YEAR - 1}`);
    this.familyCount = familyCount;
    this.pinflSerials = new Uint16Array(this.cal.iso.length);
    this.today = today;
    this.todayDay = dayOf(today);
    this.adultBorn = `${this.cal.year[this.todayDay]! - 18}-${today.slice(5)}`;
    const rng = (this.rng = createRng(options.seed ?? 1));

    this.districts = pickDistricts(rng, options.districts ?? 1).map(({ region, district }) => ({
      info: { regionCode: region.code, districtCode: district.code, installationId: uuid(rng), name: district.name },
      city: district.type !== 'district',
      managerIds: [],
      mahallaIds: weightedTable([''], [1]),
      areaCodes: [],
      schools: [],
      kindergartens: [],
      polyclinics: [],
      schoolWho: [],
      schoolEntries: [],
      kindergartenEntries: [],
      collegeEntries: [],
      openFamilies: 0,
      agreementSeq: new Map(),
    }));
    // Families per district (unequal districts) and what each case ends up as, drawn first so
    // that the number of case managers can follow the open caseload.
    const districtWeights = weightedTable(
      this.districts.map((_, i) => i),
      this.districts.map(() => 0.5 + rng.next()),
    );
    this.familyDistrict = new Uint16Array(familyCount);
    this.familyTarget = new Uint8Array(familyCount);
    this.caseCreated = new Float64Array(familyCount);
    for (let f = 0; f < familyCount; f += 1) {
      const d = rng.weighted(districtWeights);
      const target = rng.weighted(TARGETS);
      this.familyDistrict[f] = d;
      this.familyTarget[f] = target;
      if (target < OPEN_STAGES.length) this.districts[d]!.openFamilies += 1;
    }
    const setupDay = this.todayDay - HISTORY_DAYS - rng.int(30, 90);
    for (const district of this.districts) this.setUpDistrict(district, setupDay);
    for (const series of PASSPORT_SERIES.items) this.passportNext.set(series, rng.int(1_000_000, 1_900_000));
  }

  build(): GeneratedOffice {
    for (let f = 0; f < this.familyCount; f += 1) this.family(f);
    this.numberCases();
    const first = this.districts[0]!.info;
    return {
      office: { ...first, districts: this.districts.map((d) => d.info) },
      users: this.users,
      mahallas: this.mahallas,
      cases: this.cases,
      persons: this.persons,
      memberships: this.memberships,
      history: this.history,
    };
  }

  // ---------------------------------------------------------------- helpers

  private stamp(day: number, slot: number): string {
    return this.cal.iso[day]! + this.time[slot]!;
  }

  private yearsAgo(years: number): number {
    return this.todayDay - Math.floor(years * 365.2425) - this.rng.int(0, 364);
  }

  private ageYears(birthDay: number): number {
    return (this.todayDay - birthDay) / 365.2425;
  }

  private givenNames(female: boolean, birthDay: number): WeightedTable<GivenName> {
    const year = this.cal.year[birthDay]!;
    const n = this.names;
    if (year < 1972) return female ? n.oldFemale : n.oldMale;
    if (year < 2005) return female ? n.adultFemale : n.adultMale;
    return female ? n.childFemale : n.childMale;
  }

  private firstName(female: boolean, birthDay: number): BiScriptText {
    return this.rng.weighted(this.givenNames(female, birthDay)).name[this.spelling]!;
  }

  /** A patronymic formed from a father's name of the grandparents' generation. */
  private oldPatronymic(female: boolean): BiScriptText {
    const father = this.rng.weighted(this.names.oldMale);
    return (female ? father.daughterOf : father.sonOf)![this.spelling]!;
  }

  private surname(entry: SurnameEntry, female: boolean): BiScriptText {
    return (female ? entry.female : entry.male)[this.spelling]!;
  }

  private code(code: string): void {
    if (this.codes.length < 4 && !this.codes.includes(code)) this.codes.push(code);
  }

  // ---------------------------------------------------------------- setup: users, mahallas, schools

  private newUser(district: DistrictState, day: number, roles: User['roles'], position: string, createdBy: string | null): User {
    const rng = this.rng;
    const female = rng.chance(0.7);
    const surname = rng.weighted(this.names.surnames)[female ? 'female' : 'male'][SPELLING_LATN]!;
    const given = rng.weighted(female ? this.names.adultFemale : this.names.adultMale).name[SPELLING_LATN]!;
    const father = rng.weighted(this.names.oldMale);
    const patronymic = (female ? father.daughterOf : father.sonOf)![SPELLING_LATN]!;
    const latn = `${surname.latn} ${given.latn} ${patronymic.latn}`;
    const id = uuid(rng);
    const at = this.stamp(day, rng.int(0, SLOTS - 1));
    const by = createdBy ?? id;
    return {
      id,
      installationId: district.info.installationId,
      createdAt: at,
      createdBy: by,
      updatedAt: at,
      updatedBy: by,
      rev: 1,
      deletedAt: null,
      // Unique across districts without another draw from the generator (same seed, same data).
      username: `user-${id.slice(0, 8)}`,
      fullName: { latn, cyrl: latToCyr(latn), typed: 'latn' },
      position,
      phone: null,
      roles,
      mahallaIds: [],
      active: true,
    };
  }

  private setUpDistrict(district: DistrictState, setupDay: number): void {
    const rng = this.rng;
    const installationId = district.info.installationId;
    // The administrator set the installation up; then the case managers were added.
    const admin = this.newUser(district, setupDay, ['administrator'], 'Boʻlim boshligʻi', null);
    this.users.push(admin);
    const managerCount = Math.max(3, Math.ceil(district.openFamilies / 150));
    for (let m = 0; m < managerCount; m += 1) {
      const manager = this.newUser(district, setupDay + rng.int(0, 20), ['caseManager'], 'Keys-menejer', admin.id);
      district.managerIds.push(manager.id);
      this.userNames.set(manager.id, manager.fullName.latn);
      this.users.push(manager);
    }

    // Mahallas: 15–40 of the name list, with unequal populations.
    const names = this.names.mahallas;
    const mahallaCount = Math.min(names.length, rng.int(15, 40));
    const order = names.map((_, i) => i);
    const ids: string[] = [];
    for (let k = 0; k < mahallaCount; k += 1) {
      const j = rng.int(k, order.length - 1);
      [order[k], order[j]] = [order[j]!, order[k]!];
      const at = this.stamp(setupDay, rng.int(0, SLOTS - 1));
      const mahalla: Mahalla = {
        id: uuid(rng),
        installationId,
        createdAt: at,
        createdBy: admin.id,
        updatedAt: at,
        updatedBy: admin.id,
        rev: 1,
        deletedAt: null,
        name: names[order[k]!]!,
      };
      this.mahallas.push(mahalla);
      ids.push(mahalla.id);
    }
    district.mahallaIds = weightedTable(
      ids,
      ids.map(() => 0.4 + 1.6 * rng.next()),
    );

    // PINFLs of people registered here carry one of a few passport-office codes, unique per district.
    const used = new Set(this.districts.flatMap((d) => d.areaCodes));
    for (let k = 0; k < 3; k += 1) {
      let area = rng.int(1, 999);
      while (used.has(area)) area = rng.int(1, 999);
      used.add(area);
      district.areaCodes.push(area);
    }
    const schoolCount = mahallaCount + rng.int(0, 10);
    district.schools = Array.from({ length: schoolCount }, (_, k) => `${k + 1}-umumiy oʻrta taʼlim maktabi`);
    district.schoolWho = district.schools.flatMap((_, k) => [`${k + 1}-maktab direktori`, `${k + 1}-maktab psixologi`, `${k + 1}-maktab sinf rahbari`]);
    district.kindergartens = Array.from({ length: Math.ceil(schoolCount / 2) }, (_, k) => `${k + 1}-son davlat MTT`);
    district.polyclinics = [
      ...Array.from({ length: rng.int(2, 5) }, (_, k) => `${k + 1}-oilaviy poliklinika`),
      'Qishloq vrachlik punkti',
      'Patronaj hamshirasi',
      'Tuman tibbiyot birlashmasi',
    ];
    district.schoolEntries = new Array<Education | null>(schoolCount * GRADES.length).fill(null);
    district.kindergartenEntries = new Array<Education | null>(district.kindergartens.length * KINDERGARTEN_GROUPS.length).fill(null);
    district.collegeEntries = ['1-kurs', '2-kurs'].map((grade) => ({ institution: 'Tuman kasb-hunar maktabi', grade }));
  }

  // ---------------------------------------------------------------- one family

  private family(f: number): void {
    const rng = this.rng;
    const district = (this.district = this.districts[this.familyDistrict[f]!]!);
    this.installationId = district.info.installationId;
    this.managerId = rng.pick(district.managerIds);
    this.spelling = rng.weighted(SPELLINGS);
    this.caseId = uuid(rng);
    const target = this.familyTarget[f]!;
    const outcome = target < OPEN_STAGES.length ? null : TARGET_OUTCOMES[target - OPEN_STAGES.length]!;
    // Risk first: it decides the emergency path.
    this.risk = outcome === 'notEligible' ? (rng.chance(0.7) ? 'R0' : 'R1') : rng.weighted(RISK);

    const createDelay = rng.int(0, 3);
    const span = this.plan(target, outcome, createDelay);
    const referralDay = this.todayDay - span;
    this.createdDay = Math.min(this.todayDay, referralDay + createDelay);
    this.lastDay = this.createdDay;
    this.lastSlot = rng.int(0, SLOTS - 400);
    this.caseCreatedAt = this.stamp(this.createdDay, this.lastSlot);
    this.caseCreated[f] = this.createdDay * SLOTS + this.lastSlot;
    const facts = this.replay();

    this.members.length = 0;
    this.relations.length = 0;
    this.fromDays.length = 0;
    this.codes = [];
    const head = this.makeFamily(referralDay);
    const children = this.classify();
    // The primary assessment confirmed the criteria recorded at identification.
    if (facts.eligibility?.decision === 'eligible' && this.codes.length) facts.eligibility = { ...facts.eligibility, confirmedCriteria: [...this.codes] };
    this.store();
    this.cases.push(this.caseRecord(facts, referralDay, head, children));
  }

  // ---------------------------------------------------------------- the stage path

  private step(kind: Step['kind'], gap: number, reason = '', to: OpenStage = 'primaryAssessment', outcome: CloseOutcome = 'other', eligible = true): void {
    this.steps.push({ kind, to, eligible, outcome, gap, reason });
  }

  /** Plans the case's events; returns the days from referral to today. */
  private plan(target: number, outcome: ClosureOutcome | null, createDelay: number): number {
    const rng = this.rng;
    this.steps.length = 0;
    if (this.risk === 'R3' && rng.chance(0.6)) this.step('urgent', rng.int(0, 2), rng.pick(URGENT_REASONS));
    this.reopened = target !== 0 && rng.chance(0.02);
    if (this.reopened) {
      this.step('advance', rng.int(1, 14), '', 'primaryAssessment');
      const first: CloseOutcome = rng.chance(0.5) ? 'refused' : 'lostContact';
      this.step('close', rng.int(5, 40), rng.pick(CLOSE_REASONS[first]), 'primaryAssessment', first);
      this.step('reopen', rng.int(30, 240), rng.pick(REOPEN_REASONS));
    }
    if (outcome === null) {
      this.pathTo(target, rng.chance(0.2), rng.chance(0.3));
      const fixed = this.fixedSpan(createDelay);
      if (target === MONITORING) {
        const span = this.spanFrom(fixed + 30);
        this.monitoringLoops(span - fixed);
        return span;
      }
      return Math.min(Math.max(fixed, HISTORY_DAYS), fixed + rng.int(0, TAIL_MAX[target]!));
    }
    if (outcome === 'notEligible') {
      this.pathTo(1, false, false);
      this.step('decide', rng.int(3, 21), rng.pick(NOT_ELIGIBLE_REASONS), 'primaryAssessment', 'other', false);
      return this.spanFrom(this.fixedSpan(createDelay));
    }
    const stage = rng.weighted(CLOSE_STAGE[outcome]);
    this.pathTo(stage, false, rng.chance(0.3));
    const fixed = this.fixedSpan(createDelay);
    if (stage === MONITORING) {
      const span = this.spanFrom(fixed + 30);
      const monitored = 30 + Math.floor(rng.next() * (span - fixed - 30));
      const left = this.monitoringLoops(monitored);
      this.step('close', Math.max(0, left), rng.pick(CLOSE_REASONS[outcome]), 'primaryAssessment', outcome);
      return span;
    }
    this.step('close', stage === IMPLEMENTATION ? rng.int(30, 180) : rng.int(5, 90), rng.pick(CLOSE_REASONS[outcome]), 'primaryAssessment', outcome);
    return this.spanFrom(this.fixedSpan(createDelay));
  }

  private pathTo(stage: number, signAtAgreement: boolean, decideAtAssessment: boolean): void {
    const rng = this.rng;
    if (stage >= 1 && !this.reopened) this.step('advance', rng.int(1, 14), '', 'primaryAssessment');
    if (stage >= 2 || (stage === 1 && decideAtAssessment)) this.step('decide', rng.int(3, 21), rng.pick(ELIGIBLE_REASONS));
    // Signing is what brings the family to the agreement stage. Families that sign right away come to
    // it on the day of signing; the draws are those of the time when preparing the agreement was a step
    // of its own, so that a seed still gives the same families (the search query set was built from them).
    if (stage >= 2) {
      const preparing = rng.int(0, 5);
      this.step('sign', stage >= 3 || signAtAgreement ? preparing + rng.int(1, 14) : preparing);
    }
    if (stage >= 3) this.step('advance', rng.int(0, 3), '', 'inDepthAssessment');
    if (stage >= 4) this.step('advance', rng.int(7, 35), '', 'planning');
    if (stage >= 5) this.step('advance', rng.int(3, 21), '', 'implementation');
    if (stage >= 6) this.step('advance', rng.int(20, 60), '', 'monitoring');
  }

  /** Plan revisions during `window` days of monitoring; returns the days left after the last one. */
  private monitoringLoops(window: number): number {
    const rng = this.rng;
    const loops = window > 240 ? rng.weighted(LOOP_COUNT) : window > 120 && rng.chance(0.25) ? 1 : 0;
    let left = window;
    for (let j = 0; j < loops; j += 1) {
      const reassess = rng.chance(0.2);
      const gapPlan = rng.int(3, 14);
      const gapImpl = rng.int(3, 14);
      const gapMon = rng.int(14, 45);
      const need = gapImpl + gapMon + (reassess ? gapPlan : 0);
      if (left < need + 30) break;
      const segment = 30 + Math.floor(rng.next() * ((left - need - 30) / (loops - j + 1)));
      if (reassess) {
        this.step('advance', segment, rng.pick(REASSESS_REASONS), 'inDepthAssessment');
        this.step('advance', gapPlan, '', 'planning');
      } else {
        this.step('advance', segment, rng.pick(LOOP_REASONS), 'planning');
      }
      this.step('advance', gapImpl, '', 'implementation');
      this.step('advance', gapMon, '', 'monitoring');
      left -= segment + need;
    }
    return left;
  }

  private fixedSpan(createDelay: number): number {
    let sum = createDelay;
    for (const step of this.steps) sum += step.gap;
    return sum;
  }

  private spanFrom(min: number): number {
    return this.rng.int(Math.min(min, HISTORY_DAYS), Math.max(min, HISTORY_DAYS));
  }

  /** Runs the planned events through the stage machine, recording history; returns the final facts. */
  private replay(): StageFacts {
    const rng = this.rng;
    const { iso } = this.cal;
    const todayDay = this.todayDay;
    this.history.push(this.entry('created', null, 'identification', '', this.caseCreatedAt, undefined));
    let facts: StageFacts = { stage: 'identification', eligibility: null, agreement: null, closure: null };
    const context = { today: this.today, userId: this.managerId };
    let day = this.createdDay;
    this.consentDay = -1;
    this.closedDay = todayDay;
    for (const step of this.steps) {
      day = Math.min(todayDay, day + step.gap);
      const event = this.event(step, day);
      if (step.kind === 'advance' && step.to === 'primaryAssessment' && this.consentDay < 0) this.consentDay = day;
      const result = applyCaseEvent(facts, event, context);
      if (!result.ok) throw new Error(`generator: ${event.type} refused (${result.refusal}) at ${facts.stage}`);
      const slot = day === this.lastDay ? Math.min(SLOTS - 1, this.lastSlot + rng.int(1, 40)) : rng.int(0, SLOTS - 1);
      this.lastDay = day;
      this.lastSlot = slot;
      const { kind, from, to, reason } = result.change;
      const action =
        kind === 'urgentAction' ? { description: rng.pick(URGENT_ACTIONS), responsible: rng.pick(URGENT_RESPONSIBLE), dueDate: iso[Math.min(todayDay, day + rng.int(1, 7))]! } : undefined;
      this.history.push(this.entry(kind, from, to, reason, this.stamp(day, slot), action));
      facts = result.facts;
      if (facts.stage === 'closed') this.closedDay = day;
    }
    return facts;
  }

  private event(step: Step, day: number): CaseEvent {
    const date = this.cal.iso[day]!;
    switch (step.kind) {
      case 'advance':
        return step.reason ? { type: 'advance', to: step.to, reason: step.reason } : { type: 'advance', to: step.to };
      case 'decide':
        // The family's criteria are drawn after its path; a stand-in is confirmed here and replaced below.
        return { type: 'decideEligibility', decision: step.eligible ? 'eligible' : 'notEligible', reason: step.reason, date, ...(step.eligible ? { criteria: [CRITERION_STAND_IN], riskLevel: this.risk } : {}) };
      case 'sign': {
        const year = this.cal.year[day]!;
        const seq = (this.district.agreementSeq.get(year) ?? 0) + 1;
        this.district.agreementSeq.set(year, seq);
        return { type: 'signAgreement', signedDate: date, number: `${seq}/${year}` };
      }
      case 'close':
        return { type: 'close', outcome: step.outcome, reason: step.reason, date };
      case 'reopen':
        return { type: 'reopen', reason: step.reason };
      case 'urgent':
        return { type: 'urgentAction', reason: step.reason };
    }
  }

  private entry(kind: CaseHistoryEntry['kind'], from: CaseHistoryEntry['from'], to: CaseHistoryEntry['to'], reason: string, at: string, action: CaseHistoryEntry['action']): CaseHistoryEntry {
    const by = this.managerId;
    const id = uuid(this.rng);
    return action
      ? { id, installationId: this.installationId, createdAt: at, createdBy: by, updatedAt: at, updatedBy: by, rev: 1, deletedAt: null, caseId: this.caseId, kind, from, to, reason, action }
      : { id, installationId: this.installationId, createdAt: at, createdBy: by, updatedAt: at, updatedBy: by, rev: 1, deletedAt: null, caseId: this.caseId, kind, from, to, reason };
  }

  // ---------------------------------------------------------------- the family's members

  /** Makes the members (into this.members/relations/fromDays); returns the head. */
  private makeFamily(referralDay: number): Person {
    const rng = this.rng;
    const names = this.names;
    const latestBirth = this.closedDay;
    const shape = rng.next();
    const kinship = shape < 0.04;
    const singleMother = !kinship && shape < 0.165;
    const singleFather = !kinship && !singleMother && shape < 0.19;
    const twoParents = !kinship && !singleMother && !singleFather;
    const fatherMigrant = twoParents && rng.chance(0.125);
    if (this.risk === 'R3') this.code(rng.pick(SEVERE_CODES));

    // Children's birth days, eldest first; none born after the case was closed.
    const births = this.births;
    births.length = 0;
    const childCount = kinship ? rng.int(1, 4) : rng.weighted(CHILD_COUNT);
    const minAge = Math.ceil((this.todayDay - latestBirth) / 365.2425);
    const eldestAge =
      !kinship && rng.chance(0.07)
        ? rng.int(Math.max(18, minAge), Math.max(22, minAge))
        : rng.int(Math.min(17, Math.max(minAge, (childCount - 1) * 3)), Math.max(17, minAge));
    births.push(Math.min(latestBirth, this.yearsAgo(eldestAge)));
    while (births.length < childCount) {
      const previous = births[births.length - 1]!;
      const next = rng.chance(0.015) ? previous : previous + 365 + rng.int(30, 1200);
      if (next > latestBirth) break;
      births.push(next);
    }
    // The child is at the centre: someone must have been under 18 when the family was referred.
    const lastBirth = births[births.length - 1]!;
    const minorAtReferral = referralDay - Math.floor(18 * 365.2425) + 2;
    if (lastBirth < minorAtReferral) births.push(Math.max(lastBirth + 400, minorAtReferral + rng.int(0, Math.max(0, latestBirth - minorAtReferral - 400))));

    const motherBirth = births[0]! - Math.floor(rng.int(20, 32) * 365.2425) - rng.int(0, 364);
    const fatherBirth = motherBirth - Math.floor(rng.int(0, Math.max(0, Math.min(8, Math.floor(55 - this.ageYears(motherBirth))))) * 365.2425) - rng.int(0, 200);
    const base = rng.weighted(names.surnames);
    const childrensFather = rng.weighted(this.givenNames(false, fatherBirth));

    if (kinship) return this.kinshipFamily(base, childrensFather);

    const father: Adult | null = singleMother ? null : { birth: fatherBirth, surname: this.surname(base, false), first: childrensFather.name[this.spelling]!, patronymic: this.oldPatronymic(false) };
    // Wives often take the husband's surname (feminine form), often keep their own.
    const motherSurname = singleFather ? null : rng.chance(singleMother ? 0.5 : 0.6) ? base : rng.weighted(names.surnames);
    const mother: Adult | null = motherSurname ? { birth: motherBirth, surname: this.surname(motherSurname, true), first: this.firstName(true, motherBirth), patronymic: this.oldPatronymic(true) } : null;
    const motherHeads = singleMother || (fatherMigrant ? rng.chance(0.35) : twoParents && rng.chance(0.03));
    if (motherHeads) {
      this.addPerson(true, mother!, 'head', false, null, false);
      if (father) this.addPerson(false, father, 'spouse', fatherMigrant, null, false);
    } else {
      this.addPerson(false, father!, 'head', fatherMigrant, null, false);
      if (mother) this.addPerson(true, mother, 'spouse', false, null, false);
    }
    const head = this.members[0]!;

    // Often the head's mother lives with them (households of three generations), sometimes his father too.
    if (rng.chance(0.18)) {
      const headAge = Math.floor(this.ageYears(motherHeads ? motherBirth : fatherBirth));
      // The head's father carries the head's surname when the head is the man of the house.
      const family = motherHeads ? rng.weighted(names.surnames) : base;
      const birth = this.yearsAgo(Math.min(88, headAge + rng.int(20, 32)));
      const surname = this.surname(rng.chance(0.75) ? family : rng.weighted(names.surnames), true);
      this.addPerson(true, { birth, surname, first: this.firstName(true, birth), patronymic: this.oldPatronymic(true) }, 'parent', false, null, false);
      if (rng.chance(0.25)) {
        const fatherOfHead = Math.min(this.todayDay - 365 * 40, birth - rng.int(0, 6 * 365));
        this.addPerson(false, { birth: fatherOfHead, surname: this.surname(family, false), first: this.firstName(false, fatherOfHead), patronymic: this.oldPatronymic(false) }, 'parent', false, null, false);
      }
    }
    const stepchild = twoParents && births.length >= 2 && rng.chance(0.03);
    for (let k = 0; k < births.length; k += 1) {
      const birth = births[k]!;
      const female = rng.chance(0.485);
      const step = stepchild && k === 0;
      const dad = step ? rng.weighted(names.adultMale) : childrensFather;
      const child: Adult = {
        birth,
        surname: this.surname(step ? rng.weighted(names.surnames) : base, female),
        first: this.firstName(female, birth),
        patronymic: (female ? dad.daughterOf : dad.sonOf)![this.spelling]!,
      };
      this.addPerson(female, child, step ? 'stepchild' : 'child', false, rng.chance(0.035), true);
    }
    if (singleMother || singleFather) this.code('FAM_SINGLE_PARENT');
    if (singleMother && rng.chance(0.3)) this.code('ECO_BREADWINNER_LOST');
    if (fatherMigrant) this.code('ECO_LABOUR_MIGRATION');
    return head;
  }

  /** A grandmother raising her son's children while the parents work abroad. */
  private kinshipFamily(base: SurnameEntry, childrensFather: GivenName): Person {
    const rng = this.rng;
    const grandmaBirth = this.yearsAgo(rng.int(50, 72));
    const grandmaSurname = this.surname(rng.chance(0.7) ? base : rng.weighted(this.names.surnames), true);
    this.addPerson(true, { birth: grandmaBirth, surname: grandmaSurname, first: this.firstName(true, grandmaBirth), patronymic: this.oldPatronymic(true) }, 'head', false, null, false);
    if (rng.chance(0.35)) {
      const birth = grandmaBirth - rng.int(0, 8 * 365);
      this.addPerson(false, { birth, surname: this.surname(base, false), first: this.firstName(false, birth), patronymic: this.oldPatronymic(false) }, 'spouse', false, null, false);
    }
    for (const birth of this.births) {
      const female = rng.chance(0.485);
      const patronymic = (female ? childrensFather.daughterOf : childrensFather.sonOf)![this.spelling]!;
      this.addPerson(female, { birth, surname: this.surname(base, female), first: this.firstName(female, birth), patronymic }, 'grandchild', false, rng.chance(0.035), true);
    }
    this.code('FAM_KINSHIP_CARE');
    if (rng.chance(0.5)) this.code('ECO_LABOUR_MIGRATION');
    return this.members[0]!;
  }

  /** `disabled` null: drawn by age. `bornHere`: PINFL issued in this district. */
  private addPerson(female: boolean, who: Adult, relation: Relation, migrant: boolean, disabled: boolean | null, bornHere: boolean): void {
    const rng = this.rng;
    const district = this.district;
    const birthDay = who.birth;
    const age = this.ageYears(birthDay);
    const pinfl = (age < 1 ? rng.chance(0.5) : rng.chance(0.92)) ? this.pinfl(female, birthDay, bornHere) : null;
    let document: string | null = null;
    if (age >= 16 && rng.chance(0.7)) {
      const series = age < 25 ? rng.pick(ID_CARD_SERIES) : rng.weighted(PASSPORT_SERIES);
      const number = this.passportNext.get(series)!;
      this.passportNext.set(series, number + rng.int(1, 20));
      document = series + number;
    }
    let education: Education | null = null;
    let employment: string | null = null;
    if (age >= 3 && age < 7) {
      if (rng.chance(0.65)) {
        const k = rng.int(0, district.kindergartens.length - 1);
        const group = Math.min(3, Math.floor(age) - 3);
        const index = k * KINDERGARTEN_GROUPS.length + group;
        education = district.kindergartenEntries[index] ??= { institution: district.kindergartens[k]!, grade: KINDERGARTEN_GROUPS[group]! };
      }
    } else if (age >= 7 && age < 18) {
      if (age >= 16 && rng.chance(0.25)) education = rng.pick(district.collegeEntries);
      else if (rng.chance(0.95)) {
        const k = rng.int(0, district.schools.length - 1);
        const grade = Math.min(GRADES.length - 1, Math.floor(age) - 7);
        const index = k * GRADES.length + grade;
        education = district.schoolEntries[index] ??= { institution: district.schools[k]!, grade: GRADES[grade]! };
      }
    } else if (age >= 18) {
      employment = migrant
        ? MIGRANT_WORK
        : age >= 60
          ? PENSIONER
          : age < 23 && relation === 'child'
            ? rng.weighted(EMPLOYMENT_YOUNG)
            : rng.weighted(female ? EMPLOYMENT_WOMEN : EMPLOYMENT_MEN);
    }
    let disability: DisabilityGroup | null = null;
    if (disabled ?? rng.chance(age >= 55 ? 0.1 : 0.035)) disability = age < 18 ? 'child' : rng.weighted(ADULT_DISABILITY);
    const migration = migrant ? { country: rng.weighted(MIGRATION_COUNTRIES), since: this.cal.iso[this.todayDay - rng.int(60, 2000)]! } : null;
    const healthNotes = disability ? rng.pick(DISABILITY_NOTES) : rng.chance(age >= 45 ? 0.2 : 0.04) ? rng.pick(HEALTH_NOTES) : '';
    // Members present when the case was opened came with it; children born later were added after birth.
    const fromDay = Math.max(this.createdDay, birthDay);
    const at = fromDay === this.createdDay ? this.caseCreatedAt : this.stamp(Math.min(this.closedDay, birthDay + rng.int(3, 60)), rng.int(0, SLOTS - 1));
    const by = this.managerId;
    this.members.push({
      id: uuid(rng),
      installationId: this.installationId,
      createdAt: at,
      createdBy: by,
      updatedAt: at,
      updatedBy: by,
      rev: 1,
      deletedAt: null,
      surname: who.surname,
      firstName: who.first,
      patronymic: rng.chance(0.03) ? null : who.patronymic,
      sex: female ? 'female' : 'male',
      birthDate: this.cal.iso[birthDay]!,
      pinfl,
      pinflCheckAccepted: false,
      document,
      education,
      employment,
      disability,
      migration,
      healthNotes,
      // Kept by the repository, like the case's searchKeys: a loader fills it.
      dupKey: '',
    });
    this.relations.push(relation);
    this.fromDays.push(fromDay);
  }

  /**
   * A valid PINFL, unique: the serial counts up per birth day (so it is unique per day and
   * passport-office code too, as the real numbers are) — a typed array, no map lookups.
   */
  private pinfl(female: boolean, birthDay: number, bornHere: boolean): string | null {
    const rng = this.rng;
    const year = this.cal.year[birthDay]!;
    const serial = (this.pinflSerials[birthDay] || rng.int(0, 4)) + rng.int(1, 2);
    // Never reached by realistic volumes (a few dozen people per birth day); no number rather than a duplicate.
    if (serial > 999) return null;
    this.pinflSerials[birthDay] = serial;
    const area = bornHere || rng.chance(0.7) ? rng.pick(this.district.areaCodes) : rng.int(1, 999);
    {
      const chars = PINFL_FIRST13;
      chars[0] = ZERO + (year < 2000 ? (female ? 4 : 3) : female ? 6 : 5);
      putDigits(chars, 1, this.cal.dom[birthDay]!, 2);
      putDigits(chars, 3, this.cal.month[birthDay]!, 2);
      putDigits(chars, 5, year % 100, 2);
      putDigits(chars, 7, area, 3);
      putDigits(chars, 10, serial, 3);
      for (let k = 0; k < 13; k += 1) PINFL_CHARS[k] = chars[k]!;
      PINFL_CHARS[13] = ZERO + pinflCheckDigit(flat(chars));
      return flat(PINFL_CHARS);
    }
  }

  /** Vulnerability from who the family is, then the usual mix; returns the children under 18 today. */
  private classify(): number {
    let under18 = 0;
    for (const person of this.members) {
      if (person.birthDate > this.adultBorn) under18 += 1;
      if (person.disability === 'child') this.code('HLT_CHILD_DISABILITY');
      else if (person.disability === 'group1' || person.disability === 'group2') this.code('HLT_ADULT_DISABILITY');
    }
    if (under18 >= 4 && this.rng.chance(0.7)) this.code('FAM_LARGE');
    const wanted = this.rng.weighted(CODE_COUNT);
    while (this.codes.length < wanted) this.code(this.rng.weighted(GENERAL_CODES));
    return under18;
  }

  /** Persons and their memberships into the output. */
  private store(): void {
    const rng = this.rng;
    const by = this.managerId;
    for (let k = 0; k < this.members.length; k += 1) {
      const person = this.members[k]!;
      const at = person.createdAt;
      this.memberships.push({
        id: uuid(rng),
        installationId: this.installationId,
        createdAt: at,
        createdBy: by,
        updatedAt: at,
        updatedBy: by,
        rev: 1,
        deletedAt: null,
        caseId: this.caseId,
        personId: person.id,
        relation: this.relations[k]!,
        from: this.cal.iso[this.fromDays[k]!]!,
        to: null,
      });
      this.persons.push(person);
    }
  }

  // ---------------------------------------------------------------- the case record

  private referralWho(source: ReferralSource): string {
    const rng = this.rng;
    switch (source) {
      case 'mahalla':
        return rng.pick(WHO_MAHALLA);
      case 'school':
        return rng.pick(this.district.schoolWho);
      case 'polyclinic':
        return rng.pick(this.district.polyclinics);
      case 'police':
        return rng.pick(WHO_POLICE);
      case 'family':
        return rng.pick(WHO_FAMILY);
      case 'ngo':
        return rng.pick(WHO_NGO);
      default:
        return rng.pick(WHO_OTHER);
    }
  }

  private phones(): string[] {
    const rng = this.rng;
    const count = rng.weighted(PHONE_COUNT);
    const phones: string[] = [];
    for (let p = 0; p < count; p += 1) {
      // Stored normalized, as caseDraft's normalizePhone leaves it: +998901234567.
      PHONE_CHARS[0] = 43;
      putDigits(PHONE_CHARS, 1, 998, 3);
      putDigits(PHONE_CHARS, 4, rng.pick(PHONE_OPERATORS), 2);
      putDigits(PHONE_CHARS, 6, rng.int(0, 9_999_999), 7);
      phones.push(flat(PHONE_CHARS));
    }
    return phones;
  }

  private caseRecord(facts: StageFacts, referralDay: number, head: Person, children: number): FamilyCase {
    const rng = this.rng;
    const district = this.district;
    const { iso } = this.cal;
    const source = rng.weighted(REFERRAL_SOURCE_TABLE);
    const referral: Referral = {
      source,
      who: this.referralWho(source),
      date: iso[referralDay]!,
      reason: rng.pick(REASONS_BY_DOMAIN[this.domains.get(this.codes[0]!)!]!),
    };
    const address: Address = {
      regionCode: district.info.regionCode,
      districtCode: district.info.districtCode,
      mahallaId: rng.weighted(district.mahallaIds),
      street: rng.pick(STREETS),
      house: String(rng.int(1, district.city ? 60 : 180)),
      apartment: district.city && rng.chance(0.55) ? String(rng.int(1, 120)) : '',
    };
    const phones = this.phones();
    const consent: Consent | null =
      this.consentDay >= 0 ? { date: iso[this.consentDay]!, takenBy: this.userNames.get(this.managerId)!, paperLocation: rng.pick(PAPER_LOCATIONS) } : null;
    const at = this.caseCreatedAt;
    const by = this.managerId;
    return {
      id: this.caseId,
      installationId: this.installationId,
      createdAt: at,
      createdBy: by,
      updatedAt: at,
      updatedBy: by,
      rev: 1,
      deletedAt: null,
      stage: facts.stage,
      eligibility: facts.eligibility,
      agreement: facts.agreement,
      closure: facts.closure,
      caseNumber: '',
      address,
      phones,
      referral,
      vulnerability: this.codes,
      riskLevel: this.risk,
      consent,
      caseManagerId: by,
      custody: { districtCode: district.info.districtCode, since: at },
      summary: { head: { surname: head.surname, firstName: head.firstName }, members: this.members.length, children },
      // Folded keys are the repository's job (buildCaseIndex): a loader fills them.
      sortName: '',
      searchKeys: [],
    };
  }

  /** Case numbers as the repository makes them, in creation order per installation and year. */
  private numberCases(): void {
    const { familyDistrict, caseCreated } = this;
    const prefixes = this.districts.map(({ info }) => `${info.districtCode}-${info.installationId.slice(0, 4).toUpperCase()}-`);
    const order = Array.from({ length: this.familyCount }, (_, i) => i);
    order.sort((x, y) => familyDistrict[x]! - familyDistrict[y]! || caseCreated[x]! - caseCreated[y]! || x - y);
    let seq = 0;
    let seqDistrict = -1;
    let seqYear = -1;
    for (const i of order) {
      const d = familyDistrict[i]!;
      const year = this.cal.year[Math.floor(caseCreated[i]! / SLOTS)]!;
      if (d !== seqDistrict || year !== seqYear) {
        seqDistrict = d;
        seqYear = year;
        seq = 0;
      }
      seq += 1;
      this.cases[i]!.caseNumber = `${prefixes[d]!}${year}-${seq < 10 ? '000' : seq < 100 ? '00' : seq < 1000 ? '0' : ''}${seq}`;
    }
  }
}
