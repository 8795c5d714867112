import type { HamkorlikDb } from '../db';
import { requireOffice } from '../repositories/guard';
import { withoutRetiredFields } from '../recordFields';
import { SCHEMA_VERSIONS } from '../versions';
import { exchangeBaseKey, type TransferMode } from '../../domain/exchange';
import type { CaseSummary } from '../../domain/familyCase';
import { mahallaKey } from '../../domain/mahalla';
import { ExchangeError, type ByteSource, type PackageHeader, type PackageSource, type UnlockSecret } from '../../exchange';
import { keysOf, type ExchangeSecret, type OfficeKeys } from './exchangeKeys';
import {
  checkTransferBlock,
  LINEAGE_TABLE,
  MANIFEST_TABLE,
  MAX_TRANSFER_RECORDS,
  recordTableOf,
  REF_TABLES,
  refTableName,
  TRANSFER_TABLES,
  type LineageEntry,
  type RefTable,
  type TransferManifest,
  type TransferTable,
} from './transferTables';
import type { ExchangeProgress } from './backup';
import { verifyPackage } from './verify';

type Row = Record<string, unknown>;

/** A transfer read in full and checked: what `planMerge` works from. Held in memory (transfers are a few cases). */
export interface TransferPackage {
  header: PackageHeader;
  manifest: TransferManifest;
  tables: Record<TransferTable, Row[]>;
  refs: Record<RefTable, Row[]>;
  counts: Record<string, number>;
  /** `table:id` (the sender's id) → the exchanges the sender's copy descends from; records it had never exchanged are absent. */
  lineage: ReadonlyMap<string, readonly string[]>;
}

/** How a record of the file relates to this database: never seen, the same record seen before (same id), or the same person by PINFL. */
export type RecordStatus = 'new' | 'seen' | 'samePerson';

export interface PreviewRecord {
  table: TransferTable;
  id: string;
  status: RecordStatus;
  /** samePerson: the local person with that PINFL. */
  localId?: string;
}

export interface PreviewCase {
  id: string;
  caseNumber: string;
  head: CaseSummary['head'];
  status: RecordStatus;
}

/**
 * A reference entry and whether a local record has its id; the others are the user's to map (or
 * leave). `suggestion`: a local record that looks like the same one (a mahalla of the same name, a
 * person of the same full name, an agency of the same kind and name), for the dialog to propose —
 * never applied without the user (planMerge's `refMap`).
 */
export interface PreviewRef {
  table: RefTable;
  id: string;
  match: 'id' | 'none';
  record: Row;
  suggestion?: string;
}

/** What the import dialog shows before anything is merged: where from, when, what, and what is already here. */
export interface TransferPreview {
  transferId: string;
  mode: TransferMode;
  source: PackageSource;
  createdAt: string;
  counts: Record<string, number>;
  cases: PreviewCase[];
  records: PreviewRecord[];
  refs: PreviewRef[];
  package: TransferPackage;
}

const damaged = (reason: string) => new ExchangeError('damaged', { reason });
const CURRENT_SCHEMA = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/**
 * Reads a transfer package in full and checks it before anything else: the kind (`wrongKind`), the
 * header (a transfer must name itself and its counts; absurd counts are refused before the secret
 * is tried), every block (`damagedAt`: an unknown table, a record failing its schema), the whole
 * (`damaged`: a missing or second manifest, cases not matching it, an id twice, a membership of a
 * case not sent, a record whose id is held here by a record with another identity — `idClash`, a
 * lineage entry for a record not sent — `lineage`), and a transfer received here before or sent from
 * here (`invalidInput`: `alreadyReceived`, `ownTransfer`). Writes nothing. Then tells each record's status against this database. Administrators and supervisors.
 */
