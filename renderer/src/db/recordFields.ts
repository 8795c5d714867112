import type { Table } from 'dexie';
import type { RecordMeta } from '../domain/record';
import type { HamkorlikDb } from './db';

/**
 * The fields a record of each table may have at its top level, checked by the compiler against the
 * record types: a field added to a type fails to compile until it is listed here, and a field listed
 * here that no type has fails too. A restore and a transfer import refuse a record with any other
 * field (db/exchange), so a file from a newer version, or not made by this app, is never written in
 * part with its unknown fields silently kept or dropped.
 *
 * A field a schema version stops having is listed in RETIRED_FIELDS with the version whose upgrade
 * removes it: data at an older version (a backup staged at its own version) may still carry it.
 */

type TableName = { [K in keyof HamkorlikDb]: HamkorlikDb[K] extends Table ? K : never }[keyof HamkorlikDb];
type RecordOf<K extends TableName> = HamkorlikDb[K] extends Table<infer T> ? T : never;
/** Every key of every member of a union: a field only some kinds of record have is still a field of the table. */
type AllKeys<T> = T extends unknown ? keyof T : never;
type FieldList<T> = { readonly [K in AllKeys<T> & string]-?: true };

const META: FieldList<RecordMeta> = { id: true, installationId: true, createdAt: true, createdBy: true, updatedAt: true, updatedBy: true, rev: true, deletedAt: true, purgedAt: true };

const FIELDS: { readonly [K in TableName]: FieldList<RecordOf<K>> } = {
  officeProfile: { ...META, regionCode: true, districtCode: true, name: true, head: true, hokim: true, deputyHokim: true },
  settings: { key: true, value: true },
  users: { ...META, username: true, fullName: true, position: true, phone: true, roles: true, mahallaIds: true, active: true },
  mahallas: { ...META, name: true },
  cases: { ...META, caseNumber: true, address: true, phones: true, referral: true, vulnerability: true, riskLevel: true, consent: true, caseManagerId: true, custody: true, summary: true, sortName: true, searchKeys: true, monitoringDue: true, actionsDue: true, stage: true, eligibility: true, agreement: true, closure: true },
  persons: { ...META, surname: true, firstName: true, patronymic: true, sex: true, birthDate: true, pinfl: true, pinflCheckAccepted: true, document: true, education: true, employment: true, disability: true, migration: true, healthNotes: true, dupKey: true },
  memberships: { ...META, caseId: true, personId: true, relation: true, from: true, to: true },
  caseHistory: { ...META, caseId: true, kind: true, from: true, to: true, reason: true, action: true, outcome: true, placement: true, conference: true, custody: true },
  audit: { id: true, at: true, userId: true, installationId: true, table: true, recordId: true, op: true, changes: true, bulk: true, detail: true },
  caseStats: { key: true, count: true },
  credentials: { id: true, hash: true, changedAt: true, mustChange: true, failedAttempts: true, lastFailedAt: true },
  agencies: { ...META, kind: true, name: true },
  specialists: { ...META, fullName: true, agencyId: true, position: true, phone: true, mahallaIds: true, trainedOn: true, userId: true },
  teams: { ...META, mahallaId: true, members: true, coordinatorUserId: true },
  workingGroup: { ...META, members: true },
  documents: { ...META, kind: true, registerNumber: true, year: true, seq: true, number: true, date: true, caseId: true, caseIds: true, language: true, title: true, fileName: true, size: true, sha256: true, params: true },
  documentFiles: { id: true, bytes: true },
  documentTexts: { ...META, language: true, key: true, text: true },
  assessments: { ...META, caseId: true, version: true, date: true, status: true, children: true, family: true, conclusion: true, completedAt: true, approval: true },
  plans: { ...META, caseId: true, revision: true, status: true, goals: true, actions: true, participants: true, approval: true },
  planRevisions: { ...META, planId: true, caseId: true, revision: true, reason: true, changes: true },
  services: { ...META, caseId: true, actionId: true, date: true, kind: true, deliveredBy: true, description: true, recipients: true, result: true },
  monitorings: { ...META, caseId: true, date: true, actionReviews: true, changes: true, planRevision: true },
  conferences: { ...META, date: true, mahallaId: true, attendees: true, caseIds: true, decisions: true, nextSteps: true },
  placements: { ...META, caseId: true, personId: true, kind: true, from: true, note: true },
  exchangeBases: { key: true, table: true, recordId: true, record: true, peer: true, at: true, direction: true, transfers: true, ancestry: true },
  exchangeLog: { id: true, at: true, userId: true, installationId: true, kind: true, direction: true, transferId: true, mode: true, peer: true, fileName: true, caseIds: true, counts: true, outcomes: true, written: true, decisions: true, linkedPersons: true, unmatchedRefs: true, purgedEdits: true },
};

/** Fields older versions wrote that the current records no longer have; `removedIn`: the version whose upgrade removes them. */
export const RETIRED_FIELDS: readonly { table: string; field: string; removedIn: number }[] = [
  // v003's upgrade gave the users made before accounts a `specialistId: null` that nothing ever read.
  { table: 'users', field: 'specialistId', removedIn: 8 },
];

const FIELD_SETS = new Map<string, ReadonlySet<string>>(Object.entries(FIELDS).map(([table, fields]) => [table, new Set(Object.keys(fields))]));

/** A table's top-level fields at the current schema version; undefined for a table it does not have. */
export function recordFields(table: string): ReadonlySet<string> | undefined {
  return FIELD_SETS.get(table);
}

/**
 * The first own field of `record` that `table` does not have in data at schema `version` (the
 * current one when not given), if any. A table the current schema lacks has no list: the caller
 * decides about unknown tables.
 */
export function unknownField(table: string, record: object, version?: number): string | undefined {
  const known = FIELD_SETS.get(table);
  if (!known) return undefined;
  return Object.keys(record).find((field) => !known.has(field) && !retiredAt(table, field, version));
}

/**
 * `record` as the current schema has it: without the fields data at `version` may carry that a later
 * upgrade removes (the upgrade of a record that comes without its database: a transfer from an office
 * on an older version). The record itself when it has none.
 */
export function withoutRetiredFields<T extends object>(table: string, record: T, version: number | undefined): T {
  const retired = Object.keys(record).filter((field) => retiredAt(table, field, version));
  if (retired.length === 0) return record;
  const out: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  for (const field of retired) delete out[field];
  return out as T;
}

function retiredAt(table: string, field: string, version: number | undefined): boolean {
  return version !== undefined && RETIRED_FIELDS.some((retired) => retired.table === table && retired.field === field && version < retired.removedIn);
}
