import type { DatabaseDirectory } from '../activeDatabase';
import type { WriteSession } from '../auditMiddleware';
import type { HamkorlikDb } from '../db';
import { grant } from '../grants';
import { SCHEMA_VERSIONS, type SchemaVersion } from '../versions';
import { unknownField } from '../recordFields';
import { canDo } from '../../domain/access';
import type { AuditEntry } from '../../domain/audit';
import { DomainError } from '../../domain/errors';
import type { TriLingualText } from '../../domain/names';
import { dataKeyId, ExchangeError, openPackage, type ByteSource, type PackageBlock, type PackageHeader, type PackageKind, type UnlockSecret } from '../../exchange';
import { BACKUP_TABLES, type ExchangeProgress } from './backup';
import { EXCHANGE_KEYS_SETTING, keysOf, type ExchangeSecret, type OfficeKeys } from './exchangeKeys';
import { verifyPackage, type VerifiedPackage } from './verify';

/** What a file is, from its header alone: for the confirmation dialog before anything is asked or written. */
export interface PackageInfo {
  kind: PackageKind;
  officeName: TriLingualText;
  districtCode: string;
  createdAt: string;
  /** A transfer's or receipt's exact counts; a backup's as counted when it began (`countedAtStart`). The final block holds the totals. */
  counts: Record<string, number> | null;
  countedAtStart: boolean;
  schemaVersion: number | null;
}

/** Reads the header only (no secret needed): what the file is, for the confirmation dialog. */
export async function inspectPackage(open: () => ByteSource): Promise<PackageInfo> {
  const opened = await openPackage(open());
  await opened.close();
  const { header } = opened;
  return {
    kind: header.kind,
    officeName: { ...header.source.officeName },
    districtCode: header.source.districtCode,
    createdAt: header.createdAt,
    counts: header.counts ? { ...header.counts } : header.countsAtStart ? { ...header.countsAtStart } : null,
    countedAtStart: !header.counts && !!header.countsAtStart,
    schemaVersion: header.schemaVersion ?? null,
  };
}

export interface RestoreOptions {
  onProgress?: (p: ExchangeProgress) => void;
  signal?: AbortSignal;
  /** Who restores: must be an administrator. Absent only on a PC with no office yet (first run), where the secret is the authority. */
  actor?: WriteSession;
  /** The file's name, for the restored database's audit entry. */
  fileName?: string;
  /**
   * Run once the whole file has verified, before anything is written (a safety copy of the current
   * data: not made for a file that a wrong secret or damage refuses anyway). A throw stops the restore.
   */
  beforeWriting?: () => Promise<void>;
}

/**
 * Validates the whole file first (a full verified pass, nothing written), then stages it into a new
 * database at the backup's own schema version, upgrades it to the current schema, and only then
 * switches the active pointer. Returns the staged database's name. Any failure — wrong secret, a
 * damaged or cut file, an abort, a full disk — leaves the current database active and untouched
 * (the staged one is deleted). The previous database is kept; the caller reopens the active one.
 * A safety backup of the current data is the caller's to write (`beforeWriting`).
 */
