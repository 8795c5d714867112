import type { HamkorlikDb } from '../db';
import type { WriteSession } from '../auditMiddleware';
import { requireOffice } from '../repositories/guard';
import { historyEntry } from '../repositories/cases';
import { DomainError } from '../../domain/errors';
import { exchangeBaseKey, type ExchangeBase, type ExchangeLogEntry, type ExchangePeer, type TransferMode } from '../../domain/exchange';
import { custodyLeft, type FamilyCase } from '../../domain/familyCase';
import { OFFICE_PROFILE_ID } from '../../domain/office';
import { touched } from '../../domain/record';
import { carriedLineage, createExchangeKeys, createPackageWriter, ExchangeError, nextLineage, versionStamp, type ByteSink, type LineageOfBase, type ByteSource, type ExchangeKeys, type KdfParams, type PackageSource } from '../../exchange';
import { baseLineages } from './baseLineage';
import { keysOf, type OfficeKeys } from './exchangeKeys';
import { verifyPackage } from './verify';
import {
  LINEAGE_CHUNK,
  LINEAGE_TABLE,
  MANIFEST_TABLE,
  MAX_TRANSFER_RECORDS,
  REF_TABLES,
  refsOf,
  refTableName,
  TRANSFER_TABLES,
  type LineageEntry,
  type RefTable,
  type TransferManifest,
  type TransferTable,
} from './transferTables';

/** Records per table of a transfer, and the reference entries they point to. */
export interface TransferContents {
  tables: Record<TransferTable, Record<string, unknown>[]>;
  refs: Record<RefTable, Record<string, unknown>[]>;
  /** Records not sent, and why: conferences that also discussed families not in the transfer. */
  leftOut: { conferences: number; documents: number };
}

/**
 * Everything a transfer of `caseIds` carries, read in one transaction (a consistent picture): the
 * cases, their memberships and the persons in them, their history and case work, the conferences
 * that discussed only cases of the transfer (the minutes of a meeting on other families too are
 * about those families: they stay here, counted in `leftOut`), the documents registered for them
 * (those naming other families too stay here likewise, counted)
 * (the DOCX bytes only with `includeDocumentBytes`), tombstones included; then the users, mahallas, specialists, agencies
 * and teams those records point to, as reference entries (a user only as id, name and position:
 * accounts are not the other office's business). Administrators and supervisors. A custody
 * transfer of a case already transferred away is refused (`caseTransferred`).
 */
