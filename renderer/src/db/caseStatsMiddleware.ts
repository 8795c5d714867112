import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { custodyLeft, type FamilyCase } from '../domain/familyCase';
import { isUpgrade, mutationKeys } from './mutationKeys';

export const CASE_STATS_TABLE = 'caseStats';

/** One counter: how many live cases have `value` for `facet` (key `facet:value`). */
export interface CaseStat {
  key: string;
  count: number;
}

/** Pair counters sort after every single one (`~` is above the letters), so the filter counts read only the singles. */
export const PAIR_PREFIX = '~pair:';

/** The counter of cases carrying both filter values, e.g. `stage:monitoring` and `riskLevel:R2`, in either order. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${PAIR_PREFIX}${a}|${b}` : `${PAIR_PREFIX}${b}|${a}`;
}

/**
 * The filter values a live case counts towards, one by one and two by two (so a list filtered
 * twice knows its total without a scan); deleted and purged cases, and cases transferred to another
 * office (read-only here, out of the lists), count nowhere.
 */
export function facetKeys(kase: Partial<FamilyCase> | undefined): string[] {
  if (!kase || kase.deletedAt || kase.purgedAt || !kase.stage || custodyLeft(kase)) return [];
  const values = [
    `stage:${kase.stage}`,
    `riskLevel:${kase.riskLevel}`,
    `mahallaId:${kase.address?.mahallaId}`,
    `caseManagerId:${kase.caseManagerId}`,
    // A code listed twice (say, by an import) still counts the case once, as the filter matches it once.
    ...[...new Set(kase.vulnerability ?? [])].map((code) => `vulnerability:${code}`),
  ];
  const pairs: string[] = [];
  values.forEach((a, i) => {
    for (const b of values.slice(i + 1)) {
      // The list filters by one criterion at a time, so two criteria never pair.
      if (a.startsWith('vulnerability:') && b.startsWith('vulnerability:')) continue;
      pairs.push(pairKey(a, b));
    }
  });
  return ['all:', ...values, ...pairs];
}

/**
 * Keeps the case list's filter counts as counters, updated in the same transaction as every write
 * to `cases` — forms, imports, merges and restores alike — so the counts never need a scan of
 * 100,000 records. Sits beside the audit middleware, below Dexie's own layers.
 */
export function createCaseStatsMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'caseStats',
    level: -3,
    create(down) {
      if (!down.schema.tables.some((table) => table.name === CASE_STATS_TABLE)) return down;
      return {
        ...down,
        transaction(stores, mode, options) {
          const scope = mode === 'readwrite' && stores.includes('cases') && !stores.includes(CASE_STATS_TABLE) ? [...stores, CASE_STATS_TABLE] : stores;
          return down.transaction(scope, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (name !== 'cases') return table;
          return { ...table, mutate: (req) => countedMutate(down, table, req) };
        },
      };
    },
  };
}

async function countedMutate(core: DBCore, table: DBCoreTable, req: DBCoreMutateRequest) {
  if (isUpgrade(req)) return table.mutate(req);
  const keys = await mutationKeys(table, req);
  const before = req.type === 'add' ? [] : await table.getMany({ trans: req.trans, keys });
  const response = await table.mutate(req);
  const delta = new Map<string, number>();
  const bump = (key: string, by: number) => delta.set(key, (delta.get(key) ?? 0) + by);
  keys.forEach((_key, index) => {
    for (const key of facetKeys(before[index] as FamilyCase | undefined)) bump(key, -1);
    const after = req.type === 'add' || req.type === 'put' ? (req.values[index] as FamilyCase) : undefined;
    for (const key of facetKeys(after)) bump(key, +1);
  });
  const changed = [...delta.entries()].filter(([, by]) => by !== 0);
  if (changed.length) {
    const stats = core.table(CASE_STATS_TABLE);
    const current = (await stats.getMany({ trans: req.trans, keys: changed.map(([key]) => key) })) as (CaseStat | undefined)[];
    const values = changed.map(([key, by], index) => ({ key, count: (current[index]?.count ?? 0) + by }));
    await stats.mutate({ type: 'put', trans: req.trans, values });
  }
  return response;
}
