import type { Transaction } from 'dexie';
import type { WriteSession } from './auditMiddleware';

/**
 * What one transaction may do beyond its session: open the credentials table (the accounts
 * repository, backups), read one case's own audit entries (the case repository), write in bulk mode
 * (imports, purges), write a staged restore as it is, or be written by a user not logged in yet (a failed login). A grant belongs to a single
 * transaction, never to the database's session, so nothing else running meanwhile — a live query,
 * another user's session after a logout — ever gets it.
 */
export interface Grant {
  credentials?: boolean;
  caseAudit?: boolean;
  bulk?: { kind: string };
  /** Who the transaction's writes are by when nobody is logged in. */
  actor?: WriteSession;
  /**
   * Restoring a backup into a staged database (db/exchange/restore.ts): records are written exactly
   * as the backup holds them — no access check, no audit entry per record — since the backup already
   * carries the audit of every change it contains. Never given to a transaction on the active database.
   */
  restore?: boolean;
  /**
   * Reading every case table for the office's report figures (db/repositories/reports.ts): a
   * viewer reads no case, but the report counts all of them; only read, and only for those whose
   * roles read reports. The figures leave the data layer as counts and case ids, never as records.
   */
  reports?: boolean;
  /**
   * Reading every table for the PC's own automatic backup (features/exchange/automaticBackup.ts),
   * whoever is logged in: the records leave only encrypted, into the app's data folder on this PC,
   * never to a place the user picks.
   */
  automaticBackup?: boolean;
}

const grants = new WeakMap<object, Grant>();

/** Gives the running Dexie transaction a grant. Call first thing inside `db.transaction(…, (tx) => …)`. */
export function grant(transaction: Transaction, value: Grant): void {
  grants.set((transaction as unknown as { idbtrans: object }).idbtrans, value);
}

/** The grant of a DBCore request's transaction (the same object Dexie holds as `idbtrans`). */
export function grantOf(trans: unknown): Grant | undefined {
  return typeof trans === 'object' && trans ? grants.get(trans) : undefined;
}
