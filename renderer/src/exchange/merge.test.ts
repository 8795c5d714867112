import { describe, expect, it } from 'vitest';
import type { RecordMeta } from '../domain/record';
import { ExchangeError } from './errors';
import { DELETION_PATH, mergeRecord, resolveConflicts, type ConflictDecision, type MergeResult } from './merge';
import { decodeRecord, encodeRecord } from './records';

// The rules one by one. merge.property.test.ts checks them all at once against an independent oracle.

interface CaseRecord extends RecordMeta {
  [field: string]: unknown;
}

const T0 = '2026-10-01T09:00:00.000Z';
const CONTEXT = { userId: 'user-merger', now: new Date('2026-12-01T10:00:00.000Z') };
const ADDRESS = { regionCode: '1706', districtCode: '1706207', mahallaId: 'm-17', street: 'Navoiy', house: '12', apartment: '' };
const BASE: CaseRecord = {
  id: 'case-1',
  installationId: 'inst-a',
  createdAt: T0,
  createdBy: 'user-a',
  updatedAt: T0,
  updatedBy: 'user-a',
  rev: 3,
  deletedAt: null,
  number: 'GJ-2026-014',
  head: { surname: { latn: 'Karimova', cyrl: 'Каримова', typed: 'latn' }, firstName: { latn: 'Oʻgʻiloy', cyrl: 'Ўғилой', typed: 'latn' } },
  address: ADDRESS,
  phones: ['+998 90 123 45 67'],
  note: 'first visit done',
  scan: Uint8Array.from([1, 2, 3]),
};

/** The record after an edit on one PC: fields changed, rev bumped, stamped. */
function edited(record: CaseRecord, changes: Record<string, unknown>, by = 'user-b', revs = 1): CaseRecord {
  return { ...record, ...changes, rev: record.rev + revs, updatedBy: by, updatedAt: '2026-11-0' + String(revs) + 'T12:00:00.000Z' };
}

const merge = (base: CaseRecord | null, local: CaseRecord | null, incoming: CaseRecord) => mergeRecord({ base, local, incoming }, CONTEXT);

function conflictsOf(result: MergeResult<CaseRecord>) {
  if (result.kind !== 'conflict') throw new Error(`expected a conflict, got ${result.kind}`);
  return result.conflicts;
}

describe('mergeRecord: one side or none', () => {
  it('stores a record never seen here as it is', () => {
    expect(merge(null, null, BASE)).toEqual({ kind: 'new', value: BASE });
  });

  it('needs nothing when the contents are the same, even if the bookkeeping differs', () => {
    const result = merge(BASE, edited(BASE, {}, 'user-x', 2), edited(BASE, {}, 'user-y', 5));
    expect(result.kind).toBe('same');
  });

  it('takes incoming when only incoming changed, keeping it exactly (rev, updatedAt, updatedBy)', () => {
    const incoming = edited(BASE, { note: 'second visit' });
    const result = merge(BASE, BASE, incoming);
    expect(result).toEqual({ kind: 'takeIncoming', value: incoming });
    expect(result.value).toBe(incoming);
  });

  it('moves a taken record past local rev, so local "changed since" scans see it', () => {
    const local = edited(BASE, {}, 'user-a', 4); // edited and edited back: same contents, rev 7
    const result = merge(BASE, local, edited(BASE, { note: 'second visit' }));
    expect(result.kind).toBe('takeIncoming');
    expect(result.value.rev).toBe(8);
    expect(result.value.note).toBe('second visit');
  });

  it("keeps local's identity when taking incoming: a person linked by PINFL stays this office's record, under its id, installation and creation", () => {
    const local: CaseRecord = { ...BASE, id: 'person-here', installationId: 'install-here', createdAt: '2025-02-01T09:00:00.000Z', createdBy: 'user-here' };
    const base = { ...BASE, id: 'person-here' };
    const incoming = edited(base, { note: 'second visit' });
    const result = merge(base, local, incoming);
    expect(result.kind).toBe('takeIncoming');
    expect(result.value).toMatchObject({ id: 'person-here', installationId: 'install-here', createdAt: '2025-02-01T09:00:00.000Z', createdBy: 'user-here', note: 'second visit', rev: incoming.rev });
    const purged = merge(base, local, { ...incoming, purgedAt: '2026-11-20T08:00:00.000Z' });
    expect(purged.value).toMatchObject({ installationId: 'install-here', createdAt: '2025-02-01T09:00:00.000Z', createdBy: 'user-here' });
  });

  it('keeps local when only local changed', () => {
    const local = edited(BASE, { phones: ['+998 91 000 00 00'] });
    expect(merge(BASE, local, edited(BASE, {}, 'user-c', 3))).toEqual({ kind: 'keepLocal', value: local });
  });
});

