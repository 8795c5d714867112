import { facetKeys } from '../caseStatsMiddleware';
import type { FamilyCase } from '../../domain/familyCase';
import type { SchemaVersion } from './types';

/**
 * The case counters gain pair counters (cases with both of two filter values), so a list filtered
 * twice gets its total from one counter instead of intersecting two indexes (about a second at
 * 100,000 cases on disk). No table changes; the counters are rebuilt from the cases once.
 */
export const v004PairCounts: SchemaVersion = {
  version: 4,
  stores: {},
  async upgrade(transaction) {
    const counts = new Map<string, number>();
    await transaction
      .table('cases')
      .toCollection()
      .each((kase: FamilyCase) => {
        for (const key of facetKeys(kase)) counts.set(key, (counts.get(key) ?? 0) + 1);
      });
    const stats = transaction.table('caseStats');
    await stats.clear();
    await stats.bulkPut([...counts].map(([key, count]) => ({ key, count })));
  },
};
