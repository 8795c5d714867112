import { describe, expect, it } from 'vitest';
import type { HamkorlikDb } from '../db';
import { addMember, deleteCase, endMembership, purgeCase } from '../repositories/cases';
import { facetCounts, queryCases, transferredCases } from '../repositories/caseQueries';
import { caseMonitoringStatus } from '../repositories/monitorings';
import type { IsoDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import type { FamilyCase } from '../../domain/familyCase';
import type { FamilyPlan } from '../../domain/plan';
import { mahallaKey } from '../../domain/mahalla';
import { nameSearchKeys } from '../../domain/searchKey';
import { newRecordMeta, touched } from '../../domain/record';
import { KDF_MIN } from '../../exchange';
import { applyTransfer } from './apply';
import { planMerge } from './mergePlan';
import { importReceipt, writeReceipt } from './receipt';
import { previewTransfer } from './receive';
import { chunksOf, memoryFile, noise, snapshot, transferOffice } from './testing';
import { decidedRecords, exchangeLogEntries, pendingTransfers } from './exchangeLog';
import { setUpExchange, unlockExchange } from './exchangeKeys';
import { caseIdsOfMahalla, collectTransfer, writeTransfer } from './transfer';
import { NOT_TRANSFERRED, REF_TABLES, TRANSFER_TABLES } from './transferTables';
import { readReportInput } from '../repositories/reports';
import { computeIndicators, month } from '../../reports';

const KEYS = { passphrase: 'Buxoro–Gʻijduvon 2026', kdf: KDF_MIN };
const SECRET = { passphrase: KEYS.passphrase };
const open = (bytes: Uint8Array) => () => chunksOf(bytes);

/** A live case with at least two members, one of them with a PINFL. */
async function familyWithPinfl(db: HamkorlikDb, skip: string[] = []): Promise<{ kase: FamilyCase; pinflPersonId: string }> {
  for (const kase of await db.cases.toArray()) {
    if (kase.deletedAt || skip.includes(kase.id)) continue;
    const memberships = await db.memberships.where('caseId').equals(kase.id).toArray();
    const persons = await db.persons.bulkGet(memberships.map((m) => m.personId));
    const withPinfl = persons.find((p) => p?.pinfl);
    if (memberships.length >= 2 && withPinfl) return { kase, pinflPersonId: withPinfl.id };
  }
  throw new Error('no family with a PINFL');
}

async function send(db: HamkorlikDb, caseIds: string[], mode: 'custody' | 'copy', recipient?: Awaited<ReturnType<typeof transferOffice>>['peer']) {
  const file = memoryFile();
  const result = await writeTransfer(db, KEYS, file, { caseIds, mode, ...(recipient ? { recipient } : {}), fileName: 'transfer.hmkx', verify: () => chunksOf(file.bytes()) });
  return { ...result, bytes: file.bytes() };
}

/** Previews, plans and applies a transfer at `db`, every conflict decided for this office's value. */
async function receive(db: HamkorlikDb, bytes: Uint8Array) {
  const plan = await planMerge(db, await previewTransfer(db, open(bytes), SECRET));
  const decided = plan.conflicts.map((record) => ({ table: record.table, id: record.id, decisions: record.conflicts.map((c) => ({ path: [...c.path], take: 'local' as const })) }));
  return { plan, applied: await applyTransfer(db, plan, decided) };
}

describe('what a transfer carries', () => {
  it('names every table of the current schema as sent with a case, as a reference, or left here for a stated reason: a new table fails here until decided', async () => {
    const { db } = await transferOffice('coverage', 3, 1);
    const named = [...TRANSFER_TABLES, ...REF_TABLES, ...Object.keys(NOT_TRANSFERRED)];
    expect(new Set(named).size).toBe(named.length);
    expect([...named].sort()).toEqual(db.tables.map((table) => table.name).sort());
  });

  it('"all cases of a mahalla" are its cases that are not deleted, and no case of another mahalla', async () => {
    const { db } = await transferOffice('by-mahalla', 4, 30);
    const cases = await db.cases.toArray();
    const sizes = new Map<string, number>();
    for (const kase of cases) sizes.set(kase.address.mahallaId, (sizes.get(kase.address.mahallaId) ?? 0) + 1);
    const [mahallaId] = [...sizes].sort((a, b) => b[1] - a[1])[0]!;
    const [gone] = cases.filter((kase) => kase.address.mahallaId === mahallaId);
    await deleteCase(db, gone!.id);
    const expected = cases.filter((kase) => kase.address.mahallaId === mahallaId && kase.id !== gone!.id).map((kase) => kase.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(cases.some((kase) => kase.address.mahallaId !== mahallaId)).toBe(true);
    expect((await caseIdsOfMahalla(db, mahallaId)).sort()).toEqual(expected.sort());
  });
});

describe('a custody transfer between two offices', () => {
  it('A sends case X → B previews and applies (one person known by PINFL) → X is read-only at A → B’s receipt marks it received at A', async () => {
    const a = await transferOffice('A', 11);
    const b = await transferOffice('B', 12);
    const { kase: x, pinflPersonId } = await familyWithPinfl(a.db);
    await a.db.assessments.put({ ...newRecordMeta(a.db.writeContext()), caseId: x.id, version: 1, status: 'draft', children: [], family: {}, conclusion: '' } as never);
    // B already knows one member of X, under its own id (entered there from another referral).
    const known = (await a.db.persons.get(pinflPersonId))!;
    const bPersonId = crypto.randomUUID();
    await b.db.persons.put({ ...known, ...newRecordMeta(b.db.writeContext(), bPersonId), healthNotes: 'Bʼs note' });

    const listBefore = await queryCases(a.db, {}, { field: 'updatedAt', direction: 'desc' }, 0, 1000);
    const november = async () => computeIndicators(await readReportInput(a.db, a.db.session!), month(2026, 11), { officeOffsetMinutes: 300 }).families;
    const reportBefore = await november();
    const wasOpen = reportBefore.openAtEnd.caseIds.includes(x.id);
    const sent = await send(a.db, [x.id], 'custody', b.peer);
    // A's report for the month: X (open) is no longer open at its end, and counts as transferred out.
    const reportAfter = await november();
    expect(reportAfter.openAtEnd.caseIds).not.toContain(x.id);
    expect(wasOpen).toBe(true);
    expect(reportAfter.openAtEnd.families).toBe(reportBefore.openAtEnd.families - 1);
    expect(reportAfter.transferredOut.caseIds).toContain(x.id);
    // It leaves A's lists and counts, and is listed apart.
    const listAfter = await queryCases(a.db, {}, { field: 'updatedAt', direction: 'desc' }, 0, 1000);
    expect(listAfter.total).toBe(listBefore.total - 1);
    expect(listAfter.rows.map((kase) => kase.id)).not.toContain(x.id);
    expect((await facetCounts(a.db)).all).toBe(listAfter.total);
    const sameStage = await queryCases(a.db, { stage: x.stage }, { field: 'updatedAt', direction: 'desc' }, 0, 1000);
    expect(sameStage.rows.map((kase) => kase.id)).not.toContain(x.id);
    expect(sameStage.total).toBe(sameStage.rows.length);
    expect((await transferredCases(a.db)).map((kase) => kase.id)).toEqual([x.id]);
    expect(sent.counts).toMatchObject({ transfer: 1, cases: 1, assessments: 1, ref_users: expect.any(Number) });
    expect(await a.db.exchangeBases.where('[table+recordId]').equals(['cases', x.id]).count()).toBe(1);

    // B has X's mahalla under its own id, spelt with "MFY".
    const xMahalla = (await a.db.mahallas.get(x.address.mahallaId))!;
    await b.db.mahallas.put({ ...xMahalla, ...newRecordMeta(b.db.writeContext()), name: { ...xMahalla.name, uzLatn: `${xMahalla.name.uzLatn} MFY` } });
    const preview = await previewTransfer(b.db, open(sent.bytes), SECRET);
    const mahallaRef = preview.refs.find((ref) => ref.table === 'mahallas' && ref.id === x.address.mahallaId)!;
    expect(mahallaRef.match).toBe('none');
    expect(mahallaKey((await b.db.mahallas.get(mahallaRef.suggestion!))!.name.uzLatn)).toBe(mahallaKey(xMahalla.name.uzLatn));
    expect(preview).toMatchObject({ mode: 'custody', transferId: sent.transferId, source: { districtCode: a.office.districtCode } });
    expect(preview.cases).toEqual([{ id: x.id, caseNumber: x.caseNumber, head: x.summary.head, status: 'new' }]);
    expect(preview.records.find((r) => r.id === pinflPersonId)).toEqual({ table: 'persons', id: pinflPersonId, status: 'samePerson', localId: bPersonId });
    const manager = preview.refs.find((ref) => ref.table === 'users' && ref.id === x.caseManagerId)!;
    expect(manager.match).toBe('none');
    expect(Object.keys(manager.record).sort()).toEqual(['fullName', 'id', 'position']);

    await expect(planMerge(b.db, preview, { refMap: { [`users:${x.caseManagerId}`]: 'nobody-here' } })).rejects.toMatchObject({ code: 'invalidInput' });
    const plan = await planMerge(b.db, preview, { refMap: { [`users:${x.caseManagerId}`]: b.userId, [`mahallas:${x.address.mahallaId}`]: mahallaRef.suggestion! } });
    // Linked without a base: the one field that differs is for a person to decide.
    expect(plan.conflicts).toEqual([{ table: 'persons', id: bPersonId, baseKnown: false, conflicts: [{ path: ['healthNotes'], base: undefined, local: 'Bʼs note', incoming: known.healthNotes }] }]);
    expect(plan.unmatchedRefs).not.toContain(`users:${x.caseManagerId}`);
    await expect(applyTransfer(b.db, plan, [])).rejects.toMatchObject({ code: 'invalidInput', details: { reason: 'undecidedConflict' } });
    expect(await b.db.cases.get(x.id)).toBeUndefined();

    const applied = await applyTransfer(b.db, plan, [{ table: 'persons', id: bPersonId, decisions: [{ path: ['healthNotes'], take: 'local' }] }], { fileName: 'transfer.hmkx' });
    // The same plan applied again (a second click): refused, written and logged once.
    await expect(applyTransfer(b.db, plan, [{ table: 'persons', id: bPersonId, decisions: [{ path: ['healthNotes'], take: 'local' }] }])).rejects.toMatchObject({ code: 'invalidInput', details: { reason: 'alreadyReceived' } });
    expect((await b.db.exchangeLog.where('transferId').equals(sent.transferId).toArray()).length).toBe(1);
    const arrived = (await b.db.cases.get(x.id))!;
    expect(arrived.custody).toEqual({ districtCode: b.office.districtCode, since: '2026-11-24T10:00:00.000Z' });
    expect(arrived.caseManagerId).toBe(b.userId);
    expect(arrived.address.mahallaId).toBe(mahallaRef.suggestion);
    expect(arrived.summary).toEqual(x.summary);
    const memberships = await b.db.memberships.where('caseId').equals(x.id).toArray();
    expect(memberships.map((m) => m.personId)).toContain(bPersonId);
    expect(memberships.map((m) => m.personId)).not.toContain(pinflPersonId);
    expect(await b.db.persons.get(pinflPersonId)).toBeUndefined();
    expect((await b.db.persons.get(bPersonId))!.healthNotes).toBe('Bʼs note');
    expect(await b.db.assessments.where('caseId').equals(x.id).count()).toBe(1);
    expect(applied.log).toMatchObject({ kind: 'transfer', direction: 'import', mode: 'custody', linkedPersons: [{ incomingId: pinflPersonId, localId: bPersonId }] });
    expect(applied.log.decisions).toEqual([{ table: 'persons', recordId: bPersonId, path: ['healthNotes'], take: 'local', base: undefined, local: 'Bʼs note', incoming: known.healthNotes, value: 'Bʼs note' }]);
    expect(await b.db.exchangeLog.get(applied.log.id)).toBeTruthy();
    const audited = await b.db.audit.where('[table+recordId]').equals(['cases', x.id]).toArray();
    expect(audited.map((entry) => entry.op)).toContain('create');

    // Sent again (a copy, as for reporting), the linked person merges against the base its link stored: B's own note stays, nothing to decide.
    const again = await send(a.db, [x.id], 'copy', b.peer);
    const replan = await planMerge(b.db, await previewTransfer(b.db, open(again.bytes), SECRET), { refMap: { [`users:${x.caseManagerId}`]: b.userId, [`mahallas:${x.address.mahallaId}`]: mahallaRef.suggestion! } });
    expect(replan.conflicts).toEqual([]);
    expect(replan.records.find((r) => r.table === 'persons' && r.id === bPersonId)!.result.kind).toBe('keepLocal');
    // The same references mapped the same way: both sides made the same change to the case, so nothing to write.
    expect(replan.records.find((r) => r.table === 'cases')!.result.kind).toBe('same');

    // A corrects that person's PINFL and sends the case again: B still finds the person it linked
    // (by the link, the PINFL no longer matches), who takes the corrected PINFL — not a refused import.
    const correctedPinfl = `${known.pinfl!.slice(0, -1)}${(Number(known.pinfl!.at(-1)) + 1) % 10}`;
    await a.db.persons.put(touched((await a.db.persons.get(pinflPersonId))!, { pinfl: correctedPinfl }, a.db.writeContext()));
    const correctedPreview = await previewTransfer(b.db, open((await send(a.db, [x.id], 'copy', b.peer)).bytes), SECRET);
    expect(correctedPreview.records.find((r) => r.table === 'persons' && r.id === pinflPersonId)).toEqual({ table: 'persons', id: pinflPersonId, status: 'samePerson', localId: bPersonId });
    const correctedPlan = await planMerge(b.db, correctedPreview, { refMap: { [`users:${x.caseManagerId}`]: b.userId, [`mahallas:${x.address.mahallaId}`]: mahallaRef.suggestion! } });
    expect(correctedPlan.conflicts).toEqual([]);
    const linkedResult = correctedPlan.records.find((r) => r.table === 'persons' && r.id === bPersonId)!.result;
    expect(linkedResult.kind).toBe('merged');
    expect(linkedResult.value).toMatchObject({ id: bPersonId, pinfl: correctedPinfl, healthNotes: 'Bʼs note' });

    // At A, the case left: every change is refused with its own code; reading still works.
    const atA = (await a.db.cases.get(x.id))!;
    // Each side's history of the case says where it went and where it came from; the stage is unchanged.
    const custodySteps = async (db: typeof a.db) => (await db.caseHistory.where('caseId').equals(x.id).toArray()).filter((entry) => entry.kind.startsWith('custody'));
    expect(await custodySteps(a.db)).toEqual([expect.objectContaining({ kind: 'custodySent', from: x.stage, to: x.stage, custody: { transferId: sent.transferId, districtCode: b.office.districtCode, officeName: b.office.name } })]);
    expect(await custodySteps(b.db)).toEqual([expect.objectContaining({ kind: 'custodyReceived', from: x.stage, to: x.stage, custody: { transferId: sent.transferId, districtCode: a.office.districtCode, officeName: a.office.name } })]);
    expect(atA.custody.transferredOut).toEqual({ transferId: sent.transferId, at: '2026-11-24T10:00:00.000Z', to: { districtCode: b.office.districtCode }, receivedAt: null });
    await expect(deleteCase(a.db, x.id)).rejects.toEqual(new DomainError('caseTransferred', x.id));
    const membership = (await a.db.memberships.where('caseId').equals(x.id).first())!;
    await expect(endMembership(a.db, membership.id, '2026-11-01' as IsoDate)).rejects.toMatchObject({ code: 'caseTransferred' });
    await expect(send(a.db, [x.id], 'custody')).rejects.toMatchObject({ code: 'caseTransferred' });

    expect(await pendingTransfers(a.db)).toEqual([{ transferId: sent.transferId, at: '2026-11-24T10:00:00.000Z', peer: b.peer, fileName: 'transfer.hmkx', caseIds: [x.id] }]);
    // A receipt the host could not put in place (a full stick) is not logged as written.
    const failedCommit = new Error('disk-full');
    await expect(writeReceipt(b.db, KEYS, memoryFile(), applied.receipt!, { peer: a.peer, commit: async () => Promise.reject(failedCommit) })).rejects.toBe(failedCommit);
    expect((await exchangeLogEntries(b.db)).filter((entry) => entry.kind === 'receipt')).toEqual([]);
    // A third office that knows the passphrase cannot take the custody with a receipt of its own.
    const c = await transferOffice('C-receipt', 13);
    expect(c.office.districtCode).not.toBe(b.office.districtCode);
    const forged = memoryFile();
    await writeReceipt(c.db, KEYS, forged, applied.receipt!, { peer: a.peer });
    const beforeForged = await snapshot(a.db);
    await expect(importReceipt(a.db, open(forged.bytes()), SECRET)).rejects.toMatchObject({ code: 'invalidInput', details: { reason: 'receiptOtherOffice' } });
    expect(await snapshot(a.db)).toEqual(beforeForged);
    const receiptFile = memoryFile();
    await writeReceipt(b.db, KEYS, receiptFile, applied.receipt!, { peer: a.peer });
    const imported = await importReceipt(a.db, open(receiptFile.bytes()), SECRET, { fileName: 'receipt.hmkx' });
    expect(imported).toEqual({ transferId: sent.transferId, marked: [x.id] });
    const received = (await a.db.cases.get(x.id))!;
    expect(received.custody).toMatchObject({ districtCode: b.office.districtCode, transferredOut: { receivedAt: '2026-11-24T10:00:00.000Z' } });
    expect(await importReceipt(a.db, open(receiptFile.bytes()), SECRET)).toEqual({ transferId: sent.transferId, marked: [] });
    expect(await pendingTransfers(a.db)).toEqual([]);
    expect((await exchangeLogEntries(b.db)).map((entry) => `${entry.kind} ${entry.direction} ${entry.mode}`).sort()).toEqual(['receipt export custody', 'transfer import custody']);
    const log = await a.db.exchangeLog.where('transferId').equals(sent.transferId).toArray();
    expect(log.map((entry) => `${entry.kind} ${entry.direction}`).sort()).toEqual(['receipt import', 'receipt import', 'transfer export']);

    // Purging the case at B takes its base copies with it: they hold the same values.
    expect(await b.db.exchangeBases.where('[table+recordId]').equals(['cases', x.id]).count()).toBe(1);
    await deleteCase(b.db, x.id);
    await purgeCase(b.db, x.id);
    expect(await b.db.exchangeBases.where('[table+recordId]').equals(['cases', x.id]).count()).toBe(0);
    expect(await b.db.exchangeBases.where('[table+recordId]').equals(['memberships', membership.id]).count()).toBe(0);
  });
});

describe('two custody sends of one case at the same moment', () => {
  it('the second is refused while the first is written, so only one file hands the case over; once it is done, a copy may go', async () => {
    const a = await transferOffice('A-twice', 21, 3);
    const [x] = (await a.db.cases.toArray()).filter((kase) => !kase.deletedAt);
    const first = send(a.db, [x!.id], 'custody');
    await expect(send(a.db, [x!.id], 'custody')).rejects.toEqual(new DomainError('transferRunning', x!.id));
    const sent = await first;
    expect((await a.db.cases.get(x!.id))!.custody.transferredOut?.transferId).toBe(sent.transferId);
    expect((await exchangeLogEntries(a.db)).filter((entry) => entry.direction === 'export')).toHaveLength(1);
    // Once written, the case is handed over: a second custody send is refused for that reason, a copy still goes.
    await expect(send(a.db, [x!.id], 'custody')).rejects.toMatchObject({ code: 'caseTransferred' });
    await expect(send(a.db, [x!.id], 'copy')).resolves.toMatchObject({ counts: { cases: 1 } });
  });

  it('a send that fails lets the case go in the next one', async () => {
    const a = await transferOffice('A-failed', 22, 3);
    const [x] = (await a.db.cases.toArray()).filter((kase) => !kase.deletedAt);
    const full = new Error('disk-full');
    await expect(writeTransfer(a.db, KEYS, memoryFile(), { caseIds: [x!.id], mode: 'custody', commit: async () => Promise.reject(full) })).rejects.toBe(full);
    await expect(send(a.db, [x!.id], 'custody')).resolves.toMatchObject({ counts: { cases: 1 } });
  });
});

describe('a copy sent there and back', () => {
  it('edits on both sides merge; the same field edited on both sides is the one conflict; resolved, it applies', async () => {
    const a = await transferOffice('A2', 11);
    const b = await transferOffice('B2', 12);
    const { kase: y } = await familyWithPinfl(a.db);
    const there = await send(a.db, [y.id], 'copy', b.peer);
    expect((await a.db.cases.get(y.id))!.custody.transferredOut).toBeUndefined();
    const first = await planMerge(b.db, await previewTransfer(b.db, open(there.bytes), SECRET));
    expect(first.conflicts).toEqual([]);
    await applyTransfer(b.db, first);
    expect((await b.db.cases.get(y.id))!.custody.districtCode).toBe(y.custody.districtCode);

    // Both offices keep working: the phones on both sides, the street at B, the house at A.
    const edit = async (db: HamkorlikDb, changes: (kase: FamilyCase) => Partial<FamilyCase>) => {
      const kase = (await db.cases.get(y.id))!;
      await db.cases.put(touched(kase, changes(kase), db.writeContext()));
    };
    // The due dates differ too, as two offices' repositories may keep them: derived, so recomputed, never a conflict.
    await edit(a.db, (kase) => ({ phones: ['+998 90 111 11 11'], address: { ...kase.address, house: '12A' }, monitoringDue: '2027-01-01' as IsoDate }));
    await edit(b.db, (kase) => ({ phones: ['+998 90 222 22 22'], address: { ...kase.address, street: 'Mustaqillik' }, monitoringDue: '2027-02-02' as IsoDate }));

    // B also takes a member out of the family (a deletion, which travels as a tombstone).
    const leaving = (await b.db.memberships.where('caseId').equals(y.id).filter((m) => m.deletedAt === null && m.to === null && m.relation !== 'head').first())!;
    await b.db.memberships.put({ ...touched(leaving, {}, b.db.writeContext()), deletedAt: '2026-11-24T10:00:00.000Z' });

    const back = await send(b.db, [y.id], 'copy', a.peer);
    const preview = await previewTransfer(a.db, open(back.bytes), SECRET);
    expect(preview.cases[0]!.status).toBe('seen');
    const plan = await planMerge(a.db, preview);
    expect(plan.conflicts).toEqual([{ table: 'cases', id: y.id, baseKnown: true, conflicts: [{ path: ['phones'], base: y.phones, local: ['+998 90 111 11 11'], incoming: ['+998 90 222 22 22'] }] }]);
    expect(plan.records.find((r) => r.id === leaving.id)!.result.kind).toBe('takeIncoming');
    expect(plan.records.filter((r) => r.table !== 'cases' && r.id !== leaving.id).every((r) => r.result.kind === 'same')).toBe(true);

    // Someone at A changes the case after the plan was made: the plan is stale, nothing is written; planned again, it applies.
    const planned = (await a.db.cases.get(y.id))!;
    await edit(a.db, () => ({}));
    await expect(applyTransfer(a.db, plan, [{ table: 'cases', id: y.id, decisions: [{ path: ['phones'], take: 'incoming' }] }])).rejects.toMatchObject({ code: 'staleRevision' });
    expect((await a.db.cases.get(y.id))!.phones).toEqual(planned.phones);
    const replanned = await planMerge(a.db, preview);
    const applied = await applyTransfer(a.db, replanned, [{ table: 'cases', id: y.id, decisions: [{ path: ['phones'], take: 'incoming' }] }]);
    const merged = (await a.db.cases.get(y.id))!;
    expect(merged.phones).toEqual(['+998 90 222 22 22']);
    expect(merged.address).toMatchObject({ street: 'Mustaqillik', house: '12A' });
    expect(merged.custody).toEqual(y.custody);
    expect(merged.monitoringDue).toBe((await caseMonitoringStatus(a.db, merged, '2026-11-24' as IsoDate))?.next ?? null);
    expect((await a.db.memberships.get(leaving.id))!.deletedAt).toBe('2026-11-24T10:00:00.000Z');
    // The summary is recomputed from the members as they are now.
    expect(merged.summary.members).toBe(y.summary.members - 1);
    expect(applied.receipt).toBeNull();
    expect(applied.log.outcomes).toMatchObject({ conflict: 1 });
    expect(applied.log.written).toEqual([
      { table: 'cases', recordId: y.id, outcome: 'conflict' },
      { table: 'memberships', recordId: leaving.id, outcome: 'takeIncoming' },
    ]);
    // The log keeps the decision with all three values, and the record it was about can be named from here.
    expect(applied.log.decisions).toEqual([{ table: 'cases', recordId: y.id, path: ['phones'], take: 'incoming', base: y.phones, local: ['+998 90 111 11 11'], incoming: ['+998 90 222 22 22'], value: ['+998 90 222 22 22'] }]);
    expect((await decidedRecords(a.db, applied.log.decisions!)).cases!.map((kase) => kase.caseNumber)).toEqual([y.caseNumber]);

    // The applied plan again (a second click): the transfer was received, nothing is written twice.
    await expect(applyTransfer(a.db, replanned, [{ table: 'cases', id: y.id, decisions: [{ path: ['phones'], take: 'incoming' }] }])).rejects.toMatchObject({ code: 'invalidInput', details: { reason: 'alreadyReceived' } });
  });
});

describe("a plan's goals and actions edited at both offices", () => {
  it('edits to different actions merge with nothing to decide; an action added under a goal the other office removed goes to a person, not silently kept', async () => {
    const a = await transferOffice('A-plan', 31);
    const b = await transferOffice('B-plan', 32);
    const { kase: y } = await familyWithPinfl(a.db);
    const goal = (id: string) => ({ id, text: `goal ${id}`, domains: ['education' as const], personId: null });
    const action = (id: string, goalId: string, status: FamilyPlan['actions'][number]['status'] = 'planned', description = `action ${id}`) => ({
      id,
      goalId,
      description,
      responsible: { kind: 'member' as const, personId: 'p' },
      deadline: '2026-12-20' as IsoDate,
      status,
      droppedReason: '',
    });
    const planId = crypto.randomUUID();
    await a.db.plans.put({ ...newRecordMeta(a.db.writeContext(), planId), caseId: y.id, revision: 1, status: 'draft', goals: [goal('g1'), goal('g2')], actions: [action('a1', 'g1'), action('a2', 'g2')], participants: [], approval: null });
    const editPlan = async (db: HamkorlikDb, changes: (plan: FamilyPlan) => Partial<FamilyPlan>) => {
      const plan = (await db.plans.get(planId))!;
      await db.plans.put(touched(plan, changes(plan), db.writeContext()));
    };
    await applyTransfer(b.db, await planMerge(b.db, await previewTransfer(b.db, open((await send(a.db, [y.id], 'copy', b.peer)).bytes), SECRET)));

    // A marks the first action done, B rewords the second: both kept, no question.
    await editPlan(a.db, (plan) => ({ actions: [action('a1', 'g1', 'done'), plan.actions[1]!] }));
    await editPlan(b.db, (plan) => ({ actions: [plan.actions[0]!, action('a2', 'g2', 'planned', 'reworded at B')] }));
    const merged = await planMerge(a.db, await previewTransfer(a.db, open((await send(b.db, [y.id], 'copy', a.peer)).bytes), SECRET));
    expect(merged.conflicts).toEqual([]);
    await applyTransfer(a.db, merged);
    expect((await a.db.plans.get(planId))!.actions).toEqual([action('a1', 'g1', 'done'), action('a2', 'g2', 'planned', 'reworded at B')]);

    // Then A removes the second goal with its action, while B adds an action under that goal.
    await applyTransfer(b.db, await planMerge(b.db, await previewTransfer(b.db, open((await send(a.db, [y.id], 'copy', b.peer)).bytes), SECRET)));
    await editPlan(a.db, (plan) => ({ goals: [plan.goals[0]!], actions: [plan.actions[0]!] }));
    await editPlan(b.db, (plan) => ({ actions: [...plan.actions, action('a3', 'g2')] }));
    const orphaning = await planMerge(a.db, await previewTransfer(a.db, open((await send(b.db, [y.id], 'copy', a.peer)).bytes), SECRET));
    expect(orphaning.conflicts.map((record) => [record.table, record.conflicts.map((c) => c.path)])).toEqual([['plans', [['actions']]]]);
    // Taking B's actions would keep a3 without its goal: refused, the case named, nothing written; A's actions apply.
    const before = await snapshot(a.db);
    const takeTheirs = [{ table: 'plans' as const, id: planId, decisions: [{ path: ['actions'], take: 'incoming' as const }] }];
    await expect(applyTransfer(a.db, orphaning, takeTheirs)).rejects.toMatchObject({ code: 'invalidInput', details: { reason: 'planGoalMissing', caseNumber: y.caseNumber } });
    expect(await snapshot(a.db)).toEqual(before);
    await applyTransfer(a.db, orphaning, [{ table: 'plans', id: planId, decisions: [{ path: ['actions'], take: 'local' }] }]);
    expect((await a.db.plans.get(planId))!.actions.map((act) => act.id)).toEqual(['a1']);

    // Item by item too: A removes goal g1 with its action, B edits that action. Taking B's action back would orphan it.
    await applyTransfer(b.db, await planMerge(b.db, await previewTransfer(b.db, open((await send(a.db, [y.id], 'copy', b.peer)).bytes), SECRET)));
    await editPlan(a.db, (plan) => ({ goals: [goal('g3')], actions: [] }));
    await editPlan(b.db, (plan) => ({ actions: [{ ...plan.actions[0]!, status: 'inProgress' }] }));
    const edited = await planMerge(a.db, await previewTransfer(a.db, open((await send(b.db, [y.id], 'copy', a.peer)).bytes), SECRET));
    expect(edited.conflicts.map((record) => record.conflicts.map((c) => c.path))).toEqual([[['actions', '#a1']]]);
    await expect(applyTransfer(a.db, edited, [{ table: 'plans', id: planId, decisions: [{ path: ['actions', '#a1'], take: 'incoming' }] }])).rejects.toMatchObject({ details: { reason: 'planGoalMissing' } });
    await applyTransfer(a.db, edited, [{ table: 'plans', id: planId, decisions: [{ path: ['actions', '#a1'], take: 'local' }] }]);
    expect((await a.db.plans.get(planId))!).toMatchObject({ goals: [goal('g3')], actions: [] });

    // Goals changed only here (a goal without actions removed), actions only there (one added under that goal): both lists go to a person together.
    await editPlan(a.db, () => ({ goals: [goal('g3'), goal('g4')] }));
    await applyTransfer(b.db, await planMerge(b.db, await previewTransfer(b.db, open((await send(a.db, [y.id], 'copy', b.peer)).bytes), SECRET)));
    await editPlan(a.db, () => ({ goals: [goal('g3')] }));
    await editPlan(b.db, () => ({ actions: [action('a7', 'g4')] }));
    const apart = await planMerge(a.db, await previewTransfer(a.db, open((await send(b.db, [y.id], 'copy', a.peer)).bytes), SECRET));
    expect(apart.conflicts.map((record) => record.conflicts.map((c) => c.path))).toEqual([[['goals'], ['actions']]]);
    expect(apart.records.find((r) => r.id === planId)!.result.value).toMatchObject({ goals: [goal('g3')], actions: [] });
    await expect(applyTransfer(a.db, apart, [{ table: 'plans', id: planId, decisions: [{ path: ['goals'], take: 'local' }, { path: ['actions'], take: 'incoming' }] }])).rejects.toMatchObject({ details: { reason: 'planGoalMissing' } });
    await applyTransfer(a.db, apart, [{ table: 'plans', id: planId, decisions: [{ path: ['goals'], take: 'incoming' }, { path: ['actions'], take: 'incoming' }] }]);
    expect((await a.db.plans.get(planId))!).toMatchObject({ goals: [goal('g3'), goal('g4')], actions: [action('a7', 'g4')] });
  });
});

describe('a transfer that comes late, twice, or back to the office that sent it', () => {
  const editCase = async (db: HamkorlikDb, id: string, changes: (kase: FamilyCase) => Partial<FamilyCase>) => {
    const kase = (await db.cases.get(id))!;
    await db.cases.put(touched(kase, changes(kase), db.writeContext()));
  };

  it('a file that turns up after a later one does not undo the later edits: where it differs, a person decides', async () => {
    const a = await transferOffice('A7', 11);
    const b = await transferOffice('B7', 12);
    const { kase: y } = await familyWithPinfl(a.db);
    await applyTransfer(b.db, await planMerge(b.db, await previewTransfer(b.db, open((await send(a.db, [y.id], 'copy', b.peer)).bytes), SECRET)));

    // Monday: A changes the phone and sends it; the stick is lost on the way.
    await editCase(a.db, y.id, () => ({ phones: ['+998 90 111 11 11'] }));
    const monday = await send(a.db, [y.id], 'copy', b.peer);
    // Friday: A changes it again and sends it; B merges it, nothing to decide.
    await editCase(a.db, y.id, () => ({ phones: ['+998 90 555 55 55'] }));
    const friday = await send(a.db, [y.id], 'copy', b.peer);
    const fridayPlan = await planMerge(b.db, await previewTransfer(b.db, open(friday.bytes), SECRET));
    expect(fridayPlan.conflicts).toEqual([]);
    await applyTransfer(b.db, fridayPlan);
    expect((await b.db.cases.get(y.id))!.phones).toEqual(['+998 90 555 55 55']);

    // Monday's file turns up. B's base is Friday's, which Monday's copy does not descend from:
    // its older phone is not taken as "only their side changed", it is put to a person.
    const late = await planMerge(b.db, await previewTransfer(b.db, open(monday.bytes), SECRET));
    const caseConflicts = late.conflicts.find((record) => record.table === 'cases' && record.id === y.id);
    expect(caseConflicts).toMatchObject({ baseKnown: false, conflicts: [{ path: ['phones'], local: ['+998 90 555 55 55'], incoming: ['+998 90 111 11 11'] }] });
    expect(late.records.filter((record) => record.table !== 'cases').every((record) => record.result.kind === 'same')).toBe(true);
    await applyTransfer(b.db, late, [{ table: 'cases', id: y.id, decisions: [{ path: ['phones'], take: 'local' }] }]);
    expect((await b.db.cases.get(y.id))!.phones).toEqual(['+998 90 555 55 55']);
  });

  it('a transfer received already, or one this office sent, is refused before anything is merged', async () => {
    const a = await transferOffice('A8', 11);
    const b = await transferOffice('B8', 12);
    const { kase: x } = await familyWithPinfl(a.db);
    const sent = await send(a.db, [x.id], 'custody', b.peer);
    const applied = await applyTransfer(b.db, await planMerge(b.db, await previewTransfer(b.db, open(sent.bytes), SECRET)));
    await editCase(b.db, x.id, () => ({ phones: ['+998 90 777 77 77'] }));
    const before = await snapshot(b.db);
    await expect(previewTransfer(b.db, open(sent.bytes), SECRET)).rejects.toMatchObject({ code: 'invalidInput', details: { reason: 'alreadyReceived', at: applied.log.at } });
    expect(await snapshot(b.db)).toEqual(before);
    // A opens its own file by mistake: its case, read-only since it left, stays so.
    await expect(previewTransfer(a.db, open(sent.bytes), SECRET)).rejects.toMatchObject({ code: 'invalidInput', details: { reason: 'ownTransfer' } });
    expect((await a.db.cases.get(x.id))!.custody.transferredOut?.transferId).toBe(sent.transferId);
  });

  it('a case passed on A → B → C and back to A merges each office’s edits with nothing to decide', async () => {
    const a = await transferOffice('A9', 11);
    const b = await transferOffice('B9', 12);
    const c = await transferOffice('C9', 13);
    const { kase: x } = await familyWithPinfl(a.db);
    const receive = async (db: HamkorlikDb, bytes: Uint8Array) => {
      const plan = await planMerge(db, await previewTransfer(db, open(bytes), SECRET));
      expect(plan.conflicts).toEqual([]);
      await applyTransfer(db, plan);
    };
    await receive(b.db, (await send(a.db, [x.id], 'custody', b.peer)).bytes);
    await editCase(b.db, x.id, () => ({ phones: ['+998 90 222 22 22'] }));
    await receive(c.db, (await send(b.db, [x.id], 'custody', c.peer)).bytes);
    await editCase(c.db, x.id, (kase) => ({ address: { ...kase.address, house: '7B' } }));
    // A's base is what it sent to B; C's copy descends from it through B, and the file says so.
    await receive(a.db, (await send(c.db, [x.id], 'custody', a.peer)).bytes);
    const back = (await a.db.cases.get(x.id))!;
    expect(back.phones).toEqual(['+998 90 222 22 22']);
    expect(back.address.house).toBe('7B');
    expect(back.custody.transferredOut).toBeUndefined();
  });
});

describe('purged documents keep no bytes', () => {
  it('bytes sent for a document purged at the receiver are not written back', async () => {
    const a = await transferOffice('A10', 11);
    const b = await transferOffice('B10', 12);
    const [y, z] = (await a.db.cases.toArray()).filter((kase) => !kase.deletedAt);
    const document = (id: string, fields: Record<string, unknown>) => ({ ...newRecordMeta(a.db.writeContext(), id), kind: 'familyPlan', year: 2026, seq: 1, registerNumber: `OR-${id}`, ...fields });
    // One printed for Y, one naming Y and Z (minutes of a meeting on both families).
    await a.db.documents.bulkPut([document('d-y', { caseId: y!.id }), document('d-yz', { caseId: null, caseIds: [y!.id, z!.id] })] as never);
    await a.db.documentFiles.bulkPut([
      { id: 'd-y', bytes: noise(1, 300) },
      { id: 'd-yz', bytes: noise(2, 300) },
    ]);
    const sendWithBytes = async (to: typeof b, caseIds: string[]) => {
      const file = memoryFile();
      await writeTransfer(a.db, KEYS, file, { caseIds, mode: 'copy', recipient: to.peer, includeDocumentBytes: true });
      return file.bytes();
    };
    const receive = async (to: typeof b, bytes: Uint8Array) => applyTransfer(to.db, await planMerge(to.db, await previewTransfer(to.db, open(bytes), SECRET)));
    const filesAt = async (db: HamkorlikDb) => (await db.documentFiles.toArray()).map((file) => file.id).sort();

    await receive(b, await sendWithBytes(b, [y!.id, z!.id]));
    expect(await filesAt(b.db)).toEqual(['d-y', 'd-yz']);
    // B purges Y: both documents name the family, so their bytes go. A sends the two cases again, bytes and all.
    await deleteCase(b.db, y!.id);
    await purgeCase(b.db, y!.id);
    expect(await filesAt(b.db)).toEqual([]);
    const again = await planMerge(b.db, await previewTransfer(b.db, open(await sendWithBytes(b, [y!.id, z!.id])), SECRET));
    expect(again.records.filter((record) => record.table === 'documentFiles').map((record) => record.result.kind)).toEqual(['keepLocal', 'keepLocal']);
    await applyTransfer(b.db, again);
    expect(await filesAt(b.db)).toEqual([]);

    // A's later changes to the family are not taken either, and the import says so (its summary counts them).
    await a.db.cases.put(touched((await a.db.cases.get(y!.id))!, { phones: ['+998 90 333 33 33'] }, a.db.writeContext()));
    const edited = await applyTransfer(b.db, await planMerge(b.db, await previewTransfer(b.db, open(await sendWithBytes(b, [y!.id])), SECRET)));
    expect(edited.log.purgedEdits).toContain(`cases:${y!.id}`);
    expect((await b.db.cases.get(y!.id))!.purgedAt).toBeTruthy();
    expect(await filesAt(b.db)).toEqual([]);
  });
});

describe('the case conferences a transfer carries', () => {
  it('only those that discussed no family outside the transfer: the meeting on other families and its minutes stay here, counted', async () => {
    const a = await transferOffice('A5', 11);
    const [x, other] = (await a.db.cases.toArray()).filter((kase) => !kase.deletedAt);
    const meeting = (caseIds: string[], decisions: string) => ({
      ...newRecordMeta(a.db.writeContext()),
      date: '2026-11-20' as IsoDate,
      mahallaId: x!.address.mahallaId,
      attendees: [],
      caseIds,
      decisions,
      nextSteps: [],
    });
    const own = meeting([x!.id], 'Only about X');
    const shared = meeting([x!.id, other!.id], 'About X and the other family');
    await a.db.conferences.bulkPut([own, shared]);
    // The minutes of the shared meeting name both families: they stay with it.
    const minutes = { ...newRecordMeta(a.db.writeContext()), kind: 'conferenceMinutes', registerNumber: '', year: 2026, seq: 1, number: '1', date: '2026-11-20', caseId: null, caseIds: [x!.id, other!.id], language: 'uz-Latn', title: 'Bayonnoma', fileName: 'bayonnoma.docx', size: 3, sha256: '', params: {} };
    await a.db.documents.put(minutes as never);
    await a.db.documentFiles.put({ id: minutes.id, bytes: new Uint8Array([1, 2, 3]) });

    const one = await collectTransfer(a.db, [x!.id], 'copy');
    expect(one.tables.conferences.map((c) => c.id)).toEqual([own.id]);
    expect(one.tables.documents.map((d) => d.id)).not.toContain(minutes.id);
    expect(one.leftOut).toEqual({ conferences: 1, documents: 1 });
    expect((await collectTransfer(a.db, [x!.id], 'copy', { includeDocumentBytes: true })).tables.documentFiles.map((f) => f.id)).not.toContain(minutes.id);
    const both = await collectTransfer(a.db, [x!.id, other!.id], 'copy');
    expect(both.tables.conferences.map((c) => c.id).sort()).toEqual([own.id, shared.id].sort());
    expect(both.tables.documents.map((d) => d.id)).toContain(minutes.id);
    expect(both.leftOut).toEqual({ conferences: 0, documents: 0 });
    // What the sender is told, from the file written.
    expect((await send(a.db, [x!.id], 'copy')).leftOut).toEqual({ conferences: 1, documents: 1 });
  });
});

describe('a person seen before comes back with a PINFL another person here holds', () => {
  it('the PINFL is a conflict that can only keep ours, the holder named; taking theirs anyway refuses the import', async () => {
    const a = await transferOffice('A4', 11);
    const b = await transferOffice('B4', 12);
    const { kase: y } = await familyWithPinfl(a.db);
    const first = await planMerge(b.db, await previewTransfer(b.db, open((await send(a.db, [y.id], 'copy', b.peer)).bytes), SECRET));
    await applyTransfer(b.db, first);

    // At B, a member without a PINFL is given one that a person of another family at A already has
    // (a typo, or the same child entered twice): A's other person is "seen" nowhere, only its PINFL clashes.
    const memberships = await b.db.memberships.where('caseId').equals(y.id).toArray();
    const persons = (await b.db.persons.bulkGet(memberships.map((m) => m.personId))).filter((p) => !!p);
    const target = persons.find((p) => !p.pinfl) ?? persons[0]!;
    const holder = (await a.db.persons.filter((p) => !!p.pinfl && !persons.some((q) => q.id === p.id) && p.deletedAt === null).first())!;
    await b.db.persons.put(touched(target, { pinfl: holder.pinfl, healthNotes: 'checked at B' }, b.db.writeContext()));

    const back = await send(b.db, [y.id], 'copy', a.peer);
    const plan = await planMerge(a.db, await previewTransfer(a.db, open(back.bytes), SECRET));
    const local = (await a.db.persons.get(target.id))!;
    expect(plan.conflicts).toEqual([
      {
        table: 'persons',
        id: target.id,
        baseKnown: true,
        conflicts: [{ path: ['pinfl'], base: local.pinfl, local: local.pinfl, incoming: holder.pinfl }],
        pinflTakenBy: { personId: holder.id, surname: holder.surname, firstName: holder.firstName },
      },
    ]);
    // Before any decision, the planned value keeps ours; the other field B changed is merged.
    expect(plan.records.find((r) => r.id === target.id)!.result.value).toMatchObject({ pinfl: local.pinfl, healthNotes: 'checked at B' });

    const before = await snapshot(a.db);
    await expect(applyTransfer(a.db, plan, [{ table: 'persons', id: target.id, decisions: [{ path: ['pinfl'], take: 'incoming' }] }])).rejects.toMatchObject({
      code: 'invalidInput',
      details: { reason: 'pinflTaken' },
    });
    expect(await snapshot(a.db)).toEqual(before);

    await applyTransfer(a.db, plan, [{ table: 'persons', id: target.id, decisions: [{ path: ['pinfl'], take: 'local' }] }]);
    expect(await a.db.persons.get(target.id)).toMatchObject({ pinfl: local.pinfl, healthNotes: 'checked at B' });
    expect(await a.db.persons.where('pinfl').equals(holder.pinfl!).count()).toBe(1);
  });
});

describe('a PINFL moved to a new member of the family', () => {
  it('the member who had it keeps their own record, the new one comes in as new with it — not two persons merged into one', async () => {
    const a = await transferOffice('A12', 11);
    const b = await transferOffice('B12', 12);
    const { kase: y, pinflPersonId } = await familyWithPinfl(a.db);
    await applyTransfer(b.db, await planMerge(b.db, await previewTransfer(b.db, open((await send(a.db, [y.id], 'copy', b.peer)).bytes), SECRET)));

    // At A the PINFL turns out to be a child's who was not yet entered: the child is added with it, the parent's is cleared.
    const parent = (await a.db.persons.get(pinflPersonId))!;
    const pinfl = parent.pinfl!;
    const context = a.db.writeContext();
    const child = { ...parent, ...newRecordMeta(context), firstName: { latn: 'Sardor', cyrl: 'Сардор', typed: 'latn' as const }, pinfl, healthNotes: '' };
    await a.db.persons.put(touched(parent, { pinfl: null }, context));
    await a.db.persons.put(child);
    // Its membership sorts first, so the file carries the child before the parent: the PINFL arrives before it is given up.
    await a.db.memberships.put({ ...newRecordMeta(context, '00000000-0000-4000-8000-000000000000'), caseId: y.id, personId: child.id, relation: 'child', from: '2026-11-24' as IsoDate, to: null });

    const preview = await previewTransfer(b.db, open((await send(a.db, [y.id], 'copy', b.peer)).bytes), SECRET);
    expect(preview.records.find((record) => record.id === pinflPersonId)).toMatchObject({ status: 'seen' });
    expect(preview.records.find((record) => record.id === child.id)).toMatchObject({ status: 'new' });
    const plan = await planMerge(b.db, preview);
    expect(plan.records.filter((record) => record.table === 'persons' && record.id === pinflPersonId)).toHaveLength(1);
    await applyTransfer(b.db, plan);
    expect((await b.db.persons.get(pinflPersonId))!.pinfl).toBeNull();
    expect((await b.db.persons.get(child.id))!.pinfl).toBe(pinfl);
  });
});

describe('a copy between two PCs of one office', () => {
  it('travels under the office key, which opens it without a passphrase', async () => {
    const a = await transferOffice('A3', 11);
    const b = await transferOffice('B3', 12);
    await setUpExchange(a.db, 'A office passphrase 2026', { kdf: KDF_MIN });
    const keys = await unlockExchange(a.db, { passphrase: 'A office passphrase 2026' });
    const { kase } = await familyWithPinfl(a.db);
    const file = memoryFile();
    await writeTransfer(a.db, keys, file, { caseIds: [kase.id], mode: 'copy' });
    const preview = await previewTransfer(b.db, open(file.bytes()), { dataKey: keys });
    expect(preview.cases.map((c) => c.id)).toEqual([kase.id]);
    await applyTransfer(b.db, await planMerge(b.db, preview));
    expect((await b.db.cases.get(kase.id))!.rev).toBe(kase.rev);
    const log = (await b.db.exchangeLog.toArray())[0]!;
    expect(log).toMatchObject({ direction: 'import', mode: 'copy', peer: { districtCode: a.office.districtCode }, outcomes: { new: expect.any(Number) } });
    expect(log.outcomes!.new).toBe(Object.values(preview.counts).reduce((sum, n) => sum + n, 0) - preview.counts.transfer! - preview.refs.length);
  });
});

describe('a transfer that does not reach its file', () => {
  it('a sink that fails, or a file that does not read back whole, leaves the sending office as it was: no base, no log, custody unchanged', async () => {
    const a = await transferOffice('A4', 11);
    const { kase } = await familyWithPinfl(a.db);
    const before = await snapshot(a.db);
    const full = { write: () => Promise.reject(new Error('USB stick pulled out')) };
    await expect(writeTransfer(a.db, KEYS, full, { caseIds: [kase.id], mode: 'custody' })).rejects.toThrow('USB stick pulled out');
    const file = memoryFile();
    const cut = () => chunksOf(file.bytes().subarray(0, file.bytes().length - 30));
    await expect(writeTransfer(a.db, KEYS, file, { caseIds: [kase.id], mode: 'custody', verify: cut })).rejects.toMatchObject({ code: 'truncated' });
    expect(await snapshot(a.db)).toEqual(before);
  });
});

describe('who delivered a service, who received it, who attended a conference', () => {
  it('travel with the case (and who assessed a child): the specialists as reference entries the receiver maps, the recipients to the person it linked by PINFL', async () => {
    const a = await transferOffice('A13', 11);
    const b = await transferOffice('B13', 12);
    const { kase: x, pinflPersonId } = await familyWithPinfl(a.db);
    const context = a.db.writeContext();
    // A specialist of an agency that is on none of the mahalla's teams: only the service and the conference point to them.
    const agency = { ...newRecordMeta(context), kind: 'other' as const, name: { uzLatn: 'Bandlik markazi', uzCyrl: 'Бандлик маркази', ru: 'Центр занятости' } };
    const specialist = {
      ...newRecordMeta(context),
      fullName: { latn: 'Karimova Dilnoza', cyrl: 'Каримова Дилноза', typed: 'latn' as const },
      agencyId: agency.id,
      position: { uzLatn: 'Inspektor', uzCyrl: 'Инспектор', ru: 'Инспектор' },
      phone: null,
      mahallaIds: [],
      trainedOn: null,
      userId: null,
    };
    await a.db.agencies.put(agency as never);
    await a.db.specialists.put(specialist as never);
    const service = { ...newRecordMeta(context), caseId: x.id, actionId: null, date: '2026-11-20' as IsoDate, kind: 'consultation' as const, deliveredBy: specialist.id, description: 'Maslahat', recipients: [pinflPersonId], result: '' };
    await a.db.services.put(service);
    const conference = { ...newRecordMeta(context), date: '2026-11-21' as IsoDate, mahallaId: x.address.mahallaId, attendees: [specialist.id], caseIds: [x.id], decisions: 'Ish rejasi', nextSteps: [{ specialistId: specialist.id, who: '', what: 'Ishga joylash', by: null }] };
    await a.db.conferences.put(conference);
    const domain = { rating: 2, narrative: '', strengths: '', assessedBy: specialist.id };
    const assessment = { ...newRecordMeta(context), caseId: x.id, version: 1, status: 'draft', children: [{ personId: pinflPersonId, domains: { health: domain } }], family: {}, conclusion: '' };
    await a.db.assessments.put(assessment as never);
    // B knows the person by PINFL under its own id, and has the specialist in its own directory under its own id.
    const known = (await a.db.persons.get(pinflPersonId))!;
    const bPersonId = crypto.randomUUID();
    await b.db.persons.put({ ...known, ...newRecordMeta(b.db.writeContext(), bPersonId) });
    const bSpecialist = { ...specialist, ...newRecordMeta(b.db.writeContext()) };
    await b.db.specialists.put(bSpecialist as never);

    const sent = await send(a.db, [x.id], 'copy', b.peer);
    const preview = await previewTransfer(b.db, open(sent.bytes), SECRET);
    expect(preview.refs.find((ref) => ref.table === 'specialists' && ref.id === specialist.id)).toMatchObject({ match: 'none', record: { fullName: specialist.fullName } });
    expect(preview.refs.find((ref) => ref.table === 'agencies' && ref.id === agency.id)).toMatchObject({ match: 'none' });

    const plan = await planMerge(b.db, preview, { refMap: { [`specialists:${specialist.id}`]: bSpecialist.id } });
    expect(plan.unmatchedRefs).not.toContain(`specialists:${specialist.id}`);
    await applyTransfer(b.db, plan, plan.conflicts.map((record) => ({ table: record.table, id: record.id, decisions: record.conflicts.map((c) => ({ path: [...c.path], take: 'local' as const })) })));
    const arrived = (await b.db.services.get(service.id))!;
    expect(arrived.deliveredBy).toBe(bSpecialist.id);
    expect(arrived.recipients).toEqual([bPersonId]);
    const minutes = (await b.db.conferences.get(conference.id))!;
    expect(minutes.attendees).toEqual([bSpecialist.id]);
    expect(minutes.nextSteps[0]!.specialistId).toBe(bSpecialist.id);
    const assessed = (await b.db.assessments.get(assessment.id))! as unknown as { children: { personId: string; domains: { health: { assessedBy: string } } }[] };
    expect(assessed.children[0]).toMatchObject({ personId: bPersonId, domains: { health: { assessedBy: bSpecialist.id } } });
  });
});

describe('a person linked by PINFL, a case purged here, a file that came late', () => {
  it("the linked person is named by this office's id everywhere (a plan's participants, its revisions), keeps this office's identity, and this office's other cases follow a new name", async () => {
    const a = await transferOffice('A20', 11);
    const b = await transferOffice('B20', 12);
    const c = await transferOffice('C20', 13);
    const { kase: x, pinflPersonId } = await familyWithPinfl(a.db);
    const memberIds = (await a.db.memberships.where('caseId').equals(x.id).toArray()).map((m) => m.personId);
    const context = a.db.writeContext();
    const plan = { ...newRecordMeta(context), caseId: x.id, revision: 1, status: 'draft', goals: [], actions: [], participants: memberIds, approval: null };
    await a.db.plans.put(plan as never);
    await a.db.planRevisions.put({ ...newRecordMeta(context), planId: plan.id, caseId: x.id, revision: 1, reason: '', changes: [{ kind: 'participantsChanged', from: [], to: memberIds }, { kind: 'goalChanged', id: 'g1', field: 'personId', from: null, to: pinflPersonId }] } as never);
    // B knows the person under its own id, as a member of one of its own cases, and has sent that case to C before.
    const known = (await a.db.persons.get(pinflPersonId))!;
    const bPersonId = crypto.randomUUID();
    await b.db.persons.put({ ...known, ...newRecordMeta(b.db.writeContext(), bPersonId) });
    const y = (await b.db.cases.filter((kase) => !kase.deletedAt).first())!;
    await addMember(b.db, y.id, { personId: bPersonId, relation: 'other' });
    const identity = (person: Record<string, unknown>) => ({ installationId: person.installationId, createdAt: person.createdAt, createdBy: person.createdBy });
    const bIdentity = identity((await b.db.persons.get(bPersonId))! as never);
    await receive(c.db, (await send(b.db, [y.id], 'copy')).bytes);

    await receive(b.db, (await send(a.db, [x.id], 'copy')).bytes);
    const arrivedPlan = (await b.db.plans.get(plan.id))!;
    expect(arrivedPlan.participants).toContain(bPersonId);
    expect(arrivedPlan.participants).not.toContain(pinflPersonId);
    const revision = (await b.db.planRevisions.where('planId').equals(plan.id).first())! as unknown as { changes: { from: unknown; to: unknown }[] };
    expect(revision.changes[0]!.to).toContain(bPersonId);
    expect(revision.changes[0]!.to).not.toContain(pinflPersonId);
    expect(revision.changes[1]!.to).toBe(bPersonId);

    // A renames the person; only A changed it since the link, so B takes the name — under B's own identity.
    await a.db.persons.put(touched((await a.db.persons.get(pinflPersonId))!, { surname: { latn: 'Zufarova', cyrl: 'Зуфарова' } } as never, a.db.writeContext()));
    const renamed = await receive(b.db, (await send(a.db, [x.id], 'copy')).bytes);
    expect(renamed.plan.records.find((r) => r.table === 'persons' && r.id === bPersonId)!.result.kind).toBe('takeIncoming');
    const person = (await b.db.persons.get(bPersonId))!;
    expect(person.surname.latn).toBe('Zufarova');
    expect(identity(person as never)).toEqual(bIdentity);
    // B's own case of that person is found under the new name.
    expect((await b.db.cases.get(y.id))!.searchKeys).toEqual(expect.arrayContaining(nameSearchKeys(['Zufarova'])));
    // C, which had the person from B before, still sees the same record in B's next file.
    await expect(receive(c.db, (await send(b.db, [y.id], 'copy')).bytes)).resolves.toBeTruthy();
  });

  it('a case purged here takes no copy of the contents A sends again, not even as a base', async () => {
    const a = await transferOffice('A21', 11);
    const b = await transferOffice('B21', 12);
    const { kase: x, pinflPersonId } = await familyWithPinfl(a.db);
    await receive(b.db, (await send(a.db, [x.id], 'copy')).bytes);
    await deleteCase(b.db, x.id);
    await purgeCase(b.db, x.id);
    const { plan } = await receive(b.db, (await send(a.db, [x.id], 'copy')).bytes);
    expect(plan.records.find((r) => r.table === 'cases')!.result).toMatchObject({ kind: 'keepLocal', purge: { by: 'local' } });
    expect(await b.db.exchangeBases.get(`cases:${x.id}`)).toBeUndefined();
    expect(await b.db.exchangeBases.get(`persons:${pinflPersonId}`)).toBeUndefined();
    expect((await b.db.cases.get(x.id))!.purgedAt).toBeTruthy();
  });

  it('a file that came late leaves the newer base: a later change at A is taken, not lost', async () => {
    const a = await transferOffice('A22', 11);
    const b = await transferOffice('B22', 12);
    const { kase: x } = await familyWithPinfl(a.db);
    const phones = x.phones;
    const first = await send(a.db, [x.id], 'copy');
    await a.db.cases.put(touched((await a.db.cases.get(x.id))!, { phones: ['+998 90 222 22 22'] }, a.db.writeContext()));
    await receive(b.db, (await send(a.db, [x.id], 'copy')).bytes);
    // The first file turns up after the second: nothing of it shared, so every difference is for a person; B keeps its own.
    const late = await receive(b.db, first.bytes);
    expect(late.plan.conflicts.length).toBeGreaterThan(0);
    expect((await b.db.cases.get(x.id))!.phones).toEqual(['+998 90 222 22 22']);
    // A puts the phones back: only A changed them since the second file, so B takes them without asking.
    await a.db.cases.put(touched((await a.db.cases.get(x.id))!, { phones }, a.db.writeContext()));
    const third = await receive(b.db, (await send(a.db, [x.id], 'copy')).bytes);
    expect(third.plan.conflicts).toEqual([]);
    expect(third.plan.records.find((r) => r.table === 'cases')!.result.kind).toBe('takeIncoming');
    expect((await b.db.cases.get(x.id))!.phones).toEqual(phones);
  });
});

describe('a purge made at the other office', () => {
  it('leaves no values of the purged person here, not even in the audit of the write that took the purge', async () => {
    const a = await transferOffice('A23', 11);
    const b = await transferOffice('B23', 12);
    const { kase: z, pinflPersonId } = await familyWithPinfl(a.db);
    const other = (await a.db.cases.filter((kase) => kase.id !== z.id && !kase.deletedAt).first())!;
    await addMember(a.db, other.id, { personId: pinflPersonId, relation: 'other' });
    await receive(b.db, (await send(a.db, [z.id], 'copy')).bytes);
    const before = (await b.db.persons.get(pinflPersonId))!;
    expect(before.surname.latn).not.toBe('');

    // At A the person leaves family Z, and the other family's case is purged: the person with it.
    const membership = (await a.db.memberships.where('caseId').equals(z.id).filter((m) => m.personId === pinflPersonId).first())!;
    await a.db.memberships.put({ ...touched(membership, {}, a.db.writeContext()), deletedAt: '2026-11-24T10:00:00.000Z' });
    await deleteCase(a.db, other.id);
    await purgeCase(a.db, other.id);
    expect((await a.db.persons.get(pinflPersonId))!.purgedAt).toBeTruthy();

    const { plan } = await receive(b.db, (await send(a.db, [z.id], 'copy')).bytes);
    expect(plan.records.find((r) => r.table === 'persons' && r.id === pinflPersonId)!.result).toMatchObject({ kind: 'takeIncoming', purge: { by: 'incoming' } });
    expect((await b.db.persons.get(pinflPersonId))!.purgedAt).toBeTruthy();
    const trail = await b.db.audit.where('[table+recordId]').equals(['persons', pinflPersonId]).toArray();
    expect(trail.length).toBeGreaterThan(0);
    const text = JSON.stringify(trail);
    expect(text).not.toContain(before.surname.latn);
    expect(text).not.toContain(before.pinfl!);
  });
});