export async function restoreBackup(
  directory: DatabaseDirectory,
  open: () => ByteSource,
  secret: ExchangeSecret | { dataKey: OfficeKeys },
  options: RestoreOptions,
): Promise<{ databaseName: string; counts: Record<string, number> }> {
  const { signal, onProgress } = options;
  if (options.actor && !canDo(options.actor, 'manageExchange')) throw new DomainError('forbidden', 'manageExchange');
  signal?.throwIfAborted();
  const unlock: UnlockSecret = 'dataKey' in secret ? { dataKey: keysOf(secret.dataKey).dataKey } : secret;

  let shape: StagedShape | undefined;
  const verified = await verifyPackage(open, unlock, {
    phase: 'verifying',
    onProgress,
    signal,
    checkHeader: (header) => {
      shape = stagedShape(header);
    },
    onBlock: (block) => checkRecords(shape!, block),
  });
  const tables = shape!;
  if (Object.keys(verified.counts).some((table) => !tables.keyPaths.has(table))) throw new ExchangeError('damaged', { reason: 'counts' });
  await options.beforeWriting?.();
  signal?.throwIfAborted();

  const staged = await directory.createStaged(tables.versions);
  // Blocks are small (256 KB of records); a transaction per block would pay a durable commit every few
  // hundred records. Consecutive blocks of a table are written together, a few thousand records at a
  // time, and while one batch commits the next is decrypted and parsed: one write in flight, in order.
  const pending: { table: string; records: object[]; contentLength: number } = { table: '', records: [], contentLength: 0 };
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (pending.records.length === 0) return;
    const table = staged.table(pending.table);
    const records = pending.records;
    pending.records = [];
    pending.contentLength = 0;
    await writing;
    writing = staged.transaction('rw', table, (tx) => {
      grant(tx, { restore: true });
      return table.bulkPut(records).then(() => undefined);
    });
    // Awaited by the next flush or at the end; a failure meanwhile must not count as unhandled.
    writing.catch(() => undefined);
  };
  let upgraded: HamkorlikDb | null = null;
  try {
    await staged.open();
    await verifyPackage(open, { dataKey: verified.dataKey }, {
      phase: 'restoring',
      onProgress,
      signal,
      expectedCounts: verified.counts,
      // The file is opened a second time: it must still be the one just verified.
      checkHeader: (header) => {
        if (header.fileSalt !== verified.header.fileSalt) throw new ExchangeError('damaged', { reason: 'changed' });
      },
      onBlock: async (block) => {
        checkRecords(tables, block);
        if (pending.table !== block.table || pending.records.length >= RESTORE_BATCH || pending.contentLength >= RESTORE_BATCH_CONTENT) await flush();
        pending.table = block.table;
        pending.contentLength += block.contentLength;
        for (const record of block.records) pending.records.push(record as object);
      },
    });
    await flush();
    await writing;
    await checkWholeCounts(staged, verified.counts);
    staged.close();
    // Opened with every version declared, the staged database runs the upgrades from the backup's version.
    upgraded = directory.reopenStaged(staged.name);
    await upgraded.open();
    await sealRestore(upgraded, verified, secret, options);
    upgraded.close();
    signal?.throwIfAborted();
    await directory.activate(staged.name);
    return { databaseName: staged.name, counts: verified.counts };
  } catch (error) {
    await writing.catch(() => undefined);
    staged.close();
    upgraded?.close();
    await directory.dropStaged(staged.name).catch(() => undefined);
    throw isQuotaError(error) ? new DomainError('storageFull', 'restore') : error;
  }
}

/**
 * The staged database must hold exactly the records the file holds. A primary key given twice
 * would have been written once, the second record over the first, and one of them lost unseen; the
 * app never writes such a file (a backup pages through each table by key), so it is damage.
 */
async function checkWholeCounts(staged: HamkorlikDb, counts: Record<string, number>): Promise<void> {
  const tables = Object.keys(counts).map((table) => staged.table(table));
  const held = await staged.transaction('r', tables, (tx) => {
    grant(tx, { restore: true });
    return Promise.all(tables.map((table) => table.count()));
  });
  if (tables.some((table, index) => held[index] !== counts[table.name])) throw new ExchangeError('damaged', { reason: 'duplicateKey' });
}

/** Records written to the staged database per transaction (more when one block holds more). */
const RESTORE_BATCH = 4000;
/**
 * …or fewer, when they weigh more than this (bytes of JSON): an audit entry of a bulk import lists
 * up to 4,000 record ids (~150 KB), a stored DOCX runs to a megabyte. Counted in records alone, the
 * audit of an office of 100,000 families (~70 MB) was held in one batch (docs/BENCH.md). Case records,
 * the largest common ones (~2.3 KB), still fill most of a batch of 4,000.
 */
const RESTORE_BATCH_CONTENT = 8 * 1024 * 1024;

/** The schema a backup is staged at: its versions, and the tables it may carry with their primary keys. */
interface StagedShape {
  versions: readonly SchemaVersion[];
  /** The backup's schema version: the fields its records may have are those of that version. */
  version: number;
  keyPaths: Map<string, string | string[]>;
}

function stagedShape(header: PackageHeader): StagedShape {
  if (header.kind !== 'backup') throw new ExchangeError('wrongKind', { reason: header.kind });
  const version = header.schemaVersion;
  const current = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
  const versions = SCHEMA_VERSIONS.filter((schema) => version !== undefined && schema.version <= version);
  if (version === undefined || version > current || versions[versions.length - 1]?.version !== version) {
    throw new ExchangeError('unsupportedVersion', { reason: 'schema', ...(version === undefined ? {} : { version }) });
  }
  const specs = new Map<string, string>();
  for (const schema of versions) {
    for (const [table, spec] of Object.entries(schema.stores)) {
      if (spec === null) specs.delete(table);
      else specs.set(table, spec);
    }
  }
  const keyPaths = new Map<string, string | string[]>();
  for (const [table, spec] of specs) {
    const rule = BACKUP_TABLES[table];
    const keyPath = primaryKeyPath(spec);
    // A table a later version dropped is not in BACKUP_TABLES, but an old backup may carry it.
    if (keyPath !== null && (rule === undefined || rule === 'included' || rule === 'optional')) keyPaths.set(table, keyPath);
  }
  return { versions, version, keyPaths };
}

