import type { HamkorlikDb } from '../db';
import { requireOffice } from '../repositories/guard';
import type { ExchangeLogEntry, ExchangePeer, LoggedDecision } from '../../domain/exchange';

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

type Row = Record<string, unknown>;

/**
 * The records an import's decisions were about, as they are here now, with the cases and persons
 * they belong to: what the log needs to name each decided record ("case 0012 · Karimov Aziz").
 * Records purged since are absent. Administrators and supervisors.
 */
export async function decidedRecords(db: HamkorlikDb, decisions: readonly Pick<LoggedDecision, 'table' | 'recordId'>[]): Promise<Record<string, Row[]>> {
  requireOffice(db, 'transferCases');
  const tables: Record<string, Row[]> = {};
  const add = (table: string, rows: readonly (Row | undefined)[]) => {
    const held = (tables[table] ??= []);
    for (const row of rows) if (row && !held.some((other) => other.id === row.id)) held.push(row);
  };
  const ids = new Map<string, Set<string>>();
  for (const { table, recordId } of decisions) if (db.tables.some((t) => t.name === table)) (ids.get(table) ?? ids.set(table, new Set()).get(table)!).add(recordId);
  for (const [table, wanted] of ids) add(table, (await db.table(table).bulkGet([...wanted])) as (Row | undefined)[]);
  const pointed = (field: string) => [...new Set(Object.values(tables).flatMap((rows) => rows.map((row) => row[field]).filter((id): id is string => typeof id === 'string')))];
  add('cases', (await db.cases.bulkGet(pointed('caseId'))) as unknown as (Row | undefined)[]);
  add('persons', (await db.persons.bulkGet(pointed('personId'))) as unknown as (Row | undefined)[]);
  return tables;
}
