import Dexie, { type IndexableType, type Table } from 'dexie';
import type { HamkorlikDb } from '../db';
import { grant, type Grant } from '../grants';
import { requireOffice } from '../repositories/guard';
import { getSetting, setSetting } from '../repositories/settings';
import { DomainError } from '../../domain/errors';
import { OFFICE_PROFILE_ID } from '../../domain/office';
import { createPackageWriter, ExchangeError, type ByteSink, type ByteSource } from '../../exchange';
import { keysOf, LAST_BACKUP_SETTING, type OfficeKeys } from './exchangeKeys';
import { verifyPackage } from './verify';

/** Where a backup or a restore is: for a progress bar. `total` 0 means not known yet (verifying a file without header counts). */
export interface ExchangeProgress {
  /** `checking`: everything is written and the host reads the file back before renaming it into place; it cannot be cancelled any more. */
  phase: 'writing' | 'verifying' | 'restoring' | 'checking';
  table: string;
  done: number;
  total: number;
}

/**
 * Which tables a backup carries, and which it leaves out and why. Every table of the current schema
 * is listed (backup.test.ts fails on a new one), so a new table is a decision, never an omission.
 * The active-database pointer (activeDatabase.ts) lives in its own small database and is not the
 * office's data: a restore moves it, a backup never carries it.
 */
export const BACKUP_TABLES: Record<string, 'included' | 'optional' | { excluded: string }> = {
  officeProfile: 'included',
  // The exchange keys travel too, wrapped only: a restored office keeps making backups with the same key.
  settings: 'included',
  users: 'included',
  // Password hashes (Argon2id) only; the file is encrypted. Without them nobody could log in after a restore.
  credentials: 'included',
  mahallas: 'included',
  cases: 'included',
  persons: 'included',
  memberships: 'included',
  caseHistory: 'included',
  // The trail of every change a backup contains: restored as it was, never rewritten.
  audit: 'included',
  caseStats: { excluded: 'derived: the filter counters are rebuilt from the cases as a restore writes them' },
  agencies: 'included',
  specialists: 'included',
  teams: 'included',
  workingGroup: 'included',
  documents: 'included',
  // The generated DOCX bytes: most of a backup's size, and each can be generated again from its register entry.
  documentFiles: 'optional',
  documentTexts: 'included',
  assessments: 'included',
  plans: 'included',
  planRevisions: 'included',
  services: 'included',
  monitorings: 'included',
  conferences: 'included',
  placements: 'included',
  // The merge bases: without them a restored office would see every later transfer's records as
  // never sent, and every difference as a conflict.
  exchangeBases: 'included',
  // The record of what came in and went out, and how conflicts were decided: as much the office's history as the audit.
  exchangeLog: 'included',
};

/** Records read per transaction at most: few enough round trips to stay fast. */
const PAGE_SIZE = 1000;
/**
 * Records weigh from a hundred bytes to a megabyte: an audit entry of a bulk import lists up to 4,000
 * record ids (~150 KB), a stored DOCX runs to a megabyte. A table's first page is a few records (a
 * few MB even of DOCX); each next page holds about this much JSON (UTF-16 units) at the last page's
 * average weight, growing at most twofold, so memory stays flat whatever a table holds. A cluster of
 * heavy records right after light ones still makes one page heavier than this, by their weight ratio
 * at most; primary keys are random ids, which makes such clusters rare.
 */
const FIRST_PAGE_SIZE = 4;
const PAGE_CONTENT = 4 * 1024 * 1024;

/** The tables a backup of `db` writes, in schema order; a table BACKUP_TABLES does not know is refused. */
export function backupTables(db: HamkorlikDb, includeDocumentBytes: boolean): Table[] {
  return db.tables.filter((table) => {
    const rule = BACKUP_TABLES[table.name];
    if (rule === undefined) throw new ExchangeError('invalidInput', { reason: `uncoveredTable:${table.name}` });
    if (!table.schema.primKey.keyPath) throw new ExchangeError('invalidInput', { reason: `outboundKey:${table.name}` });
    return rule === 'included' || (rule === 'optional' && includeDocumentBytes);
  });
}

/**
 * Streams a full backup of the office database to `sink` (a file the user picked), table by table in
 * pages by primary key, so memory stays flat however large the office. Administrators and
 * supervisors. Each page is its own read transaction: the file is not a snapshot of one instant, so
 * the UI keeps the app busy (modal) while it runs; a record changed meanwhile is still written once.
 * With `verify`, the written file is read back in full and checked right away. `signal` stops
 * between pages (the file is then incomplete and reads as truncated).
 */
