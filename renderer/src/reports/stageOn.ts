import { toIsoDate, type IsoDate } from '../domain/dates';
import type { CaseHistoryEntry, FamilyCase } from '../domain/familyCase';
import type { ClosureOutcome, Stage } from '../domain/stages';

/**
 * Where a case stood on any past day, replayed from its history, so that "cases at the agreement
 * stage on 31 March" is answered from the transitions recorded then, not from today's state.
 *
 * The rules:
 * - A history entry takes effect at the end of the office day it was written (`createdAt`, an
 *   instant, read in the office's time zone exactly as `toIsoDate` reads it; the office is UTC+5).
 *   So the state "on 31 March" is the state after every entry written on 31 March. Using the day
 *   the entry was written, not a date typed into the event, keeps a report of March the same when
 *   it is run again in June: the history is only ever appended to.
 * - Only the stage kinds move the stage (`created`, `advance`, `decideEligibility`,
 *   `signAgreement`, `close`, `reopen`); case-work entries (monitoring, placement, conference …)
 *   are recorded at the stage where they happen and are skipped. Deleted (tombstone) entries are skipped.
 * - Entries written in the same instant are put in the order their `from` and `to` chain.
 * - A case without any stage entry (none should exist) is taken as it stands, from the day it was made.
 * - Transfers: the history has no transfer entry yet, and `custody` keeps only the current holder
 *   (a regional office holds many districts' cases, so a foreign `custody.districtCode` does not
 *   mean "sent away"). A transfer out is therefore an input, {@link TransferOut}: from the end of
 *   its day the case is no longer held by this office and counts as open nowhere here, whatever
 *   the history says after it. A case that later comes back is not modelled until the exchange
 *   records transfers in.
 * - Dates the case still holds as typed by the user (the referral date, the current agreement's
 *   signed date, the current closure's date and outcome) are kept beside the day of the entry:
 *   due dates of monitoring count from the signed date, as `domain/monitoring.ts` does. Reopening
 *   wipes them from the case, so an earlier episode has only the days of its entries, and the
 *   outcome of a closure a reopening undid is not recorded anywhere (`'unrecorded'`).
 */

/** A case this office handed to another district office; from the end of `date` it is not held here. */
export interface TransferOut {
  caseId: string;
  date: IsoDate;
  toDistrict: string;
}

/** The office day of an instant. */
export type DayOf = (instant: string) => IsoDate;

const pad = (n: number) => String(n).padStart(2, '0');
const DAY_MS = 86_400_000;

