import { caseFlow, flowOf } from './families';
import { month, type LabeledPeriod } from './period';
import { ReportData, type ReportInput, type ReportOptions } from './reportData';

/** One month of the dashboard's trend: families taken on, closed, and open at the month's end. */
export interface TrendPoint {
  year: number;
  month: number;
  new: number;
  closed: number;
  openAtEnd: number;
}

/** The `count` calendar months ending with the month of `lastDay` (an ISO date), oldest first. */
export function monthsEnding(lastDay: string, count: number): LabeledPeriod[] {
  const [year, monthNumber] = lastDay.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const offset = year * 12 + (monthNumber - 1) - (count - 1 - index);
    return month(Math.floor(offset / 12), (offset % 12) + 1);
  });
}

/**
 * The dashboard's monthly trend, by the same rules as the report's flow figures (families.ts), over
 * one reading of the records: the case histories are replayed once for all the months.
 */
export function monthlyTrend(input: ReportInput | ReportData, months: readonly LabeledPeriod[], options: ReportOptions = {}): TrendPoint[] {
  const data = input instanceof ReportData ? input : new ReportData(input, options);
  const sorted = months.every((period, i) => period.from <= period.to && (i === 0 || months[i - 1]!.to < period.from));
  if (!sorted) return months.map((period) => pointOf(period, flowOf(data, data.cases.map((kase) => caseFlow(data, kase.id, period)))));

  // One pass over each case for all the months (12 flows per case was most of the dashboard's time
  // at 100,000 families). The same rules as flowAt in families.ts: taken on = the first episode
  // opened in the month (not after a transfer out); closed = an episode closed in the month (not
  // after the transfer); open at the month's end = the stage then is open and the case still here.
  const count = months.length;
  const opened = new Array<number>(count).fill(0);
  const closed = new Array<number>(count).fill(0);
  const openAtEnd = new Array<number>(count).fill(0);
  const monthOf = (day: string): number => {
    let low = 0;
    let high = count - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const period = months[middle]!;
      if (day < period.from) high = middle - 1;
      else if (day > period.to) low = middle + 1;
      else return middle;
    }
    return -1;
  };
  const closedIn = new Int32Array(count);
  let caseMark = 0;
  for (const rank of data.ranks) {
    const timeline = data.timelineAt(rank);
    const transfer = timeline.transferredOut?.on ?? null;
    caseMark += 1;
    timeline.episodes.forEach((episode, index) => {
      if (index === 0 && (transfer === null || episode.openedOn <= transfer)) {
        const m = monthOf(episode.openedOn);
        if (m >= 0) opened[m]! += 1;
      }
      const closure = episode.closure?.on;
      if (closure && (transfer === null || closure <= transfer)) {
        const m = monthOf(closure);
        // A case closed twice in one month counts once in it.
        if (m >= 0 && closedIn[m] !== caseMark) {
          closedIn[m] = caseMark;
          closed[m]! += 1;
        }
      }
    });
    const steps = timeline.steps;
    let step = 0;
    let stage: string | null = null;
    for (let m = 0; m < count; m++) {
      const end = months[m]!.to;
      while (step < steps.length && !(steps[step]!.on > end)) stage = steps[step++]!.stage;
      if (stage !== null && stage !== 'closed' && (transfer === null || transfer > end)) openAtEnd[m]! += 1;
    }
  }
  return months.map((period, m) => pointOf(period, { new: { families: opened[m]! }, closed: { families: closed[m]! }, openAtEnd: { families: openAtEnd[m]! } }));
}

function pointOf(period: LabeledPeriod, flow: { new: { families: number }; closed: { families: number }; openAtEnd: { families: number } }): TrendPoint {
  const label = period.label as { year: number; month: number };
  return { year: label.year, month: label.month, new: flow.new.families, closed: flow.closed.families, openAtEnd: flow.openAtEnd.families };
}
