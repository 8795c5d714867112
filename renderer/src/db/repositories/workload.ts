import type { HamkorlikDb } from '../db';
import { canDo } from '../../domain/access';
import { pairKey } from '../caseStatsMiddleware';
import { currentActor } from './guard';

/** Open cases (live, not closed) per case manager and per mahalla, keyed by their ids. */
export interface OpenCaseCounts {
  byCaseManager: Record<string, number>;
  byMahalla: Record<string, number>;
}

const CLOSED = 'stage:closed';

/** Reads one facet's counters and takes away its closed cases: `facet:id` minus the pair `facet:id` × `stage:closed`. */
async function openPerValue(db: HamkorlikDb, facet: 'caseManagerId' | 'mahallaId'): Promise<Record<string, number>> {
  const prefix = `${facet}:`;
  const totals = await db.caseStats.where('key').startsWith(prefix).toArray();
  const closed = await db.caseStats.bulkGet(totals.map((stat) => pairKey(stat.key, CLOSED)));
  const open: Record<string, number> = {};
  totals.forEach((stat, index) => {
    const count = stat.count - (closed[index]?.count ?? 0);
    if (count > 0) open[stat.key.slice(prefix.length)] = count;
  });
  return open;
}

/**
 * The workload view of the Teams page: how many open cases each case manager and each mahalla has,
 * office-wide. Read from the counters the case-stats middleware keeps with every case write (the
 * single counters and their pairs with `stage:closed`), so it costs two small reads per facet
 * however many cases there are; deleted and purged cases count nowhere. It shows numbers only, no
 * case, so every logged-in role may see it, as everyone reads the directory.
 *
 * The counters are written below Dexie's change tracking, so a live query is woken by reading the
 * newest case key as the case list does; a viewer, who may not read cases, gets the counts of when
 * the page opened (a viewer changes no case).
 */
export async function openCaseCounts(db: HamkorlikDb): Promise<OpenCaseCounts> {
  const actor = currentActor(db);
  const [byCaseManager, byMahalla] = await Promise.all([
    openPerValue(db, 'caseManagerId'),
    openPerValue(db, 'mahallaId'),
    canDo(actor, 'listCases') ? db.cases.orderBy('updatedAt').reverse().limit(1).primaryKeys() : Promise.resolve([]),
  ]);
  return { byCaseManager, byMahalla };
}