export async function previewTransfer(
  db: HamkorlikDb,
  open: () => ByteSource,
  secret: ExchangeSecret | { dataKey: OfficeKeys },
  options: { onProgress?: (p: ExchangeProgress) => void; signal?: AbortSignal } = {},
): Promise<TransferPreview> {
  requireOffice(db, 'transferCases');
  const unlock: UnlockSecret = 'dataKey' in secret ? { dataKey: keysOf(secret.dataKey).dataKey } : secret;
  const tables = Object.fromEntries(TRANSFER_TABLES.map((table) => [table, [] as Row[]])) as TransferPackage['tables'];
  const refs = Object.fromEntries(REF_TABLES.map((table) => [table, [] as Row[]])) as TransferPackage['refs'];
  const manifests: unknown[] = [];
  const lineageEntries: LineageEntry[] = [];
  let total = 0;
  let lineageIds = 0;
  let schemaVersion: number | undefined;
  const verified = await verifyPackage(open, unlock, {
    phase: 'verifying',
    onProgress: options.onProgress,
    signal: options.signal,
    checkHeader: (header) => {
      if (header.kind !== 'transfer') throw new ExchangeError('wrongKind', { reason: header.kind });
      if (!header.transfer || !header.counts) throw damaged('headerInvalid');
      // Records of a newer schema may mean what this version cannot tell; an older one's are upgraded as they are read.
      if (header.schemaVersion !== undefined && header.schemaVersion > CURRENT_SCHEMA) throw new ExchangeError('unsupportedVersion', { reason: 'schema', version: header.schemaVersion });
      schemaVersion = header.schemaVersion;
      // The lineage is bookkeeping about the records, bounded by them (below), not records of its own.
      if (Object.entries(header.counts).reduce((sum, [table, count]) => sum + (table === LINEAGE_TABLE ? 0 : count), 0) > MAX_TRANSFER_RECORDS) throw damaged('tooManyRecords');
    },
    onBlock: (block) => {
      checkTransferBlock(block, schemaVersion);
      if (block.table === LINEAGE_TABLE) {
        for (const entry of block.records as LineageEntry[]) lineageIds += entry.ids.length;
        if (lineageIds > MAX_TRANSFER_RECORDS) throw damaged('tooManyRecords');
        lineageEntries.push(...(block.records as LineageEntry[]));
        return;
      }
      total += block.records.length;
      if (total > MAX_TRANSFER_RECORDS) throw damaged('tooManyRecords');
      const ref = REF_TABLES.find((table) => refTableName(table) === block.table);
      if (block.table === MANIFEST_TABLE) return void manifests.push(...block.records);
      const records = (block.records as Row[]).map((record) => withoutRetiredFields(recordTableOf(block.table)!, record, schemaVersion));
      if (ref) refs[ref].push(...records);
      else tables[block.table as TransferTable].push(...records);
    },
  });
  const { header } = verified;
  if (manifests.length !== 1) throw damaged('manifest');
  const manifest = manifests[0] as TransferManifest;
  if (manifest.transferId !== header.transfer!.id || manifest.mode !== header.transfer!.mode) throw damaged('manifest');
  checkWhole(manifest, tables);
  const pkg: TransferPackage = { header, manifest, tables, refs, counts: verified.counts, lineage: lineageOf(lineageEntries, tables) };
  await refuseKnownTransfer(db, manifest.transferId, header.source);
  return { ...(await classify(db, pkg)), transferId: manifest.transferId, mode: manifest.mode, source: header.source, createdAt: header.createdAt, counts: verified.counts, package: pkg };
}