describe('mergeRecord: both sides changed', () => {
  it('merges nested address fields changed on different sides; the new value gets rev max+1 and the merge stamp', () => {
    const local = edited(BASE, { address: { ...ADDRESS, street: 'Mustaqillik' } }, 'user-b', 2);
    const incoming = edited(BASE, { address: { ...ADDRESS, mahallaId: 'm-18' }, note: 'moved' }, 'user-c', 4);
    const result = merge(BASE, local, incoming);
    expect(result.kind).toBe('merged');
    expect(result.value).toEqual({
      ...BASE,
      address: { ...ADDRESS, street: 'Mustaqillik', mahallaId: 'm-18' },
      note: 'moved',
      rev: 8,
      updatedAt: '2026-12-01T10:00:00.000Z',
      updatedBy: 'user-merger',
    });
  });

  it('makes the same field changed to different values a conflict, shown with all three values and left at local', () => {
    const local = edited(BASE, { address: { ...ADDRESS, street: 'Mustaqillik' }, note: 'local note' });
    const incoming = edited(BASE, { address: { ...ADDRESS, street: 'Buxoro', house: '7' } });
    const result = merge(BASE, local, incoming);
    expect(conflictsOf(result)).toEqual([{ path: ['address', 'street'], base: 'Navoiy', local: 'Mustaqillik', incoming: 'Buxoro' }]);
    expect(result.value).toMatchObject({ note: 'local note', address: { ...ADDRESS, street: 'Mustaqillik', house: '7' }, rev: 5 });
    expect(result.kind === 'conflict' && result.baseKnown).toBe(true);
  });

  it('does not count the same change on both sides as a conflict', () => {
    const change = { address: { ...ADDRESS, street: 'Buxoro' } };
    expect(merge(BASE, edited(BASE, change), edited(BASE, change)).kind).toBe('same');
    const result = merge(BASE, edited(BASE, { ...change, note: 'a' }), edited(BASE, change));
    expect(result.kind).toBe('keepLocal');
  });

  it('takes an array as one value: edited on both sides is one conflict, not a merge of items', () => {
    const local = edited(BASE, { phones: ['+998 90 123 45 67', '+998 93 111 11 11'] });
    const incoming = edited(BASE, { phones: ['+998 94 222 22 22'] });
    expect(conflictsOf(merge(BASE, local, incoming))).toEqual([
      { path: ['phones'], base: BASE.phones, local: local.phones, incoming: incoming.phones },
    ]);
  });

  it('compares stored bytes by content and takes them as one value', () => {
    expect(merge(BASE, { ...BASE, scan: Uint8Array.from([1, 2, 3]) }, { ...BASE, scan: Uint8Array.from([1, 2, 3]) }).kind).toBe('same');
    const conflicts = conflictsOf(merge(BASE, edited(BASE, { scan: Uint8Array.from([9]) }), edited(BASE, { scan: Uint8Array.from([8]) })));
    expect(conflicts.map((conflict) => conflict.path)).toEqual([['scan']]);
  });

  it('compares dates by time', () => {
    const at = (ms: number) => edited(BASE, { visitedOn: new Date(ms) });
    expect(merge(BASE, at(0), at(0)).kind).toBe('same');
    expect(conflictsOf(merge(BASE, at(0), at(86_400_000))).map((conflict) => conflict.path)).toEqual([['visitedOn']]);
  });

  it('treats a removed field as a value: removed on one side wins over unchanged, conflicts with an edit', () => {
    const { note: _dropped, ...withoutNote } = BASE;
    const removed = edited(withoutNote as CaseRecord, {});
    expect(merge(BASE, BASE, removed).value).not.toHaveProperty('note');
    expect(conflictsOf(merge(BASE, removed, edited(BASE, { note: 'changed' })))).toEqual([
      { path: ['note'], base: 'first visit done', local: undefined, incoming: 'changed' },
    ]);
  });

  it('without a base, makes every difference a conflict (a field on one side only too), equal fields none', () => {
    const local = edited(BASE, { note: 'seen via the region', extra: 1 });
    const incoming = edited(BASE, { address: { ...ADDRESS, house: '14' } }, 'user-c', 2);
    const result = merge(null, local, incoming);
    expect(conflictsOf(result)).toEqual([
      { path: ['address', 'house'], base: undefined, local: '12', incoming: '14' },
      { path: ['note'], base: undefined, local: 'seen via the region', incoming: 'first visit done' },
      { path: ['extra'], base: undefined, local: 1, incoming: undefined },
    ]);
    expect(result.kind === 'conflict' && result.baseKnown).toBe(false);
    expect(merge(null, edited(BASE, {}), edited(BASE, {}, 'user-c', 3)).kind).toBe('same');
  });

  it('never treats meta fields as conflicts, and keeps local identity', () => {
    const local = edited({ ...BASE, installationId: 'inst-other' }, { note: 'l' }, 'user-b', 9);
    const result = merge(BASE, local, edited(BASE, { phones: [] }, 'user-c', 1));
    expect(result.kind).toBe('merged');
    expect(result.value).toMatchObject({ installationId: 'inst-other', createdAt: T0, createdBy: 'user-a', rev: 13 });
  });

  it('refuses records with different ids', () => {
    expect(() => merge(BASE, { ...BASE, id: 'case-2' }, BASE)).toThrow(ExchangeError);
    expect(() => merge({ ...BASE, id: 'case-2' }, BASE, BASE)).toThrow(expect.objectContaining({ code: 'invalidInput', details: { reason: 'mergeIdMismatch' } }));
  });
});

