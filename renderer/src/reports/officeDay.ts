import { toIsoDate, type IsoDate } from '../domain/dates';
import { civilDay, daysInMonth, digits } from './days';

/** The office day of an instant. */
export type DayOf = (instant: string) => IsoDate;

const pad = (n: number) => String(n).padStart(2, '0');
const DAY_MS = 86_400_000;

/** The UTC calendar date of a time value, written as the office day always was. */
const utcDay = (ms: number) => {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` as IsoDate;
};

/**
 * The minutes since 1970 (UTC, seconds dropped) of an instant written as `toISOString` writes it
 * (`2026-03-31T19:05:07.123Z`); NaN for any other form or a date that is no real date.
 */
function minutesOf(instant: string): number {
  if (typeof instant !== 'string' || instant.length !== 24 || instant[4] !== '-' || instant[7] !== '-' || instant[10] !== 'T' || instant[13] !== ':' || instant[16] !== ':' || instant[19] !== '.' || instant[23] !== 'Z') return NaN;
  const year = digits(instant, 0, 4);
  const month = digits(instant, 5, 7);
  const day = digits(instant, 8, 10);
  const hours = digits(instant, 11, 13);
  const minutes = digits(instant, 14, 16);
  const seconds = digits(instant, 17, 19);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59 || digits(instant, 20, 23) < 0) return NaN;
  return civilDay(year, month, day) * 1440 + hours * 60 + minutes;
}

/**
 * The office day of an instant: with an offset (minutes east of UTC, 300 for Uzbekistan) the same
 * day on every machine; without one, the local calendar of the machine the report runs on, which
 * is the office's (the rule of `toIsoDate`).
 *
 * A report reads hundreds of thousands of instants, and a `Date` for each was most of the replay's
 * time. So an instant in the stored form is read from its digits as a UTC day and minute and moved
 * by whole days: with a whole-minute offset its seconds cannot carry it over midnight. The day's
 * name is written once per day. The machine's offset is looked up once per UTC hour and trusted
 * when the local clock agrees with it at the hour's first and last millisecond (no time zone
 * changes twice within an hour). Anything else — another form, a zone change inside the hour, an
 * offset with seconds — is read through `Date`.
 */
export function officeDay(offsetMinutes?: number): DayOf {
  const local = offsetMinutes === undefined;
  const slow = local ? (instant: string) => toIsoDate(new Date(instant)) : (instant: string) => utcDay(Date.parse(instant) + offsetMinutes * 60_000);
  if (!local && !Number.isInteger(offsetMinutes)) return slow;
  const names = new Map<number, IsoDate>();
  const hourOffsets = new Map<number, number>();
  /**
   * Minutes east of UTC of the machine's zone through an hour (hours since 1970), NaN unless the
   * local clock is the UTC clock moved by those whole minutes at both ends of the hour (old local
   * mean times were offsets with seconds).
   */
  const machineOffset = (hour: number) => {
    let east = hourOffsets.get(hour);
    if (east === undefined) {
      const start = hour * 3_600_000;
      const offset = -new Date(start).getTimezoneOffset();
      const moved = (ms: number) => {
        const date = new Date(ms);
        const clock = (((Math.floor(ms / 60_000) + offset) % 1440) + 1440) % 1440;
        return date.getSeconds() === date.getUTCSeconds() && date.getHours() * 60 + date.getMinutes() === clock;
      };
      east = Number.isInteger(offset) && moved(start) && moved(start + 3_599_999) ? offset : NaN;
      hourOffsets.set(hour, east);
    }
    return east;
  };
  return (instant) => {
    const minutes = minutesOf(instant);
    if (Number.isNaN(minutes)) return slow(instant);
    const east = offsetMinutes ?? machineOffset(Math.floor(minutes / 60));
    if (Number.isNaN(east)) return slow(instant);
    const office = Math.floor((minutes + east) / 1440);
    let name = names.get(office);
    if (name === undefined) names.set(office, (name = utcDay(office * DAY_MS)));
    return name;
  };
}
