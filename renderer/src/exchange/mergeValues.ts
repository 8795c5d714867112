/**
 * The value-level half of the three-way merge (merge.ts has the record rules): what counts as equal,
 * which values are merged key by key, and the per-path rule itself. Kept apart so the record rules
 * read as rules and this file can be checked against an independent oracle (merge.test.ts).
 */

/**
 * Keys from a record's top level down, e.g. `['address', 'street']`; an item of a keyed list is the
 * step `#` + its id (`['actions', '#a1', 'status']`). Plain strings, so it serializes.
 */
export type FieldPath = string[];

const NONE: ReadonlySet<string> = new Set();

/** The path step of the item `id` of a keyed list. */
export function itemStep(id: string): string {
  return `#${id}`;
}

/** The item id a path step names, when it is an item step and the value it applies to is a list. */
export function itemIdOf(step: string): string | undefined {
  return step.startsWith('#') ? step.slice(1) : undefined;
}

/**
 * A field both sides changed, to different values, since the base: a person decides. `base` is
 * `undefined` when the field was absent from the base or there is no base; `local` and `incoming`
 * are `undefined` when that side removed the field. Values are record values (bytes, dates
 * included): store them with `encodeRecord`, as records travel.
 */
export interface MergeConflict {
  path: FieldPath;
  base: unknown;
  local: unknown;
  incoming: unknown;
}

