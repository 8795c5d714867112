import { isIsoDate, type IsoDate } from './dates';
import type { GoalOutcome, TriangleSnapshot } from './closure';
import { isVulnerabilityCode, type RiskLevel } from './vulnerability';

/**
 * The eight stages of case management (shared/domain/CASE-MANAGEMENT.md) as a state machine.
 * Pure: it takes a case's stage facts and an event and answers with the next facts and the
 * history entry to record, or a refusal code the UI translates (`errors:stage.<code>`).
 */
export const STAGES = [
  'identification',
  'primaryAssessment',
  'agreement',
  'inDepthAssessment',
  'planning',
  'implementation',
  'monitoring',
  'closed',
] as const;

export type Stage = (typeof STAGES)[number];
export type OpenStage = Exclude<Stage, 'closed'>;

/** Why a case was closed. `notEligible` comes only from the eligibility decision. */
export const CLOSURE_OUTCOMES = ['selfSufficient', 'notEligible', 'movedAway', 'refused', 'childPlaced', 'lostContact', 'other'] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];

export interface Eligibility {
  decision: 'eligible' | 'notEligible';
  reason: string;
  date: IsoDate;
  decidedBy: string;
  /**
   * The vulnerability criteria the primary assessment confirmed (starting from those recorded at
   * identification): the set reports count. Absent on decisions made before it was recorded.
   */
  confirmedCriteria?: string[];
  /** The risk level the primary assessment found. */
  riskLevel?: RiskLevel;
}

export interface AgreementRecord {
  signedDate: IsoDate;
  number: string;
  /** The day the agreement ended: closing the case ends it. */
  endedDate?: IsoDate;
}

export interface Closure {
  outcome: ClosureOutcome;
  reason: string;
  date: IsoDate;
  /** How each goal of the plan ended (closures recorded since the plan existed). */
  goalOutcomes?: GoalOutcome[];
  /** The last assessment's triangle on the day of closure. */
  finalTriangle?: TriangleSnapshot | null;
}

/** The part of a case the machine reads and writes. */
export interface StageFacts {
  stage: Stage;
  eligibility: Eligibility | null;
  agreement: AgreementRecord | null;
  closure: Closure | null;
}

export type CaseEvent =
  | { type: 'advance'; to: OpenStage; reason?: string }
  | { type: 'decideEligibility'; decision: Eligibility['decision']; reason: string; date: IsoDate; criteria?: string[]; riskLevel?: RiskLevel }
  | { type: 'signAgreement'; signedDate: IsoDate; number: string }
  | { type: 'close'; outcome: Exclude<ClosureOutcome, 'notEligible'>; reason: string; date: IsoDate }
  | { type: 'reopen'; reason: string }
  | { type: 'urgentAction'; reason: string };

export type StageRefusal =
  | 'transitionNotAllowed'
  | 'eligibilityNotDecided'
  | 'notEligible'
  | 'agreementNotSigned'
  | 'reasonRequired'
  | 'outcomeNotAllowed'
  | 'dateInFuture'
  | 'dateBeforeEligibility'
  | 'dateBeforeAgreement'
  | 'wrongStage'
  | 'caseClosed'
  | 'invalidDate'
  | 'numberRequired'
  | 'criteriaRequired'
  | 'unknownCriterion';

/** What the history records for every event: the stage before and after, and why. */
export interface StageChange {
  kind: CaseEvent['type'];
  from: Stage;
  to: Stage;
  reason: string;
}

export type StageResult = { ok: true; facts: StageFacts; change: StageChange } | { ok: false; refusal: StageRefusal };

/**
 * Forward steps and the loops real work takes: monitoring sends a case back to planning or
 * reassessment. No step leads into the agreement stage: signing the agreement does.
 */
export const ADVANCES: Readonly<Record<OpenStage, readonly OpenStage[]>> = {
  identification: ['primaryAssessment'],
  primaryAssessment: [],
  agreement: ['inDepthAssessment'],
  inDepthAssessment: ['planning'],
  planning: ['implementation'],
  implementation: ['monitoring', 'planning'],
  monitoring: ['planning', 'implementation', 'inDepthAssessment'],
};

/** A family is self-sufficient only after help was planned and delivered. */
const SELF_SUFFICIENT_FROM: readonly Stage[] = ['implementation', 'monitoring'];

const refuse = (refusal: StageRefusal): StageResult => ({ ok: false, refusal });
const blank = (text: string | undefined) => !text || text.trim() === '';

/** Who acts and on which day (the office's calendar). */
export interface EventContext {
  today: IsoDate;
  userId: string;
}

