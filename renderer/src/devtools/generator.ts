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
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const uint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
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

/** A UUID v4-shaped id (lower-case, like crypto.randomUUID) from the PRNG. */
function uuid(rng: Rng): string {
  let word = 0;
  let h = 0;
  for (let p = 0; p < 36; p += 1) {
    if (p === 8 || p === 13 || p === 18 || p === 23) {
      ID_CHARS[p] = 45;
      continue;
    }
    if ((h & 7) === 0) word = rng.uint32();
    let nibble = (word >>> ((h & 7) * 4)) & 15;
    if (h === 12) nibble = 4;
    else if (h === 16) nibble = 8 | (nibble & 3);
    ID_CHARS[p] = HEX[nibble]!;
    h += 1;
  }
  return flat(ID_CHARS);
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
const OPEN_STAGES: readonly OpenStage[] = ['identification', 'primaryAssessment', 'agreement', 'inDepthAssessment', 'planning', 'implementation', 'monitoring'];
const MONITORING = 6;

/** What the family's case ends up as: an open stage (0–6) or a closure outcome. */
type CloseOutcome = Exclude<ClosureOutcome, 'notEligible'>;
type Target = { open: number } | { closed: ClosureOutcome };
const TARGETS = weightedTable<Target>(
  [
    ...OPEN_STAGES.map((_, open) => ({ open })),
    { closed: 'selfSufficient' },
    { closed: 'notEligible' },
    { closed: 'movedAway' },
    { closed: 'refused' },
    { closed: 'lostContact' },
    { closed: 'childPlaced' },
    { closed: 'other' },
  ],
  [...[5, 8, 5, 7, 8, 27, 40].map((w) => w * 0.65), ...[58, 12, 10, 9, 5, 3, 3].map((w) => w * 0.35)],
);
/** At which open stage a case is closed with an outcome. */
const CLOSE_STAGE: Record<CloseOutcome, WeightedTable<number>> = {
  selfSufficient: weightedTable([5, 6], [10, 90]),
  movedAway: weightedTable([0, 1, 2, 3, 4, 5, 6], [5, 10, 5, 10, 10, 25, 35]),
  refused: weightedTable([0, 1, 2, 3, 4, 5, 6], [10, 30, 35, 10, 5, 5, 5]),
  lostContact: weightedTable([1, 2, 3, 4, 5, 6], [5, 5, 5, 10, 35, 40]),
  childPlaced: weightedTable([3, 4, 5, 6], [20, 20, 30, 30]),
  other: weightedTable([0, 1, 2, 3, 4, 5, 6], [5, 15, 10, 10, 10, 25, 25]),
};
/** How long an open case may have sat at its stage since the last event (monitoring: any time). */
const TAIL_MAX = [30, 40, 30, 45, 40, 150, 30];

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

let domainByCode: Map<string, string> | undefined;
function codeDomains(): Map<string, string> {
  if (domainByCode) return domainByCode;
  domainByCode = new Map(VULNERABILITY_CRITERIA.map((criterion) => [criterion.code, criterion.domain]));
  const used = [...GENERAL_CODES.items, ...SEVERE_CODES, 'FAM_SINGLE_PARENT', 'ECO_LABOUR_MIGRATION', 'FAM_KINSHIP_CARE', 'ECO_BREADWINNER_LOST', 'FAM_LARGE', 'HLT_CHILD_DISABILITY', 'HLT_ADULT_DISABILITY'];
  for (const code of used) if (!domainByCode.has(code)) throw new Error(`generator: unknown vulnerability code ${code}`);
  return domainByCode;
}

interface DistrictState {
  info: GeneratedDistrict;
  city: boolean;
  adminId: string;
  managerIds: string[];
  mahallaIds: WeightedTable<string>;
  /** Passport-office codes of PINFLs issued here. */
  areaCodes: number[];
  schools: string[];
  kindergartens: string[];
  polyclinics: string[];
  schoolWho: string[];
  /** Education entries, shared: index school × 11 + grade, kindergarten × 4 + group. */
  schoolEntries: ({ institution: string; grade: string } | undefined)[];
  kindergartenEntries: ({ institution: string; grade: string } | undefined)[];
  collegeEntries: { institution: string; grade: string }[];
  openFamilies: number;
  families: number;
  agreementSeq: Map<number, number>;
}

/** One planned stage event: what, after how many days, why. */
interface Step {
  kind: 'advance' | 'decide' | 'sign' | 'close' | 'reopen' | 'urgent';
  to?: OpenStage;
  eligible?: boolean;
  outcome?: CloseOutcome;
  gap: number;
  reason: string;
}

/** Picks `count` districts: one of a rural district for a district office, else spread over several regions. */
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
  const familyCount = options.families;
  if (!Number.isInteger(familyCount) || familyCount < 0) throw new RangeError('families must be a non-negative integer');
  const today = options.today ?? GENERATOR_TODAY;
  if (!isIsoDate(today) || today < '1990-01-01' || today > `${CAL_LAST_YEAR - 1}-12-31`) throw new RangeError(`today must be a date in 1990..${CAL_LAST_YEAR - 1}`);

  const rng = createRng(options.seed ?? 1);
  const names = nameTables();
  const cal = calendar();
  const TIME = times();
  const domains = codeDomains();
  const todayDay = dayOf(today);
  const isoToday = cal.iso[todayDay]!;
  const { iso } = cal;
  /** Born after this (string compare) = under 18 today, exactly as ageOn counts. */
  const adultBorn = `${cal.year[todayDay]! - 18}-${today.slice(5)}`;

  // ---------------------------------------------------------------- districts and who works there
  const picked = pickDistricts(rng, options.districts ?? 1);
  const districts: DistrictState[] = picked.map(({ region, district }) => ({
    info: { regionCode: region.code, districtCode: district.code, installationId: uuid(rng), name: district.name },
    city: district.type !== 'district',
    adminId: '',
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
    families: 0,
    agreementSeq: new Map(),
  }));
  const districtWeights = weightedTable(
    districts.map((_, i) => i),
    districts.map(() => 0.5 + rng.next()),
  );
  const familyDistrict = new Uint16Array(familyCount);
  const familyTarget: Target[] = new Array<Target>(familyCount);
  for (let i = 0; i < familyCount; i += 1) {
    const d = rng.weighted(districtWeights);
    const target = rng.weighted(TARGETS);
    familyDistrict[i] = d;
    familyTarget[i] = target;
    districts[d]!.families += 1;
    if ('open' in target) districts[d]!.openFamilies += 1;
  }

  const users: User[] = [];
  const userNames = new Map<string, string>();
  const mahallas: Mahalla[] = [];
  const usedAreas = new Set<number>();
  const setupDay = todayDay - HISTORY_DAYS - rng.int(30, 90);

  const personName = (female: boolean, spelling: number, first: WeightedTable<GivenName>) => {
    const surname = rng.weighted(names.surnames)[female ? 'female' : 'male'][spelling]!;
    const given = rng.weighted(first).name[spelling]!;
    const father = rng.weighted(names.oldMale);
    return { surname, given, patronymic: (female ? father.daughterOf : father.sonOf)![spelling]! };
  };
  const newUser = (district: DistrictState, day: number, roles: User['roles'], position: string, createdBy: string | null): User => {
    const female = rng.chance(0.7);
    const { surname, given, patronymic } = personName(female, SPELLING_LATN, female ? names.adultFemale : names.adultMale);
    const latn = `${surname.latn} ${given.latn} ${patronymic.latn}`;
    const id = uuid(rng);
    const at = iso[day]! + TIME[rng.int(0, SLOTS - 1)]!;
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
      fullName: { latn, cyrl: latToCyr(latn), typed: 'latn' },
      position,
      roles,
      active: true,
    };
  };

  for (const district of districts) {
    const admin = newUser(district, setupDay, ['administrator'], 'Boʻlim boshligʻi', null);
    district.adminId = admin.id;
    users.push(admin);
    const managerCount = Math.max(3, Math.ceil(district.openFamilies / 150));
    for (let m = 0; m < managerCount; m += 1) {
      const manager = newUser(district, setupDay + rng.int(0, 20), ['caseManager'], 'Keys-menejer', admin.id);
      district.managerIds.push(manager.id);
      userNames.set(manager.id, manager.fullName.latn);
      users.push(manager);
    }

    // Mahallas: 15–40 of the name list, with unequal populations.
    const mahallaCount = Math.min(names.mahallas.length, rng.int(15, 40));
    const order = names.mahallas.map((_, i) => i);
    const ids: string[] = [];
    for (let k = 0; k < mahallaCount; k += 1) {
      const j = rng.int(k, order.length - 1);
      [order[k], order[j]] = [order[j]!, order[k]!];
      const at = iso[setupDay]! + TIME[rng.int(0, SLOTS - 1)]!;
      const mahalla: Mahalla = {
        id: uuid(rng),
        installationId: district.info.installationId,
        createdAt: at,
        createdBy: admin.id,
        updatedAt: at,
        updatedBy: admin.id,
        rev: 1,
        deletedAt: null,
        name: names.mahallas[order[k]!]!,
      };
      mahallas.push(mahalla);
      ids.push(mahalla.id);
    }
    district.mahallaIds = weightedTable(
      ids,
      ids.map(() => 0.4 + 1.6 * rng.next()),
    );

    for (let k = 0; k < 3; k += 1) {
      let area = rng.int(1, 999);
      while (usedAreas.has(area)) area = rng.int(1, 999);
      usedAreas.add(area);
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
    district.collegeEntries = ['1-kurs', '2-kurs'].map((grade) => ({ institution: 'Tuman kasb-hunar maktabi', grade }));
  }

  // ---------------------------------------------------------------- families
  const cases: FamilyCase[] = [];
  const persons: Person[] = [];
  const memberships: Membership[] = [];
  const history: CaseHistoryEntry[] = [];
  const pinflSerials = new Map<number, number>();
  const passportNext = new Map<string, number>();
  for (const series of PASSPORT_SERIES.items) passportNext.set(series, rng.int(1_000_000, 1_900_000));
  /** Sort key of a case's creation, for numbering cases in order per installation and year. */
  const caseCreated = new Float64Array(familyCount);

  const yearsAgo = (years: number) => todayDay - Math.floor(years * 365.2425) - rng.int(0, 364);
  const ageYears = (birthDay: number) => (todayDay - birthDay) / 365.2425;

  for (let f = 0; f < familyCount; f += 1) {
    const district = districts[familyDistrict[f]!]!;
    const target = familyTarget[f]!;
    const installationId = district.info.installationId;
    const managerId = rng.pick(district.managerIds);
    const spelling = rng.weightedPick([SPELLING_LATN, SPELLING_CYRL, SPELLING_RU], [55, 30, 15]);
    const caseId = uuid(rng);

    // ---- risk first: it decides the emergency path
    const notEligible = 'closed' in target && target.closed === 'notEligible';
    const risk: RiskLevel = notEligible ? (rng.chance(0.7) ? 'R0' : 'R1') : rng.weighted(RISK);

    // ---- the stage path
    const steps: Step[] = [];
    const createDelay = rng.int(0, 3);
    if (risk === 'R3' && rng.chance(0.6)) steps.push({ kind: 'urgent', gap: rng.int(0, 2), reason: rng.pick(URGENT_REASONS) });
    const reopened = !('open' in target && target.open === 0) && rng.chance(0.02);
    if (reopened) {
      steps.push({ kind: 'advance', to: 'primaryAssessment', gap: rng.int(1, 14), reason: '' });
      const outcome: CloseOutcome = rng.chance(0.5) ? 'refused' : 'lostContact';
      steps.push({ kind: 'close', outcome, gap: rng.int(5, 40), reason: rng.pick(CLOSE_REASONS[outcome]) });
      steps.push({ kind: 'reopen', gap: rng.int(30, 240), reason: rng.pick(REOPEN_REASONS) });
    }
    const pathTo = (stage: number, signAtAgreement: boolean, decideAtAssessment: boolean) => {
      if (stage >= 1 && !reopened) steps.push({ kind: 'advance', to: 'primaryAssessment', gap: rng.int(1, 14), reason: '' });
      if (stage >= 2 || (stage === 1 && decideAtAssessment)) steps.push({ kind: 'decide', eligible: true, gap: rng.int(3, 21), reason: rng.pick(ELIGIBLE_REASONS) });
      if (stage >= 2) steps.push({ kind: 'advance', to: 'agreement', gap: rng.int(0, 5), reason: '' });
      if (stage >= 3 || (stage === 2 && signAtAgreement)) steps.push({ kind: 'sign', gap: rng.int(1, 14), reason: '' });
      if (stage >= 3) steps.push({ kind: 'advance', to: 'inDepthAssessment', gap: rng.int(0, 3), reason: '' });
      if (stage >= 4) steps.push({ kind: 'advance', to: 'planning', gap: rng.int(7, 35), reason: '' });
      if (stage >= 5) steps.push({ kind: 'advance', to: 'implementation', gap: rng.int(3, 21), reason: '' });
      if (stage >= 6) steps.push({ kind: 'advance', to: 'monitoring', gap: rng.int(20, 60), reason: '' });
    };
    /** Revisions during `window` days of monitoring; returns the days left after the last one. */
    const monitoringLoops = (window: number): number => {
      const loops = window > 240 ? rng.weightedPick([0, 1, 2], [55, 30, 15]) : window > 120 && rng.chance(0.25) ? 1 : 0;
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
          steps.push({ kind: 'advance', to: 'inDepthAssessment', gap: segment, reason: rng.pick(REASSESS_REASONS) });
          steps.push({ kind: 'advance', to: 'planning', gap: gapPlan, reason: '' });
        } else {
          steps.push({ kind: 'advance', to: 'planning', gap: segment, reason: rng.pick(LOOP_REASONS) });
        }
        steps.push({ kind: 'advance', to: 'implementation', gap: gapImpl, reason: '' });
        steps.push({ kind: 'advance', to: 'monitoring', gap: gapMon, reason: '' });
        left -= segment + need;
      }
      return left;
    };
    const fixedSpan = () => steps.reduce((sum, step) => sum + step.gap, createDelay);
    const spanFrom = (min: number) => rng.int(Math.min(min, HISTORY_DAYS), Math.max(min, HISTORY_DAYS));

    let span: number;
    if ('open' in target) {
      pathTo(target.open, rng.chance(0.2), rng.chance(0.3));
      const fixed = fixedSpan();
      if (target.open === MONITORING) {
        span = spanFrom(fixed + 30);
        monitoringLoops(span - fixed);
      } else {
        span = Math.min(Math.max(fixed, HISTORY_DAYS), fixed + rng.int(0, TAIL_MAX[target.open]!));
      }
    } else if (target.closed === 'notEligible') {
      pathTo(1, false, false);
      steps.push({ kind: 'decide', eligible: false, gap: rng.int(3, 21), reason: rng.pick(NOT_ELIGIBLE_REASONS) });
      span = spanFrom(fixedSpan());
    } else {
      const outcome = target.closed;
      const stage = rng.weighted(CLOSE_STAGE[outcome]);
      pathTo(stage, false, rng.chance(0.3));
      const fixed = fixedSpan();
      if (stage === MONITORING) {
        span = spanFrom(fixed + 30);
        const monitored = 30 + Math.floor(rng.next() * (span - fixed - 30));
        const left = monitoringLoops(monitored);
        steps.push({ kind: 'close', outcome, gap: Math.max(0, left), reason: rng.pick(CLOSE_REASONS[outcome]) });
      } else {
        steps.push({ kind: 'close', outcome, gap: stage === 5 ? rng.int(30, 180) : rng.int(5, 90), reason: rng.pick(CLOSE_REASONS[outcome]) });
        span = spanFrom(fixedSpan());
      }
    }
    const referralDay = todayDay - span;
    const createdDay = Math.min(todayDay, referralDay + createDelay);

    // ---- replay the path through the stage machine; history on the way
    let lastDay = createdDay;
    let lastSlot = rng.int(0, SLOTS - 400);
    const caseCreatedAt = iso[createdDay]! + TIME[lastSlot]!;
    caseCreated[f] = createdDay * SLOTS + lastSlot;
    const entry = (kind: CaseHistoryEntry['kind'], from: CaseHistoryEntry['from'], to: CaseHistoryEntry['to'], reason: string, at: string): CaseHistoryEntry => ({
      id: uuid(rng),
      installationId,
      createdAt: at,
      createdBy: managerId,
      updatedAt: at,
      updatedBy: managerId,
      rev: 1,
      deletedAt: null,
      caseId,
      kind,
      from,
      to,
      reason,
    });
    history.push(entry('created', null, 'identification', '', caseCreatedAt));

    let facts: StageFacts = { stage: 'identification', eligibility: null, agreement: null, closure: null };
    let day = createdDay;
    let consentDay = -1;
    const context = { today: isoToday, userId: managerId };
    for (const step of steps) {
      day = Math.min(todayDay, day + step.gap);
      const date = iso[day]!;
      let event: CaseEvent;
      switch (step.kind) {
        case 'advance':
          event = step.reason ? { type: 'advance', to: step.to!, reason: step.reason } : { type: 'advance', to: step.to! };
          if (step.to === 'primaryAssessment' && consentDay < 0) consentDay = day;
          break;
        case 'decide':
          event = { type: 'decideEligibility', decision: step.eligible ? 'eligible' : 'notEligible', reason: step.reason, date };
          break;
        case 'sign': {
          const year = cal.year[day]!;
          const seq = (district.agreementSeq.get(year) ?? 0) + 1;
          district.agreementSeq.set(year, seq);
          event = { type: 'signAgreement', signedDate: date, number: `${seq}/${year}` };
          break;
        }
        case 'close':
          event = { type: 'close', outcome: step.outcome!, reason: step.reason, date };
          break;
        case 'reopen':
          event = { type: 'reopen', reason: step.reason };
          break;
        case 'urgent':
          event = { type: 'urgentAction', reason: step.reason };
          break;
      }
      const result = applyCaseEvent(facts, event, context);
      if (!result.ok) throw new Error(`generator: ${event.type} refused (${result.refusal}) at ${facts.stage}`);
      const slot = day === lastDay ? Math.min(SLOTS - 1, lastSlot + rng.int(1, 40)) : rng.int(0, SLOTS - 1);
      lastDay = day;
      lastSlot = slot;
      const at = date + TIME[slot]!;
      const kind = result.change.kind;
      const record = entry(kind, result.change.from, result.change.to, result.change.reason, at);
      if (kind === 'urgentAction') {
        record.action = { description: rng.pick(URGENT_ACTIONS), responsible: rng.pick(URGENT_RESPONSIBLE), dueDate: iso[Math.min(todayDay, day + rng.int(1, 7))]! };
      }
      history.push(record);
      facts = result.facts;
    }
    const closedDay = facts.closure ? dayOf(facts.closure.date) : todayDay;

    // ---- the family
    const members: { person: Person; relation: Relation; fromDay: number }[] = [];
    const latestBirth = closedDay;
    const local = () => rng.pick(district.areaCodes);
    const addPerson = (
      female: boolean,
      birthDay: number,
      surname: BiScriptText,
      firstName: BiScriptText,
      patronymic: BiScriptText | null,
      relation: Relation,
      extra: { migrant?: boolean; disabled?: boolean; bornHere?: boolean } = {},
    ): Person => {
      const age = ageYears(birthDay);
      const year = cal.year[birthDay]!;
      // PINFL: children under one often have none yet.
      let pinfl: string | null = null;
      if (age < 1 ? rng.chance(0.5) : rng.chance(0.92)) {
        for (;;) {
          const area = extra.bornHere || rng.chance(0.7) ? local() : rng.int(1, 999);
          const key = birthDay * 1000 + area;
          const serial = (pinflSerials.get(key) ?? rng.int(0, 4)) + rng.int(1, 2);
          if (serial > 999) continue;
          pinflSerials.set(key, serial);
          const chars = PINFL_FIRST13;
          chars[0] = ZERO + (year < 2000 ? (female ? 4 : 3) : female ? 6 : 5);
          putDigits(chars, 1, cal.dom[birthDay]!, 2);
          putDigits(chars, 3, cal.month[birthDay]!, 2);
          putDigits(chars, 5, year % 100, 2);
          putDigits(chars, 7, area, 3);
          putDigits(chars, 10, serial, 3);
          for (let k = 0; k < 13; k += 1) PINFL_CHARS[k] = chars[k]!;
          PINFL_CHARS[13] = ZERO + pinflCheckDigit(flat(chars));
          pinfl = flat(PINFL_CHARS);
          break;
        }
      }
      let document: string | null = null;
      if (age >= 16 && rng.chance(0.7)) {
        const series = age < 25 ? rng.pick(['AD', 'AE']) : rng.weighted(PASSPORT_SERIES);
        const number = passportNext.get(series)!;
        passportNext.set(series, number + rng.int(1, 20));
        document = series + number;
      }
      let education: Person['education'] = null;
      let employment: string | null = null;
      if (age >= 3 && age < 7) {
        if (rng.chance(0.65)) {
          const k = rng.int(0, district.kindergartens.length - 1);
          const group = Math.min(3, Math.floor(age) - 3);
          const index = k * 4 + group;
          education = district.kindergartenEntries[index] ??= { institution: district.kindergartens[k]!, grade: KINDERGARTEN_GROUPS[group]! };
        }
      } else if (age >= 7 && age < 18) {
        if (age >= 16 && rng.chance(0.25)) education = rng.pick(district.collegeEntries);
        else if (rng.chance(0.95)) {
          const k = rng.int(0, district.schools.length - 1);
          const grade = Math.min(10, Math.floor(age) - 7);
          const index = k * 11 + grade;
          education = district.schoolEntries[index] ??= { institution: district.schools[k]!, grade: GRADES[grade]! };
        }
      } else if (age >= 18) {
        employment = extra.migrant ? MIGRANT_WORK : age >= 60 ? PENSIONER : age < 23 && relation === 'child' ? rng.weighted(EMPLOYMENT_YOUNG) : rng.weighted(female ? EMPLOYMENT_WOMEN : EMPLOYMENT_MEN);
      }
      let disability: DisabilityGroup | null = null;
      if (extra.disabled ?? rng.chance(age >= 55 ? 0.1 : 0.035)) disability = age < 18 ? 'child' : rng.weightedPick<DisabilityGroup>(['group1', 'group2', 'group3'], [1, 3, 4]);
      const migration = extra.migrant ? { country: rng.weighted(MIGRATION_COUNTRIES), since: iso[todayDay - rng.int(60, 2000)]! } : null;
      const healthNotes = disability ? rng.pick(DISABILITY_NOTES) : rng.chance(age >= 45 ? 0.2 : 0.04) ? rng.pick(HEALTH_NOTES) : '';
      const fromDay = Math.max(createdDay, birthDay);
      const at = fromDay === createdDay ? caseCreatedAt : iso[Math.min(latestBirth, birthDay + rng.int(3, 60))]! + TIME[rng.int(0, SLOTS - 1)]!;
      const person: Person = {
        id: uuid(rng),
        installationId,
        createdAt: at,
        createdBy: managerId,
        updatedAt: at,
        updatedBy: managerId,
        rev: 1,
        deletedAt: null,
        surname,
        firstName,
        patronymic: rng.chance(0.03) ? null : patronymic,
        sex: female ? 'female' : 'male',
        birthDate: iso[birthDay]!,
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
      };
      members.push({ person, relation, fromDay });
      return person;
    };
    const firstNames = (female: boolean, birthDay: number) => {
      const year = cal.year[birthDay]!;
      if (year < 1972) return female ? names.oldFemale : names.oldMale;
      if (year < 2005) return female ? names.adultFemale : names.adultMale;
      return female ? names.childFemale : names.childMale;
    };
    const given = (female: boolean, birthDay: number) => rng.weighted(firstNames(female, birthDay));

    const shape = rng.next();
    const kinship = shape < 0.04;
    const singleMother = !kinship && shape < 0.165;
    const singleFather = !kinship && !singleMother && shape < 0.19;
    const twoParents = !kinship && !singleMother && !singleFather;
    const fatherMigrant = twoParents && rng.chance(0.125);
    const widowed = singleMother && rng.chance(0.3);

    // Children's birth days, eldest first; none born after the case closed.
    const childCount = kinship ? rng.int(1, 4) : rng.weighted(CHILD_COUNT);
    const minAge = Math.ceil((todayDay - latestBirth) / 365.2425);
    const eldestAge = !kinship && rng.chance(0.07) ? rng.int(Math.max(18, minAge), Math.max(22, minAge)) : rng.int(Math.min(17, Math.max(minAge, (childCount - 1) * 3)), Math.max(17, minAge));
    const births: number[] = [Math.min(latestBirth, yearsAgo(eldestAge))];
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
    const parentAgeAtFirst = rng.int(20, 32);
    const motherBirth = births[0]! - Math.floor(parentAgeAtFirst * 365.2425) - rng.int(0, 364);
    const motherAge = ageYears(motherBirth);
    const fatherBirth = motherBirth - Math.floor(rng.int(0, Math.max(0, Math.min(8, Math.floor(55 - motherAge)))) * 365.2425) - rng.int(0, 200);

    const base = rng.weighted(names.surnames);
    const fatherName = rng.weighted(firstNames(false, fatherBirth));
    const codes: string[] = [];
    const code = (c: string) => {
      if (codes.length < 4 && !codes.includes(c)) codes.push(c);
    };
    if (risk === 'R3') code(rng.pick(SEVERE_CODES));

    let head: Person;
    if (kinship) {
      // Grandmother raises her son's children; the parents work abroad.
      const grandmaBirth = yearsAgo(rng.int(50, 72));
      const ownSurname = rng.chance(0.7) ? base : rng.weighted(names.surnames);
      head = addPerson(true, grandmaBirth, ownSurname.female[spelling]!, given(true, grandmaBirth).name[spelling]!, rng.weighted(names.oldMale).daughterOf![spelling]!, 'head');
      if (rng.chance(0.35)) {
        const grandpaBirth = grandmaBirth - rng.int(0, 8 * 365);
        addPerson(false, grandpaBirth, base.male[spelling]!, given(false, grandpaBirth).name[spelling]!, rng.weighted(names.oldMale).sonOf![spelling]!, 'spouse');
      }
      for (const birth of births) {
        const female = rng.chance(0.485);
        addPerson(female, birth, base[female ? 'female' : 'male'][spelling]!, given(female, birth).name[spelling]!, (female ? fatherName.daughterOf : fatherName.sonOf)![spelling]!, 'grandchild', { bornHere: true });
      }
      code('FAM_KINSHIP_CARE');
      if (rng.chance(0.5)) code('ECO_LABOUR_MIGRATION');
    } else {
      const father = singleMother
        ? null
        : { birth: fatherBirth, surname: base.male[spelling]!, first: fatherName.name[spelling]!, patronymic: rng.weighted(names.oldMale).sonOf![spelling]! };
      const motherSurname = singleFather
        ? null
        : (singleMother ? (rng.chance(0.5) ? base : rng.weighted(names.surnames)) : rng.chance(0.6) ? base : rng.weighted(names.surnames)).female[spelling]!;
      const mother = motherSurname
        ? { birth: motherBirth, surname: motherSurname, first: given(true, motherBirth).name[spelling]!, patronymic: rng.weighted(names.oldMale).daughterOf![spelling]! }
        : null;
      const motherHeads = singleMother || (fatherMigrant ? rng.chance(0.35) : twoParents && rng.chance(0.03));
      let fatherPerson: Person | null = null;
      let motherPerson: Person | null = null;
      const addFather = (relation: Relation) => (fatherPerson = addPerson(false, father!.birth, father!.surname, father!.first, father!.patronymic, relation, { migrant: fatherMigrant }));
      const addMother = (relation: Relation) => (motherPerson = addPerson(true, mother!.birth, mother!.surname, mother!.first, mother!.patronymic, relation));
      if (motherHeads) {
        addMother('head');
        if (father) addFather('spouse');
      } else {
        addFather('head');
        if (mother) addMother('spouse');
      }
      head = (motherHeads ? motherPerson : fatherPerson)!;

      // Sometimes the head's own mother lives with them.
      if (rng.chance(0.12)) {
        const headAge = ageYears(dayOf(head.birthDate));
        const grandBirth = yearsAgo(Math.min(88, Math.floor(headAge) + rng.int(20, 32)));
        const grandSurname = (head.sex === 'male' && rng.chance(0.75) ? base : rng.weighted(names.surnames)).female[spelling]!;
        addPerson(true, grandBirth, grandSurname, given(true, grandBirth).name[spelling]!, rng.weighted(names.oldMale).daughterOf![spelling]!, 'parent');
      }
      const stepchild = twoParents && births.length >= 2 && rng.chance(0.03);
      births.forEach((birth, k) => {
        const female = rng.chance(0.485);
        const step = stepchild && k === 0;
        const surnames = step ? rng.weighted(names.surnames) : base;
        const dad = step ? rng.weighted(names.adultMale) : fatherName;
        addPerson(female, birth, surnames[female ? 'female' : 'male'][spelling]!, given(female, birth).name[spelling]!, (female ? dad.daughterOf : dad.sonOf)![spelling]!, step ? 'stepchild' : 'child', {
          bornHere: true,
          disabled: rng.chance(0.035),
        });
      });
      if (singleMother || singleFather) code('FAM_SINGLE_PARENT');
      if (widowed) code('ECO_BREADWINNER_LOST');
      if (fatherMigrant) code('ECO_LABOUR_MIGRATION');
    }

    // ---- vulnerability from who the family is, then the usual mix
    let under18 = 0;
    for (const { person } of members) {
      const minor = person.birthDate > adultBorn;
      if (minor) under18 += 1;
      if (person.disability === 'child') code('HLT_CHILD_DISABILITY');
      else if (person.disability === 'group1' || person.disability === 'group2') code('HLT_ADULT_DISABILITY');
    }
    if (under18 >= 4 && rng.chance(0.7)) code('FAM_LARGE');
    const wanted = rng.weighted(CODE_COUNT);
    while (codes.length < wanted) code(rng.weighted(GENERAL_CODES));

    // ---- memberships
    for (const { person, relation, fromDay } of members) {
      const at = person.createdAt;
      memberships.push({
        id: uuid(rng),
        installationId,
        createdAt: at,
        createdBy: managerId,
        updatedAt: at,
        updatedBy: managerId,
        rev: 1,
        deletedAt: null,
        caseId,
        personId: person.id,
        relation,
        from: iso[fromDay]!,
        to: null,
      });
      persons.push(person);
    }

    // ---- the case record
    const source = rng.weighted(REFERRAL_SOURCE_TABLE);
    let who: string;
    switch (source) {
      case 'mahalla':
        who = rng.pick(WHO_MAHALLA);
        break;
      case 'school':
        who = rng.pick(district.schoolWho);
        break;
      case 'polyclinic':
        who = rng.pick(district.polyclinics);
        break;
      case 'police':
        who = rng.pick(WHO_POLICE);
        break;
      case 'family':
        who = rng.pick(WHO_FAMILY);
        break;
      case 'ngo':
        who = rng.pick(WHO_NGO);
        break;
      default:
        who = rng.pick(WHO_OTHER);
    }
    const referral: Referral = { source, who, date: iso[referralDay]!, reason: rng.pick(REASONS_BY_DOMAIN[domains.get(codes[0]!)!]!) };
    const address: Address = {
      regionCode: district.info.regionCode,
      districtCode: district.info.districtCode,
      mahallaId: rng.weighted(district.mahallaIds),
      street: rng.pick(STREETS),
      house: String(rng.int(1, district.city ? 60 : 180)),
      apartment: district.city && rng.chance(0.55) ? String(rng.int(1, 120)) : '',
    };
    const phoneCount = rng.weightedPick([0, 1, 2], [8, 62, 30]);
    const phones: string[] = [];
    for (let p = 0; p < phoneCount; p += 1) {
      // Stored normalized, as caseDraft's normalizePhone leaves it: +998901234567.
      PHONE_CHARS[0] = 43;
      putDigits(PHONE_CHARS, 1, 998, 3);
      putDigits(PHONE_CHARS, 4, rng.pick(PHONE_OPERATORS), 2);
      putDigits(PHONE_CHARS, 6, rng.int(0, 9_999_999), 7);
      phones.push(flat(PHONE_CHARS));
    }
    const consent: Consent | null = consentDay >= 0 ? { date: iso[consentDay]!, takenBy: userNames.get(managerId)!, paperLocation: rng.pick(PAPER_LOCATIONS) } : null;
    const familyCase: FamilyCase = {
      id: caseId,
      installationId,
      createdAt: caseCreatedAt,
      createdBy: managerId,
      updatedAt: caseCreatedAt,
      updatedBy: managerId,
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
      vulnerability: codes,
      riskLevel: risk,
      consent,
      caseManagerId: managerId,
      custody: { districtCode: district.info.districtCode, since: caseCreatedAt },
      summary: { head: { surname: head.surname, firstName: head.firstName }, members: members.length, children: under18 },
      searchKeys: [],
    };
    cases.push(familyCase);
  }

  // ---------------------------------------------------------------- case numbers, in creation order per installation and year
  const order = Array.from({ length: familyCount }, (_, i) => i);
  order.sort((x, y) => familyDistrict[x]! - familyDistrict[y]! || caseCreated[x]! - caseCreated[y]! || x - y);
  let seq = 0;
  let seqDistrict = -1;
  let seqYear = -1;
  for (const i of order) {
    const district = districts[familyDistrict[i]!]!;
    const year = cal.year[Math.floor(caseCreated[i]! / SLOTS)]!;
    if (familyDistrict[i] !== seqDistrict || year !== seqYear) {
      seqDistrict = familyDistrict[i]!;
      seqYear = year;
      seq = 0;
    }
    seq += 1;
    const { districtCode, installationId } = district.info;
    cases[i]!.caseNumber = `${districtCode}-${installationId.slice(0, 4).toUpperCase()}-${year}-${String(seq).padStart(4, '0')}`;
  }

  const first = districts[0]!.info;
  return {
    office: { ...first, districts: districts.map((d) => d.info) },
    users,
    mahallas,
    cases,
    persons,
    memberships,
    history,
  };
}