/** The primary key of a Dexie store spec: `id, …`, `++id`, `&key`, `[a+b]`; null when keys are outbound. */
function primaryKeyPath(spec: string): string | string[] | null {
  const first = (spec.split(',')[0] ?? '').trim().replace(/^(\+\+|&)/u, '');
  if (first === '') return null;
  return first.startsWith('[') ? first.slice(1, -1).split('+') : first;
}

/**
 * Every record must be an object with a valid primary key, in a table the staged schema has, with
 * only the fields that table has at the backup's version: a field of a newer version, or of another
 * program, is refused rather than written and kept unseen (or lost at the next save).
 */
function checkRecords(shape: StagedShape, block: PackageBlock): void {
  const keyPath = shape.keyPaths.get(block.table);
  if (keyPath === undefined) throw new ExchangeError('damagedAt', { blockIndex: block.blockIndex, reason: 'table', field: block.table });
  for (const record of block.records) {
    const valid = typeof record === 'object' && record !== null && !Array.isArray(record) && validKey(keyOf(record as Record<string, unknown>, keyPath));
    if (!valid) throw new ExchangeError('damagedAt', { blockIndex: block.blockIndex, reason: 'record' });
    const field = unknownField(block.table, record, shape.version);
    if (field !== undefined) throw new ExchangeError('damagedAt', { blockIndex: block.blockIndex, reason: 'field', field: `${block.table}.${field}` });
  }
}

function keyOf(record: Record<string, unknown>, keyPath: string | string[]): unknown {
  const at = (path: string) => path.split('.').reduce<unknown>((value, part) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined), record);
  return Array.isArray(keyPath) ? keyPath.map(at) : at(keyPath);
}

function validKey(key: unknown): boolean {
  if (typeof key === 'string') return true;
  if (typeof key === 'number') return !Number.isNaN(key);
  if (key instanceof Date) return !Number.isNaN(key.getTime());
  return Array.isArray(key) && key.every(validKey);
}

/**
 * After the upgrade: one audit entry for the restore (the records themselves came with their own
 * audit), and the exchange keys. Restored with the PC's own key holder, the office keeps its current
 * passphrase slots rather than the backup's older ones; a backup without keys gets the file's slots.
 */
async function sealRestore(db: HamkorlikDb, verified: VerifiedPackage, secret: ExchangeSecret | { dataKey: OfficeKeys }, options: RestoreOptions): Promise<void> {
  const records = Object.values(verified.counts).reduce((sum, count) => sum + count, 0);
  const { createdAt } = verified.header;
  const entry: AuditEntry = {
    id: crypto.randomUUID(),
    at: db.clock().toISOString(),
    userId: options.actor?.userId ?? 'unknown',
    installationId: options.actor?.installationId ?? '',
    table: '*',
    recordId: '*',
    op: 'bulk',
    changes: [],
    bulk: { kind: 'restore', count: records, recordIds: [] },
    detail: options.fileName ? `${options.fileName} (${createdAt})` : createdAt,
  };
  // Restored with the PC's own key, the office keeps that key's id: automatic backups go on without a passphrase.
  const keyId = 'dataKey' in secret ? await dataKeyId(keysOf(secret.dataKey).dataKey) : null;
  await db.transaction('rw', [db.audit, db.settings], async (tx) => {
    grant(tx, { restore: true });
    await db.audit.add(entry);
    const restored = (await db.settings.get(EXCHANGE_KEYS_SETTING))?.value as { setUpAt?: string; changedAt?: string | null } | undefined;
    if ('dataKey' in secret || !restored) {
      const slots = 'dataKey' in secret ? keysOf(secret.dataKey).slots : verified.header.keys;
      const value = { slots, setUpAt: restored?.setUpAt ?? createdAt, changedAt: restored?.changedAt ?? null, ...(keyId ? { dataKeyId: keyId } : {}) };
      await db.settings.put({ key: EXCHANGE_KEYS_SETTING, value });
    }
  });
}

function isQuotaError(error: unknown): boolean {
  const named = (value: unknown) => typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'QuotaExceededError';
  return named(error) || (typeof error === 'object' && error !== null && named((error as { inner?: unknown }).inner));
}
