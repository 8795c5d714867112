import { describe, expect, it } from 'vitest';
import { carriedLineage, isSharedBase, LINEAGE_LIMIT, nextLineage } from './lineage';

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
