import type { IsoDate } from '../domain/dates';
import type { FamilyCase } from '../domain/familyCase';
import { STAGES, CLOSURE_OUTCOMES, type ClosureOutcome, type OpenStage } from '../domain/stages';
import { RISK_LEVELS } from '../domain/vulnerability';
import { dayBefore, inPeriod, type Period } from './period';
import type { Figure, FigureTally, ReportData } from './reportData';
import { openStageOn, stageOn, stateOn } from './stageOn';

/**
 * Families and children over a period: open at its start and end, and what moved in between.
 * "Open at the start" is the state at the end of the day before the period; every other figure
 * reads the end of its day (stageOn.ts). Children are counted on the day a figure is about:
 * open at the start — the day before the period; new, reopened, closed, transferred — the day of
 * that event (the last one in the period when there were several); open at the end — the last
 * day; served — the last day the case was open in the period (its closure or transfer day when
 * it stopped being open before the end).
 *
 * Closed counts a closure written in the period (a "not eligible" decision too); transferred out
 * counts an open case handed to another district in the period (neither is a closure of the other).
 * The breakdowns read the case as it is now — mahalla, holding district, confirmed criteria, risk
 * level — because the history keeps none of them; the confirmed criteria are those of the current
 * eligibility decision, so a case reopened and not yet decided again is `unconfirmed`.
 */

export const OPEN_STAGES = STAGES.filter((stage): stage is OpenStage => stage !== 'closed');

/** Key of the cases whose primary assessment has not confirmed criteria (not decided yet, or not eligible). */
export const UNCONFIRMED = 'unconfirmed';

export interface Flow {
  openAtStart: Figure;
  new: Figure;
  reopened: Figure;
  closed: Figure;
  transferredOut: Figure;
  openAtEnd: Figure;
  /** Open at some moment of the period: open at its start, or opened or reopened in it ("families helped"). */
  served: Figure;
}

export const FLOW_KEYS = ['openAtStart', 'new', 'reopened', 'closed', 'transferredOut', 'openAtEnd', 'served'] as const satisfies readonly (keyof Flow)[];

/** Which figures of a flow one case is in, with the day its children are counted on. */
export interface CaseFlow {
  caseId: string;
  /** The case's rank in the report data (see ReportData). */
  rank: number;
  /** Every key is there (undefined when the case is not in that figure), so that all flows have one shape. */
  days: Record<keyof Flow, IsoDate | undefined>;
  /** The outcome of the last closure in the period. */
  outcome: ClosureOutcome | 'unrecorded' | null;
  stageAtEnd: OpenStage | null;
}

/** The flow of one case. */
export function caseFlow(data: ReportData, caseId: string, period: Period): CaseFlow {
  return flowAt(data, data.rankOf(caseId), period, dayBefore(period.from));
}

/** The flows of every case reported on, in the order of the cases. */
export function caseFlows(data: ReportData, period: Period): CaseFlow[] {
  const start = dayBefore(period.from);
  return Array.from(data.ranks, (rank) => flowAt(data, rank, period, start));
}

/** `start` is the day "open at the start" is read at, the day before the period. */
function flowAt(data: ReportData, rank: number, period: Period, start: IsoDate): CaseFlow {
  const timeline = data.timelineAt(rank);
  const transfer = timeline.transferredOut?.on ?? null;
  const days: CaseFlow['days'] = { openAtStart: undefined, new: undefined, reopened: undefined, closed: undefined, transferredOut: undefined, openAtEnd: undefined, served: undefined };
  if (openStageOn(timeline, start) !== null) days.openAtStart = start;
  let outcome: CaseFlow['outcome'] = null;
  timeline.episodes.forEach((episode, index) => {
    if (inPeriod(period, episode.openedOn) && (transfer === null || episode.openedOn <= transfer)) days[index === 0 ? 'new' : 'reopened'] = episode.openedOn;
    if (episode.closure && inPeriod(period, episode.closure.on) && (transfer === null || episode.closure.on <= transfer)) {
      days.closed = episode.closure.on;
      outcome = episode.closure.outcome;
    }
  });
  if (transfer && inPeriod(period, transfer)) {
    const stage = stageOn(timeline, transfer);
    if (stage !== null && stage !== 'closed') days.transferredOut = transfer;
  }
  const stageAtEnd = openStageOn(timeline, period.to);
  if (stageAtEnd !== null) days.openAtEnd = period.to;
  if (days.openAtStart || days.new || days.reopened) {
    // The later of the two stops, when there was one (code-point order, as a sort would give).
    const stopped = days.closed && days.transferredOut ? (days.closed > days.transferredOut ? days.closed : days.transferredOut) : days.closed || days.transferredOut;
    days.served = days.openAtEnd ?? stopped ?? period.to;
  }
  return { caseId: data.idAt(rank), rank, days, outcome, stageAtEnd };
}

