import type { HamkorlikDb } from '../db';
import { requireOffice } from '../repositories/guard';
import type { ExchangeLogEntry, ExchangePeer } from '../../domain/exchange';

/** The exchange log, newest first: what came in and went out, and how conflicts were decided. Administrators and supervisors. */
export async function exchangeLogEntries(db: HamkorlikDb, options: { limit?: number } = {}): Promise<ExchangeLogEntry[]> {
  requireOffice(db, 'transferCases');
  return db.exchangeLog.orderBy('at').reverse().limit(options.limit ?? 200).toArray();
}

/** A custody transfer still waiting for its receipt, with the cases not yet marked received. */
export interface PendingTransfer {
  transferId: string;
  at: string;
  peer: ExchangePeer | null;
  fileName: string | null;
  caseIds: string[];
}

/**
 * Custody transfers this office sent whose receipt has not been imported, oldest first: the
 * reminder that a family's case is in neither office's hands until the other office confirms.
 */
export async function pendingTransfers(db: HamkorlikDb): Promise<PendingTransfer[]> {
  requireOffice(db, 'transferCases');
  const sent = (await db.exchangeLog.where('kind').equals('transfer').toArray()).filter((entry) => entry.direction === 'export' && entry.mode === 'custody');
  const pending: PendingTransfer[] = [];
  for (const entry of sent.sort((a, b) => a.at.localeCompare(b.at))) {
    const cases = await db.cases.bulkGet(entry.caseIds);
    const waiting = cases.filter((kase) => kase?.custody.transferredOut?.transferId === entry.transferId && !kase.custody.transferredOut.receivedAt).map((kase) => kase!.id);
    if (waiting.length) pending.push({ transferId: entry.transferId, at: entry.at, peer: entry.peer, fileName: entry.fileName, caseIds: waiting });
  }
  return pending;
}
