import type { IsoDate } from '../domain/dates';
import type { FamilyCase } from '../domain/familyCase';
import { STAGES, CLOSURE_OUTCOMES, type ClosureOutcome, type OpenStage } from '../domain/stages';
import { RISK_LEVELS } from '../domain/vulnerability';
import { dayBefore, inPeriod, type Period } from './period';
import type { Counted, Figure, ReportData } from './reportData';
import { stageOn, stateOn } from './stageOn';

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
  days: Partial<Record<keyof Flow, IsoDate>>;
  /** The outcome of the last closure in the period. */
  outcome: ClosureOutcome | 'unrecorded' | null;
  stageAtEnd: OpenStage | null;
}

export function caseFlow(data: ReportData, caseId: string, period: Period): CaseFlow {
  const timeline = data.timeline(caseId);
  const transfer = timeline.transferredOut?.on ?? null;
  const heldOn = (day: IsoDate) => transfer === null || day <= transfer;
  const days: CaseFlow['days'] = {};
  const start = dayBefore(period.from);
  if (stateOn(timeline, start)?.open) days.openAtStart = start;
  let outcome: CaseFlow['outcome'] = null;
  timeline.episodes.forEach((episode, index) => {
    if (inPeriod(period, episode.openedOn) && heldOn(episode.openedOn)) days[index === 0 ? 'new' : 'reopened'] = episode.openedOn;
    if (episode.closure && inPeriod(period, episode.closure.on) && heldOn(episode.closure.on)) {
      days.closed = episode.closure.on;
      outcome = episode.closure.outcome;
    }
  });
  if (transfer && inPeriod(period, transfer)) {
    const stage = stageOn(timeline, transfer);
    if (stage !== null && stage !== 'closed') days.transferredOut = transfer;
  }
  const end = stateOn(timeline, period.to);
  if (end?.open) days.openAtEnd = period.to;
  if (days.openAtStart || days.new || days.reopened) {
    const stopped = [days.closed, days.transferredOut].filter((day): day is IsoDate => !!day).sort();
    days.served = days.openAtEnd ?? stopped.at(-1) ?? period.to;
  }
  return { caseId, days, outcome, stageAtEnd: end?.open ? (end.stage as OpenStage) : null };
}

/** The flow of a set of cases. */
export function flowOf(data: ReportData, flows: readonly CaseFlow[]): Flow {
  const pick = (key: keyof Flow): Counted[] => flows.flatMap((flow) => (flow.days[key] ? [{ caseId: flow.caseId, day: flow.days[key] }] : []));
  return Object.fromEntries(FLOW_KEYS.map((key) => [key, data.figure(pick(key))])) as unknown as Flow;
}

const counts = (flow: CaseFlow) => Object.keys(flow.days).length > 0;

/** Flows per key of a case (a case may have several keys: criteria); `keys` are listed even when empty. */
export function flowsBy(data: ReportData, flows: readonly CaseFlow[], keyOf: (kase: FamilyCase) => readonly string[], keys: readonly string[] = []): Record<string, Flow> {
  const groups = new Map<string, CaseFlow[]>(keys.map((key) => [key, []]));
  for (const flow of flows.filter(counts)) {
    for (const key of new Set(keyOf(data.caseById.get(flow.caseId)!))) {
      const group = groups.get(key);
      if (group) group.push(flow);
      else groups.set(key, [flow]);
    }
  }
  return Object.fromEntries([...groups].map(([key, group]) => [key, flowOf(data, group)]));
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
  const byStage = Object.fromEntries(
    OPEN_STAGES.map((stage) => [stage, data.figure(flows.filter((flow) => flow.stageAtEnd === stage).map((flow) => ({ caseId: flow.caseId, day: period.to })))]),
  ) as Record<OpenStage, Figure>;
  const closedByOutcome = Object.fromEntries(
    [...CLOSURE_OUTCOMES, 'unrecorded' as const].map((outcome) => [outcome, data.figure(flows.filter((flow) => flow.days.closed && flow.outcome === outcome).map((flow) => ({ caseId: flow.caseId, day: flow.days.closed! })))]),
  ) as FamilyFigures['closedByOutcome'];
  return {
    ...flowOf(data, flows),
    byStage,
    byMahalla: flowsBy(data, flows, (kase) => [kase.address.mahallaId], mahallas),
    byDistrict: flowsBy(data, flows, (kase) => [districtOf(kase)]),
    byCriterion: flowsBy(data, flows, criteriaOf),
    byRiskLevel: flowsBy(
      data,
      flows,
      (kase) => [kase.riskLevel],
      RISK_LEVELS.map((level) => level.code),
    ),
    closedByOutcome,
  };
}

/** Open cases at the end of any day, in all and by stage: the "as of" figures. */
export function openOn(data: ReportData, day: IsoDate): { open: Figure; byStage: Record<OpenStage, Figure> } {
  const open = data.cases.flatMap((kase) => {
    const state = stateOn(data.timeline(kase.id), day);
    return state?.open ? [{ caseId: kase.id, day, stage: state.stage }] : [];
  });
  return {
    open: data.figure(open),
    byStage: Object.fromEntries(OPEN_STAGES.map((stage) => [stage, data.figure(open.filter((c) => c.stage === stage))])) as Record<OpenStage, Figure>,
  };
}
