import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordMeta } from '../domain/record';
import { DELETION_PATH, mergeRecord, resolveConflicts } from './merge';

// Random edits on both sides after a shared transfer, merged, then checked against an oracle that
// knows nothing of the merge's recursion: it flattens each record into path → value (a plain
// object is a marker plus its children, a keyed list — items with distinct ids — a marker plus its
// items by id) and applies the three-way rule to every path on its own.
// MERGE_RUNS and MERGE_SEED replay or widen a run; fast-check prints the seed and path on failure.

const SEED = Number.parseInt(String(import.meta.env.MERGE_SEED ?? '20261201'), 10);
const RUNS = Number.parseInt(String(import.meta.env.MERGE_RUNS ?? '250'), 10);
if (!Number.isSafeInteger(SEED) || !(RUNS > 0)) throw new Error(`MERGE_SEED and MERGE_RUNS must be integers (got ${SEED}, ${RUNS})`);

type Fields = Record<string, unknown>;
type Rec = RecordMeta & Fields;
const META = ['id', 'installationId', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'rev', 'deletedAt', 'purgedAt'];
const KEYS = ['a', 'b', 'c', '__proto__'];
const CONTEXT = { userId: 'merger', now: new Date('2026-12-01T10:00:00.000Z') };

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
function objectOf(entries: readonly (readonly [string, unknown])[]): Fields {
  const out: Fields = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}
const field = (object: Fields, key: string): unknown => (Object.hasOwn(object, key) ? object[key] : undefined);
/** Restated apart from the merge's isKeyedList: a list of plain objects, each with its own string id. */
const isKeyed = (value: unknown): value is Fields[] => {
  if (!Array.isArray(value)) return false;
  const ids = value.map((item: unknown) => (isObject(item) && typeof field(item, 'id') === 'string' ? (field(item, 'id') as string) : null));
  return ids.every((id) => id !== null) && new Set(ids).size === ids.length;
};
const ITEM = '#';

/** A canonical text for a value: keys sorted, bytes and dates by content, undefined keys dropped. */
function canon(value: unknown): string {
  if (value === undefined) return 'absent';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value instanceof Uint8Array) return `bytes(${value.join(',')})`;
  if (value instanceof Date) return `date(${value.getTime()})`;
  if (Array.isArray(value)) return `[${value.map(canon).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).filter((key) => value[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canon(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const OBJECT = '{object}';
const LIST = '[keyed]';
/** path (JSON) → canonical value; a plain object is OBJECT at its own path plus its fields below, a keyed list LIST plus its items at `#id`. */
function flatten(value: Fields, prefix: string[] = [], out = new Map<string, string>()): Map<string, string> {
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item === undefined) continue;
    const path = [...prefix, key];
    out.set(JSON.stringify(path), isObject(item) ? OBJECT : isKeyed(item) ? LIST : canon(item));
    if (isObject(item)) flatten(item, path, out);
    if (isKeyed(item)) {
      for (const entry of item) {
        const itemPath = [...path, `${ITEM}${field(entry, 'id') as string}`];
        out.set(JSON.stringify(itemPath), OBJECT);
        flatten(entry, itemPath, out);
      }
    }
  }
  return out;
}

const userFields = (record: Rec): Fields => objectOf(Object.keys(record).filter((key) => !META.includes(key)).map((key) => [key, record[key]]));
const at = (value: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((node, key) => (isObject(node) ? field(node, key) : isKeyed(node) && key.startsWith(ITEM) ? node.find((item) => field(item, 'id') === key.slice(1)) : undefined), value);
const under = (path: string, prefix: readonly string[]) => JSON.stringify(prefix).slice(0, -1) === path.slice(0, JSON.stringify(prefix).length - 1);

/** The three-way rule per path, with no base: every difference is a conflict. */
function oracle(base: Map<string, string> | null, local: Map<string, string>, incoming: Map<string, string>): Map<string, string | 'CONFLICT'> {
  const out = new Map<string, string | 'CONFLICT'>();
  for (const path of new Set([...(base?.keys() ?? []), ...local.keys(), ...incoming.keys()])) {
    const [b, l, i] = [base?.get(path) ?? 'absent', local.get(path) ?? 'absent', incoming.get(path) ?? 'absent'];
    out.set(path, l === i ? l : base && b === l ? i : base && b === i ? l : 'CONFLICT');
  }
  return out;
}

// Values and edits: few keys and few values, so both sides often touch the same path, and sometimes the same way.
const leaf = fc.oneof(
  fc.constantFrom('x', 'y', 'Gʻulom', 'Ғулом', ''),
  fc.integer({ min: -1, max: 3 }),
  fc.constantFrom(null, true, -0, Number.NaN),
  fc.uint8Array({ maxLength: 3 }),
  fc.constantFrom(new Date(0), new Date(86_400_000)),
);
const ITEM_IDS = ['k1', 'k2', 'k3'];
const { node } = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(fc.oneof(leaf, tie('object')), { maxLength: 3 }), tie('object'), tie('keyed')),
  object: fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('node')), { maxLength: 4 }).map(objectOf),
  // Items with ids from a small set, so both sides often hold, edit or remove the same item.
  keyed: fc.uniqueArray(fc.tuple(fc.constantFrom(...ITEM_IDS), tie('object')), { selector: ([id]) => id, maxLength: 3 }).map((items) => items.map(([id, fields]) => objectOf([['id', id], ...Object.entries(fields as Fields)]))),
}));
const step = fc.oneof(fc.constantFrom(...KEYS), fc.constantFrom(...KEYS), fc.constantFrom(...ITEM_IDS.map((id) => `${ITEM}${id}`)));
const path = fc.oneof(fc.tuple(fc.constantFrom(...KEYS)), fc.tuple(fc.constantFrom(...KEYS), step, step).map(([first, ...rest]) => [first, ...rest.slice(0, 1)]), fc.array(step, { minLength: 1, maxLength: 3 }).map((steps) => [KEYS[0]!, ...steps]));
const edit = fc.record({ path, value: fc.option(fc.oneof(leaf, node), { nil: undefined }) });
type Edit = { path: string[]; value: unknown };

