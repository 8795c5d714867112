import type { RecordMeta, WriteContext } from '../domain/record';
import { ExchangeError } from './errors';
import { deepEqual, mergeValue, setAt, setOwn, type FieldPath, type MergeConflict } from './mergeValues';

export type { FieldPath, MergeConflict } from './mergeValues';
export { itemIdOf, itemIndex, itemStep } from './mergeValues';

/**
 * Three-way merge of one record received in a transfer (FORMAT.md, "Merge"). Pure: the importer
 * reads the base copy and the local record, calls `mergeRecord`, shows any conflicts, calls
 * `resolveConflicts`, writes the value and stores `incoming` as the new base copy.
 */

/** Identity and bookkeeping: never user fields, never field conflicts. `deletedAt` and `purgedAt` have rules of their own. */
const META_KEYS: ReadonlySet<string> = new Set<keyof RecordMeta>([
  'id',
  'installationId',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'rev',
  'deletedAt',
  'purgedAt',
]);

/** The conflict path of "deleted on one side, edited on the other". A meta key, so no user field can share it. */
export const DELETION_PATH: readonly string[] = Object.freeze(['deletedAt']);

export interface MergeInput<T extends RecordMeta> {
  /** The copy stored when this record was last sent or received; absent if it never was. */
  base?: T | null;
  /** This database's record; absent if the record was never seen here. */
  local?: T | null;
  incoming: T;
}

/** Who merges and when: stamped as updatedBy/updatedAt on a newly computed value (the same context every write takes). */
export type MergeContext = Pick<WriteContext, 'userId' | 'now'>;

export interface MergeOptions {
  /**
   * Top-level fields whose keyed lists merge as one value, as other lists do: where items of two
   * lists hang together (a plan's actions on its goals) and merging each item apart would break
   * that (an action kept under a goal the other side removed). The importer asks for it then.
   */
  wholeLists?: readonly string[];
}

/**
 * A purge decided the outcome. `discardedEdits`: the other side had changed the record since the
 * base (or there is no base), and those changes are gone with the contents. The import reports it.
 */
export interface PurgeReport {
  by: 'local' | 'incoming';
  discardedEdits: boolean;
}

/**
 * What to do with one record. `value` is always the record to store (for `same` and `keepLocal`
 * it is `local` itself: nothing to write). For `conflict` it is the merge with every conflicting
 * field still at local's value, so a preview shows nothing overwritten.
 */
export type MergeResult<T extends RecordMeta> =
  /** Never seen here: store incoming as it is. */
  | { kind: 'new'; value: T }
  /** Both sides hold the same contents and deletion state (maybe after the same edits): nothing to do. */
  | { kind: 'same'; value: T }
  /** Only incoming changed (or its purge wins): store incoming. */
  | { kind: 'takeIncoming'; value: T; purge?: PurgeReport }
  /** Only local changed (or its purge wins): keep local. */
  | { kind: 'keepLocal'; value: T; purge?: PurgeReport }
  /** Both changed, different fields: a new value, stamped with the context. */
  | { kind: 'merged'; value: T }
  /** Some fields changed on both sides: a person decides each one (`resolveConflicts`). */
  | { kind: 'conflict'; value: T; conflicts: MergeConflict[]; baseKnown: boolean };

/**
 * A person's choice for one conflict, by path: `local`, `incoming`, or a `custom` value
 * (`undefined` removes the field). Plain data, so the exchange log can record how each was decided.
 */
export type ConflictDecision = { path: FieldPath; take: 'local' | 'incoming' } | { path: FieldPath; take: 'custom'; value: unknown };

type Fields = Record<string, unknown>;

/**
 * Merges `local` and `incoming` against `base`, field by field (plain objects key by key, other
 * values whole). Revisions count independently on each PC, so they never decide anything: content
 * against the base does. Throws `invalidInput` (`mergeIdMismatch`) if the three ids differ.
 */
export function mergeRecord<T extends RecordMeta>(input: MergeInput<T>, context: MergeContext, options: MergeOptions = {}): MergeResult<T> {
  const { incoming } = input;
  const local = input.local ?? undefined;
  const base = input.base ?? undefined;
  if ((local && local.id !== incoming.id) || (base && base.id !== incoming.id)) {
    throw new ExchangeError('invalidInput', { reason: 'mergeIdMismatch' });
  }
  // The app never removes a record without leaving a tombstone, so no local record means never seen.
  if (!local) return { kind: 'new', value: incoming };
  if (local.purgedAt || incoming.purgedAt) return mergePurged(base, local, incoming);

  const baseKnown = base !== undefined;
  const [baseFields, localFields, incomingFields] = [userFields(base), userFields(local), userFields(incoming)];
  const conflicts: MergeConflict[] = [];
  const fields = mergeValue([], baseFields, localFields, incomingFields, baseKnown, conflicts, new Set(options.wholeLists ?? [])) as Fields;
  const deletedAt = mergeDeletion(
    base ? deletionOf(base) : undefined,
    deletionOf(local),
    deletionOf(incoming),
    { local: baseKnown && !deepEqual(baseFields, localFields), incoming: baseKnown && !deepEqual(baseFields, incomingFields) },
    conflicts,
  );

  if (conflicts.length > 0) return { kind: 'conflict', value: stamped(local, incoming, fields, deletedAt, context), conflicts, baseKnown };
  const keepsLocal = deletedAt === deletionOf(local) && deepEqual(fields, localFields);
  const takesIncoming = deletedAt === deletionOf(incoming) && deepEqual(fields, incomingFields);
  if (keepsLocal && takesIncoming) return { kind: 'same', value: local };
  if (keepsLocal) return { kind: 'keepLocal', value: local };
  if (takesIncoming) return { kind: 'takeIncoming', value: advanced(incoming, local) };
  return { kind: 'merged', value: stamped(local, incoming, fields, deletedAt, context) };
}

