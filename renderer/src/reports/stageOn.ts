import type { IsoDate } from '../domain/dates';
import type { CaseHistoryEntry, FamilyCase } from '../domain/familyCase';
import type { ClosureOutcome, OpenStage, Stage } from '../domain/stages';
import type { DayOf } from './officeDay';

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
 * - Transfers: a case this office sent away in custody carries `custody.transferredOut` (the
 *   instant the transfer file was written; a foreign `custody.districtCode` alone does not mean
 *   "sent away": a regional office holds many districts' cases). From the end of that office day
 *   the case is no longer held here and counts as open nowhere here, whatever the history says
 *   after it. A case that later comes back is not modelled: receiving it again replaces the record.
 * - Dates the case still holds as typed by the user (the referral date, the current agreement's
 *   signed date, the current closure's date and outcome) are kept beside the day of the entry:
 *   due dates of monitoring count from the signed date, as `domain/monitoring.ts` does. Reopening
 *   wipes them from the case, so an earlier episode has only the days of its entries. The outcome
 *   of every closure is kept on its history entry; only entries written before it was kept there
 *   have none (`'unrecorded'`).
 */

export { officeDay, type DayOf } from './officeDay';

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
  /** The office day the case was sent away in custody, and where to (null until the receipt names the office). */
  transferredOut: { on: IsoDate; toDistrict: string | null } | null;
}

/** Code-point order: ISO dates and instants sort as text, and `localeCompare` is slow over thousands of them. */
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const STAGE_KINDS: ReadonlySet<CaseHistoryEntry['kind']> = new Set(['created', 'advance', 'decideEligibility', 'signAgreement', 'close', 'reopen']);

/** Stage entries oldest first; entries of one instant in the order their stages chain. */
function ordered(entries: readonly CaseHistoryEntry[]): CaseHistoryEntry[] {
  const sorted = entries.filter((entry) => entry.deletedAt === null && STAGE_KINDS.has(entry.kind));
  // History is written in order, so it is nearly always sorted already (a stable sort would keep it
  // as it is), and an instant nearly always holds one entry: then there is nothing to chain.
  let inOrder = true;
  let sameInstant = false;
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.createdAt < sorted[i - 1]!.createdAt) inOrder = false;
    else if (sorted[i]!.createdAt === sorted[i - 1]!.createdAt) sameInstant = true;
  }
  if (!inOrder) sorted.sort((a, b) => byText(a.createdAt, b.createdAt));
  if (inOrder && !sameInstant) return sorted;
  const result: CaseHistoryEntry[] = [];
  let stage: Stage | null = null;
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.createdAt === sorted[i]!.createdAt) j++;
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
 * episodes, with its transfer out if it was sent away.
 */
export function caseTimeline(kase: FamilyCase, entries: readonly CaseHistoryEntry[], dayOf: DayOf): CaseTimeline {
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
    if (entry.to === 'closed' && entry.from !== 'closed') episode.closure = { on, recorded: on, outcome: entry.outcome ?? (entry.kind === 'decideEligibility' ? 'notEligible' : 'unrecorded') };
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
  const transfer = kase.custody?.transferredOut;
  return { caseId: kase.id, steps, episodes, transferredOut: transfer ? { on: dayOf(transfer.at), toDistrict: transfer.to?.districtCode ?? null } : null };
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
  const stage = stageAt(timeline, day);
  if (stage === null) return null;
  const held = !timeline.transferredOut || timeline.transferredOut.on > day;
  return { stage, held, open: held && stage !== 'closed' };
}

/** The stage after the last step written by the end of `day`. (Loops, not objects: a report asks this of every case.) */
function stageAt(timeline: CaseTimeline, day: IsoDate): Stage | null {
  let stage: Stage | null = null;
  const steps = timeline.steps;
  for (let i = 0; i < steps.length && !(steps[i]!.on > day); i++) stage = steps[i]!.stage;
  return stage;
}

/** The stage at the end of `day` (null before the case was made), whether or not it is still held here. */
export function stageOn(timeline: CaseTimeline, day: IsoDate): Stage | null {
  return stageAt(timeline, day);
}

/** The stage at the end of `day` when the case is open then (held by this office and not closed), else null. */
export function openStageOn(timeline: CaseTimeline, day: IsoDate): OpenStage | null {
  const stage = stageAt(timeline, day);
  return stage !== null && stage !== 'closed' && (!timeline.transferredOut || timeline.transferredOut.on > day) ? stage : null;
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
  // The earlier of the two that are set and not before the opening (written out: it runs for every episode of every case).
  const closed = episode.closure?.on;
  const transferred = timeline.transferredOut?.on;
  const end = closed && closed >= episode.openedOn ? closed : null;
  return transferred && transferred >= episode.openedOn && (end === null || transferred < end) ? transferred : end;
}
