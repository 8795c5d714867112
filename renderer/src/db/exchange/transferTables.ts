import { z } from 'zod';
import { ExchangeError, LINEAGE_LIMIT } from '../../exchange';
import { unknownCode } from '../recordCodes';
import { unknownField } from '../recordFields';

/**
 * What a transfer package holds, shared by the writer (transfer.ts) and the reader (receive.ts), so
 * both sides agree on the tables, the reference entries and what a valid record looks like.
 *
 * Body tables, in the order they are written:
 * - `transfer`: exactly one manifest record (`TransferManifest`): the transfer's id, mode, cases.
 * - the case tables (`TRANSFER_TABLES`): every record of those cases, tombstones included, so a
 *   deletion travels like any edit.
 * - `ref_users`, `ref_mahallas`, `ref_specialists`, `ref_agencies`, `ref_teams`: reference
 *   entries, the records the case records point to (`REF_FIELDS`), for the receiver to match by id
 *   or map to its own. Never written into the receiver's own reference tables: the directory and
 *   the accounts are each office's own.
 * - `lineage`: for the case records this office had exchanged before, the exchanges its copy
 *   descends from (exchange/lineage.ts), grouped: one entry per table and list, its ids in chunks.
 *   The receiver merges against its base only when that base is one of them.
 */

/** The case tables a transfer carries, in write and apply order (a case before its members). */
export const TRANSFER_TABLES = ['cases', 'persons', 'memberships', 'caseHistory', 'assessments', 'plans', 'planRevisions', 'services', 'monitorings', 'placements', 'conferences', 'documents', 'documentFiles'] as const;
export type TransferTable = (typeof TRANSFER_TABLES)[number];

/** Reference tables, and the field names that point into each of them (anywhere in a record). */
export const REF_TABLES = ['users', 'mahallas', 'specialists', 'agencies', 'teams'] as const;
export type RefTable = (typeof REF_TABLES)[number];
export const REF_FIELDS: Readonly<Record<string, RefTable>> = {
  caseManagerId: 'users',
  userId: 'users',
  coordinatorUserId: 'users',
  mahallaId: 'mahallas',
  mahallaIds: 'mahallas',
  specialistId: 'specialists',
  // A service's deliverer, a conference's attendees and who assessed a domain are specialists of the directory too.
  deliveredBy: 'specialists',
  assessedBy: 'specialists',
  attendees: 'specialists',
  agencyId: 'agencies',
  teamId: 'teams',
};
export const refTableName = (table: RefTable) => `ref_${table}`;

/**
 * The tables a transfer does not carry, and why. With TRANSFER_TABLES and REF_TABLES every table of
 * the current schema is named (transfer.test.ts fails on a new one), so a new table is a decision
 * about what travels with a case, never an omission.
 */
export const NOT_TRANSFERRED: Readonly<Record<string, string>> = {
  officeProfile: "the sending office's own profile: it travels in the header as the source",
  settings: "each office's own settings, and its exchange keys",
  credentials: 'password hashes never leave the office in a transfer',
  caseStats: 'derived: the receiver recounts its filter counters from the cases it writes',
  audit: "each office's own trail: the receiver's merge writes its own entries",
  workingGroup: "the district's working group belongs to the office that formed it",
  documentTexts: "each office's own wording of its documents",
  exchangeBases: "bookkeeping of this office's exchanges: the lineage travels instead",
  exchangeLog: "each office's own log of what came in and went out",
};
export const MANIFEST_TABLE = 'transfer';
export const LINEAGE_TABLE = 'lineage';
/** Record ids per lineage entry: entries stay small blocks however many records share a lineage. */
export const LINEAGE_CHUNK = 500;
/** The receipt's body: one record naming the transfer it answers. */
export const RECEIPT_TABLE = 'receipt';

/**
 * More records than any real transfer (a mahalla of a few hundred families with years of work):
 * the whole package is held in memory for the preview, so a hostile or absurd file is refused first.
 */
export const MAX_TRANSFER_RECORDS = 200_000;

const id = z.string().min(1).max(200);
const isoTime = z.string().min(1).max(40);
/** What every record of a case table must have: the identity the merge relies on. */
const metaSchema = z.looseObject({
  id,
  installationId: z.string().max(200),
  createdAt: isoTime,
  createdBy: z.string().max(200),
  updatedAt: isoTime,
  updatedBy: z.string().max(200),
  rev: z.number().int().nonnegative(),
  deletedAt: isoTime.nullable(),
  purgedAt: isoTime.optional(),
});
const ofCase = metaSchema.extend({ caseId: id });
/** Purged tombstones keep only their identity, so their table's own fields are not required. */
const live = (schema: z.ZodType) => z.union([metaSchema.extend({ purgedAt: isoTime }), schema]);

const RECORD_SCHEMAS: Record<TransferTable, z.ZodType> = {
  cases: live(metaSchema.extend({ caseNumber: z.string().max(100), custody: z.looseObject({ districtCode: z.string().max(16) }), address: z.looseObject({ mahallaId: z.string() }), caseManagerId: z.string(), stage: z.string() })),
  persons: live(metaSchema.extend({ pinfl: z.string().max(20).nullable(), surname: z.looseObject({}), firstName: z.looseObject({}) })),
  memberships: live(ofCase.extend({ personId: id })),
  caseHistory: live(ofCase),
  assessments: live(ofCase),
  plans: live(ofCase),
  planRevisions: live(ofCase.extend({ planId: id })),
  services: live(ofCase),
  monitorings: live(ofCase),
  placements: live(ofCase.extend({ personId: id })),
  conferences: live(metaSchema.extend({ caseIds: z.array(id) })),
  documents: live(metaSchema.extend({ caseId: id.nullable() })),
  documentFiles: z.looseObject({ id, bytes: z.instanceof(Uint8Array) }),
};
const refSchema = z.looseObject({ id });