/** Applies an event to a case's stage facts. */
export function applyCaseEvent(facts: StageFacts, event: CaseEvent, { today, userId }: EventContext): StageResult {
  const from = facts.stage;
  const done = (next: Partial<StageFacts>, reason = ''): StageResult => {
    const nextFacts = { ...facts, ...next };
    return { ok: true, facts: nextFacts, change: { kind: event.type, from, to: nextFacts.stage, reason } };
  };

  if (event.type === 'reopen') {
    if (from !== 'closed') return refuse('transitionNotAllowed');
    if (blank(event.reason)) return refuse('reasonRequired');
    // A reopened family is assessed again: its situation has changed since it was closed.
    // The old agreement ended with the closure: a new one is signed if the family is eligible again.
    return done({ stage: 'primaryAssessment', closure: null, eligibility: null, agreement: null }, event.reason);
  }
  if (from === 'closed') return refuse('caseClosed');

  switch (event.type) {
    case 'advance': {
      if (!ADVANCES[from].includes(event.to)) return refuse(event.to === 'agreement' ? 'agreementNotSigned' : 'transitionNotAllowed');
      if ((event.to === 'inDepthAssessment' || event.to === 'planning') && !facts.agreement) return refuse('agreementNotSigned');
      return done({ stage: event.to }, event.reason ?? '');
    }
    case 'decideEligibility': {
      if (from !== 'primaryAssessment') return refuse('wrongStage');
      if (blank(event.reason)) return refuse('reasonRequired');
      if (!isIsoDate(event.date)) return refuse('invalidDate');
      if (event.date > today) return refuse('dateInFuture');
      const criteria = [...new Set(event.criteria ?? [])];
      // A family is eligible for a reason the criteria name; one found not eligible needs none.
      if (event.decision === 'eligible' && criteria.length === 0) return refuse('criteriaRequired');
      if (!criteria.every(isVulnerabilityCode)) return refuse('unknownCriterion');
      const eligibility: Eligibility = {
        decision: event.decision,
        reason: event.reason.trim(),
        date: event.date,
        decidedBy: userId,
        ...(criteria.length ? { confirmedCriteria: criteria } : {}),
        ...(event.riskLevel ? { riskLevel: event.riskLevel } : {}),
      };
      if (event.decision === 'notEligible') {
        return done({ eligibility, stage: 'closed', closure: { outcome: 'notEligible', reason: event.reason.trim(), date: event.date } }, event.reason);
      }
      return done({ eligibility }, event.reason);
    }
    case 'signAgreement': {
      // Entering the signed date is what brings an eligible family to the agreement stage. Cases that
      // an earlier version moved to the agreement stage unsigned are signed where they stand.
      if (from === 'primaryAssessment') {
        if (!facts.eligibility) return refuse('eligibilityNotDecided');
        if (facts.eligibility.decision !== 'eligible') return refuse('notEligible');
      } else if (from !== 'agreement' || facts.agreement) return refuse('wrongStage');
      if (!isIsoDate(event.signedDate)) return refuse('invalidDate');
      if (blank(event.number)) return refuse('numberRequired');
      if (event.signedDate > today) return refuse('dateInFuture');
      if (facts.eligibility && event.signedDate < facts.eligibility.date) return refuse('dateBeforeEligibility');
      return done({ stage: 'agreement', agreement: { signedDate: event.signedDate, number: event.number.trim() } });
    }
    case 'close': {
      if (blank(event.reason)) return refuse('reasonRequired');
      if (!isIsoDate(event.date)) return refuse('invalidDate');
      if (event.date > today) return refuse('dateInFuture');
      if (!closureOutcomesFor(from).includes(event.outcome)) return refuse('outcomeNotAllowed');
      if (facts.agreement && event.date < facts.agreement.signedDate) return refuse('dateBeforeAgreement');
      // Closing ends the agreement on the day of closure.
      const agreement = facts.agreement ? { ...facts.agreement, endedDate: event.date } : null;
      return done({ stage: 'closed', agreement, closure: { outcome: event.outcome, reason: event.reason.trim(), date: event.date } }, event.reason);
    }
    case 'urgentAction': {
      // The emergency path: protective actions for a child in danger, before or without an
      // agreement. The reason is what justifies acting before the family has signed.
      if (blank(event.reason)) return refuse('reasonRequired');
      return done({}, event.reason);
    }
  }
}

/** The outcomes a user may choose when closing a case at `stage` ("not eligible" comes from the eligibility decision). */
export function closureOutcomesFor(stage: Stage): Exclude<ClosureOutcome, 'notEligible'>[] {
  return CLOSURE_OUTCOMES.filter((outcome): outcome is Exclude<ClosureOutcome, 'notEligible'> => outcome !== 'notEligible' && (outcome !== 'selfSufficient' || SELF_SUFFICIENT_FROM.includes(stage)));
}

/** Which event dialogs make sense for a case now (for the case card); the machine still decides. */
export function availableEvents(facts: StageFacts): CaseEvent['type'][] {
  if (facts.stage === 'closed') return ['reopen'];
  const events: CaseEvent['type'][] = ['advance'];
  if (facts.stage === 'primaryAssessment') events.push('decideEligibility');
  if ((facts.stage === 'primaryAssessment' && facts.eligibility?.decision === 'eligible') || (facts.stage === 'agreement' && !facts.agreement)) events.push('signAgreement');
  events.push('urgentAction', 'close');
  return events;
}

/** Stages a user may move an open case to next (for menus); guards still apply. */
export function nextStages(stage: Stage): readonly OpenStage[] {
  return stage === 'closed' ? [] : ADVANCES[stage];
}
