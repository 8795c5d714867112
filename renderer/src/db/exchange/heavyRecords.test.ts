import type { DBCore, Dexie, DexieOptions, Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { DatabaseDirectory } from '../activeDatabase';
import { HamkorlikDb } from '../db';
import { grant } from '../grants';
import { memoryDexieOptions } from '../testing';
import type { AuditEntry } from '../../domain/audit';
import { writeBackup } from './backup';
import { unlockExchange } from './exchangeKeys';
import { restoreBackup } from './restore';
import { chunksOf, memoryFile, PASSPHRASE, seedOffice, snapshot } from './testing';

/**
 * Memory stays flat however heavy a table's records are. An audit entry of a bulk import lists up to
 * 4,000 record ids (~150 KB); at 100,000 families the audit table alone is ~70 MB of such entries.
 * Counted in records only, a backup read it in one page and a restore wrote it in one batch
 * (docs/BENCH.md). Here 100 entries of ~156 KB each (15 MB): each read and each write holds a few MB.
 */
const HEAVY = 100;
const MB = 1024 * 1024;

/** A random-looking id, as crypto.randomUUID gives (heavy entries lie spread among the light ones), but the same every run. */
function seededId(n: number): string {
  const hex = (x: number) => (Math.imul(x ^ 0x9e3779b9, 2654435761) >>> 0).toString(16).padStart(8, '0');
  return `${hex(n)}-0000-4000-8000-${hex(n + 7919)}${String(n % 10000).padStart(4, '0')}`;
}

function heavyEntry(index: number): AuditEntry {
  const recordIds = Array.from({ length: 4000 }, (_, i) => seededId(index * 4000 + i));
  return {
    id: seededId(1_000_000 + index),
    at: '2026-05-01T00:00:00.000Z',
    userId: 'u',
    installationId: 'i',
    table: 'persons',
    recordId: '*',
    op: 'bulk',
    changes: [],
    bulk: { kind: 'import', count: recordIds.length, recordIds },
  };
}

/** The JSON weight of each audit page read and each audit batch written, through a middleware on every database made with `options`. */
function weighing(): { options: DexieOptions; reads: number[]; writes: number[] } {
  const reads: number[] = [];
  const writes: number[] = [];
  const weigh: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'weigh',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'audit') return table;
        return {
          ...table,
          query: async (req) => {
            const result = await table.query(req);
            reads.push(JSON.stringify(result.result).length);
            return result;
          },
          mutate: (req) => {
            if (req.type === 'put' || req.type === 'add') writes.push(JSON.stringify(req.values).length);
            return table.mutate(req);
          },
        };
      },
    }),
  };
  return { options: { ...memoryDexieOptions(), addons: [(db: Dexie) => void db.use(weigh)] }, reads, writes };
}

describe('heavy records', () => {
  it('a backup reads them a few MB at a time, a restore writes them a few MB at a time, and the office comes back whole', async () => {
    const { options, reads, writes } = weighing();
    const directory = new DatabaseDirectory(options);
    const live = new HamkorlikDb('hamkorlik-data-live', options);
    await live.open();
    await directory.activate(live.name);
    await seedOffice(live);
    await live.transaction('rw', live.audit, (tx) => {
      grant(tx, { restore: true });
      return live.audit.bulkAdd(Array.from({ length: HEAVY }, (_, i) => heavyEntry(i)));
    });
    const before = await snapshot(live);
    const total = JSON.stringify(before.audit).length;
    expect(total).toBeGreaterThan(14 * MB);

    reads.length = 0;
    const file = memoryFile();
    const keys = await unlockExchange(live, { passphrase: PASSPHRASE });
    await writeBackup(live, keys, file, { includeDocumentBytes: true });
    // The first page is 4 entries; the next ones grow to about 4 MB at the last page's average.
    expect(reads.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...reads)).toBeLessThan(6 * MB);

    writes.length = 0;
    const { databaseName } = await restoreBackup(directory, () => chunksOf(file.bytes()), { passphrase: PASSPHRASE }, { actor: live.session! });
    // Blocks are gathered up to 8 MB; the last block added may carry one more block's worth.
    const restoreWrites = writes.slice(0, -1); // the last put is the restore's own audit entry
    expect(restoreWrites.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...restoreWrites)).toBeLessThan(9 * MB);
    expect(restoreWrites.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(total - MB);

    const restored = new HamkorlikDb(databaseName, options);
    restored.session = live.session;
    const after = await snapshot(restored);
    expect(after.audit!.filter((entry) => (entry as AuditEntry).bulk?.kind !== 'restore')).toEqual(before.audit);
    expect(after.persons).toEqual(before.persons);
    restored.close();
  }, 120_000);
});
