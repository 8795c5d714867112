import Dexie from 'dexie';
import type { HamkorlikDb } from '../db';
import { canOnCase, readsAllCases, type Actor } from '../../domain/access';
import type { IsoDate } from '../../domain/dates';
import { requireOffice } from './guard';
import { overdueCases } from './monitorings';
import { pairKey, PAIR_PREFIX } from '../caseStatsMiddleware';
import type { FamilyCase } from '../../domain/familyCase';
import { listed, transferredCaseIds } from './listed';
import type { Stage } from '../../domain/stages';
import type { RiskLevel } from '../../domain/vulnerability';

/** The case list's filters; each is optional and they combine with AND. */
export interface CaseFilter {
  stage?: Stage;
  mahallaId?: string;
  vulnerability?: string;
  riskLevel?: RiskLevel;
  caseManagerId?: string;
  /** Only cases whose monitoring or a plan action is overdue on this day. */
  overdueOn?: IsoDate;
}

export type CaseSortField = 'updatedAt' | 'caseNumber' | 'sortName';
export interface CaseSort {
  field: CaseSortField;
  direction: 'asc' | 'desc';
}

export interface CasePage {
  rows: FamilyCase[];
  total: number;
}

type IndexedFilter = 'stage' | 'riskLevel' | 'caseManagerId' | 'mahallaId';
const COMPOUND: Record<IndexedFilter, string> = {
  stage: '[stage+updatedAt]',
  riskLevel: '[riskLevel+updatedAt]',
  caseManagerId: '[caseManagerId+updatedAt]',
  mahallaId: '[address.mahallaId+updatedAt]',
};

const activeFilters = (filter: CaseFilter) => (Object.entries(filter) as [keyof CaseFilter, string | undefined][]).filter(([, value]) => value);

function matches(kase: FamilyCase, filter: CaseFilter): boolean {
  return (
    listed(kase) &&
    (!filter.stage || kase.stage === filter.stage) &&
    (!filter.mahallaId || kase.address.mahallaId === filter.mahallaId) &&
    (!filter.vulnerability || kase.vulnerability.includes(filter.vulnerability)) &&
    (!filter.riskLevel || kase.riskLevel === filter.riskLevel) &&
    (!filter.caseManagerId || kase.caseManagerId === filter.caseManagerId)
  );
}

function compare(sort: CaseSort): (a: FamilyCase, b: FamilyCase) => number {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a, b) => sign * String(a[sort.field]).localeCompare(String(b[sort.field]));
}

/**
 * One page of the case list, read through indexes so the first page of 100,000 cases comes back
 * at once: no filter walks the sort index; one indexed filter sorted by date walks its compound
 * index; anything else reads the most selective index's matches and sorts those.
 */
export async function queryCases(db: HamkorlikDb, filter: CaseFilter, sort: CaseSort, offset: number, limit: number): Promise<CasePage> {
  const actor = requireOffice(db, 'listCases');
  if (filter.overdueOn) {
    // Overdue cases are few and come from their own due-date indexes (scoped to the user there).
    const { overdueOn, ...rest } = filter;
    const records = (await overdueCases(db, overdueOn)).filter((kase) => matches(kase, rest));
    records.sort(compare(sort));
    return { rows: records.slice(offset, offset + limit), total: records.length };
  }
  if (!readsAllCases(actor)) {
    const records = (await scopedCases(db, actor)).filter((kase) => matches(kase, filter));
    records.sort(compare(sort));
    return { rows: records.slice(offset, offset + limit), total: records.length };
  }
  const active = activeFilters(filter);
  // Totals come from the counters the case-stats middleware keeps: IndexedDB's own count walks
  // every entry, which takes half a second at 100,000 cases on disk.
  const counter = async (key: string) => (await db.caseStats.get(key))?.count ?? 0;

  if (active.length === 0) {
    const ordered = db.cases.orderBy(sort.field);
    const collection = (sort.direction === 'desc' ? ordered.reverse() : ordered).filter(listed);
    const [rows, total] = await Promise.all([collection.offset(offset).limit(limit).toArray(), counter('all:')]);
    return { rows, total };
  }

  const [first] = active;
  if (active.length === 1 && first && first[0] !== 'vulnerability' && sort.field === 'updatedAt') {
    const index = COMPOUND[first[0] as IndexedFilter];
    const range = db.cases.where(index).between([first[1], Dexie.minKey], [first[1], Dexie.maxKey]);
    const ordered = sort.direction === 'desc' ? range.reverse() : range;
    const [rows, total] = await Promise.all([ordered.filter(listed).offset(offset).limit(limit).toArray(), counter(`${first[0]}:${first[1]}`)]);
    return { rows, total };
  }

  // Two filters: the total from their pair counter; the page by walking one filter's date-ordered
  // index and checking the other (stops as soon as the page is full).
  const walkable = active.find(([key]) => key !== 'vulnerability');
  if (active.length === 2 && walkable && sort.field === 'updatedAt') {
    const [a, b] = active as [[string, string], [string, string]];
    const index = COMPOUND[walkable[0] as IndexedFilter];
    const range = db.cases.where(index).between([walkable[1], Dexie.minKey], [walkable[1], Dexie.maxKey]);
    const ordered = sort.direction === 'desc' ? range.reverse() : range;
    const [rows, total] = await Promise.all([ordered.filter((kase) => matches(kase, filter)).offset(offset).limit(limit).toArray(), counter(pairKey(`${a[0]}:${a[1]}`, `${b[0]}:${b[1]}`))]);
    return { rows, total };
  }

  // More filters: the total from intersecting each filter's ids (keys only); the page by walking
  // one filter's date-ordered index and checking the others, or sorting the matches when sorted otherwise.
  const idSets = await Promise.all(active.map(([key, value]) => indexFor(db, key, value!).primaryKeys()));
  idSets.sort((a, b) => a.length - b.length);
  const [smallest, ...others] = idSets.map((ids) => new Set(ids));
  const matching = [...smallest!].filter((id) => others.every((set) => set.has(id)));
  if (walkable && sort.field === 'updatedAt') {
    const index = COMPOUND[walkable[0] as IndexedFilter];
    const range = db.cases.where(index).between([walkable[1], Dexie.minKey], [walkable[1], Dexie.maxKey]);
    const ordered = sort.direction === 'desc' ? range.reverse() : range;
    const rows = await ordered.filter((kase) => matches(kase, filter)).offset(offset).limit(limit).toArray();
    const deleted = new Set([...(await deletedCases(db)).map((kase) => kase.id), ...(await transferredCaseIds(db))]);
    return { rows, total: matching.filter((id) => !deleted.has(id)).length };
  }
  const records = (await db.cases.bulkGet(matching)).filter((kase): kase is FamilyCase => !!kase && matches(kase, filter));
  records.sort(compare(sort));
  return { rows: records.slice(offset, offset + limit), total: records.length };
}