describe('mergeRecord: keyed lists (a plan’s actions), item by item', () => {
  const action = (id: string, status: string, description = `action ${id}`) => ({ id, goalId: 'g1', description, deadline: '2026-12-15', status, droppedReason: '' });
  const PLAN: CaseRecord = { ...BASE, actions: [action('a1', 'planned'), action('a2', 'planned'), action('a3', 'planned')], phones: ['+998 90 123 45 67'] };
  const withActions = (record: CaseRecord, actions: unknown[], by?: string) => edited(record, { actions }, by);

  it('takes each side’s edits to different actions, the actions either side added, and a removal on one side of an action the other left alone', () => {
    const local = withActions(PLAN, [action('a1', 'done'), action('a2', 'planned'), action('a4', 'planned', 'added here')]);
    const incoming = withActions(PLAN, [action('a1', 'planned'), action('a2', 'inProgress'), action('a3', 'planned'), action('a5', 'planned', 'added there')], 'user-c');
    const result = merge(PLAN, local, incoming);
    expect(result.kind).toBe('merged');
    // This office's order, then what only the other side added; a3 was removed here and left alone there.
    expect(result.value.actions).toEqual([action('a1', 'done'), action('a2', 'inProgress'), action('a4', 'planned', 'added here'), action('a5', 'planned', 'added there')]);
  });

  it('the same action’s same field changed both ways is one conflict at that field, named by the action’s id', () => {
    const local = withActions(PLAN, [action('a1', 'done'), action('a2', 'planned', 'renamed here'), action('a3', 'planned')]);
    const incoming = withActions(PLAN, [action('a1', 'dropped'), action('a2', 'planned'), action('a3', 'done')], 'user-c');
    const result = merge(PLAN, local, incoming);
    expect(conflictsOf(result)).toEqual([{ path: ['actions', '#a1', 'status'], base: 'planned', local: 'done', incoming: 'dropped' }]);
    expect(result.value.actions).toEqual([action('a1', 'done'), action('a2', 'planned', 'renamed here'), action('a3', 'done')]);
    const theirs = resolveConflicts(result, [{ path: ['actions', '#a1', 'status'], take: 'incoming' }]);
    expect(theirs.actions).toEqual([action('a1', 'dropped'), action('a2', 'planned', 'renamed here'), action('a3', 'done')]);
  });

  it('an action removed on one side and edited on the other is a conflict on the whole action; taking it back puts it at the end', () => {
    const local = withActions(PLAN, [action('a2', 'planned'), action('a3', 'planned')]);
    const incoming = withActions(PLAN, [action('a1', 'done'), action('a2', 'planned'), action('a3', 'planned')], 'user-c');
    const result = merge(PLAN, local, incoming);
    expect(conflictsOf(result)).toEqual([{ path: ['actions', '#a1'], base: action('a1', 'planned'), local: undefined, incoming: action('a1', 'done') }]);
    expect(resolveConflicts(result, [{ path: ['actions', '#a1'], take: 'local' }]).actions).toEqual([action('a2', 'planned'), action('a3', 'planned')]);
    expect(resolveConflicts(result, [{ path: ['actions', '#a1'], take: 'incoming' }]).actions).toEqual([action('a2', 'planned'), action('a3', 'planned'), action('a1', 'done')]);
  });

  it('an assessment’s children merge by person, a monitoring’s reviews by action: each office’s edit to a different one survives', () => {
    const child = (personId: string, health: number | null, views = '') => ({ personId, domains: { health: { rating: health, narrative: '', strengths: '', assessedBy: null } }, views });
    const review = (actionId: string, status: string, note = '') => ({ actionId, status, note });
    const ASSESSED: CaseRecord = { ...BASE, children: [child('p1', null), child('p2', null)], actionReviews: [review('a1', 'planned'), review('a2', 'planned')] };
    const local = edited(ASSESSED, { children: [child('p1', 2), child('p2', null)], actionReviews: [review('a1', 'done'), review('a2', 'planned')] });
    const incoming = edited(ASSESSED, { children: [child('p1', null), child('p2', 3, 'wants to study')], actionReviews: [review('a1', 'planned'), review('a2', 'inProgress', 'started')] }, 'user-c');
    const result = merge(ASSESSED, local, incoming);
    expect(result.kind).toBe('merged');
    expect(result.value).toMatchObject({ children: [child('p1', 2), child('p2', 3, 'wants to study')], actionReviews: [review('a1', 'done'), review('a2', 'inProgress', 'started')] });
    // The same child's same domain rated both ways: one conflict, by person, resolved in place.
    const there = edited(ASSESSED, { children: [child('p1', 4), child('p2', null)] }, 'user-c');
    const conflict = merge(ASSESSED, local, there);
    expect(conflictsOf(conflict)).toEqual([{ path: ['children', '#p1', 'domains', 'health', 'rating'], base: null, local: 2, incoming: 4 }]);
    expect(resolveConflicts(conflict, [{ path: ['children', '#p1', 'domains', 'health', 'rating'], take: 'incoming' }]).children).toEqual([child('p1', 4), child('p2', null)]);
  });

  it('lists of plain values, or of objects without distinct ids, stay single values', () => {
    const local = edited(PLAN, { phones: ['+998 90 111 11 11'], pairs: [{ id: 'x', n: 1 }, { id: 'x', n: 2 }] });
    const incoming = edited(PLAN, { phones: ['+998 90 222 22 22'], pairs: [{ id: 'x', n: 3 }] }, 'user-c');
    expect(conflictsOf(merge(PLAN, local, incoming)).map((c) => c.path)).toEqual([['phones'], ['pairs']]);
  });
});

