import type { HamkorlikDb } from '../db';
import type { AuditEntry, AuditOp } from '../../domain/audit';
import { requireOffice } from './guard';

/** What the audit viewer filters by; all optional, combined with AND. Dates are whole local days (yyyy-mm-dd). */
export interface AuditFilter {
  userId?: string;
  caseId?: string;
  from?: string;
  to?: string;
  op?: AuditOp;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** More entries match than the viewer shows: narrow the filter. */
  truncated: boolean;
}

export const AUDIT_PAGE_LIMIT = 2000;

/** Every record id that belongs to a case's file: the case, its memberships, its history, its members. */
async function caseRecordKeys(db: HamkorlikDb, caseId: string): Promise<[string, string][]> {
  const [memberships, history] = await Promise.all([db.memberships.where('caseId').equals(caseId).toArray(), db.caseHistory.where('caseId').equals(caseId).primaryKeys()]);
  return [
    ['cases', caseId],
    ...memberships.map((m): [string, string] => ['memberships', m.id]),
    ...memberships.map((m): [string, string] => ['persons', m.personId]),
    ...history.map((id): [string, string] => ['caseHistory', id]),
  ];
}

/**
 * The audit, newest first, for administrators and supervisors: read through the narrowest index
 * the filter allows (the case's records, the user, or the date range), the rest checked in memory.
 */
export async function queryAudit(db: HamkorlikDb, filter: AuditFilter, limit = AUDIT_PAGE_LIMIT): Promise<AuditPage> {
  requireOffice(db, 'readAudit');
  // Whole days on this PC's clock (Tashkent, UTC+5), as the viewer shows the times; stored instants are UTC.
  const from = filter.from ? new Date(`${filter.from}T00:00:00`).toISOString() : '';
  const to = filter.to ? new Date(`${filter.to}T23:59:59.999`).toISOString() : '\uffff';
  let candidates: AuditEntry[];
  if (filter.caseId) candidates = await db.audit.where('[table+recordId]').anyOf(await caseRecordKeys(db, filter.caseId)).toArray();
  else if (filter.userId) candidates = await db.audit.where('userId').equals(filter.userId).toArray();
  else {
    // Newest first through the date index, stopping once the page is full.
    const entries = await db.audit
      .where('at')
      .between(from, to, true, true)
      .reverse()
      .filter((entry) => !filter.op || entry.op === filter.op)
      .limit(limit + 1)
      .toArray();
    return { entries: entries.slice(0, limit), truncated: entries.length > limit };
  }
  const matching = candidates.filter(
    (entry) =>
      entry.at >= from &&
      entry.at <= to &&
      (!filter.userId || entry.userId === filter.userId) &&
      (!filter.op || entry.op === filter.op),
  );
  matching.sort((a, b) => b.at.localeCompare(a.at));
  return { entries: matching.slice(0, limit), truncated: matching.length > limit };
}
