import { isIsoDate, type IsoDate } from './dates';

/**
 * Monthly monitoring: every active case is reviewed once a month, counted from the day the
 * agreement was signed. The k-th monitoring is due k months after that day; a month without that
 * day (an agreement of the 31st, February) takes its last day. Due dates are always counted from the
 * agreement, never from the previous due date, so a short month does not pull later ones earlier.
 */

const pad = (n: number) => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `date` plus `months` calendar months, the day kept or, where the month is shorter, its last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!isIsoDate(date)) throw new Error(`not a date: ${date}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${pad(m)}-${pad(Math.min(day, daysIn(y, m)))}` as IsoDate;
}

/** Days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export interface DueMonitoring {
  /** 1 for the first month after the agreement. */
  index: number;
  due: IsoDate;
  /** The monitoring that counted for this month, or null while none has. */
  doneOn: IsoDate | null;
  /** Entered by its due date (what the reports count as "on time"). */
  onTime: boolean | null;
}

export interface MonitoringStatus {
  /** Every month due up to `today`, with the monitoring that answered it. */
  dues: DueMonitoring[];
  /** Due dates passed without a monitoring, oldest first. */
  overdue: IsoDate[];
  /** The next monitoring to enter: the oldest overdue one, or the next upcoming. */
  next: IsoDate;
  /** Days the oldest overdue monitoring is late (0 when none is). */
  daysLate: number;
}

/**
 * Which monthly monitorings were due by `today` and which are missing. Monitorings are matched to
 * months in order — the first entered answers the first month — so a late monitoring still counts
 * for its month, only not as on time. Monitorings dated before the agreement count for nothing.
 */
export function monitoringStatus(agreementDate: IsoDate, monitoringDates: readonly IsoDate[], today: IsoDate): MonitoringStatus {
  const done = monitoringDates.filter((date) => date >= agreementDate).sort();
  const dues: DueMonitoring[] = [];
  for (let index = 1; ; index++) {
    const due = addMonths(agreementDate, index);
    const doneOn = done[index - 1] ?? null;
    if (due > today && doneOn === null) break;
    dues.push({ index, due, doneOn, onTime: doneOn === null ? null : doneOn <= due });
    // Guard against a runaway loop on corrupt data: a case is monitored for years, not centuries.
    if (index > 1200) break;
  }
  const overdue = dues.filter((entry) => entry.doneOn === null && entry.due < today).map((entry) => entry.due);
  const next = overdue[0] ?? addMonths(agreementDate, done.length + 1);
  return { dues, overdue, next, daysLate: overdue[0] ? daysBetween(overdue[0], today) : 0 };
}

/** Due today or within the coming `days` days, not yet overdue: the "due this week" of My work. */
export function dueSoon(status: MonitoringStatus, today: IsoDate, days = 7): boolean {
  if (status.overdue.length) return false;
  const ahead = daysBetween(today, status.next);
  return ahead >= 0 && ahead <= days;
}
