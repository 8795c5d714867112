import type { Table } from 'dexie';
import { canDo, type Actor } from '../../domain/access';
import { DomainError } from '../../domain/errors';
import type { Person } from '../../domain/person';
import type { PlanRevision } from '../../domain/plan';
import type { ReportInput } from '../../reports';
import type { HamkorlikDb } from '../db';
import { grant } from '../grants';

/** Records per read: large enough that IndexedDB's per-request cost vanishes, small enough to project as we go. */
const PAGE = 5000;

/**
 * Reads a table page by page in primary-key order, keeping only what `keep` returns, so a table
 * of half a million persons never sits in memory as whole records.
 */
async function readAll<T, R>(table: Table<T, string>, keep: (record: T) => R, pageSize: number): Promise<R[]> {
  const out: R[] = [];
  let after: string | null = null;
  for (;;) {
    const page: T[] = await (after === null ? table.orderBy(':id') : table.where(':id').above(after)).limit(pageSize).toArray();
    for (const record of page) out.push(keep(record));
    if (page.length < pageSize) return out;
    after = (page[page.length - 1] as { id: string }).id;
  }
}

const same = <T>(record: T) => record;

/**
 * Everything the report indicators read (reports/reportData.ts), for the whole office, in one
 * read-only transaction so the figures come from one consistent moment. Every role that reads
 * reports may run it (a viewer too, who opens no case): the transaction's `reports` grant lets it
 * read the case tables, and what leaves is counts and case ids. Persons are cut down to what the
 * figures use (birth date, deletion), since they are the largest table.
 */
export async function readReportInput(db: HamkorlikDb, actor: Actor, onProgress?: (tablesRead: number, tables: number) => void, pageSize = PAGE): Promise<ReportInput> {
  if (!canDo(actor, 'readReports')) throw new DomainError('forbidden', 'readReports');
  const tables = [db.cases, db.caseHistory, db.persons, db.memberships, db.monitorings, db.plans, db.planRevisions, db.assessments, db.placements, db.users, db.specialists, db.teams, db.mahallas];
  return db.transaction('r', tables, async (tx) => {
    grant(tx, { reports: true });
    let read = 0;
    const done = <T>(records: T[]) => {
      read += 1;
      onProgress?.(read, tables.length);
      return records;
    };
    const persons = done(await readAll(db.persons, (person): Person => ({ id: person.id, birthDate: person.birthDate, deletedAt: person.deletedAt }) as Person, pageSize));
    return {
      cases: done(await readAll(db.cases, same, pageSize)),
      history: done(await readAll(db.caseHistory, same, pageSize)),
      persons,
      memberships: done(await readAll(db.memberships, same, pageSize)),
      monitorings: done(await readAll(db.monitorings, same, pageSize)),
      plans: done(await readAll(db.plans, same, pageSize)),
      // Only what reading an action's past status needs, not the reasons' text.
      planRevisions: done(await readAll(db.planRevisions, (entry): PlanRevision => ({ ...entry, reason: '' }), pageSize)),
      assessments: done(await readAll(db.assessments, same, pageSize)),
      placements: done(await readAll(db.placements, same, pageSize)),
      users: done(await readAll(db.users, same, pageSize)),
      specialists: done(await readAll(db.specialists, same, pageSize)),
      teams: done(await readAll(db.teams, same, pageSize)),
      mahallas: done(await readAll(db.mahallas, same, pageSize)),
    };
  });
}