/**
 * Sets (or removes, for undefined) one path, making objects along it; written apart from the merge's
 * own setAt. An item step into a keyed list edits that item (adding it, with its id, when missing).
 */
function apply(value: Fields, { path: [key, ...rest], value: next }: Edit): Fields {
  const copy = objectOf(Object.entries(value));
  // An item step where no keyed list is: no edit (records have no field named like an item step).
  if (key === undefined || key.startsWith(ITEM)) return copy;
  const child = field(value, key);
  const [first, ...deeper] = rest;
  let replaced: unknown;
  if (isKeyed(child) && first?.startsWith(ITEM)) {
    const id = first.slice(1);
    const found = child.find((item) => field(item, 'id') === id);
    const edited = deeper.length > 0 ? apply(found ?? objectOf([['id', id]]), { path: deeper, value: next }) : isObject(next) ? objectOf([...Object.entries(next), ['id', id]]) : undefined;
    replaced = found ? child.flatMap((item) => (item === found ? (edited ? [edited] : []) : [item])) : edited ? [...child, edited] : child;
  } else replaced = rest.length > 0 ? apply(isObject(child) ? child : {}, { path: rest, value: next }) : next;
  if (replaced === undefined) delete copy[key];
  else Object.defineProperty(copy, key, { value: replaced, enumerable: true, writable: true, configurable: true });
  return copy;
}

