import { ExchangeError, openPackage, type ByteSource, type PackageBlock, type PackageHeader, type UnlockSecret } from '../../exchange';
import type { ExchangeProgress } from './backup';

/** A package read to its end with every block verified: its header, data key and per-table totals. */
export interface VerifiedPackage {
  header: PackageHeader;
  dataKey: Uint8Array;
  counts: Record<string, number>;
}

/**
 * One full verified pass over a package, nothing written: what a restore does before it touches any
 * database, and what a backup does right after writing its file. `checkHeader` runs before the
 * secret is tried (a wrong kind of file costs no Argon2id), `onBlock` on every verified block.
 */
export async function verifyPackage(
  open: () => ByteSource,
  secret: UnlockSecret,
  options: {
    phase: ExchangeProgress['phase'];
    onProgress?: ((p: ExchangeProgress) => void) | undefined;
    signal?: AbortSignal | undefined;
    expectedCounts?: Record<string, number>;
    checkHeader?: (header: PackageHeader) => void;
    /** Runs on every verified block, awaited before the next one is read (the restore writes it here). */
    onBlock?: (block: PackageBlock) => void | Promise<void>;
  },
): Promise<VerifiedPackage> {
  const opened = await openPackage(open());
  let unlocked;
  try {
    options.signal?.throwIfAborted();
    options.checkHeader?.(opened.header);
    unlocked = await opened.unlock(secret);
  } catch (error) {
    await opened.close();
    throw error;
  }
  const { header } = unlocked;
  const known = options.expectedCounts ?? header.counts ?? header.countsAtStart;
  const done: Record<string, number> = {};
  const body = unlocked.tables();
  let finished = false;
  try {
    for (;;) {
      options.signal?.throwIfAborted();
      const next = await body.next();
      if (next.done) {
        finished = true;
        if (options.expectedCounts && !sameCounts(options.expectedCounts, next.value.counts)) throw new ExchangeError('damaged', { reason: 'counts' });
        return { header, dataKey: unlocked.dataKey, counts: next.value.counts };
      }
      const block = next.value;
      await options.onBlock?.(block);
      const count = (done[block.table] ?? 0) + block.records.length;
      done[block.table] = count;
      // Counts taken when a backup began may be a few short of what it holds.
      options.onProgress?.({ phase: options.phase, table: block.table, done: count, total: Math.max(known?.[block.table] ?? 0, count) });
    }
  } finally {
    // Stopped early (abort, a refused block): let the generator close the file.
    if (!finished) await body.return(undefined as never).catch(() => undefined);
  }
}

/** Exactly the same tables with the same numbers. */
export function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const tables = Object.keys(a);
  return tables.length === Object.keys(b).length && tables.every((table) => Object.hasOwn(b, table) && a[table] === b[table]);
}