/**
 * Only objects whose prototype is Object.prototype or null are merged key by key: a case's
 * `address` or `name`. Bytes and dates are single values, and so are lists, except keyed ones
 * (`isKeyedList`): merging two edited lists of plain values item by item would guess at what a
 * person meant (which phone number replaced which).
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Own property only: `record['__proto__']` must read the stored field, never the prototype. */
export function own(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Writes a data property, also for the key `__proto__` (which plain assignment would turn into a prototype change). */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The fields an item of a list may be known by, in the order tried: its own id, or the person,
 * plan action or goal it is about (an assessment's children, a monitoring's reviews of actions, a
 * closure's goal outcomes).
 */
const ITEM_KEYS = ['id', 'personId', 'actionId', 'goalId'] as const;

/**
 * The fields by which every item of `value` is told apart: each item a plain object holding its own
 * string there. Empty for a value that is no keyed list; every field for the empty list.
 */
function itemKeys(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return ITEM_KEYS.filter((key) => {
    const seen = new Set<string>();
    // for…of reads a hole as undefined, which is no plain object: a sparse list is not keyed.
    for (const item of value as unknown[]) {
      if (!isPlainObject(item)) return false;
      const id = own(item, key);
      if (typeof id !== 'string' || seen.has(id)) return false;
      seen.add(id);
    }
    return true;
  });
}

/**
 * A keyed list: its items are plain objects told apart by one field (`ITEM_KEYS`) — a plan's goals
 * and actions by id, an assessment's children by person, a monitoring's reviews by action. Two of
 * them merge item by item like an object's keys (an item added, removed or edited on one side is
 * that side's change). Lists of plain values are single values. The empty list is keyed too.
 */
export function isKeyedList(value: unknown): value is Record<string, unknown>[] {
  return itemKeys(value).length > 0;
}

/** The field two lists are merged by: the first both are keyed by, if any. */
function commonItemKey(a: unknown, b: unknown): string | undefined {
  const keysOfB = itemKeys(b);
  return itemKeys(a).find((key) => keysOfB.includes(key));
}

/**
 * Where the item an item step names is in `list`, or -1: by each field the list is keyed by, in
 * order (the merge may have keyed it by a later one when the other side's list lacked the first).
 */
export function itemIndex(list: readonly unknown[], id: string): number {
  const keys = itemKeys(list);
  for (const key of keys.length > 0 ? keys : ['id']) {
    const index = list.findIndex((item) => isPlainObject(item) && own(item, key) === id);
    if (index >= 0) return index;
  }
  return -1;
}

/**
 * Deep equality over what records hold. A key holding `undefined` equals an absent key (records
 * travel as JSON, which drops it). Numbers compare with Object.is, so NaN equals NaN and -0 is not
 * 0, as the record encoding keeps them apart. Bytes compare by content, dates by time.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    // By index, not `every`: it skips a hole, which would make [, 1] equal [5, 1]. A hole reads as undefined, like a missing key.
    for (let k = 0; k < a.length; k += 1) if (!deepEqual(a[k], b[k])) return false;
    return true;
  }
  if (a instanceof Uint8Array || b instanceof Uint8Array) return a instanceof Uint8Array && b instanceof Uint8Array && bytesEqual(a, b);
  if (a instanceof ArrayBuffer || b instanceof ArrayBuffer) {
    return a instanceof ArrayBuffer && b instanceof ArrayBuffer && bytesEqual(new Uint8Array(a), new Uint8Array(b));
  }
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  for (const key of Object.keys(a)) if (!deepEqual(a[key], own(b, key))) return false;
  for (const key of Object.keys(b)) if (!Object.hasOwn(a, key) && b[key] !== undefined) return false;
  return true;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k += 1) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * The three-way rule at one path, recursing into plain objects and keyed lists. Equal sides (also
 * two equal edits) need nothing; with a base, a side that still equals it takes the other side's
 * value; two plain objects merge key by key, two keyed lists item by item; anything else changed on
 * both sides is a conflict, recorded in `conflicts` and left at local's value, so nothing is
 * overwritten before a person decides. Without a base (`baseKnown` false) no side counts as
 * unchanged, so every difference is a conflict. The result shares unchanged parts with its inputs:
 * treat it as immutable.
 */
export function mergeValue(
  path: FieldPath,
  base: unknown,
  local: unknown,
  incoming: unknown,
  baseKnown: boolean,
  conflicts: MergeConflict[],
  /** Top-level fields whose keyed lists are one value all the same (merge.ts, `wholeLists`). */
  wholeLists: ReadonlySet<string> = NONE,
): unknown {
  if (deepEqual(local, incoming)) return local;
  if (baseKnown && deepEqual(base, local)) return incoming;
  if (baseKnown && deepEqual(base, incoming)) return local;
  if (isPlainObject(local) && isPlainObject(incoming)) {
    // A base that was not an object (absent, null, a string) has no fields: both sides added theirs.
    const baseObject = isPlainObject(base) ? base : {};
    const merged: Record<string, unknown> = {};
    const keys = new Set([...Object.keys(local), ...Object.keys(incoming)]);
    for (const key of keys) {
      const value = mergeValue([...path, key], own(baseObject, key), own(local, key), own(incoming, key), baseKnown, conflicts, wholeLists);
      if (value !== undefined) setOwn(merged, key, value);
    }
    return merged;
  }
  const whole = path.length === 1 && wholeLists.has(path[0]!);
  const key = whole ? undefined : commonItemKey(local, incoming);
  if (key !== undefined) return mergeKeyedList(path, key, base, local as Record<string, unknown>[], incoming as Record<string, unknown>[], baseKnown, conflicts, wholeLists);
  conflicts.push({ path, base: baseKnown ? base : undefined, local, incoming });
  return local;
}

/**
 * Two lists keyed by `key`, item by item (each at `path` + its item step), as two objects key by
 * key: a base that was no list keyed so has no items. The result keeps this office's order, the items only the
 * other side has after them in its order; an item removed on one side and unchanged on the other is
 * removed, one removed and edited is a conflict on the whole item.
 */
function mergeKeyedList(
  path: FieldPath,
  key: string,
  base: unknown,
  local: Record<string, unknown>[],
  incoming: Record<string, unknown>[],
  baseKnown: boolean,
  conflicts: MergeConflict[],
  wholeLists: ReadonlySet<string>,
): unknown[] {
  const byId = (list: Record<string, unknown>[]) => new Map(list.map((item) => [own(item, key) as string, item]));
  const [baseItems, localItems, incomingItems] = [byId(itemKeys(base).includes(key) ? (base as Record<string, unknown>[]) : []), byId(local), byId(incoming)];
  const ids = [...localItems.keys(), ...[...incomingItems.keys()].filter((id) => !localItems.has(id))];
  const merged: unknown[] = [];
  for (const id of ids) {
    const item = mergeValue([...path, itemStep(id)], baseItems.get(id), localItems.get(id), incomingItems.get(id), baseKnown, conflicts, wholeLists);
    if (item !== undefined) merged.push(item);
  }
  return merged;
}

/**
 * A copy of `object` with `value` at `path` (removed when `undefined`), copying only the objects and
 * lists along the path. An item step into a list replaces that item, or appends it when the list
 * has none of that id (an item removed here, the other side's version taken).
 */
export function setAt(object: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [key, ...rest] = path;
  if (key === undefined) throw new RangeError('empty path');
  const copy: Record<string, unknown> = { ...object };
  const child = own(object, key);
  const itemId = rest[0] === undefined ? undefined : itemIdOf(rest[0]);
  if (Array.isArray(child) && itemId !== undefined) setOwn(copy, key, setItem(child, itemId, rest.slice(1), value));
  else if (rest.length > 0) setOwn(copy, key, setAt(isPlainObject(child) ? child : {}, rest, value));
  else if (value === undefined) delete copy[key];
  else setOwn(copy, key, value);
  return copy;
}

function setItem(list: readonly unknown[], id: string, rest: readonly string[], value: unknown): unknown[] {
  const index = itemIndex(list, id);
  const current = index >= 0 ? list[index] : undefined;
  const next = rest.length === 0 ? value : setAt(isPlainObject(current) ? current : {}, rest, value);
  if (next === undefined) return list.filter((_, k) => k !== index);
  if (index < 0) return [...list, next];
  return list.map((item, k) => (k === index ? next : item));
}
