import type { HamkorlikDb } from '../db';
import { versionStamp, type LineageOfBase } from '../../exchange';

/** Bases read at a time: their full record copies are let go chunk by chunk. */
const CHUNK = 2000;

/**
 * The stored bases of `keys` as lineage needs them — their lists and their record's version stamp,
 * not the record — by base key; keys with no base are absent. A transfer holds its records already;
 * a second full copy of each from its base would double what a send or an import holds.
 */
export async function baseLineages(db: HamkorlikDb, keys: readonly string[]): Promise<Map<string, LineageOfBase>> {
  const out = new Map<string, LineageOfBase>();
  for (let start = 0; start < keys.length; start += CHUNK) {
    for (const base of await db.exchangeBases.bulkGet(keys.slice(start, start + CHUNK))) {
      if (base) out.set(base.key, { record: versionStamp(base.record), ...(base.transfers ? { transfers: base.transfers } : {}), ...(base.ancestry ? { ancestry: base.ancestry } : {}) });
    }
  }
  return out;
}