/** The seven figures of a flow, filled case by case. */
interface FlowTally {
  add(flow: CaseFlow): void;
  flow(): Flow;
}

function flowTally(data: ReportData): FlowTally {
  const [openAtStart, opened, reopened, closed, transferredOut, openAtEnd, served] = [data.tally(), data.tally(), data.tally(), data.tally(), data.tally(), data.tally(), data.tally()];
  return {
    // Each figure by name: reading the days by a computed key was a slow lookup, millions of times.
    add({ rank, days }) {
      if (days.openAtStart) openAtStart.add(rank, days.openAtStart);
      if (days.new) opened.add(rank, days.new);
      if (days.reopened) reopened.add(rank, days.reopened);
      if (days.closed) closed.add(rank, days.closed);
      if (days.transferredOut) transferredOut.add(rank, days.transferredOut);
      if (days.openAtEnd) openAtEnd.add(rank, days.openAtEnd);
      if (days.served) served.add(rank, days.served);
    },
    flow: () => ({
      openAtStart: openAtStart.figure(),
      new: opened.figure(),
      reopened: reopened.figure(),
      closed: closed.figure(),
      transferredOut: transferredOut.figure(),
      openAtEnd: openAtEnd.figure(),
      served: served.figure(),
    }),
  };
}

/**
 * The positions of the flows in the order of their cases' ranks (a counting sort, stable): added
 * in that order, a figure's cases come in the order it lists them, and need no sorting.
 */
function rankOrder(flows: readonly CaseFlow[]): Int32Array {
  const counts = new Int32Array(flows.reduce((most, flow) => Math.max(most, flow.rank + 1), 0) + 1);
  flows.forEach((flow) => counts[flow.rank + 1]!++);
  for (let rank = 1; rank < counts.length; rank++) counts[rank]! += counts[rank - 1]!;
  const order = new Int32Array(flows.length);
  flows.forEach((flow, i) => (order[counts[flow.rank]!++] = i));
  return order;
}

/** The flow of a set of cases. */
export function flowOf(data: ReportData, flows: readonly CaseFlow[]): Flow {
  const tally = flowTally(data);
  rankOrder(flows).forEach((i) => tally.add(flows[i]!));
  return tally.flow();
}

/** Whether the case is in any figure of its flow. */
function counts({ days }: CaseFlow): boolean {
  return !!(days.openAtStart || days.new || days.reopened || days.closed || days.transferredOut || days.openAtEnd || days.served);
}


/**
 * Flows per key of a case (a case may have several keys: criteria, each counted once); `keysOf`
 * gives the keys of the flow at an index, or null when it counts in no figure. `keys` are listed
 * even when empty, the others in the order the cases first bring them.
 */
export function flowsBy(data: ReportData, flows: readonly CaseFlow[], keysOf: (index: number) => readonly string[] | null, keys: readonly string[] = []): Record<string, Flow> {
  const groups = new Map(keys.map((key) => [key, flowTally(data)]));
  const groupOf = (key: string) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = flowTally(data)));
    return group;
  };
  // The groups are met in the order of the cases, and filled in the order of their ranks. Nearly
  // every case has one key, so a case's groups are kept as one group, or a list when there are more.
  const groupsOfFlow = flows.map((_, index): FlowTally | FlowTally[] | null => {
    const found = keysOf(index);
    if (!found) return null;
    return found.length === 1 ? groupOf(found[0]!) : found.filter((key, i) => found.indexOf(key) === i).map(groupOf);
  });
  rankOrder(flows).forEach((i) => {
    const found = groupsOfFlow[i];
    if (Array.isArray(found)) found.forEach((group) => group.add(flows[i]!));
    else found?.add(flows[i]!);
  });
  return Object.fromEntries([...groups].map(([key, group]) => [key, group.flow()]));
}

