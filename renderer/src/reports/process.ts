import { isIsoDate, type IsoDate } from '../domain/dates';
import { addMonths, daysBetween } from '../domain/monitoring';
import { overdueActions } from '../domain/plan';
import { daysInMonth, realDay } from './days';
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
 *
 * This is `monitoringStatus` (domain/monitoring.ts) read only for the months that can fall in the
 * period: counting every month since the signing, for every agreement, was most of the time of a
 * large office's report.
 */
function monitoringFigures(data: ReportData, period: Period): ProcessFigures['monitoring'] {
  let due = 0;
  let onTime = 0;
  const cases: number[] = [];
  const late: number[] = [];
  const periodMonth = isIsoDate(period.from) ? monthIndex(period.from) : null;
  data.ranks.forEach((rank) => {
    const timeline = data.timelineAt(rank);
    const monitorings = data.monitoringsAt(rank);
    for (const episode of timeline.episodes) {
      if (!episode.agreement) continue;
      const signed = episode.agreement.signed;
      const end = episodeEnd(timeline, episode);
      // Nothing of this agreement can fall due in the period: signed after it, or over before it began.
      if (signed > period.to || (end !== null && end <= period.from)) continue;
      // The monitorings answering the months in order, as monitoringStatus takes them.
      const done = monitorings
        .map((m) => m.date)
        .filter((date) => date >= signed && (end === null || date <= end))
        .sort();
      const months = agreementMonths(signed, periodMonth);
      // The months run until one falls due after the period with no monitoring to answer it (or the 1201st).
      for (let index = months.first; index <= MAX_MONTHS; index++) {
        const dueOn = months.dueOn(index);
        const doneOn = done[index - 1] ?? null;
        if (dueOn > period.to && doneOn === null) break;
        if (!inPeriod(period, dueOn) || (end !== null && dueOn >= end)) continue;
        due++;
        cases.push(rank);
        if (doneOn !== null && doneOn <= dueOn) onTime++;
        else late.push(rank);
      }
    }
  });
  return { due, onTime, percent: due ? Math.round((onTime / due) * 1000) / 10 : null, caseIds: data.caseIds(cases), lateCaseIds: data.caseIds(late) };
}

/** monitoringStatus's guard against corrupt data: no month after the 1201st is read. */
const MAX_MONTHS = 1201;

const pad = (n: number) => String(n).padStart(2, '0');
const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));

/**
 * The monthly due dates of an agreement signed on `signed`: `dueOn(k)` is `addMonths(signed, k)`,
 * worked out without checking the date again for every month, and `first` the first month whose
 * due date can fall in the period (the k-th falls in the k-th calendar month after the signing, so
 * the months before the period's first fall before it; `periodMonth` is its month as a number).
 * Only for real dates (years 1800–2200, so due dates sort as text); otherwise every month is read,
 * and `addMonths` refuses a date that is none, as monitoringStatus does.
 */
function agreementMonths(signed: IsoDate, periodMonth: number | null): { first: number; dueOn: (index: number) => IsoDate } {
  if (Number.isNaN(realDay(signed))) return { first: 1, dueOn: (index) => addMonths(signed, index) };
  const [year, month, day] = signed.split('-').map(Number) as [number, number, number];
  const dueOn = (index: number) => {
    const total = year * 12 + (month - 1) + index;
    const [y, m] = [Math.floor(total / 12), (total % 12) + 1];
    return `${y}-${pad(m)}-${pad(Math.min(day, daysInMonth(y, m)))}` as IsoDate;
  };
  return { first: periodMonth === null ? 1 : Math.max(1, periodMonth - monthIndex(signed)), dueOn };
}

/**
 * Actions overdue at the period's end, as the plan stood then (its change history undone back to
 * that day): an action done since still counts as overdue then, one added since does not.
 */
function overduePlanActions(data: ReportData, period: Period, flows: readonly CaseFlow[]): ProcessFigures['overduePlanActions'] {
  let actions = 0;
  const caseIds: string[] = [];
  for (const flow of flows) {
    if (!flow.days.openAtEnd) continue;
    const planned = data.planActionsOn(flow.rank, period.to);
    const overdue = planned ? overdueActions({ actions: planned }, period.to).length : 0;
    if (overdue) {
      actions += overdue;
      caseIds.push(flow.caseId);
    }
  }
  return { actions, caseIds: caseIds.sort() };
}

/** `daysBetween`, counted from the digits when both are real dates (the same count, without two `Date.parse`). */
function days(from: IsoDate, to: IsoDate): number {
  const [a, b] = [realDay(from), realDay(to)];
  return Number.isNaN(a) || Number.isNaN(b) ? daysBetween(from, to) : b - a;
}

/** Durations between the dates as recorded (stageOn.ts: typed dates where the case holds them). */
function medianDays(data: ReportData, period: Period): ProcessFigures['medianDays'] {
  const toAgreement: number[] = [];
  const toClosure: number[] = [];
  data.ranks.forEach((rank) => {
    const timeline = data.timelineAt(rank);
    const held = (day: string) => !timeline.transferredOut || day <= timeline.transferredOut.on;
    for (const episode of timeline.episodes) {
      if (episode.agreement && inPeriod(period, episode.agreement.on) && held(episode.agreement.on)) toAgreement.push(days(episode.identifiedOn, episode.agreement.signed));
      if (episode.agreement && episode.closure && inPeriod(period, episode.closure.on) && held(episode.closure.on)) toClosure.push(days(episode.agreement.signed, episode.closure.recorded));
    }
  });
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
