import { daysBetween, monitoringStatus } from '../domain/monitoring';
import { overdueActions } from '../domain/plan';
import type { CaseFlow } from './families';
import { inPeriod, type Period } from './period';
import type { ReportData } from './reportData';
import { episodeEnd } from './stageOn';

/** How the work went: monitoring on time, overdue actions, how long the stages take, approvals waiting. */

export interface ProcessFigures {
  monitoring: {
    /** Monthly monitorings due in the period. */
    due: number;
    /** Of those, entered by their due date. */
    onTime: number;
    /** onTime / due, 0–100, one decimal; null when nothing was due. */
    percent: number | null;
    /** Cases with a monitoring due in the period. */
    caseIds: string[];
    /** Cases with a due monitoring in the period that was not entered by its due date. */
    lateCaseIds: string[];
  };
  /** Open actions past their deadline on the last day, in the plans of the cases open then. */
  overduePlanActions: { actions: number; caseIds: string[] };
  /** Median days, over the agreements signed (from identification) and the closures (from the agreement) in the period. */
  medianDays: {
    identificationToAgreement: number | null;
    agreementToClosure: number | null;
    /** How many values each median is of. */
    agreements: number;
    closures: number;
  };
  /** Assessments completed and not approved at the end of the last day. */
  assessmentsAwaitingApproval: { count: number; assessmentIds: string[]; caseIds: string[] };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Monitoring on time, the rule of `domain/monitoring.ts` (the one the case card and the overdue
 * list show), applied to each agreement a case had:
 * - the k-th monitoring is due `addMonths(signed date, k)`; the signed date is the one typed on the
 *   agreement when the case still holds it, else the day the signing was written (stageOn.ts);
 * - a due date counts when it falls in the period and before the day the agreement's episode
 *   ended (its closure or the transfer out; a closure on the due day replaces that monitoring);
 * - the agreement's monitorings are the case's live monitorings dated from the signed date to the
 *   episode's end; they answer the months in order, the first the first month (so a late one still
 *   answers its month, and a second one in a month answers the next month early);
 * - a due month is on time when the monitoring answering it is dated on or before its due date.
 */
function monitoringFigures(data: ReportData, period: Period): ProcessFigures['monitoring'] {
  let due = 0;
  let onTime = 0;
  const cases = new Set<string>();
  const late = new Set<string>();
  for (const kase of data.cases) {
    const timeline = data.timeline(kase.id);
    const monitorings = data.monitoringsByCase.get(kase.id) ?? [];
    for (const episode of timeline.episodes) {
      if (!episode.agreement) continue;
      const signed = episode.agreement.signed;
      const end = episodeEnd(timeline, episode);
      // Nothing of this agreement can fall due in the period: signed after it, or over before it began.
      if (signed > period.to || (end !== null && end <= period.from)) continue;
      const dates = monitorings.map((m) => m.date).filter((date) => date >= signed && (end === null || date <= end));
      for (const entry of monitoringStatus(signed, dates, period.to).dues) {
        if (!inPeriod(period, entry.due) || (end !== null && entry.due >= end)) continue;
        due++;
        cases.add(kase.id);
        if (entry.onTime) onTime++;
        else late.add(kase.id);
      }
    }
  }
  return { due, onTime, percent: due ? Math.round((onTime / due) * 1000) / 10 : null, caseIds: [...cases].sort(), lateCaseIds: [...late].sort() };
}

/**
 * Plan actions are kept as they stand now (a revision's statuses are not dated), so this figure
 * is exact for a period ending today and an approximation for an earlier one: an action done
 * since no longer counts as overdue then.
 */
function overduePlanActions(data: ReportData, period: Period, flows: readonly CaseFlow[]): ProcessFigures['overduePlanActions'] {
  let actions = 0;
  const caseIds: string[] = [];
  for (const flow of flows) {
    if (!flow.days.openAtEnd) continue;
    const plan = data.planByCase.get(flow.caseId);
    const overdue = plan ? overdueActions(plan, period.to).length : 0;
    if (overdue) {
      actions += overdue;
      caseIds.push(flow.caseId);
    }
  }
  return { actions, caseIds: caseIds.sort() };
}

/** Durations between the dates as recorded (stageOn.ts: typed dates where the case holds them). */
function medianDays(data: ReportData, period: Period): ProcessFigures['medianDays'] {
  const toAgreement: number[] = [];
  const toClosure: number[] = [];
  for (const kase of data.cases) {
    const timeline = data.timeline(kase.id);
    const held = (day: string) => !timeline.transferredOut || day <= timeline.transferredOut.on;
    for (const episode of timeline.episodes) {
      if (episode.agreement && inPeriod(period, episode.agreement.on) && held(episode.agreement.on)) toAgreement.push(daysBetween(episode.identifiedOn, episode.agreement.signed));
      if (episode.agreement && episode.closure && inPeriod(period, episode.closure.on) && held(episode.closure.on)) toClosure.push(daysBetween(episode.agreement.signed, episode.closure.recorded));
    }
  }
  return { identificationToAgreement: median(toAgreement), agreementToClosure: median(toClosure), agreements: toAgreement.length, closures: toClosure.length };
}

/**
 * Awaiting approval at the end of the last day: completed by then and not approved by then, read
 * from the instants completion and approval keep (so a past day is answered as it stood). Every
 * such version counts, in closed cases too, as the supervisors' queue (My work) lists them.
 */
function awaitingApproval(data: ReportData, period: Period): ProcessFigures['assessmentsAwaitingApproval'] {
  const waiting = data.assessments.filter(
    (a) => a.status !== 'draft' && a.completedAt !== null && data.dayOf(a.completedAt) <= period.to && !(a.approval && data.dayOf(a.approval.at) <= period.to),
  );
  return { count: waiting.length, assessmentIds: waiting.map((a) => a.id).sort(), caseIds: [...new Set(waiting.map((a) => a.caseId))].sort() };
}

export function processFigures(data: ReportData, period: Period, flows: readonly CaseFlow[]): ProcessFigures {
  return {
    monitoring: monitoringFigures(data, period),
    overduePlanActions: overduePlanActions(data, period, flows),
    medianDays: medianDays(data, period),
    assessmentsAwaitingApproval: awaitingApproval(data, period),
  };
}