describe('mergeRecord: deletions and purges', () => {
  const deleted = (record: CaseRecord, at = '2026-11-20T08:00:00.000Z') => edited(record, { deletedAt: at });

  it('lets a deletion win over an unchanged side, either way round', () => {
    expect(merge(BASE, deleted(BASE), BASE).kind).toBe('keepLocal');
    expect(merge(BASE, BASE, deleted(BASE))).toMatchObject({ kind: 'takeIncoming', value: { deletedAt: '2026-11-20T08:00:00.000Z' } });
  });

  it('makes a deletion meeting an edit a conflict at DELETION_PATH; either answer keeps the edit in the contents', () => {
    const local = edited(BASE, { note: 'visited again' });
    const result = merge(BASE, local, deleted(BASE));
    expect(conflictsOf(result)).toEqual([{ path: ['deletedAt'], base: null, local: null, incoming: '2026-11-20T08:00:00.000Z' }]);
    expect(resolveConflicts(result, [{ path: [...DELETION_PATH], take: 'local' }])).toMatchObject({ deletedAt: null, note: 'visited again' });
    expect(resolveConflicts(result, [{ path: ['deletedAt'], take: 'incoming' }])).toMatchObject({ deletedAt: '2026-11-20T08:00:00.000Z', note: 'visited again' });
  });

  it('keeps a record deleted on both sides deleted, since the earlier time, and merges edits into the tombstone', () => {
    const result = merge(BASE, deleted(edited(BASE, { note: 'x' }), '2026-11-21T00:00:00.000Z'), deleted(BASE, '2026-11-20T00:00:00.000Z'));
    expect(result).toMatchObject({ kind: 'merged', value: { deletedAt: '2026-11-20T00:00:00.000Z', note: 'x' } });
  });

  it('lets a restore win over an unchanged tombstone', () => {
    const tombstone = deleted(BASE);
    expect(merge(tombstone, tombstone, { ...edited(tombstone, { note: 'restored' }), deletedAt: null })).toMatchObject({ kind: 'takeIncoming', value: { deletedAt: null } });
  });

  it('without a base, a record deleted on one side only is a deletion conflict', () => {
    expect(conflictsOf(merge(null, BASE, deleted(BASE))).map((conflict) => conflict.path)).toEqual([['deletedAt']]);
  });

  it('lets a purge win over anything, never as a conflict, and reports edits it discarded', () => {
    const tombstone: CaseRecord = { id: BASE.id, installationId: 'inst-a', createdAt: T0, createdBy: 'user-a', updatedAt: T0, updatedBy: 'admin', rev: 9, deletedAt: T0, purgedAt: T0 };
    expect(merge(BASE, edited(BASE, { note: 'edited' }), tombstone)).toEqual({ kind: 'takeIncoming', value: tombstone, purge: { by: 'incoming', discardedEdits: true } });
    expect(merge(BASE, BASE, tombstone)).toMatchObject({ purge: { by: 'incoming', discardedEdits: false } });
    expect(merge(BASE, tombstone, edited(BASE, { note: 'edited' }, 'user-c', 20))).toEqual({ kind: 'keepLocal', value: tombstone, purge: { by: 'local', discardedEdits: true } });
    expect(merge(BASE, tombstone, { ...tombstone, purgedAt: '2026-12-01T00:00:00.000Z' }).kind).toBe('same');
    expect(merge(null, null, tombstone).kind).toBe('new');
    expect(merge(BASE, { ...BASE, rev: 30 }, tombstone).value.rev).toBe(31);
  });
});