export const manifestSchema = z.strictObject({
  transferId: z.string().min(1).max(100),
  mode: z.enum(['custody', 'copy']),
  caseIds: z.array(id).min(1).max(MAX_TRANSFER_RECORDS),
  sentAt: isoTime,
  includesDocumentBytes: z.boolean(),
});
export const lineageSchema = z.strictObject({
  table: z.enum(TRANSFER_TABLES),
  ids: z.array(id).min(1).max(LINEAGE_CHUNK),
  ancestry: z.array(z.string().min(1).max(100)).min(1).max(LINEAGE_LIMIT),
});
/** One lineage entry: records of `table` whose copies descend from the exchanges in `ancestry`. */
export type LineageEntry = z.infer<typeof lineageSchema>;

/** The transfer's own record: what it is and which cases it hands over. */
export type TransferManifest = z.infer<typeof manifestSchema>;

export const receiptSchema = z.strictObject({
  transferId: z.string().min(1).max(100),
  caseIds: z.array(id).max(MAX_TRANSFER_RECORDS),
  receivedAt: isoTime,
});
/** The receipt's record: the transfer received, its cases, when. The receiving office is the header's source. */
export type ReceiptRecord = z.infer<typeof receiptSchema>;

/**
 * Checks one verified block of a transfer: a table the format knows and records of the expected
 * shape, with only the fields records have at the sender's schema `version` (the current one for a
 * file that does not say), and only codes it knows (recordCodes.ts). Throws `damagedAt` (reason
 * `table`, `record`, `field` or `value`): the file was not made by this app, or by a version with
 * other tables, fields or codes, and nothing of it may be written.
 */
export function checkTransferBlock(block: { table: string; records: unknown[]; blockIndex: number }, version?: number): void {
  const schema = schemaOf(block.table);
  if (!schema) throw new ExchangeError('damagedAt', { blockIndex: block.blockIndex, reason: 'table', field: block.table });
  const recordsOf = recordTableOf(block.table);
  for (const record of block.records) {
    if (!schema.safeParse(record).success) throw new ExchangeError('damagedAt', { blockIndex: block.blockIndex, reason: 'record' });
    // The schemas check what the merge relies on; every other field must still be one this version has.
    const field = recordsOf === undefined ? undefined : unknownField(recordsOf, record as object, version);
    if (field !== undefined) throw new ExchangeError('damagedAt', { blockIndex: block.blockIndex, reason: 'field', field: `${recordsOf}.${field}` });
    // Reference entries are matched by id, never written: their codes are the other office's business.
    const coded = recordsOf === block.table ? unknownCode(block.table, record as object) : undefined;
    if (coded) throw new ExchangeError('damagedAt', { blockIndex: block.blockIndex, reason: 'value', field: `${block.table}.${coded.field}`, unknownValue: coded.value });
  }
}

/** The database table whose records a body table holds: a case table itself, `ref_users` users. */
export function recordTableOf(table: string): string | undefined {
  if ((TRANSFER_TABLES as readonly string[]).includes(table)) return table;
  return REF_TABLES.find((ref) => refTableName(ref) === table);
}

function schemaOf(table: string): z.ZodType | undefined {
  if (table === MANIFEST_TABLE) return manifestSchema;
  if (table === LINEAGE_TABLE) return lineageSchema;
  if ((TRANSFER_TABLES as readonly string[]).includes(table)) return RECORD_SCHEMAS[table as TransferTable];
  if (REF_TABLES.some((ref) => refTableName(ref) === table)) return refSchema;
  return undefined;
}

/**
 * Every id a record points to, by reference table: fields named in REF_FIELDS at any depth (a plan
 * action's `responsible.specialistId`, a conference's `mahallaId`). Record bookkeeping (`createdBy`)
 * is not a reference: it names who did what at the other office, and stays as it is.
 */
export function refsOf(record: unknown, into: Map<RefTable, Set<string>>): void {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return;
    for (const [key, item] of Object.entries(value)) {
      const table = REF_FIELDS[key];
      if (table) for (const ref of Array.isArray(item) ? item : [item]) if (typeof ref === 'string' && ref) add(into, table, ref);
      visit(item);
    }
  };
  visit(record);
}

function add(into: Map<RefTable, Set<string>>, table: RefTable, value: string): void {
  let set = into.get(table);
  if (!set) into.set(table, (set = new Set()));
  set.add(value);
}

/**
 * A copy of `value` with ids replaced where `map` says: keys named in `fields` (at any depth), their
 * value a string or an array of strings. Used for a person linked by PINFL (`personId`) and for
 * references the receiving office mapped to its own records.
 */
export function rewriteIds(value: unknown, fields: Readonly<Record<string, Map<string, string>>>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteIds(item, fields));
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const map = Object.hasOwn(fields, key) ? fields[key] : undefined;
    let next: unknown;
    if (map && typeof item === 'string') next = map.get(item) ?? item;
    else if (map && Array.isArray(item)) next = item.map((entry) => (typeof entry === 'string' ? (map.get(entry) ?? entry) : entry));
    else next = rewriteIds(item, fields);
    if (key === '__proto__') Object.defineProperty(out, key, { value: next, enumerable: true, writable: true, configurable: true });
    else out[key] = next;
  }
  return out;
}