/** The criteria the primary assessment confirmed (the case's current decision), or {@link UNCONFIRMED}. */
export function criteriaOf(kase: FamilyCase): string[] {
  const confirmed = kase.eligibility?.decision === 'eligible' ? (kase.eligibility.confirmedCriteria ?? []) : [];
  return confirmed.length ? confirmed : [UNCONFIRMED];
}

/** The district holding the case (custody), or its address's when custody is missing. */
export function districtOf(kase: FamilyCase): string {
  return kase.custody?.districtCode || kase.address.districtCode;
}

export interface FamilyFigures extends Flow {
  /** Open cases at the end of the period, by stage. */
  byStage: Record<OpenStage, Figure>;
  byMahalla: Record<string, Flow>;
  byDistrict: Record<string, Flow>;
  /** A case counts under each confirmed criterion, so the rows add up to more than the total. */
  byCriterion: Record<string, Flow>;
  byRiskLevel: Record<string, Flow>;
  /** Cases closed in the period by the outcome of their last closure in it. */
  closedByOutcome: Record<ClosureOutcome | 'unrecorded', Figure>;
}

export function familyFigures(data: ReportData, period: Period, flows: readonly CaseFlow[]): FamilyFigures {
  const mahallas = data.input.mahallas.filter((m) => m.deletedAt === null && (!data.options.mahallaId || m.id === data.options.mahallaId)).map((m) => m.id);
  // One pass buckets the cases by stage and by closure outcome (a case in none is in no bucket).
  const byStage = new Map(OPEN_STAGES.map((stage) => [stage as string, data.tally()]));
  const byOutcome = new Map([...CLOSURE_OUTCOMES, 'unrecorded' as const].map((outcome) => [outcome as string, data.tally()]));
  rankOrder(flows).forEach((i) => {
    const flow = flows[i]!;
    if (flow.stageAtEnd !== null) byStage.get(flow.stageAtEnd)?.add(flow.rank, period.to);
    if (flow.days.closed && flow.outcome !== null) byOutcome.get(flow.outcome)?.add(flow.rank, flow.days.closed);
  });
  const figures = (tallies: Map<string, FigureTally>) => Object.fromEntries([...tallies].map(([key, tally]) => [key, tally.figure()]));
  // The breakdowns' keys of each case in a figure, read from the case in one go (reaching a case is what costs).
  const breakdowns = flows.map((flow) => {
    if (!counts(flow)) return null;
    const kase = data.caseAt(flow.rank);
    return { mahalla: [kase.address.mahallaId], district: [districtOf(kase)], criteria: criteriaOf(kase), risk: [kase.riskLevel] };
  });
  return {
    ...flowOf(data, flows),
    byStage: figures(byStage) as Record<OpenStage, Figure>,
    byMahalla: flowsBy(data, flows, (i) => breakdowns[i]?.mahalla ?? null, mahallas),
    byDistrict: flowsBy(data, flows, (i) => breakdowns[i]?.district ?? null),
    byCriterion: flowsBy(data, flows, (i) => breakdowns[i]?.criteria ?? null),
    byRiskLevel: flowsBy(
      data,
      flows,
      (i) => breakdowns[i]?.risk ?? null,
      RISK_LEVELS.map((level) => level.code),
    ),
    closedByOutcome: figures(byOutcome) as FamilyFigures['closedByOutcome'],
  };
}

/** Open cases at the end of any day, in all and by stage: the "as of" figures. */
export function openOn(data: ReportData, day: IsoDate): { open: Figure; byStage: Record<OpenStage, Figure> } {
  const open = data.tally();
  const byStage = new Map(OPEN_STAGES.map((stage) => [stage as string, data.tally()]));
  data.ranks.forEach((rank) => {
    const state = stateOn(data.timelineAt(rank), day);
    if (!state?.open) return;
    open.add(rank, day);
    byStage.get(state.stage)?.add(rank, day);
  });
  return { open: open.figure(), byStage: Object.fromEntries([...byStage].map(([stage, tally]) => [stage, tally.figure()])) as Record<OpenStage, Figure> };
}