const DELETIONS = [null, null, null, '2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z'];
const scenario = fc.record({
  base: fc.array(fc.tuple(fc.constantFrom(...KEYS), node), { maxLength: 4 }).map(objectOf),
  baseKnown: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
  shared: fc.array(fc.tuple(edit, fc.constantFrom('local', 'incoming', 'both')), { maxLength: 3 }),
  local: fc.array(edit, { maxLength: 3 }),
  incoming: fc.array(edit, { maxLength: 3 }),
  deletion: fc.tuple(...[0, 1, 2].map(() => fc.constantFrom(...DELETIONS, 'keep', 'keep'))),
  revs: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

function recordsOf(s: Scenario): { base: Rec; local: Rec; incoming: Rec } {
  const meta = (rev: number, deletedAt: string | null, by: string) => ({ id: 'r1', installationId: 'i1', createdAt: 'c', createdBy: 'u', updatedAt: by, updatedBy: by, rev, deletedAt });
  const side = (name: 'local' | 'incoming', own: Edit[]) => [...s.shared.filter(([, who]) => who === name || who === 'both').map(([e]) => e), ...own].reduce(apply, s.base);
  const [baseDeletion, localDeletion, incomingDeletion] = s.deletion.map((d) => (d === 'keep' ? undefined : d));
  const deletedAt = baseDeletion ?? null;
  const make = (m: RecordMeta, fields: Fields) => objectOf([...Object.entries(m), ...Object.entries(fields)]) as Rec;
  return {
    base: make(meta(s.revs[0], deletedAt, 'base'), s.base),
    local: make(meta(s.revs[0] + s.revs[1], localDeletion === undefined ? deletedAt : localDeletion, 'local'), side('local', s.local)),
    incoming: make(meta(s.revs[0] + s.revs[2], incomingDeletion === undefined ? deletedAt : incomingDeletion, 'incoming'), side('incoming', s.incoming)),
  };
}

/** The deletion rule restated: a one-sided deletion meeting any edit on the other side needs a person. */
function expectedDeletion(base: Rec | null, local: Rec, incoming: Rec): string | null | 'CONFLICT' {
  const [l, i] = [local.deletedAt, incoming.deletedAt];
  if (l === i) return l;
  if (!base) return l && i ? [l, i].sort()[0]! : 'CONFLICT';
  const editedSinceBase = (side: Rec) => canon(userFields(side)) !== canon(userFields(base));
  const onlyIncomingMoved = base.deletedAt === l;
  const onlyLocalMoved = base.deletedAt === i;
  if (onlyIncomingMoved) return i !== null && l === null && editedSinceBase(local) ? 'CONFLICT' : i;
  if (onlyLocalMoved) return l !== null && i === null && editedSinceBase(incoming) ? 'CONFLICT' : l;
  return l && i ? [l, i].sort()[0]! : 'CONFLICT';
}

function check(s: Scenario): void {
  const records = recordsOf(s);
  const base = s.baseKnown ? records.base : null;
  const { local, incoming } = records;
  const result = mergeRecord({ base, local, incoming }, CONTEXT);
  const all = result.kind === 'conflict' ? result.conflicts : [];
  const conflicts = all.filter((c) => c.path.join() !== DELETION_PATH.join());
  const deletionConflict = all.length > conflicts.length;

  const [flatLocal, flatIncoming] = [flatten(userFields(local)), flatten(userFields(incoming))];
  const expected = oracle(base && flatten(userFields(base)), flatLocal, flatIncoming);
  const covered = (path: string) => conflicts.some((c) => under(path, c.path));

  // Every path the oracle settles has the oracle's value; every oracle conflict lies under a reported conflict;
  // under a conflict the value is the chosen side's whole subtree.
  const valueFor = (side: Map<string, string>) => (path: string) => (covered(path) ? side.get(path) : expected.get(path)) ?? 'absent';
  const checkValue = (value: Rec, side: Map<string, string>) => {
    const flat = flatten(userFields(value));
    const wrong = [...new Set([...expected.keys(), ...flat.keys()])].filter((path) => (flat.get(path) ?? 'absent') !== valueFor(side)(path));
    expect(wrong.map((path) => [path, flat.get(path) ?? 'absent', valueFor(side)(path)])).toEqual([]);
  };
  expect([...expected].filter(([path, value]) => value === 'CONFLICT' && !covered(path))).toEqual([]);

  // Each reported conflict is real: the sides' own values, changed on both sides, and not two objects (those merge key by key).
  for (const c of conflicts) {
    expect([canon(c.local), canon(c.incoming), canon(c.base)]).toEqual([canon(at(local, c.path)), canon(at(incoming, c.path)), canon(base ? at(base, c.path) : undefined)]);
    expect(canon(c.local)).not.toBe(canon(c.incoming));
    if (base) expect(canon(c.base) !== canon(c.local) && canon(c.base) !== canon(c.incoming)).toBe(true);
    expect(isObject(c.local) && isObject(c.incoming)).toBe(false);
    expect(isKeyed(c.local) && isKeyed(c.incoming)).toBe(false);
  }

  const deletion = expectedDeletion(base, local, incoming);
  expect(deletionConflict).toBe(deletion === 'CONFLICT');
  checkValue(result.value as Rec, flatLocal);
  expect(result.value.deletedAt).toBe(deletion === 'CONFLICT' ? local.deletedAt : deletion);
  expect(result.value.id).toBe('r1');

  const same = canon(userFields(local)) === canon(userFields(incoming)) && local.deletedAt === incoming.deletedAt;
  expect(result.kind === 'same').toBe(same);
  if (result.kind === 'merged' || result.kind === 'conflict') {
    expect(result.value).toMatchObject({ rev: Math.max(local.rev, incoming.rev) + 1, updatedBy: 'merger', updatedAt: CONTEXT.now.toISOString() });
  }
  if (result.kind === 'keepLocal' || result.kind === 'same') expect(result.value).toBe(local);
  if (result.kind === 'takeIncoming') expect(result.value.rev).toBe(Math.max(incoming.rev, local.rev + 1));

  // Resolving every conflict one way gives that side's values exactly where they conflicted.
  for (const take of ['local', 'incoming'] as const) {
    const resolved = resolveConflicts(result, all.map((c) => ({ path: c.path, take })));
    checkValue(resolved as Rec, take === 'local' ? flatLocal : flatIncoming);
    if (deletionConflict) expect(resolved.deletedAt).toBe(take === 'local' ? local.deletedAt : incoming.deletedAt);
  }

  // Symmetric: swapping the sides reports the same conflict paths.
  const swapped = mergeRecord({ base, local: incoming, incoming: local }, CONTEXT);
  const paths = (r: typeof result) => (r.kind === 'conflict' ? r.conflicts.map((c) => c.path.join('/')).sort() : []);
  expect(paths(swapped)).toEqual(paths(result));
}

describe('mergeRecord against the per-path oracle (property)', () => {
  it(`agrees on every field after random edits on both sides (${RUNS} runs, seed ${SEED})`, () => {
    fc.assert(fc.property(scenario, check), { seed: SEED, numRuns: RUNS });
  });

  it('reports the seed and path on failure, so a failing run can be replayed with MERGE_SEED', () => {
    expect(() => fc.assert(fc.property(scenario, () => false), { seed: SEED, numRuns: 1 })).toThrow(`seed: ${SEED}, path: "0`);
  });
});
