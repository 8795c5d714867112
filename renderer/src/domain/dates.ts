/**
 * Dates. A date without a time (a birth date, a decision date) is stored as a `yyyy-mm-dd`
 * string: a JavaScript `Date` at midnight shifts to the previous day when read at UTC+5.
 * Users see and type `dd.mm.yyyy` in every language.
 */

/** A calendar date as `yyyy-mm-dd`. */
export type IsoDate = string & { readonly __isoDate: unique symbol };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DISPLAY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

function valid(year: number, month: number, day: number): boolean {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function isIsoDate(text: string): text is IsoDate {
  const match = ISO.exec(text);
  return !!match && valid(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Parses what a user typed (`dd.mm.yyyy`, one-digit day and month allowed); null when it is no real date. */
export function parseDisplayDate(text: string): IsoDate | null {
  const match = DISPLAY.exec(text.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return valid(year, month, day) ? (`${year}-${pad(month)}-${pad(day)}` as IsoDate) : null;
}

/** `2026-11-23` → `23.11.2026`. */
export function formatDate(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/** The local calendar date of an instant (the office's clock, not UTC). */
export function toIsoDate(instant: Date): IsoDate {
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}` as IsoDate;
}

/** `dd.mm.yyyy hh:mm` in local time, for audit and history lines. */
export function formatDateTime(isoInstant: string): string {
  const instant = new Date(isoInstant);
  if (Number.isNaN(instant.getTime())) return isoInstant;
  return `${formatDate(toIsoDate(instant))} ${pad(instant.getHours())}:${pad(instant.getMinutes())}`;
}

/** `date` plus `days` calendar days (negative to go back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return toIsoDate(new Date(year, month - 1, day + days));
}