/**
 * The record with every conflict decided. Refuses (`invalidInput`, `details.path`) a conflict left
 * undecided (`undecidedConflict`), a decision for no conflict (`unknownConflictPath`), two decisions
 * for one path (`duplicateDecision`) or an unknown choice (`badDecision`): a half-decided record
 * must never be written. Any other result kind needs no decisions and gives back its value.
 */
export function resolveConflicts<T extends RecordMeta>(result: MergeResult<T>, decisions: readonly ConflictDecision[]): T {
  const conflicts = result.kind === 'conflict' ? result.conflicts : [];
  const known = new Set(conflicts.map((conflict) => pathKey(conflict.path)));
  const chosen = new Map<string, ConflictDecision>();
  for (const decision of decisions) {
    const key = pathKey(decision.path);
    if (!known.has(key)) throw decisionError('unknownConflictPath', decision.path);
    if (chosen.has(key)) throw decisionError('duplicateDecision', decision.path);
    if (!['local', 'incoming', 'custom'].includes(decision.take)) throw decisionError('badDecision', decision.path);
    chosen.set(key, decision);
  }
  let value = result.value as unknown as Fields;
  for (const conflict of conflicts) {
    const decision = chosen.get(pathKey(conflict.path));
    if (!decision) throw decisionError('undecidedConflict', conflict.path);
    let taken = decision.take === 'custom' ? decision.value : conflict[decision.take];
    if (pathKey(conflict.path) === pathKey(DELETION_PATH)) taken ??= null;
    value = setAt(value, conflict.path, taken);
  }
  return value as unknown as T;
}

/**
 * Deletion is its own field: the usual three-way rule on `deletedAt`, except that a deletion on one
 * side meeting edits on the other is a conflict at DELETION_PATH (deleting would hide the edits,
 * keeping would ignore the deletion). Deleted on both sides at different times is still deleted,
 * since the earlier time. A restore (back to null) on one side wins over an unchanged tombstone.
 */
function mergeDeletion(
  base: string | null | undefined,
  local: string | null,
  incoming: string | null,
  edited: { local: boolean; incoming: boolean },
  conflicts: MergeConflict[],
): string | null {
  if (local === incoming) return local;
  const conflict = () => {
    conflicts.push({ path: [...DELETION_PATH], base, local, incoming });
    return local;
  };
  if (base !== undefined && base === local) return incoming !== null && local === null && edited.local ? conflict() : incoming;
  if (base !== undefined && base === incoming) return local !== null && incoming === null && edited.incoming ? conflict() : local;
  if (local !== null && incoming !== null) return local < incoming ? local : incoming;
  return conflict();
}

/**
 * A purge is a deliberate administrator's action and leaves no contents to merge, so it wins over
 * anything, is never a conflict, and is reported (`purge`). Both purged: nothing to do.
 */
function mergePurged<T extends RecordMeta>(base: T | undefined, local: T, incoming: T): MergeResult<T> {
  if (local.purgedAt && incoming.purgedAt) return { kind: 'same', value: local };
  if (incoming.purgedAt) return { kind: 'takeIncoming', value: advanced(incoming, local), purge: { by: 'incoming', discardedEdits: changedSince(base, local) } };
  return { kind: 'keepLocal', value: local, purge: { by: 'local', discardedEdits: changedSince(base, incoming) } };
}

function changedSince<T extends RecordMeta>(base: T | undefined, side: T): boolean {
  return !base || deletionOf(base) !== deletionOf(side) || !deepEqual(userFields(base), userFields(side));
}

function userFields(record: RecordMeta | undefined): Fields {
  const fields: Fields = {};
  if (!record) return fields;
  for (const [key, value] of Object.entries(record)) if (!META_KEYS.has(key)) setOwn(fields, key, value);
  return fields;
}

function deletionOf(record: RecordMeta): string | null {
  return record.deletedAt ?? null;
}

/**
 * Incoming as it is, except that its rev must move past local's (rev only grows in one database,
 * so "changed since the last export" scans see the record; usually incoming's is already higher)
 * and that the record keeps local's identity. The same record has the same identity on both
 * sides; a person linked by PINFL does not, and taking the sender's would make this office's
 * person look like another record to every office it was sent to before.
 */
function advanced<T extends RecordMeta>(incoming: T, local: T): T {
  const sameIdentity = IDENTITY_KEYS.every((key) => incoming[key] === local[key]);
  if (sameIdentity && incoming.rev > local.rev) return incoming;
  return { ...incoming, id: local.id, installationId: local.installationId, createdAt: local.createdAt, createdBy: local.createdBy, rev: Math.max(incoming.rev, local.rev + 1) };
}

const IDENTITY_KEYS = ['id', 'installationId', 'createdAt', 'createdBy'] as const;

/** A newly computed value: local's identity, a rev past both sides, stamped with who merged and when. */
function stamped<T extends RecordMeta>(local: T, incoming: T, fields: Fields, deletedAt: string | null, context: MergeContext): T {
  const meta: RecordMeta = {
    id: local.id,
    installationId: local.installationId,
    createdAt: local.createdAt,
    createdBy: local.createdBy,
    updatedAt: context.now.toISOString(),
    updatedBy: context.userId,
    rev: Math.max(local.rev, incoming.rev) + 1,
    deletedAt,
  };
  return { ...meta, ...fields } as unknown as T;
}

function pathKey(path: readonly string[]): string {
  return JSON.stringify(path);
}

function decisionError(reason: string, path: readonly string[]): ExchangeError {
  return new ExchangeError('invalidInput', { reason, path: [...path] });
}