/** The package's own consistency: each id once across the case tables, the cases those of the manifest, case records of those cases only, members present. */
function checkWhole(manifest: TransferManifest, tables: TransferPackage['tables']): void {
  const seen = new Set<string>();
  for (const table of TRANSFER_TABLES) {
    if (table === 'documentFiles') continue;
    for (const record of tables[table]) {
      const id = record.id as string;
      if (seen.has(id)) throw damaged('duplicateId');
      seen.add(id);
    }
  }
  const caseIds = new Set(manifest.caseIds);
  if (caseIds.size !== manifest.caseIds.length || tables.cases.length !== caseIds.size || tables.cases.some((kase) => !caseIds.has(kase.id as string))) throw damaged('manifest');
  for (const table of ['memberships', 'caseHistory', 'assessments', 'plans', 'planRevisions', 'services', 'monitorings', 'placements'] as const) {
    if (tables[table].some((record) => !caseIds.has(record.caseId as string))) throw damaged('otherCase');
  }
  const personIds = new Set(tables.persons.map((person) => person.id as string));
  for (const membership of tables.memberships) {
    if (!caseIds.has(membership.caseId as string) || !personIds.has(membership.personId as string)) throw damaged('memberships');
  }
  const documentIds = new Set(tables.documents.map((document) => document.id as string));
  if (tables.documentFiles.some((file) => !documentIds.has(file.id as string))) throw damaged('documentFiles');
}

/** The lineage by record; an entry naming a record the file does not hold, or a record twice, makes the file damaged. */
function lineageOf(entries: readonly LineageEntry[], tables: TransferPackage['tables']): Map<string, readonly string[]> {
  const held = new Set(TRANSFER_TABLES.flatMap((table) => tables[table].map((record) => `${table}:${record.id as string}`)));
  const lineage = new Map<string, readonly string[]>();
  for (const entry of entries) {
    for (const id of entry.ids) {
      const key = `${entry.table}:${id}`;
      if (!held.has(key) || lineage.has(key)) throw damaged('lineage');
      lineage.set(key, entry.ancestry);
    }
  }
  return lineage;
}

/**
 * A transfer this office has received already, or one it sent itself (its own file picked from the
 * stick by mistake), is refused before anything is merged: applied again it would undo what was
 * done since (a custody transfer would even take back a case passed on to a third office).
 */
async function refuseKnownTransfer(db: HamkorlikDb, transferId: string, source: PackageSource): Promise<void> {
  const logged = await db.exchangeLog.where('transferId').equals(transferId).toArray();
  const received = logged.find((entry) => entry.kind === 'transfer' && entry.direction === 'import');
  if (received) throw new ExchangeError('invalidInput', { reason: 'alreadyReceived', at: received.at });
  const sent = logged.find((entry) => entry.kind === 'transfer' && entry.direction === 'export');
  if (sent || source.installationId === (db.session?.installationId ?? db.installationId)) throw new ExchangeError('invalidInput', { reason: 'ownTransfer', ...(sent ? { at: sent.at } : {}) });
}

/** The same mahalla, person or agency by name: a guess to propose, so only exact (folded) names count. */
function looksSame(table: RefTable, local: Row, incoming: Row): boolean {
  const text = (value: unknown, key: string) => (typeof value === 'object' && value !== null ? String((value as Row)[key] ?? '') : '');
  switch (table) {
    case 'mahallas':
      return mahallaKey(text(local.name, 'uzLatn')) === mahallaKey(text(incoming.name, 'uzLatn'));
    case 'agencies':
      return local.kind === incoming.kind && text(local.name, 'uzLatn').trim().toLowerCase() === text(incoming.name, 'uzLatn').trim().toLowerCase();
    case 'users':
    case 'specialists':
      return text(local.fullName, 'latn').trim().toLowerCase() === text(incoming.fullName, 'latn').trim().toLowerCase() && text(local.fullName, 'latn') !== '';
    case 'teams':
      return false;
  }
}

/**
 * A local person is one incoming person's at most. A PINFL matching a local person the file also
 * holds under its own id (the PINFL moved to another member there), or matching for two incoming
 * persons, links neither by PINFL: they come in as new, and a PINFL still held here by someone else
 * refuses the import at apply (`pinflTaken`) instead of merging two persons into one record.
 */
