import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carriedLineage, isSharedBase, LINEAGE_LIMIT, nextLineage, versionStamp } from './lineage';

const v1 = { id: 'r', rev: 1, name: 'Karimova' };
const v2 = { id: 'r', rev: 2, name: 'Karimova D.' };

describe('a base’s lineage', () => {
  it('starts with the exchange that stored it', () => {
    expect(nextLineage(undefined, v1, 'T1')).toEqual({ transfers: ['T1'], ancestry: ['T1'] });
  });

  it('keeps the exchanges of the same content, and starts again when the content changed', () => {
    const first = { record: v1, ...nextLineage(undefined, v1, 'T1') };
    // Sent again unchanged (to the region, say): still T1's content too.
    const again = { record: { ...v1 }, ...nextLineage(first, { ...v1 }, 'T2') };
    expect(again).toMatchObject({ transfers: ['T1', 'T2'], ancestry: ['T1', 'T2'] });
    const edited = nextLineage(again, v2, 'T3');
    expect(edited).toEqual({ transfers: ['T3'], ancestry: ['T1', 'T2', 'T3'] });
  });

  it('takes in the ancestry a received file carried', () => {
    const mine = { record: v1, ...nextLineage(undefined, v1, 'T1') };
    expect(nextLineage(mine, v2, 'T5', ['T0', 'T1', 'T4'])).toEqual({ transfers: ['T5'], ancestry: ['T0', 'T1', 'T4', 'T5'] });
  });

  it('keeps the newest ids only, each once', () => {
    let base = { record: v1, ...nextLineage(undefined, v1, 'T0') };
    for (let k = 1; k <= LINEAGE_LIMIT + 5; k += 1) base = { record: v1, ...nextLineage(base, v1, `T${k}`, [`T${k - 1}`]) };
    expect(base.transfers).toHaveLength(LINEAGE_LIMIT);
    expect(base.ancestry).toHaveLength(LINEAGE_LIMIT);
    expect(base.transfers.at(-1)).toBe(`T${LINEAGE_LIMIT + 5}`);
    expect(new Set(base.ancestry).size).toBe(LINEAGE_LIMIT);
  });

  it('a base stored before lineage existed is trusted, carries nothing and is replaced by one with lineage', () => {
    const legacy = { record: v1 };
    expect(isSharedBase(legacy, [])).toBe(true);
    expect(carriedLineage(legacy)).toEqual([]);
    expect(nextLineage(legacy, v1, 'T1')).toEqual({ transfers: ['T1'], ancestry: ['T1'] });
  });
});

describe('a shared base', () => {
  it('is one whose content is an exchange the sender’s copy descends from', () => {
    const base = { record: v2, transfers: ['T2'], ancestry: ['T1', 'T2'] };
    expect(isSharedBase(base, ['T1', 'T2'])).toBe(true);
    // A file written before T2 (T1 turned up late): its copy does not descend from T2's content.
    expect(isSharedBase(base, ['T1'])).toBe(false);
    expect(isSharedBase(base, [])).toBe(false);
  });

  it('a sender with no base carries nothing; one with a base carries its ancestry', () => {
    expect(carriedLineage(undefined)).toEqual([]);
    expect(carriedLineage({ record: v1, transfers: ['T3'], ancestry: ['T1', 'T3'] })).toEqual(['T1', 'T3']);
  });
});

// Random exchanges of one record among three offices — edits, sends, files delivered late, out of
// order or never — checked against what each copy really contains: every edit has an id, and each
// copy knows the set of edits it holds. Whenever a receiver would merge against its base, that
// base's edits must all be in the incoming copy (the base is an ancestor of both), or the merge
// would read the sender's older values as changes. LINEAGE_RUNS / LINEAGE_SEED widen or replay a run.
const SEED = Number.parseInt(String(import.meta.env.LINEAGE_SEED ?? '20261207'), 10);
const RUNS = Number.parseInt(String(import.meta.env.LINEAGE_RUNS ?? '200'), 10);