describe('resolveConflicts', () => {
  const local = edited(BASE, { address: { ...ADDRESS, street: 'Mustaqillik' }, phones: [] });
  const incoming = edited(BASE, { address: { ...ADDRESS, street: 'Buxoro' }, phones: ['+998 94 222 22 22'], note: 'incoming note' });
  const result = merge(BASE, local, incoming);
  const street = ['address', 'street'];

  it('applies each decision by path on top of the merged fields', () => {
    const decisions: ConflictDecision[] = [
      { path: street, take: 'incoming' },
      { path: ['phones'], take: 'custom', value: ['+998 95 333 33 33'] },
    ];
    expect(resolveConflicts(result, decisions)).toEqual({ ...result.value, address: { ...ADDRESS, street: 'Buxoro' }, phones: ['+998 95 333 33 33'], note: 'incoming note' });
    expect(resolveConflicts(result, [{ path: street, take: 'custom', value: undefined }, { path: ['phones'], take: 'local' }]).address).not.toHaveProperty('street');
  });

  it('refuses an undecided conflict, a decision for no conflict, two for one path, and an unknown choice', () => {
    const refusal = (decisions: ConflictDecision[]) => {
      try {
        resolveConflicts(result, decisions);
      } catch (error) {
        return error instanceof ExchangeError ? [error.code, error.details.reason, error.details.path] : error;
      }
      return 'resolved';
    };
    expect(refusal([{ path: street, take: 'local' }])).toEqual(['invalidInput', 'undecidedConflict', ['phones']]);
    expect(refusal([{ path: street, take: 'local' }, { path: ['phones'], take: 'local' }, { path: ['note'], take: 'local' }])).toEqual(['invalidInput', 'unknownConflictPath', ['note']]);
    expect(refusal([{ path: street, take: 'local' }, { path: street, take: 'incoming' }])).toEqual(['invalidInput', 'duplicateDecision', street]);
    expect(refusal([{ path: street, take: 'theirs' as 'local' }])).toEqual(['invalidInput', 'badDecision', street]);
    expect(refusal([{ path: ['address'], take: 'local' }])).toEqual(['invalidInput', 'unknownConflictPath', ['address']]);
  });

  it('needs no decisions for a result without conflicts, and refuses any given', () => {
    const taken = merge(BASE, BASE, incoming);
    expect(resolveConflicts(taken, [])).toBe(incoming);
    expect(() => resolveConflicts(taken, [{ path: street, take: 'local' }])).toThrow(ExchangeError);
  });

  it('has conflicts and decisions that survive the record encoding, for the UI and the exchange log', () => {
    const withBytes = merge(BASE, edited(BASE, { scan: Uint8Array.from([9]) }), edited(BASE, { scan: Uint8Array.from([8]) }));
    const conflicts = conflictsOf(withBytes);
    expect(decodeRecord(encodeRecord(conflicts))).toEqual(conflicts);
    const decisions = [{ path: ['scan'], take: 'incoming' }];
    expect(resolveConflicts(withBytes, decodeRecord(encodeRecord(decisions)) as ConflictDecision[]).scan).toEqual(Uint8Array.from([8]));
  });
});