export async function collectTransfer(db: HamkorlikDb, caseIds: readonly string[], mode: TransferMode, options: { includeDocumentBytes?: boolean } = {}): Promise<TransferContents> {
  requireOffice(db, 'transferCases');
  const ids = [...new Set(caseIds)];
  if (ids.length === 0) throw new DomainError('invalid', 'caseIds:required');
  const readTables = [...TRANSFER_TABLES.map((table) => db.table(table)), ...REF_TABLES.map((table) => db.table(table))];
  return db.transaction('r', readTables, async () => {
    const cases = await db.cases.bulkGet(ids);
    for (const [index, kase] of cases.entries()) {
      if (!kase || kase.purgedAt) throw new DomainError('notFound', ids[index]);
      if (mode === 'custody' && custodyLeft(kase)) throw new DomainError('caseTransferred', kase.id);
    }
    const byCase = (table: TransferTable) => db.table(table).where('caseId').anyOf(ids).toArray() as Promise<Record<string, unknown>[]>;
    const memberships = await byCase('memberships');
    const personIds = [...new Set(memberships.map((m) => m.personId as string))];
    const persons = (await db.persons.bulkGet(personIds)).filter((p) => !!p);
    const wanted = new Set(ids);
    const discussed = await db.conferences.where('caseIds').anyOf(ids).distinct().toArray();
    const conferences = discussed.filter((conference) => conference.caseIds.every((id) => wanted.has(id)));
    // A document that names other families too (minutes, task sheets) stays here, as their conference does.
    const related = await db.documents.filter((d) => (d.caseId !== null && wanted.has(d.caseId)) || !!d.caseIds?.some((id) => wanted.has(id))).toArray();
    const documents = related.filter((d) => !d.caseIds || d.caseIds.every((id) => wanted.has(id)));
    const documentFiles = options.includeDocumentBytes ? (await db.documentFiles.bulkGet(documents.map((d) => d.id))).filter((f) => !!f) : [];
    const tables = {
      cases: cases as FamilyCase[],
      persons,
      memberships,
      caseHistory: await byCase('caseHistory'),
      assessments: await byCase('assessments'),
      plans: await byCase('plans'),
      planRevisions: await byCase('planRevisions'),
      services: await byCase('services'),
      monitorings: await byCase('monitorings'),
      placements: await byCase('placements'),
      conferences,
      documents,
      documentFiles,
    } as unknown as TransferContents['tables'];

    const pointed = new Map<RefTable, Set<string>>();
    for (const table of TRANSFER_TABLES) for (const record of tables[table]) refsOf(record, pointed);
    // Teams are found by the mahallas the cases live in; a specialist brings its agency.
    const mahallaIds = [...(pointed.get('mahallas') ?? [])];
    const teams = mahallaIds.length ? await db.teams.where('mahallaId').anyOf(mahallaIds).toArray() : [];
    for (const team of teams) refsOf(team, pointed);
    const specialists = (await db.specialists.bulkGet([...(pointed.get('specialists') ?? [])])).filter((s) => !!s);
    for (const specialist of specialists) refsOf(specialist, pointed);
    const users = (await db.users.bulkGet([...(pointed.get('users') ?? [])])).filter((u) => !!u);
    const refs: TransferContents['refs'] = {
      users: users.map((user) => ({ id: user.id, fullName: user.fullName, position: user.position })),
      mahallas: (await db.mahallas.bulkGet([...(pointed.get('mahallas') ?? [])])).filter((m) => !!m) as never,
      specialists: specialists as never,
      agencies: (await db.agencies.bulkGet([...(pointed.get('agencies') ?? [])])).filter((a) => !!a) as never,
      teams: teams as never,
    };
    return { tables, refs, leftOut: { conferences: discussed.length - conferences.length, documents: related.length - documents.length } };
  });
}

/**
 * A receiving office refuses a file of more records than it previews at once (receive.ts): the
 * sender says so first (`transferTooLarge`, with the count against the limit), before anything is written.
 */
function refuseTooLarge(records: number): void {
  if (records > MAX_TRANSFER_RECORDS) throw new DomainError('transferTooLarge', `${records} records`, { records, max: MAX_TRANSFER_RECORDS });
}

/**
 * How many records a transfer of `caseIds` would carry — the manifest, the case records, the stored
 * document bytes if asked for, the reference entries — refusing more than a receiving office opens
 * (`transferTooLarge`), as `writeTransfer` does. Asked before the user picks where to save, so a
 * selection too large is refused before the save dialog; document bytes are counted, not read. The
 * cases are read again when the file is written (`writeTransfer` takes its own consistent picture).
 */
export async function checkTransferSize(db: HamkorlikDb, caseIds: readonly string[], mode: TransferMode, options: { includeDocumentBytes?: boolean } = {}): Promise<number> {
  const contents = await collectTransfer(db, caseIds, mode);
  const files = options.includeDocumentBytes ? await db.documentFiles.where(':id').anyOf(contents.tables.documents.map((document) => document.id as string)).count() : 0;
  const records = packageRecords(contents) + files;
  refuseTooLarge(records);
  return records;
}

/** The lineage of the stored bases of the records of `tables` that have one, by base key. */
function basesOf(db: HamkorlikDb, tables: TransferContents['tables']): Promise<Map<string, LineageOfBase>> {
  return baseLineages(db, TRANSFER_TABLES.filter((table) => table !== 'documentFiles').flatMap((table) => tables[table].map((record) => exchangeBaseKey(table, record.id as string))));
}

/** The file's lineage: for each record with a base here, the exchanges its copy descends from, grouped by table and list. */
function lineageEntries(tables: TransferContents['tables'], bases: ReadonlyMap<string, LineageOfBase>): LineageEntry[] {
  const groups = new Map<string, LineageEntry>();
  const entries: LineageEntry[] = [];
  for (const table of TRANSFER_TABLES) {
    if (table === 'documentFiles') continue;
    for (const record of tables[table]) {
      const ancestry = carriedLineage(bases.get(exchangeBaseKey(table, record.id as string)));
      if (ancestry.length === 0) continue;
      const group = `${table} ${ancestry.join(' ')}`;
      let entry = groups.get(group);
      if (!entry || entry.ids.length >= LINEAGE_CHUNK) {
        entry = { table, ids: [], ancestry };
        groups.set(group, entry);
        entries.push(entry);
      }
      entry.ids.push(record.id as string);
    }
  }
  return entries;
}