type Step = { kind: 'edit'; office: number } | { kind: 'send'; from: number; to: number } | { kind: 'deliver'; pick: number };
const OFFICES = 3;
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), office: fc.nat(OFFICES - 1) }),
  fc.record({ kind: fc.constant('send' as const), from: fc.nat(OFFICES - 1), to: fc.nat(OFFICES - 1) }),
  fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(50) }),
);

interface Office {
  edits: Set<string>;
  base?: { record: string[]; edits: Set<string>; transfers: string[]; ancestry: string[] };
}

describe('lineage over random exchanges among three offices', () => {
  it(`never lets a base serve whose edits the incoming copy lacks (${RUNS} runs, seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        // Every office starts from the same record, held by all (as if restored from one backup, with no base yet).
        const offices: Office[] = Array.from({ length: OFFICES }, () => ({ edits: new Set(['e0']) }));
        const pending: { id: string; to: number; edits: Set<string>; carried: string[] }[] = [];
        let counter = 0;
        const content = (edits: Set<string>) => [...edits].sort();
        for (const s of steps) {
          if (s.kind === 'edit') offices[s.office]!.edits.add(`e${++counter}`);
          else if (s.kind === 'send') {
            if (s.from === s.to) continue;
            const sender = offices[s.from]!;
            const id = `T${++counter}`;
            pending.push({ id, to: s.to, edits: new Set(sender.edits), carried: carriedLineage(sender.base) });
            sender.base = { record: content(sender.edits), edits: new Set(sender.edits), ...nextLineage(sender.base, content(sender.edits), id) };
          } else if (pending.length > 0) {
            const [file] = pending.splice(s.pick % pending.length, 1);
            const receiver = offices[file!.to]!;
            const shared = receiver.base !== undefined && isSharedBase(receiver.base, file!.carried);
            if (shared) for (const edit of receiver.base!.edits) expect(file!.edits.has(edit), `base edit ${edit} missing from ${file!.id}`).toBe(true);
            // The merge (with or without a base, a person deciding the rest) leaves the receiver with both sides' edits.
            for (const edit of file!.edits) receiver.edits.add(edit);
            receiver.base = { record: content(file!.edits), edits: new Set(file!.edits), ...nextLineage(receiver.base, content(file!.edits), file!.id, file!.carried) };
          }
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('a ping-pong between two offices, each file delivered before the next is sent, always has its base', () => {
    const offices: Office[] = [{ edits: new Set(['e0']) }, { edits: new Set(['e0']) }];
    for (let round = 1; round <= 40; round += 1) {
      const [from, to] = round % 2 ? [offices[0]!, offices[1]!] : [offices[1]!, offices[0]!];
      from.edits.add(`e${round}`);
      const id = `T${round}`;
      const carried = carriedLineage(from.base);
      const edits = new Set(from.edits);
      from.base = { record: [...edits].sort(), edits, ...nextLineage(from.base, [...edits].sort(), id) };
      if (round > 2) expect(to.base && isSharedBase(to.base, carried), `round ${round}`).toBe(true);
      for (const edit of edits) to.edits.add(edit);
      to.base = { record: [...edits].sort(), edits: new Set(edits), ...nextLineage(to.base, [...edits].sort(), id, carried) };
    }
  });
});

describe('a base kept as its version stamp', () => {
  it('compares as the record would within one database: the same revision and time is the same content', () => {
    const stamp = { id: 'r', rev: 2, updatedAt: '2026-12-01T10:00:00.000Z' };
    const base = { record: versionStamp({ ...stamp, name: 'Karimova', address: { street: 'Navroʻz' } }), transfers: ['T1'], ancestry: ['T1'] };
    expect(base.record).toEqual(stamp);
    expect(nextLineage(base, versionStamp({ ...stamp, name: 'Karimova', address: { street: 'Navroʻz' } }), 'T2').transfers).toEqual(['T1', 'T2']);
    // Written since: a new revision, a new list.
    expect(nextLineage(base, versionStamp({ ...stamp, rev: 3, updatedAt: '2026-12-02T10:00:00.000Z', name: 'Karimova D.' }), 'T2').transfers).toEqual(['T2']);
    expect(versionStamp(null)).toEqual({ id: undefined, rev: undefined, updatedAt: undefined });
  });
});
