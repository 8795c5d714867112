import type { DBCoreMutateRequest, DBCoreTable } from 'dexie';

/**
 * The primary keys a DBCore mutation touches, for middlewares that must read the records'
 * previous versions (the audit, the filter counters) before the write goes through.
 */
export async function mutationKeys(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> {
  switch (req.type) {
    case 'delete':
      return [...req.keys];
    case 'deleteRange': {
      const result = await table.query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: req.range } });
      return [...result.result];
    }
    default: {
      const extract = table.schema.primaryKey.extractKey;
      if (extract) return req.values.map((value) => extract(value));
      return req.keys ? [...req.keys] : [];
    }
  }
}

/** Schema upgrades run before any session and rewrite data wholesale: middlewares let them through. */
export function isUpgrade(req: { trans: unknown }): boolean {
  return (req.trans as IDBTransaction | undefined)?.mode === 'versionchange';
}