/** The records a package of `contents` holds: the manifest, the case records, the reference entries. */
function packageRecords(contents: TransferContents): number {
  return 1 + [...Object.values(contents.tables), ...Object.values(contents.refs)].reduce((sum, table) => sum + table.length, 0);
}

/** The office as a package names it: district, names, this installation. */
export async function officeSource(db: HamkorlikDb): Promise<PackageSource> {
  const office = await db.officeProfile.get(OFFICE_PROFILE_ID);
  if (!office) throw new DomainError('notFound', 'officeProfile');
  return { districtCode: office.districtCode, officeName: { uzLatn: office.name.uzLatn, uzCyrl: office.name.uzCyrl, ru: office.name.ru }, installationId: db.session?.installationId ?? db.installationId };
}

/** A package's keys: the office's own (copies between its PCs), or a passphrase agreed with the other office. */
export type TransferKeys = OfficeKeys | { passphrase: string; kdf?: KdfParams };

export interface TransferOptions {
  caseIds: readonly string[];
  mode: TransferMode;
  /** The receiving office, when known: named in the log and in the cases' custody. */
  recipient?: ExchangePeer;
  includeDocumentBytes?: boolean;
  fileName?: string;
  /** Reopens the written file: it is read back in full and checked before anything is recorded (as a backup is). */
  verify?: () => ByteSource;
  /**
   * Puts the finished file in place (the host's atomic rename); called after the last byte and
   * before anything is recorded. A custody transfer must never be recorded for a file that a full
   * disk or a failed rename kept from existing: the case would be read-only with nothing sent.
   */
  commit?: () => Promise<void>;
}

/** The keys a package is written with: the office's, or a fresh data key under the passphrase (no recovery slot). */
export async function packageKeys(keys: TransferKeys): Promise<ExchangeKeys> {
  return 'kind' in keys ? keysOf(keys) : createExchangeKeys({ passphrase: keys.passphrase, recoveryKey: null, ...(keys.kdf ? { kdf: keys.kdf } : {}) });
}

/**
 * Writes a transfer package of `caseIds` to `sink` (kind `transfer`, header `transfer: { id, mode }`,
 * counts up front), then, only once the file is whole, in one transaction: stores every record sent
 * as its base copy (the next merge with that office compares against it); for a custody transfer
 * marks each case's custody as transferred out (pending the receipt), which makes it read-only
 * here; and writes the exchange-log entry. A sink that fails, or a written file that does not read
 * back whole (`verify`), leaves the database as it was. Cases holding more records than a receiving
 * office opens (`MAX_TRANSFER_RECORDS`) are refused before anything is written (`transferTooLarge`).
 * Administrators and supervisors. Returns the transfer's id and counts.
 */
export async function writeTransfer(db: HamkorlikDb, keys: TransferKeys, sink: ByteSink, options: TransferOptions): Promise<WrittenTransfer> {
  const session = requireOffice(db, 'transferCases');
  if (options.mode !== 'custody') return writeTransferFile(db, session, keys, sink, options);
  const release = holdForCustody(options.caseIds);
  try {
    return await writeTransferFile(db, session, keys, sink, options);
  } finally {
    release();
  }
}

export interface WrittenTransfer {
  transferId: string;
  counts: Record<string, number>;
  leftOut: TransferContents['leftOut'];
}

/**
 * Cases a custody transfer is being written for in this window, from reading their records to
 * marking their custody. A second custody send of one of them meanwhile would still read it as
 * here and write a second file handing it over; it is refused instead (`transferRunning`).
 */
const sendingInCustody = new Set<string>();

function holdForCustody(caseIds: readonly string[]): () => void {
  const running = caseIds.find((id) => sendingInCustody.has(id));
  if (running !== undefined) throw new DomainError('transferRunning', running);
  const held = [...new Set(caseIds)];
  for (const id of held) sendingInCustody.add(id);
  return () => held.forEach((id) => sendingInCustody.delete(id));
}

