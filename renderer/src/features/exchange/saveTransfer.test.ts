import { describe, expect, it } from 'vitest';
import { applyTransfer, importReceipt, pendingTransfers, planMerge, previewTransfer } from '../../db/exchange';
import { snapshot, transferOffice } from '../../db/exchange/testing';
import { newRecordMeta } from '../../domain/record';
import { KDF_MIN } from '../../exchange';
import { createMemoryHost } from '../../host/memoryHost';
import { openHostSource } from '../../host/streams';
import { chooseAll, conflictKey, recordDecisions, recordName, undecidedCount } from './conflicts';
import { saveReceipt, saveTransfer } from './saveTransfer';
import { describeFailure } from './exchangeMessages';
import { DomainError } from '../../domain/errors';

const KEYS = { passphrase: 'Buxoro–Gʻijduvon 2026', kdf: KDF_MIN };
const SECRET = { passphrase: KEYS.passphrase };

describe('sending and receiving cases through the host, as the dialogs do', () => {
  it('a custody transfer saved to a file, previewed, decided, applied, and its receipt imported back', async () => {
    const a = await transferOffice('UI-A', 11);
    const b = await transferOffice('UI-B', 12);
    const hostA = createMemoryHost();
    const hostB = createMemoryHost();
    const kase = (await a.db.cases.filter((c) => c.deletedAt === null).first())!;
    // B already knows one of the family under its own id, with a note of its own: one conflict to decide.
    const membership = (await a.db.memberships.where('caseId').equals(kase.id).toArray()).map((m) => m.personId);
    const known = (await a.db.persons.bulkGet(membership)).find((p) => p?.pinfl)!;
    const bPersonId = crypto.randomUUID();
    await b.db.persons.put({ ...known, ...newRecordMeta(b.db.writeContext(), bPersonId), healthNotes: 'Bʼs note' });

    let bytes = 0;
    const sent = await saveTransfer({ host: hostA, db: a.db }, KEYS, {
      caseIds: [kase.id],
      mode: 'custody',
      includeDocumentBytes: false,
      fileName: 'Hamkorlik-transfer-A-24.11.2026.hmk',
      filterName: 'Transfer',
      signal: new AbortController().signal,
      onBytes: (n) => (bytes = n),
    });
    expect(sent.ok && sent.value.counts.cases).toBe(1);
    const file = hostA.saved.get('Hamkorlik-transfer-A-24.11.2026.hmk')!;
    expect(bytes).toBe(file.byteLength);
    expect((await pendingTransfers(a.db))[0]).toMatchObject({ fileName: 'Hamkorlik-transfer-A-24.11.2026.hmk', caseIds: [kase.id] });

    hostB.toOpen.push({ name: 'transfer.hmk', bytes: file });
    const source = await openHostSource(hostB, { filters: [] });
    if (!source.ok) throw new Error('not opened');
    const preview = await previewTransfer(b.db, () => source.value.open(), SECRET);
    const plan = await planMerge(b.db, preview);
    expect(plan.conflicts.map((c) => recordName(preview, c.table, c.id, 'uz-Latn'))).toEqual([expect.stringContaining(known.surname.latn)]);
    expect(undecidedCount(plan.conflicts, {})).toBe(1);
    const choices = { ...chooseAll(plan.conflicts, 'local'), [conflictKey('persons', bPersonId, ['healthNotes'])]: 'incoming' as const };
    expect(undecidedCount(plan.conflicts, choices)).toBe(0);
    const applied = await applyTransfer(b.db, plan, recordDecisions(plan.conflicts, choices), { fileName: source.value.name });
    expect((await b.db.persons.get(bPersonId))!.healthNotes).toBe(known.healthNotes);
    expect(applied.log.decisions).toHaveLength(1);

    const receipt = await saveReceipt({ host: hostB, db: b.db }, KEYS, applied.receipt!, { peer: applied.log.peer!, fileName: 'receipt.hmk', filterName: 'Transfer' });
    expect(receipt.ok).toBe(true);
    const imported = await importReceipt(a.db, () => [hostB.saved.get('receipt.hmk')!], SECRET);
    expect(imported.marked).toEqual([kase.id]);
    expect(await pendingTransfers(a.db)).toEqual([]);
  });

  it('a Cancel while writing leaves no file and the cases as they were', async () => {
    const a = await transferOffice('UI-C', 11);
    const host = createMemoryHost();
    const kase = (await a.db.cases.filter((c) => c.deletedAt === null).first())!;
    const before = await snapshot(a.db);
    const controller = new AbortController();
    controller.abort();
    await expect(
      saveTransfer({ host, db: a.db }, KEYS, { caseIds: [kase.id], mode: 'custody', includeDocumentBytes: false, fileName: 'x.hmk', filterName: 'T', signal: controller.signal, onBytes: () => undefined }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(host.saved.size).toBe(0);
    expect(await snapshot(a.db)).toEqual(before);
  });

  it('a file the host could not put in place (a full stick) records no transfer: the case stays as it was', async () => {
    const a = await transferOffice('UI-D', 11);
    const host = createMemoryHost();
    host.writeStreamCommit = async () => ({ ok: false, error: { code: 'disk-full' } });
    const kase = (await a.db.cases.filter((c) => c.deletedAt === null).first())!;
    const before = await snapshot(a.db);
    const sent = await saveTransfer({ host, db: a.db }, KEYS, { caseIds: [kase.id], mode: 'custody', includeDocumentBytes: false, fileName: 'x.hmk', filterName: 'T', signal: new AbortController().signal, onBytes: () => undefined });
    expect(sent).toEqual({ ok: false, error: { code: 'disk-full' } });
    expect(await snapshot(a.db)).toEqual(before);
    expect(await pendingTransfers(a.db)).toEqual([]);
  });

  it('a file saved whole whose sending this office then cannot record says so: the file is named, with the reason, not to be handed over', async () => {
    const a = await transferOffice('UI-E', 11);
    const host = createMemoryHost();
    const kase = (await a.db.cases.filter((c) => c.deletedAt === null).first())!;
    // The database refuses the write that records the transfer (a full disk), after the file is in place.
    const transaction = a.db.transaction.bind(a.db);
    a.db.transaction = ((mode: string, ...rest: unknown[]) =>
      mode === 'rw' ? Promise.reject(new DomainError('storageFull')) : (transaction as (...args: unknown[]) => unknown)(mode, ...rest)) as typeof a.db.transaction;
    const failed = await saveTransfer({ host, db: a.db }, KEYS, { caseIds: [kase.id], mode: 'custody', includeDocumentBytes: false, fileName: 'x.hmk', filterName: 'T', signal: new AbortController().signal, onBytes: () => undefined }).catch(
      (error: unknown) => error,
    );
    expect(host.saved.has('x.hmk')).toBe(true);
    expect(describeFailure(failed)).toEqual({ key: 'exchange:transferError.notRecorded', values: { name: 'x.hmk' }, cause: { key: 'errors:domain.storageFull' } });
    a.db.transaction = transaction;
    expect((await a.db.cases.get(kase.id))!.custody.transferredOut).toBeFalsy();
  });
});
