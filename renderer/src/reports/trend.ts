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
  return months.map((period) => {
    const flow = flowOf(data, data.cases.map((kase) => caseFlow(data, kase.id, period)));
    const label = period.label as { year: number; month: number };
    return { year: label.year, month: label.month, new: flow.new.families, closed: flow.closed.families, openAtEnd: flow.openAtEnd.families };
  });
}
