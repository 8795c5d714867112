import { useEffect, useRef, useState } from 'react';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import type { Indicators, Period, ReportOptions, TrendPoint } from '../../reports';
import type { ReportReply, ReportRequest } from './reportJob';

export type ReportState =
  | { status: 'idle' }
  | { status: 'reading'; read: number; of: number }
  | { status: 'computing' }
  | { status: 'ready'; indicators: Indicators; trend: TrendPoint[] | null; readMs: number; computeMs: number }
  | { status: 'failed'; code: string };

/**
 * The indicators of a period (none while it is unfinished: null), computed in a worker. The records are read once per visit to the
 * page (so the figures are as of opening it); changing the period or a filter only recomputes.
 * Replies to superseded requests are dropped.
 */
export function useReport(period: Period | null, options: ReportOptions): ReportState {
  const { db } = useServices();
  const session = useAppSelector((state) => state.session);
  const [state, setState] = useState<ReportState>({ status: 'reading', read: 0, of: 1 });
  const worker = useRef<Worker | null>(null);
  const requestId = useRef(0);
  const readOnce = useRef(false);

  useEffect(() => {
    const created = new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module' });
    worker.current = created;
    readOnce.current = false;
    created.onmessage = (event: MessageEvent<ReportReply>) => {
      const reply = event.data;
      if (reply.id !== requestId.current) return;
      switch (reply.kind) {
        case 'progress':
          setState({ status: 'reading', read: reply.read, of: reply.of });
          break;
        case 'result':
          setState({ status: 'ready', indicators: reply.indicators, trend: null, readMs: reply.readMs, computeMs: reply.computeMs });
          break;
        case 'trend':
          setState((current) => (current.status === 'ready' ? { ...current, trend: reply.trend } : current));
          break;
        case 'error':
          setState({ status: 'failed', code: reply.code });
          break;
      }
    };
    created.onerror = () => setState({ status: 'failed', code: 'unexpected' });
    return () => created.terminate();
  }, []);

  const from = period?.from;
  const to = period?.to;
  const enabled = !!from && !!to;
  const { mahallaId, caseManagerId } = options;
  useEffect(() => {
    // The database's session is the logged-in user's (set at login); the Redux copy says when it changed.
    if (!worker.current || !db.session || !session.currentUserId || !from || !to) return;
    requestId.current += 1;
    const request: ReportRequest = {
      id: requestId.current,
      dbName: db.name,
      session: { ...db.session, roles: [...db.session.roles], mahallaIds: [...db.session.mahallaIds] },
      period: { from, to },
      options: { ...(mahallaId ? { mahallaId } : {}), ...(caseManagerId ? { caseManagerId } : {}) },
      refresh: !readOnce.current,
    };
    if (readOnce.current) setState({ status: 'computing' });
    readOnce.current = true;
    worker.current.postMessage(request);
  }, [db, from, to, mahallaId, caseManagerId, session.currentUserId, session.roles, session.mahallaIds, enabled]);

  return enabled ? state : { status: 'idle' };
}