export async function writeBackup(
  db: HamkorlikDb,
  keys: OfficeKeys,
  sink: ByteSink,
  options: {
    includeDocumentBytes: boolean;
    onProgress?: (p: ExchangeProgress) => void;
    signal?: AbortSignal;
    /** Reopens the written file: it is then read back in full and checked before this returns. */
    verify?: () => ByteSource;
    /** Records per read transaction; tests make it small to get many pages. */
    pageSize?: number;
    /** The PC's own backup into its data folder (any logged-in user; see Grant.automaticBackup). */
    automatic?: boolean;
  },
): Promise<{ counts: Record<string, number> }> {
  const session = requireOffice(db, options.automatic ? 'automaticBackup' : 'backup');
  const readGrant = { credentials: true, ...(options.automatic ? { automaticBackup: true } : {}) };
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const exchangeKeys = keysOf(keys);
  const office = await db.officeProfile.get(OFFICE_PROFILE_ID);
  if (!office) throw new DomainError('notFound', 'officeProfile');
  const tables = backupTables(db, options.includeDocumentBytes);
  const totals = await db.transaction('r', tables, async (tx) => {
    grant(tx, readGrant);
    return Promise.all(tables.map((table) => table.count()));
  });

  const writer = await createPackageWriter(
    {
      kind: 'backup',
      source: { districtCode: office.districtCode, officeName: { uzLatn: office.name.uzLatn, uzCyrl: office.name.uzCyrl, ru: office.name.ru }, installationId: session.installationId },
      keys: exchangeKeys,
      createdAt: db.clock(),
      schemaVersion: db.verno,
      countsAtStart: Object.fromEntries(tables.map((table, index) => [table.name, totals[index] ?? 0])),
    },
    sink,
  );
  for (const [index, table] of tables.entries()) {
    let done = 0;
    const total = totals[index] ?? 0;
    onProgress?.({ phase: 'writing', table: table.name, done, total });
    await writer.writeTable(
      table.name,
      pages(db, table, readGrant, options.pageSize, () => writer.recordsLength, signal, (count) => {
        done += count;
        onProgress?.({ phase: 'writing', table: table.name, done, total: Math.max(total, done) });
      }),
    );
  }
  signal?.throwIfAborted();
  const summary = await writer.finish();

  if (options.verify) {
    const verified = await verifyPackage(options.verify, { dataKey: exchangeKeys.dataKey }, { phase: 'verifying', onProgress, signal, expectedCounts: summary.counts });
    if (verified.header.fileSalt !== writer.header.fileSalt) throw new ExchangeError('damaged', { reason: 'otherFile' });
  }
  return { counts: summary.counts };
}

/**
 * A table's records in primary-key order, a page per read transaction, none held across a write to
 * the sink. `written`: the JSON length the writer has taken so far, read between pages to size the next.
 */
async function* pages(
  db: HamkorlikDb,
  table: Table,
  readGrant: Grant,
  pageSize: number | undefined,
  written: () => number,
  signal: AbortSignal | undefined,
  onPage: (count: number) => void,
): AsyncGenerator<unknown> {
  const keyPath = table.schema.primKey.keyPath as string | string[];
  const largest = Math.max(1, pageSize ?? PAGE_SIZE);
  let size = Math.min(largest, FIRST_PAGE_SIZE);
  let last: IndexableType | undefined;
  for (;;) {
    const before = written();
    signal?.throwIfAborted();
    const after = last;
    const page = await db.transaction('r', table, (tx) => {
      // The credentials open to a backup as they do to the accounts repository.
      grant(tx, readGrant);
      return (after === undefined ? table.toCollection() : table.where(':id').above(after)).limit(size).toArray();
    });
    if (page.length === 0) return;
    yield* page;
    onPage(page.length);
    if (page.length < size) return;
    last = Dexie.getByKeyPath(page[page.length - 1] as object, keyPath) as IndexableType;
    const average = (written() - before) / page.length;
    size = Math.max(1, Math.min(largest, 2 * size, Math.floor(PAGE_CONTENT / Math.max(1, average))));
  }
}

/**
 * The bytes of the stored documents (DOCX, already compressed): what a backup with them takes at
 * least, known before the first backup. Read from the register's sizes of the documents whose bytes
 * are here (a transfer may bring the register without them), keys only: no DOCX is loaded.
 * `automatic`: for the PC's own backup, read as it reads (any logged-in user, or the PC itself).
 */
export async function storedDocumentBytes(db: HamkorlikDb, options: { automatic?: boolean } = {}): Promise<number> {
  return db.transaction('r', [db.documents, db.documentFiles], async (tx) => {
    if (options.automatic) grant(tx, { automaticBackup: true });
    const stored = await db.documentFiles.toCollection().primaryKeys();
    const documents = await db.documents.bulkGet(stored);
    return documents.reduce((sum, document) => sum + (typeof document?.size === 'number' && document.size > 0 ? document.size : 0), 0);
  });
}

/**
 * Notes the automatic backup just written into the data folder; any logged-in user's session.
 * `startedAt`: when its reading began, so a change made while it was written counts as after it.
 */
export async function recordAutomaticBackupMade(db: HamkorlikDb, fileName: string, startedAt?: Date): Promise<void> {
  requireOffice(db, 'automaticBackup');
  await setSetting(db, 'lastAutomaticBackup', { at: (startedAt ?? db.clock()).toISOString(), fileName });
}

const CHANGE_OPS: ReadonlySet<string> = new Set(['create', 'update', 'delete', 'bulk']);

/**
 * Whether the office's data changed since the last automatic backup began (always, before the
 * first): a create, update, delete or bulk write in the audit after that time. Settings are left
 * out — the backup notes itself there. Any logged-in user's session (read under the automatic
 * backup's grant, like the backup itself).
 */
export async function changedSinceAutomaticBackup(db: HamkorlikDb): Promise<boolean> {
  requireOffice(db, 'automaticBackup');
  const last = (await getSetting(db, 'lastAutomaticBackup'))?.at;
  if (!last) return true;
  return db.transaction('r', db.audit, async (tx) => {
    grant(tx, { automaticBackup: true });
    const change = await db.audit
      .where('at')
      .above(last)
      .filter((entry) => CHANGE_OPS.has(entry.op) && entry.table !== 'settings')
      .first();
    return !!change;
  });
}

/** Notes the backup just written, for the status and the reminder. Administrators and supervisors. */
export async function recordBackupMade(db: HamkorlikDb, fileName: string, file?: { size: number; includesDocumentBytes: boolean; volumes?: number }): Promise<void> {
  requireOffice(db, 'backup');
  await setSetting(db, LAST_BACKUP_SETTING, { at: db.clock().toISOString(), fileName, ...(file ?? {}) });
}
