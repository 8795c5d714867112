import Dexie from 'dexie';
import type { HamkorlikDb } from '../db';
import type { FamilyCase } from '../../domain/familyCase';
import type { Stage } from '../../domain/stages';
import type { RiskLevel } from '../../domain/vulnerability';

/** The case list's filters; each is optional and they combine with AND. */
export interface CaseFilter {
  stage?: Stage;
  mahallaId?: string;
  vulnerability?: string;
  riskLevel?: RiskLevel;
  caseManagerId?: string;
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
    kase.deletedAt === null &&
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
  const active = activeFilters(filter);
  const deletedCount = () => db.cases.where('deletedAt').above('').count();

  if (active.length === 0) {
    const ordered = db.cases.orderBy(sort.field);
    const collection = (sort.direction === 'desc' ? ordered.reverse() : ordered).filter((kase) => kase.deletedAt === null);
    const [rows, total, deleted] = await Promise.all([collection.offset(offset).limit(limit).toArray(), db.cases.count(), deletedCount()]);
    return { rows, total: total - deleted };
  }

  const [first] = active;
  if (active.length === 1 && first && first[0] !== 'vulnerability' && sort.field === 'updatedAt') {
    const index = COMPOUND[first[0] as IndexedFilter];
    const range = db.cases.where(index).between([first[1], Dexie.minKey], [first[1], Dexie.maxKey]);
    const ordered = sort.direction === 'desc' ? range.reverse() : range;
    const [rows, total] = await Promise.all([
      ordered.filter((kase) => kase.deletedAt === null).offset(offset).limit(limit).toArray(),
      db.cases.where(index).between([first[1], Dexie.minKey], [first[1], Dexie.maxKey]).filter((kase) => kase.deletedAt === null).count(),
    ]);
    return { rows, total };
  }

  const candidates = await candidatesFor(db, filter);
  candidates.sort(compare(sort));
  return { rows: candidates.slice(offset, offset + limit), total: candidates.length };
}

async function candidatesFor(db: HamkorlikDb, filter: CaseFilter): Promise<FamilyCase[]> {
  const active = activeFilters(filter);
  // Start from the index with the fewest entries for its value, then check the rest in memory.
  const sizes = await Promise.all(active.map(([key, value]) => indexFor(db, key, value!).count()));
  const smallest = active[sizes.indexOf(Math.min(...sizes))]!;
  const matchesAll = (kase: FamilyCase) => matches(kase, filter);
  return indexFor(db, smallest[0], smallest[1]!).filter(matchesAll).toArray();
}

function indexFor(db: HamkorlikDb, key: keyof CaseFilter, value: string) {
  const index = key === 'mahallaId' ? 'address.mahallaId' : key;
  return db.cases.where(index).equals(value);
}

/** How many live cases of the current selection carry each value of each filter. */
export interface FacetCounts {
  stage: Record<string, number>;
  riskLevel: Record<string, number>;
  mahallaId: Record<string, number>;
  caseManagerId: Record<string, number>;
  vulnerability: Record<string, number>;
}

export async function facetCounts(db: HamkorlikDb, filter: CaseFilter): Promise<FacetCounts> {
  const counts: FacetCounts = { stage: {}, riskLevel: {}, mahallaId: {}, caseManagerId: {}, vulnerability: {} };
  const add = (bucket: Record<string, number>, key: string) => (bucket[key] = (bucket[key] ?? 0) + 1);
  const active = activeFilters(filter);
  if (active.length === 0) {
    // Unfiltered: count each index's keys without reading a single record.
    const countKeys = async (index: string, bucket: Record<string, number>) => {
      await db.cases.orderBy(index).eachKey((key) => add(bucket, String(key)));
    };
    await Promise.all([
      countKeys('stage', counts.stage),
      countKeys('riskLevel', counts.riskLevel),
      countKeys('address.mahallaId', counts.mahallaId),
      countKeys('caseManagerId', counts.caseManagerId),
      countKeys('vulnerability', counts.vulnerability),
    ]);
    const deleted = await db.cases.where('deletedAt').above('').toArray();
    for (const kase of deleted) {
      counts.stage[kase.stage]! -= 1;
      counts.riskLevel[kase.riskLevel]! -= 1;
      counts.mahallaId[kase.address.mahallaId]! -= 1;
      counts.caseManagerId[kase.caseManagerId]! -= 1;
      for (const code of kase.vulnerability) counts.vulnerability[code]! -= 1;
    }
    return counts;
  }
  const candidates = await candidatesFor(db, filter);
  for (const kase of candidates) {
    add(counts.stage, kase.stage);
    add(counts.riskLevel, kase.riskLevel);
    add(counts.mahallaId, kase.address.mahallaId);
    add(counts.caseManagerId, kase.caseManagerId);
    for (const code of kase.vulnerability) add(counts.vulnerability, code);
  }
  return counts;
}
