import { isIsoDate, type IsoDate } from '../domain/dates';
import { DomainError } from '../domain/errors';

/**
 * The span a report covers: whole days, both ends included, in the office's calendar. A report
 * also answers "as of" its first and last day. The label is data (kind and numbers), never a
 * translated string: the UI and the documents put it into words in the user's language.
 */
export interface Period {
  from: IsoDate;
  to: IsoDate;
}

export type PeriodLabel =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'year'; year: number }
  | { kind: 'custom'; from: IsoDate; to: IsoDate };

export interface LabeledPeriod extends Period {
  label: PeriodLabel;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) throw new DomainError('invalid', `period:year ${year}`);
}

function span(year: number, firstMonth: number, lastMonth: number): Period {
  return { from: `${year}-${pad(firstMonth)}-01` as IsoDate, to: `${year}-${pad(lastMonth)}-${pad(lastDay(year, lastMonth))}` as IsoDate };
}

/** A calendar month, `month` 1–12. */
export function month(year: number, month: number): LabeledPeriod {
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new DomainError('invalid', `period:month ${month}`);
  return { ...span(year, month, month), label: { kind: 'month', year, month } };
}

/** A calendar quarter, 1–4 (the first is January–March). */
export function quarter(year: number, quarter: number): LabeledPeriod {
  checkYear(year);
  if (quarter !== 1 && quarter !== 2 && quarter !== 3 && quarter !== 4) throw new DomainError('invalid', `period:quarter ${quarter}`);
  return { ...span(year, quarter * 3 - 2, quarter * 3), label: { kind: 'quarter', year, quarter } };
}

/** A calendar year. */
export function year(year: number): LabeledPeriod {
  checkYear(year);
  return { ...span(year, 1, 12), label: { kind: 'year', year } };
}

/** Any span of real days, the first not after the last (one day is a period too). */
export function custom(from: string, to: string): LabeledPeriod {
  if (!isIsoDate(from)) throw new DomainError('invalid', 'period:from');
  if (!isIsoDate(to)) throw new DomainError('invalid', 'period:to');
  if (from > to) throw new DomainError('invalid', 'period:order');
  return { from, to, label: { kind: 'custom', from, to } };
}

/** The label of a plain period: a month, quarter or year when it is exactly one, else custom. */
export function periodLabel(period: Period): PeriodLabel {
  const [y, m] = period.from.split('-').map(Number) as [number, number];
  if (period.from.endsWith('-01')) {
    const toMonth = Number(period.to.slice(5, 7));
    const sameYear = period.to.startsWith(`${y}-`) && period.to === span(y, m, toMonth).to;
    if (sameYear && toMonth === m) return { kind: 'month', year: y, month: m };
    if (sameYear && m % 3 === 1 && toMonth === m + 2) return { kind: 'quarter', year: y, quarter: ((m + 2) / 3) as 1 | 2 | 3 | 4 };
    if (sameYear && m === 1 && toMonth === 12) return { kind: 'year', year: y };
  }
  return { kind: 'custom', from: period.from, to: period.to };
}

/** Whether `day` lies in the period, both ends included. */
export function inPeriod(period: Period, day: IsoDate): boolean {
  return day >= period.from && day <= period.to;
}

/** The day before `day`: "open at the start of a period" is the state at the end of the day before it. */
export function dayBefore(day: IsoDate): IsoDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d - 1));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` as IsoDate;
}
