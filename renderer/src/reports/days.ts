/**
 * Dates read from their digits. A large office's report asks a few million questions of dates,
 * and a `Date`, a regular expression or a split for each was much of its time. Each reading here
 * gives the same answer as the reading it stands in for, and says which.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the proleptic Gregorian calendar (`new Date(Date.UTC(year, month, 0)).getUTCDate()`). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** Days from 1970-01-01 to a date, as `Date.UTC` counts them (H. Hinnant's `days_from_civil`). */
export function civilDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** The number the characters of `text` from `from` to `to` write, when they are all digits; else -1. */
export function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * `yyyymmdd` of a date written plainly (`yyyy-mm-dd`, digits), else -1 (also for no string at
 * all). Two plain dates compare as their keys compare, exactly as the strings compare.
 */
export function dateKey(date: unknown): number {
  if (typeof date !== 'string' || date.length !== 10 || date[4] !== '-' || date[7] !== '-') return -1;
  const year = digits(date, 0, 4);
  const month = digits(date, 5, 7);
  const day = digits(date, 8, 10);
  return year < 0 || month < 0 || day < 0 ? -1 : year * 10_000 + month * 100 + day;
}

/** The days since 1970 of a date `isIsoDate` accepts (plain, years 1800–2200, a day its month has); NaN for any other. */
export function realDay(date: unknown): number {
  const key = dateKey(date);
  const year = Math.floor(key / 10_000);
  const month = Math.floor(key / 100) % 100;
  const day = key % 100;
  if (key < 0 || year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return civilDay(year, month, day);
}