/** The UTC calendar date of a time value, written as the office day always was (no cache, any instant). */
const utcDay = (ms: number) => {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` as IsoDate;
};

const TIME_DIGITS = [11, 12, 14, 15, 17, 18, 20, 21, 22];

/** Minutes into its UTC day of an instant written as `toISOString` writes it (`2026-03-31T19:05:07.123Z`), else -1. */
function minuteOfDay(instant: string): number {
  if (instant.length !== 24 || instant[10] !== 'T' || instant[13] !== ':' || instant[16] !== ':' || instant[19] !== '.' || instant[23] !== 'Z') return -1;
  for (const i of TIME_DIGITS) {
    const code = instant.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
  }
  const digit = (i: number) => instant.charCodeAt(i) - 48;
  const hours = digit(11) * 10 + digit(12);
  const minutes = digit(14) * 10 + digit(15);
  return hours > 23 || minutes > 59 || digit(17) > 5 ? -1 : hours * 60 + minutes;
}

/**
 * The office day of an instant: with an offset (minutes east of UTC, 300 for Uzbekistan) the same
 * day on every machine; without one, the local calendar of the machine the report runs on, which
 * is the office's (the rule of `toIsoDate`).
 *
 * A report reads hundreds of thousands of instants, and a `Date` for each was most of the replay's
 * time. So an instant in the stored form (`toISOString`) is read as its UTC date, looked up once per
 * date, moved by whole days: with a whole-minute offset its seconds cannot carry it over midnight.
 * The machine's offset is looked up once per UTC hour and trusted when it is the same at the hour's
 * first and last millisecond (no time zone changes twice within an hour); anything else — another
 * form, a date that does not round-trip, a zone change inside the hour — is read through `Date`.
 */
export function officeDay(offsetMinutes?: number): DayOf {
  const local = offsetMinutes === undefined;
  const slow = local ? (instant: string) => toIsoDate(new Date(instant)) : (instant: string) => utcDay(Date.parse(instant) + offsetMinutes * 60_000);
  if (!local && !Number.isInteger(offsetMinutes)) return slow;
  const epochDays = new Map<string, number>();
  const hourOffsets = new Map<string, number>();
  const names = new Map<number, IsoDate>();
  const epochDay = (date: string) => {
    const ms = Date.parse(`${date}T00:00:00.000Z`);
    return utcDay(ms) === date ? ms / DAY_MS : NaN;
  };
  /** Minutes east of UTC of the machine's zone through the UTC hour of the instant, NaN when it changes in it. */
  const machineOffset = (instant: string, day: number, minute: number) => {
    const hour = instant.slice(0, 13);
    let east = hourOffsets.get(hour);
    if (east === undefined) {
      const start = day * DAY_MS + Math.floor(minute / 60) * 3_600_000;
      const first = -new Date(start).getTimezoneOffset();
      east = Number.isInteger(first) && first === -new Date(start + 3_599_999).getTimezoneOffset() ? first : NaN;
      hourOffsets.set(hour, east);
    }
    return east;
  };
  return (instant) => {
    const minute = minuteOfDay(instant);
    if (minute < 0) return slow(instant);
    const date = instant.slice(0, 10);
    let day = epochDays.get(date);
    if (day === undefined) epochDays.set(date, (day = epochDay(date)));
    if (Number.isNaN(day)) return slow(instant);
    const east = offsetMinutes ?? machineOffset(instant, day, minute);
    if (Number.isNaN(east)) return slow(instant);
    const office = day + Math.floor((minute + east) / 1440);
    let name = names.get(office);
    if (name === undefined) names.set(office, (name = utcDay(office * DAY_MS)));
    return name;
  };
}

/** One stretch of work from opening (or reopening) to closure. */
export interface Episode {
  /** The day the case was made, or reopened. */
  openedOn: IsoDate;
  /** As recorded: the referral date for the first episode, the reopening day for later ones. */
  identifiedOn: IsoDate;
  /** `on`: the day the signing was written; `signed`: the signed date typed (the current agreement), else `on`. */
  agreement: { on: IsoDate; signed: IsoDate } | null;
  /** `on`: the day the closure was written; `recorded`: the closure date typed (the current closure), else `on`. */
  closure: { on: IsoDate; recorded: IsoDate; outcome: ClosureOutcome | 'unrecorded' } | null;
}

export interface CaseTimeline {
  caseId: string;
  /** The stage after each stage entry, in order; of several on one day, the last holds at its end. */
  steps: { on: IsoDate; kind: CaseHistoryEntry['kind']; stage: Stage }[];
  episodes: Episode[];
  transferredOut: { on: IsoDate; toDistrict: string } | null;
}

/** Code-point order: ISO dates and instants sort as text, and `localeCompare` is slow over thousands of them. */
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const STAGE_KINDS: ReadonlySet<CaseHistoryEntry['kind']> = new Set(['created', 'advance', 'decideEligibility', 'signAgreement', 'close', 'reopen']);

/** Stage entries oldest first; entries of one instant in the order their stages chain. */
function ordered(entries: readonly CaseHistoryEntry[]): CaseHistoryEntry[] {
  const sorted = entries.filter((entry) => entry.deletedAt === null && STAGE_KINDS.has(entry.kind)).sort((a, b) => byText(a.createdAt, b.createdAt));
  const result: CaseHistoryEntry[] = [];
  let stage: Stage | null = null;
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.createdAt === sorted[i]!.createdAt) j++;
    if (j === i + 1) {
      // Nearly every instant holds one entry: nothing to chain.
      result.push(sorted[i]!);
      stage = sorted[i]!.to;
      i = j;
      continue;
    }
    const group = sorted.slice(i, j);
    while (group.length) {
      const index = Math.max(0, group.findIndex((entry) => entry.from === stage));
      const [next] = group.splice(index, 1);
      result.push(next!);
      stage = next!.to;
    }
    i = j;
  }
  return result;
}

/**
 * Replays a case's history (its entries, in any order) into its stages over time and its
 * episodes. `transfer` is the case's transfer out, if any (the earliest counts).
 */
export function caseTimeline(kase: FamilyCase, entries: readonly CaseHistoryEntry[], dayOf: DayOf, transfers: readonly TransferOut[] = []): CaseTimeline {
  const steps: CaseTimeline['steps'] = [];
  const episodes: Episode[] = [];
  const stageEntries = ordered(entries);
  for (const entry of stageEntries) {
    const on = dayOf(entry.createdAt);
    if (entry.kind === 'created' || entry.kind === 'reopen' || episodes.length === 0) {
      const first = episodes.length === 0;
      episodes.push({ openedOn: on, identifiedOn: first && kase.referral.date <= on ? kase.referral.date : on, agreement: null, closure: null });
    }
    const episode = episodes.at(-1)!;
    if (entry.kind === 'signAgreement') episode.agreement = { on, signed: on };
    if (entry.to === 'closed' && entry.from !== 'closed') episode.closure = { on, recorded: on, outcome: entry.kind === 'decideEligibility' ? 'notEligible' : 'unrecorded' };
    steps.push({ on, kind: entry.kind, stage: entry.to });
  }
  if (stageEntries.length === 0) {
    const on = dayOf(kase.createdAt);
    steps.push({ on, kind: 'created', stage: kase.stage });
    episodes.push({ openedOn: on, identifiedOn: kase.referral.date <= on ? kase.referral.date : on, agreement: kase.agreement ? { on, signed: on } : null, closure: kase.stage === 'closed' ? { on, recorded: on, outcome: 'unrecorded' } : null });
  }
  // The dates the case still holds belong to its last episode.
  const last = episodes.at(-1)!;
  if (last.agreement && kase.agreement) last.agreement.signed = kase.agreement.signedDate;
  if (last.closure && kase.stage === 'closed' && kase.closure) last.closure = { ...last.closure, recorded: kase.closure.date, outcome: kase.closure.outcome };
  const transfer = transfers.filter((t) => t.caseId === kase.id).sort((a, b) => byText(a.date, b.date))[0];
  return { caseId: kase.id, steps, episodes, transferredOut: transfer ? { on: transfer.date, toDistrict: transfer.toDistrict } : null };
}

export interface CaseState {
  /** The stage at the end of the day, by the history. */
  stage: Stage;
  /** Still this office's case (not transferred out by the end of the day). */
  held: boolean;
  /** Held and not closed: what "open cases" count. */
  open: boolean;
}

/** The case at the end of `day`; null before it was made. */
export function stateOn(timeline: CaseTimeline, day: IsoDate): CaseState | null {
  let stage: Stage | null = null;
  for (const step of timeline.steps) {
    if (step.on > day) break;
    stage = step.stage;
  }
  if (stage === null) return null;
  const held = !timeline.transferredOut || timeline.transferredOut.on > day;
  return { stage, held, open: held && stage !== 'closed' };
}

/** The stage at the end of `day` (null before the case was made), whether or not it is still held here. */
export function stageOn(timeline: CaseTimeline, day: IsoDate): Stage | null {
  return stateOn(timeline, day)?.stage ?? null;
}

/** Open and held by this office at the end of `day`. */
export function isOpenOn(timeline: CaseTimeline, day: IsoDate): boolean {
  return stateOn(timeline, day)?.open ?? false;
}

/** The episode in force at the end of `day` (the latest opened by then), or null before the case was made. */
export function episodeOn(timeline: CaseTimeline, day: IsoDate): Episode | null {
  return timeline.episodes.filter((episode) => episode.openedOn <= day).at(-1) ?? null;
}

/** The day an episode stopped being this office's work: its closure, else the transfer out, whichever came first (null while it runs). */
export function episodeEnd(timeline: CaseTimeline, episode: Episode): IsoDate | null {
  // The earlier of the two that are set and not before the opening (written out: it runs once per episode and figure).
  let end: IsoDate | null = null;
  for (const day of [episode.closure?.on, timeline.transferredOut?.on]) if (day && day >= episode.openedOn && (end === null || day < end)) end = day;
  return end;
}