async function writeTransferFile(db: HamkorlikDb, session: WriteSession, keys: TransferKeys, sink: ByteSink, options: TransferOptions): Promise<WrittenTransfer> {
  const contents = await collectTransfer(db, options.caseIds, options.mode, { includeDocumentBytes: options.includeDocumentBytes ?? false });
  const transferId = crypto.randomUUID();
  const sentAt = db.clock();
  const caseIds = contents.tables.cases.map((kase) => kase.id as string);
  const manifest: TransferManifest = { transferId, mode: options.mode, caseIds, sentAt: sentAt.toISOString(), includesDocumentBytes: options.includeDocumentBytes ?? false };
  const body: [string, unknown[]][] = [
    [MANIFEST_TABLE, [manifest]],
    ...TRANSFER_TABLES.map((table) => [table, contents.tables[table]] as [string, unknown[]]),
    ...REF_TABLES.map((table) => [refTableName(table), contents.refs[table]] as [string, unknown[]]),
  ];
  refuseTooLarge(packageRecords(contents));
  const previousBases = await basesOf(db, contents.tables);
  body.push([LINEAGE_TABLE, lineageEntries(contents.tables, previousBases)]);
  const counts = Object.fromEntries(body.map(([table, records]) => [table, records.length]));
  const exchangeKeys = await packageKeys(keys);
  const writer = await createPackageWriter(
    {
      kind: 'transfer',
      source: await officeSource(db),
      keys: exchangeKeys,
      createdAt: sentAt,
      counts,
      transfer: { id: transferId, mode: options.mode },
      // The receiver refuses records of a schema newer than its own and upgrades older ones.
      schemaVersion: db.verno,
    },
    sink,
  );
  for (const [table, records] of body) await writer.writeTable(table, records);
  await writer.finish();
  if (options.verify) {
    const verified = await verifyPackage(options.verify, { dataKey: exchangeKeys.dataKey }, { phase: 'verifying', expectedCounts: counts });
    if (verified.header.fileSalt !== writer.header.fileSalt) throw new ExchangeError('damaged', { reason: 'otherFile' });
  }
  await options.commit?.();

  const at = sentAt.toISOString();
  const peer = options.recipient ?? null;
  const bases: ExchangeBase[] = TRANSFER_TABLES.filter((table) => table !== 'documentFiles').flatMap((table) =>
    contents.tables[table].map((record) => {
      const key = exchangeBaseKey(table, record.id as string);
      return { key, table, recordId: record.id as string, record, peer, at, direction: 'sent' as const, ...nextLineage(previousBases.get(key), versionStamp(record), transferId) };
    }),
  );
  const entry: ExchangeLogEntry = {
    id: crypto.randomUUID(),
    at,
    userId: session.userId,
    installationId: session.installationId,
    kind: 'transfer',
    direction: 'export',
    transferId,
    mode: options.mode,
    peer,
    fileName: options.fileName ?? null,
    caseIds,
    counts,
  };
  await db.transaction('rw', [db.cases, db.caseHistory, db.exchangeBases, db.exchangeLog], async () => {
    await db.exchangeBases.bulkPut(bases);
    await db.exchangeLog.add(entry);
    if (options.mode !== 'custody') return;
    const context = db.writeContext();
    for (const kase of await db.cases.bulkGet(caseIds)) {
      if (!kase) continue;
      const transferredOut = { transferId, at, to: peer ? { districtCode: peer.districtCode } : null, receivedAt: null };
      await db.cases.put(touched(kase, { custody: { ...kase.custody, transferredOut } }, context));
      // The case's own history says where it went (reports read the custody mark, not this entry).
      await db.caseHistory.add(
        historyEntry(context, kase.id, { kind: 'custodySent', from: kase.stage, to: kase.stage, reason: '', custody: { transferId, districtCode: peer?.districtCode ?? null, officeName: peer ? { ...peer.officeName } : null } }),
      );
    }
  });
  return { transferId, counts, leftOut: contents.leftOut };
}

/** Every case of a mahalla that is not deleted: "transfer all cases of this mahalla". */
export async function caseIdsOfMahalla(db: HamkorlikDb, mahallaId: string): Promise<string[]> {
  requireOffice(db, 'transferCases');
  const cases = await db.cases.where('address.mahallaId').equals(mahallaId).toArray();
  return cases.filter((kase) => !kase.deletedAt).map((kase) => kase.id);
}
