import type { WriteSession } from '../../db/auditMiddleware';
import { DomainError } from '../../domain/errors';
import { computeIndicators, monthlyTrend, monthsEnding, prepareReport, type Indicators, type Period, type PreparedReport, type ReportInput, type ReportOptions, type TrendPoint } from '../../reports';

/**
 * What the reports page asks its worker, and what comes back. Messages are plain data (structured
 * clone); errors cross as a code the page translates, never as an exception object.
 */
export interface ReportRequest {
  id: number;
  /** The active database's name (the worker opens its own connection to it). */
  dbName: string;
  session: WriteSession;
  period: Period;
  options: ReportOptions;
  /** Read the records again (the page was opened anew); otherwise the last reading is reused. */
  refresh: boolean;
}

export type ReportReply =
  | { id: number; kind: 'progress'; read: number; of: number }
  | { id: number; kind: 'result'; indicators: Indicators; readMs: number; computeMs: number }
  | { id: number; kind: 'trend'; trend: TrendPoint[] }
  | { id: number; kind: 'error'; code: string };

/** How many months the dashboard's trend shows, ending with the report period's last month. */
export const TREND_MONTHS = 12;

export type ReadInput = (request: ReportRequest, onProgress: (read: number, of: number) => void) => Promise<ReportInput>;

/**
 * The worker's work, apart from the worker: reads the records once per page visit (or database),
 * computes the indicators, then the trend. Kept free of `self` so unit tests run it directly.
 */
export function createReportJob(read: ReadInput, post: (reply: ReportReply) => void, now: () => number = () => performance.now()) {
  let cached: { dbName: string; input: ReportInput; prepared: Map<string, PreparedReport> } | null = null;
  let latest = 0;
  return async function run(request: ReportRequest): Promise<void> {
    latest = request.id;
    try {
      const started = now();
      if (request.refresh || cached?.dbName !== request.dbName) {
        cached = null;
        const input = await read(request, (done, of) => post({ id: request.id, kind: 'progress', read: done, of }));
        cached = { dbName: request.dbName, input, prepared: new Map() };
      }
      const readMs = now() - started;
      // A newer request (the user changed the period meanwhile) makes this one's figures moot.
      if (request.id !== latest) return;
      // Indexed once per filter while the records stay the same: another period reuses it.
      const filterKey = `${request.options.mahallaId ?? ''}|${request.options.caseManagerId ?? ''}`;
      let prepared = cached!.prepared.get(filterKey);
      if (!prepared) {
        prepared = prepareReport(cached!.input, request.options);
        cached!.prepared.set(filterKey, prepared);
      }
      const indicators = computeIndicators(prepared, request.period);
      post({ id: request.id, kind: 'result', indicators, readMs, computeMs: now() - started - readMs });
      if (request.id !== latest) return;
      post({ id: request.id, kind: 'trend', trend: monthlyTrend(prepared, monthsEnding(request.period.to, TREND_MONTHS)) });
    } catch (error) {
      if (!(error instanceof DomainError)) console.error(error);
      post({ id: request.id, kind: 'error', code: error instanceof DomainError ? error.code : 'unexpected' });
    }
  };
}