function indexFor(db: HamkorlikDb, key: keyof CaseFilter, value: string) {
  const index = key === 'mahallaId' ? 'address.mahallaId' : key;
  return db.cases.where(index).equals(value);
}

/** How many live cases of the office carry each value of each filter. */
export interface FacetCounts {
  all: number;
  stage: Record<string, number>;
  riskLevel: Record<string, number>;
  mahallaId: Record<string, number>;
  caseManagerId: Record<string, number>;
  vulnerability: Record<string, number>;
}

/** Deleted cases: the `deletedAt` index holds only them (null is not indexed), so this is cheap. */
function deletedCases(db: HamkorlikDb): Promise<FamilyCase[]> {
  return db.cases.where('deletedAt').above('').toArray();
}

/**
 * The live cases a user who does not read the whole office may read: their mahallas' and the ones
 * they manage, found through indexes (a few hundred cases) and checked against the permission table.
 */
async function scopedCases(db: HamkorlikDb, actor: Actor): Promise<FamilyCase[]> {
  const ids = new Set<string>([
    ...(await db.cases.where('address.mahallaId').anyOf([...actor.mahallaIds]).primaryKeys()),
    ...(await db.cases.where('caseManagerId').equals(actor.userId).primaryKeys()),
  ]);
  const records = await db.cases.bulkGet([...ids]);
  return records.filter((kase): kase is FamilyCase => !!kase && listed(kase) && canOnCase(actor, 'read', kase));
}

/**
 * The cases this office sent away in custody transfers (pending their receipt, or received), which
 * the default lists leave out: read-only here, each with its `custody.transferredOut`.
 */
export async function transferredCases(db: HamkorlikDb): Promise<FamilyCase[]> {
  const actor = requireOffice(db, 'listCases');
  const records = await db.cases.bulkGet(await transferredCaseIds(db));
  return records.filter((kase): kase is FamilyCase => !!kase && !kase.deletedAt && canOnCase(actor, 'read', kase)).sort((a, b) => b.custody.transferredOut!.at.localeCompare(a.custody.transferredOut!.at));
}

/** The filter counts, read from the counters the case-stats middleware keeps (one small read). */
export async function facetCounts(db: HamkorlikDb): Promise<FacetCounts> {
  const counts: FacetCounts = { all: 0, stage: {}, riskLevel: {}, mahallaId: {}, caseManagerId: {}, vulnerability: {} };
  const actor = requireOffice(db, 'listCases');
  if (!readsAllCases(actor)) {
    // Counted over the user's own cases, so the numbers match what their list shows.
    for (const kase of await scopedCases(db, actor)) {
      counts.all++;
      const bump = (facet: Exclude<keyof FacetCounts, 'all'>, value: string) => (counts[facet][value] = (counts[facet][value] ?? 0) + 1);
      bump('stage', kase.stage);
      bump('riskLevel', kase.riskLevel);
      bump('mahallaId', kase.address.mahallaId);
      bump('caseManagerId', kase.caseManagerId);
      for (const code of kase.vulnerability) bump('vulnerability', code);
    }
    return counts;
  }
  // The counters are written below Dexie's change tracking. Every case write stamps `updatedAt`
  // with the newest time, so reading the newest key is a cheap way to be woken by any of them.
  const [stats] = await Promise.all([db.caseStats.where('key').below(PAIR_PREFIX).toArray(), db.cases.orderBy('updatedAt').reverse().limit(1).primaryKeys()]);
  for (const { key, count } of stats) {
    const [facet, value] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    if (facet === 'all') counts.all = count;
    else if (facet in counts) (counts[facet as Exclude<keyof FacetCounts, 'all'>])[value] = count;
  }
  return counts;
}

/**
 * A page of the cases behind a report figure (the report's click-through): the given ids, those the
 * user may read, sorted and paged like the list. `hidden` counts the ids left out — outside the
 * user's scope, or deleted since the report was computed — so the list can say so instead of
 * silently showing fewer cases than the figure.
 */
export async function queryCasesByIds(db: HamkorlikDb, ids: readonly string[], sort: CaseSort, offset: number, limit: number): Promise<CasePage & { hidden: number }> {
  const actor = requireOffice(db, 'listCases');
  const records = (await db.cases.bulkGet([...new Set(ids)])).filter((kase): kase is FamilyCase => !!kase && kase.deletedAt === null && canOnCase(actor, 'read', kase));
  records.sort(compare(sort));
  return { rows: records.slice(offset, offset + limit), total: records.length, hidden: new Set(ids).size - records.length };
}
