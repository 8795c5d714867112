import { describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../domain/errors';
import { KDF_MIN } from '../../exchange';
import { chunksOf, memoryFile, noise, snapshot, transferOffice } from './testing';
import { checkTransferSize, collectTransfer, writeTransfer } from './transfer';

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

    // The dialog asks first, before the user picks where to save: the same count, the same refusal.
    await expect(checkTransferSize(a.db, caseIds, 'custody')).rejects.toMatchObject({ code: 'transferTooLarge', values: { records, max: records - 1 } });
    expect(await snapshot(a.db)).toEqual(before);

    limit.max = records;
    expect(await checkTransferSize(a.db, caseIds, 'custody')).toBe(records);
    const written = memoryFile();
    const sent = await writeTransfer(a.db, KEYS, written, { caseIds, mode: 'custody', verify: () => chunksOf(written.bytes()) });
    expect(Object.values(sent.counts).reduce((sum, count) => sum + count, 0)).toBe(records);
    expect(written.bytes().byteLength).toBeGreaterThan(0);
  });

  it('counts the stored document bytes, when they go too, as the package carries them', async () => {
    const a = await transferOffice('A', 32);
    const caseIds = (await a.db.cases.toArray()).filter((kase) => !kase.deletedAt).map((kase) => kase.id);
    // Two documents of the first family, one with its bytes stored.
    await a.db.transaction('rw', [a.db.table('documents'), a.db.table('documentFiles')], async () => {
      for (const [i, id] of ['doc-1', 'doc-2'].entries()) {
        await a.db.table('documents').put({ id, kind: 'familyPlan', caseId: caseIds[0], year: 2026, seq: i + 1, registerNumber: `OR-${i + 1}`, deletedAt: null, createdAt: '2026-02-01T00:00:00.000Z' });
      }
      await a.db.table('documentFiles').put({ id: 'doc-1', bytes: noise(1, 500) });
    });
    limit.max = 1_000_000;
    const sent = await writeTransfer(a.db, KEYS, memoryFile(), { caseIds, mode: 'copy', includeDocumentBytes: true });
    expect(sent.counts.documentFiles).toBe(1);
    expect(await checkTransferSize(a.db, caseIds, 'copy', { includeDocumentBytes: true })).toBe(Object.values(sent.counts).reduce((sum, count) => sum + count, 0));
    expect(await checkTransferSize(a.db, caseIds, 'copy')).toBe(Object.values(sent.counts).reduce((sum, count) => sum + count, 0) - sent.counts.documentFiles!);
  });
});