function unlinkShared(records: PreviewRecord[]): void {
  const inFile = new Set(records.filter((r) => r.table === 'persons').map((r) => r.id));
  const claims = new Map<string, number>();
  for (const r of records) if (r.status === 'samePerson' && r.localId) claims.set(r.localId, (claims.get(r.localId) ?? 0) + 1);
  for (const [index, r] of records.entries()) {
    if (r.status !== 'samePerson' || !r.localId || (!inFile.has(r.localId) && claims.get(r.localId) === 1)) continue;
    records[index] = { table: r.table, id: r.id, status: 'new' };
  }
}

/** The local person an incoming person was linked to at an earlier transfer (its base is stored under the incoming id), if still here. */
async function linkedPerson(db: HamkorlikDb, incomingId: string): Promise<string | undefined> {
  const base = await db.exchangeBases.get(exchangeBaseKey('persons', incomingId));
  if (!base || base.recordId === incomingId) return undefined;
  const person = await db.persons.get(base.recordId);
  return person && !person.purgedAt ? person.id : undefined;
}

/** Each record against this database: seen (same id, and then the same identity, or the file is refused), same person by PINFL, or new. */
async function classify(db: HamkorlikDb, pkg: TransferPackage): Promise<Pick<TransferPreview, 'cases' | 'records' | 'refs'>> {
  const readTables = [...TRANSFER_TABLES.map((table) => db.table(table)), ...REF_TABLES.map((table) => db.table(table)), db.exchangeBases];
  return db.transaction('r', readTables, async () => {
    const records: PreviewRecord[] = [];
    for (const table of TRANSFER_TABLES) {
      const incoming = pkg.tables[table];
      const locals = (await db.table(table).bulkGet(incoming.map((record) => record.id as string))) as (Row | undefined)[];
      for (const [index, record] of incoming.entries()) {
        const local = locals[index];
        const id = record.id as string;
        if (local && table !== 'documentFiles' && (local.createdAt !== record.createdAt || local.installationId !== record.installationId)) throw damaged('idClash');
        const linkedTo = !local && table === 'persons' ? await linkedPerson(db, id) : undefined;
        if (local) records.push({ table, id, status: 'seen' });
        // Linked before (by PINFL, see planMerge): still the same person, even if a PINFL was corrected since on either side.
        else if (linkedTo) records.push({ table, id, status: 'samePerson', localId: linkedTo });
        else if (table === 'persons' && typeof record.pinfl === 'string' && record.pinfl) {
          const same = await db.persons.where('pinfl').equals(record.pinfl).filter((person) => person.deletedAt === null && !person.purgedAt).first();
          records.push(same ? { table, id, status: 'samePerson', localId: same.id } : { table, id, status: 'new' });
        } else records.push({ table, id, status: 'new' });
      }
    }
    unlinkShared(records);
    const statusOf = new Map(records.filter((r) => r.table === 'cases').map((r) => [r.id, r.status]));
    const cases = pkg.tables.cases.map((kase) => ({
      id: kase.id as string,
      caseNumber: (kase.caseNumber as string) ?? '',
      head: ((kase.summary as CaseSummary | undefined)?.head ?? null) as CaseSummary['head'],
      status: statusOf.get(kase.id as string) ?? 'new',
    }));
    const refs: PreviewRef[] = [];
    for (const table of REF_TABLES) {
      const locals = await db.table(table).bulkGet(pkg.refs[table].map((record) => record.id as string));
      // Reference tables are small (tens to hundreds of records): read whole, only when something is unmatched.
      const everyLocal = locals.some((local) => !local) ? ((await db.table(table).toArray()) as Row[]).filter((local) => !local.deletedAt) : [];
      pkg.refs[table].forEach((record, index) => {
        const suggestion = locals[index] ? undefined : everyLocal.find((local) => looksSame(table, local, record))?.id;
        refs.push({ table, id: record.id as string, match: locals[index] ? 'id' : 'none', record, ...(typeof suggestion === 'string' ? { suggestion } : {}) });
      });
    }
    return { cases, records, refs };
  });
}
