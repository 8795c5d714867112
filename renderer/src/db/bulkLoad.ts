import type { HamkorlikDb } from './db';
import { grant } from './grants';
import { buildCaseIndex, personDupKey } from '../domain/caseIndex';
import type { IsoDate } from '../domain/dates';
import type { CaseHistoryEntry, FamilyCase } from '../domain/familyCase';
import type { Mahalla } from '../domain/mahalla';
import type { OfficeProfile } from '../domain/office';
import type { Membership, Person } from '../domain/person';
import type { User } from '../domain/user';

/** Records of every case-file table, as an import (later: a received transfer or a restore) brings them. */
export interface RecordSet {
  officeProfile?: OfficeProfile;
  users: readonly User[];
  mahallas: readonly Mahalla[];
  cases: readonly FamilyCase[];
  persons: readonly Person[];
  memberships: readonly Membership[];
  history: readonly CaseHistoryEntry[];
}

export interface LoadProgress {
  table: string;
  done: number;
  total: number;
}

const CHUNK = 4000;

/**
 * Writes a large set of records in chunked transactions, deriving what the repositories would
 * (search keys, list summary, duplicate keys) so loaded cases are searchable at once. The audit
 * gets one entry per chunk and table (a `bulk` grant), not one per record.
 */
export async function loadRecordSet(db: HamkorlikDb, set: RecordSet, today: IsoDate, options: { kind?: string; onProgress?: (progress: LoadProgress) => void } = {}): Promise<void> {
  const bulk = { kind: options.kind ?? 'import' };
  const persons = new Map(set.persons.map((person) => [person.id, person]));
  const membersByCase = new Map<string, { membership: Membership; person: Person }[]>();
  for (const membership of set.memberships) {
    const person = persons.get(membership.personId);
    if (!person) continue;
    const list = membersByCase.get(membership.caseId);
    if (list) list.push({ membership, person });
    else membersByCase.set(membership.caseId, [{ membership, person }]);
  }
  const cases = set.cases.map((kase) => (kase.purgedAt ? kase : { ...kase, ...buildCaseIndex(kase, (membersByCase.get(kase.id) ?? []).filter((m) => !m.person.purgedAt), today) }));
  // Tombstones (purged records) arrive as they are: they have no names to key.
  const withDupKeys = set.persons.map((person) => (person.purgedAt ? person : { ...person, dupKey: personDupKey(person) }));

  if (set.officeProfile) await put(db, 'officeProfile', [set.officeProfile], bulk);
  await put(db, 'users', set.users, bulk, options.onProgress);
  await put(db, 'mahallas', set.mahallas, bulk, options.onProgress);
  await put(db, 'persons', withDupKeys, bulk, options.onProgress);
  await put(db, 'memberships', set.memberships, bulk, options.onProgress);
  await put(db, 'cases', cases, bulk, options.onProgress);
  await put(db, 'caseHistory', set.history, bulk, options.onProgress);
}

async function put(db: HamkorlikDb, tableName: string, records: readonly object[], bulk: { kind: string }, onProgress?: (progress: LoadProgress) => void): Promise<void> {
  const table = db.table(tableName);
  for (let start = 0; start < records.length; start += CHUNK) {
    const chunk = records.slice(start, start + CHUNK);
    await db.transaction('rw', table, (tx) => {
      grant(tx, { bulk });
      return table.bulkPut(chunk);
    });
    onProgress?.({ table: tableName, done: Math.min(start + CHUNK, records.length), total: records.length });
  }
}
