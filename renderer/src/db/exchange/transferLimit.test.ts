import { describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../domain/errors';
import { KDF_MIN } from '../../exchange';
import { chunksOf, memoryFile, snapshot, transferOffice } from './testing';
import { collectTransfer, writeTransfer } from './transfer';

// The real limit (200,000 records) would take a large office to reach; the rule is the same at any limit.
const limit = vi.hoisted(() => ({ max: 0 }));
vi.mock('./transferTables', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./transferTables')>();
  return {
    ...actual,
    get MAX_TRANSFER_RECORDS() {
      return limit.max;
    },
  };
});

const KEYS = { passphrase: 'Buxoro–Gʻijduvon 2026', kdf: KDF_MIN };

describe('a transfer larger than a receiving office opens', () => {
  it('is refused before a byte is written, saying how many records against the limit; at the limit it is written', async () => {
    const a = await transferOffice('A', 31);
    const caseIds = (await a.db.cases.toArray()).filter((kase) => !kase.deletedAt).map((kase) => kase.id);
    const contents = await collectTransfer(a.db, caseIds, 'custody');
    // What the file carries: the manifest, the records and the reference entries.
    const records = 1 + [...Object.values(contents.tables), ...Object.values(contents.refs)].reduce((sum, table) => sum + table.length, 0);
    const before = await snapshot(a.db);

    limit.max = records - 1;
    const refused = memoryFile();
    const error = await writeTransfer(a.db, KEYS, refused, { caseIds, mode: 'custody' }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'transferTooLarge', values: { records, max: records - 1 } });
    expect(refused.bytes().byteLength).toBe(0);
    // Nothing recorded: the cases are not marked as sent, no base copies, no log entry.
    expect(await snapshot(a.db)).toEqual(before);

    limit.max = records;
    const written = memoryFile();
    const sent = await writeTransfer(a.db, KEYS, written, { caseIds, mode: 'custody', verify: () => chunksOf(written.bytes()) });
    expect(Object.values(sent.counts).reduce((sum, count) => sum + count, 0)).toBe(records);
    expect(written.bytes().byteLength).toBeGreaterThan(0);
  });
});
