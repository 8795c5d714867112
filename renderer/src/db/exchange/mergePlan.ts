import type { Table } from 'dexie';
import type { HamkorlikDb } from '../db';
import { requireOffice } from '../repositories/guard';
import { exchangeBaseKey, type LoggedDecision } from '../../domain/exchange';
import type { RecordMeta } from '../../domain/record';
import { orphanActionIds } from '../../domain/plan';
import { ExchangeError, isSharedBase, mergeRecord, type ConflictDecision, type MergeConflict, type MergeContext, type MergeResult } from '../../exchange';
import type { TransferPreview } from './receive';
import { REF_FIELDS, REF_TABLES, rewriteIds, TRANSFER_TABLES, type RefTable, type TransferTable } from './transferTables';

type Row = Record<string, unknown>;

/**
 * Case fields the exchange does not merge: `custody` is set by the import from the transfer's mode
 * (applyTransfer); the list summary, sort name and search keys (from the members) and the due dates
 * of monitoring and plan actions (from the monitorings and the plan) are derived, and recomputed
 * once everything is written. Merging them would only report conflicts no person could sensibly decide.
 */
const UNMERGED_CASE_FIELDS = ['custody', 'summary', 'sortName', 'searchKeys', 'monitoringDue', 'actionsDue'] as const;
/** A person's duplicate key is folded from the names and birth date: applyTransfer computes it again. */
const UNMERGED_PERSON_FIELDS = ['dupKey'] as const;
const UNMERGED: Partial<Record<TransferTable, readonly string[]>> = { cases: UNMERGED_CASE_FIELDS, persons: UNMERGED_PERSON_FIELDS };

/** One record's merge: under the local id (a person linked by PINFL keeps the local one). */
export interface PlannedRecord {
  table: TransferTable;
  id: string;
  incomingId: string;
  result: MergeResult<RecordMeta>;
  /** The local record's revision when planned (null: none); applyTransfer refuses if it moved since. */
  localRev: number | null;
  /** What to store as the new base: incoming with linked person ids, before references were mapped to local ones. */
  base: Row;
  /** Persons: the other person here who already holds the PINFL this record would take (see `guardPinfl`). */
  pinflTakenBy?: PinflHolder;
}

/** The local person who holds a PINFL, named for the conflict list. */
export interface PinflHolder {
  personId: string;
  surname: unknown;
  firstName: unknown;
}

/** The conflicts of one record, for the dialog that asks a person to decide each field. */
export interface RecordConflicts {
  table: TransferTable;
  id: string;
  conflicts: MergeConflict[];
  /** False when the record never travelled between the offices: every difference is then a conflict. */
  baseKnown: boolean;
  /** Persons: theirs at `pinfl` is another person's PINFL here, so only ours can be kept (applyTransfer refuses theirs). */
  pinflTakenBy?: PinflHolder;
}

export interface MergePlan {
  preview: TransferPreview;
  records: PlannedRecord[];
  conflicts: RecordConflicts[];
  /** Incoming persons taken as a local person with the same PINFL: their records point to the local id. */
  linkedPersons: { incomingId: string; localId: string }[];
  /** Reference entries (`table:id`) neither found here by id nor mapped: the records keep the sender's id. */
  unmatchedRefs: string[];
}

/** A person's decisions on one record's conflicts. */
export interface RecordDecisions {
  table: TransferTable;
  id: string;
  decisions: ConflictDecision[];
}

/**
 * Merges every record of a previewed transfer three ways against its stored base (FORMAT.md, "Merge"),
 * writing nothing. A base the incoming copy does not descend from (the file's lineage names none of
 * its exchanges: a file that came late, a base last exchanged with a third office) is not used: the
 * record merges with no base. A person matched by PINFL with another id is linked: the incoming person merges
 * into the local one — with no base the first time (so every differing field is a conflict for a
 * person to decide, nothing taken silently), later with the base stored under the incoming id — and
 * every `personId` (a service's `recipients`, a plan's `participants`, the persons a plan revision's
 * changes name) in the file is rewritten to the local id.
 * `refMap` (`'users:<their id>'` → local id) maps reference entries the user matched by hand; fields
 * pointing to them are rewritten before the merge; a key naming no reference entry of the file, or
 * a local id that does not exist, is refused (`invalidInput`). Administrators and supervisors.
 */
export async function planMerge(db: HamkorlikDb, preview: TransferPreview, options: { refMap?: Readonly<Record<string, string>> } = {}): Promise<MergePlan> {
  requireOffice(db, 'transferCases');
  const context = db.writeContext();
  const personMap = new Map<string, string>();
  for (const record of preview.records) if (record.status === 'samePerson' && record.localId) personMap.set(record.id, record.localId);
  const refMaps = new Map<RefTable, Map<string, string>>();
  for (const [key, localId] of Object.entries(options.refMap ?? {})) {
    const [table, id] = splitKey(key);
    if (!preview.refs.some((ref) => ref.table === table && ref.id === id)) throw new ExchangeError('invalidInput', { reason: `unknownRef:${key}` });
    if (!refMaps.has(table as RefTable)) refMaps.set(table as RefTable, new Map());
    refMaps.get(table as RefTable)!.set(id, localId);
  }
  // A service's recipients and a plan's participants are persons too: a linked person is named by the local id.
  const linkFields = { personId: personMap, recipients: personMap, participants: personMap };
  const refFields: Record<string, Map<string, string>> = { ...linkFields };
  for (const [field, table] of Object.entries(REF_FIELDS)) refFields[field] = refMaps.get(table) ?? new Map();

  const tables = TRANSFER_TABLES.map((table) => db.table(table));
  return db.transaction('r', [...tables, ...REF_TABLES.map((table) => db.table(table)), db.exchangeBases], async () => {
    for (const [table, map] of refMaps) {
      const found = await db.table(table).bulkGet([...map.values()]);
      if (found.some((record) => !record)) throw new ExchangeError('invalidInput', { reason: `unknownLocalRef:${table}` });
    }
    const records: PlannedRecord[] = [];
    for (const table of TRANSFER_TABLES) {
      for (const raw of preview.package.tables[table]) {
        const incomingId = raw.id as string;
        const id = table === 'persons' ? (personMap.get(incomingId) ?? incomingId) : incomingId;
        const linked = { ...(linkedRevision(rewriteIds(raw, linkFields) as Row, table, personMap)), id };
        const incoming = { ...(rewriteIds(linked, refFields) as Row), id };
        const local = (await db.table(table).get(id)) as Row | undefined;
        if (table === 'documentFiles') {
          // The bytes of a registered document never change: a file already here is the same file.
          // A document purged here keeps no bytes (they hold the family's names): the purge wins over them, as over any edit.
          const purged = !local && !!((await db.documents.get(id)) as Row | undefined)?.purgedAt;
          const result = local
            ? { kind: 'same' as const, value: local }
            : purged
              ? { kind: 'keepLocal' as const, value: incoming, purge: { by: 'local' as const, discardedEdits: false } }
              : { kind: 'new' as const, value: incoming };
          records.push({ table, id, incomingId, result: result as never, localRev: null, base: linked });
          continue;
        }
        // Keyed by the id the record travels under: a linked person finds the base its last link stored.
        const stored = await db.exchangeBases.get(exchangeBaseKey(table, incomingId));
        // Only a base the sender's copy descends from is a common ancestor (exchange/lineage.ts); else no base, and every difference goes to a person.
        const shared = stored && isSharedBase(stored, preview.package.lineage.get(`${table}:${incomingId}`) ?? []);
        let base = shared ? (stored.record as Row) : undefined;
        let theirs: Row = incoming;
        const unmerged = UNMERGED[table];
        if (unmerged && local) [base, theirs] = [base && sameAs(base, local, unmerged), sameAs(theirs, local, unmerged)];
        const sides = { base: base as RecordMeta | undefined, local: local as RecordMeta | undefined, incoming: theirs as unknown as RecordMeta };
        let result = mergeRecord(sides, context);
        if (table === 'plans' && local) result = guardPlanGoals(result, sides, context);
        let pinflTakenBy: PinflHolder | undefined;
        if (table === 'persons' && local) [result, pinflTakenBy] = await guardPinfl(db, result, local, theirs, base);
        records.push({ table, id, incomingId, result, localRev: local ? (local.rev as number) : null, base: linked, ...(pinflTakenBy ? { pinflTakenBy } : {}) });
      }
    }
    const conflicts = records.flatMap((record) =>
      record.result.kind === 'conflict'
        ? [{ table: record.table, id: record.id, conflicts: record.result.conflicts, baseKnown: record.result.baseKnown, ...(record.pinflTakenBy ? { pinflTakenBy: record.pinflTakenBy } : {}) }]
        : [],
    );
    const unmatchedRefs = preview.refs.filter((ref) => ref.match === 'none' && !refMaps.get(ref.table)?.has(ref.id)).map((ref) => `${ref.table}:${ref.id}`);
    return { preview, records, conflicts, linkedPersons: [...personMap].map(([incomingId, localId]) => ({ incomingId, localId })), unmatchedRefs };
  });
}

const PLAN_LISTS = ['goals', 'actions'] as const;

/**
 * A plan's actions hang on its goals. Merged item by item, a plan that keeps an action under a goal
 * the other side removed is merged again with both lists whole; if one side's goals and the other
 * side's actions would still meet (each list changed on one side only), both lists become conflicts,
 * left at this office's, so a person decides them together (and applyTransfer refuses decisions that
 * still break a plan).
 */
function guardPlanGoals(result: MergeResult<RecordMeta>, sides: { base: RecordMeta | undefined; local: RecordMeta | undefined; incoming: RecordMeta }, context: MergeContext): MergeResult<RecordMeta> {
  const rows = [sides.local, sides.incoming] as unknown as Row[];
  const orphans = (merged: MergeResult<RecordMeta>) => newlyOrphaned(merged.value as unknown as Row, rows) !== undefined;
  if (!orphans(result)) return result;
  const whole = mergeRecord(sides, context, { wholeLists: PLAN_LISTS });
  if (!orphans(whole)) return whole;
  const [base, local, incoming] = [sides.base, sides.local, sides.incoming] as unknown as (Row | undefined)[];
  const conflicts = whole.kind === 'conflict' ? [...whole.conflicts] : [];
  let value = whole.value as unknown as Row;
  for (const list of PLAN_LISTS) {
    value = { ...value, [list]: local![list] };
    const decided = conflicts.some((conflict) => conflict.path.length === 1 && conflict.path[0] === list);
    if (!decided && JSON.stringify(local![list]) !== JSON.stringify(incoming![list])) conflicts.push({ path: [list], base: base?.[list], local: local![list], incoming: incoming![list] });
  }
  return { kind: 'conflict', value: value as unknown as RecordMeta, conflicts, baseKnown: sides.base !== undefined };
}

/**
 * Whether the merged plan has an action without its goal that none of `sides` had so. The decisions
 * a person makes can still orphan one; applyTransfer refuses those (`planGoalMissing`).
 */
export function newlyOrphaned(merged: Row, sides: readonly (Row | undefined)[]): string | undefined {
  const before = new Set(sides.flatMap((side) => (side ? [...orphanActionIds(side)] : [])));
  return [...orphanActionIds(merged)].find((id) => !before.has(id));
}

/** The conflict path of a person's PINFL. */
export const PINFL_PATH: readonly string[] = Object.freeze(['pinfl']);

/** Whether a conflict's path is a person's PINFL. */
export function isPinflPath(path: readonly string[]): boolean {
  return path.length === 1 && path[0] === PINFL_PATH[0];
}

/**
 * A PINFL is one person's here (the person form blocks a second holder). When a person seen before
 * comes back with a PINFL that another live person here holds — the other office entered or
 * corrected it — the merge must not take it silently: the field becomes a conflict (added if only
 * their side changed it), ours kept in the value, and the holder is named so a person can check
 * the two records. Taking theirs is refused when the import is applied.
 */
async function guardPinfl(db: HamkorlikDb, result: MergeResult<RecordMeta>, local: Row, incoming: Row, base: Row | undefined): Promise<[MergeResult<RecordMeta>, PinflHolder | undefined]> {
  const theirs = incoming.pinfl;
  if (result.kind === 'new' || typeof theirs !== 'string' || theirs === '' || theirs === local.pinfl) return [result, undefined];
  const inConflict = result.kind === 'conflict' && result.conflicts.some((conflict) => isPinflPath(conflict.path));
  if (!inConflict && (result.value as unknown as Row).pinfl !== theirs) return [result, undefined];
  const holder = await db.persons
    .where('pinfl')
    .equals(theirs)
    .filter((person) => person.id !== local.id && person.deletedAt === null && !person.purgedAt)
    .first();
  if (!holder) return [result, undefined];
  const named: PinflHolder = { personId: holder.id, surname: holder.surname, firstName: holder.firstName };
  if (inConflict) return [result, named];
  const conflict: MergeConflict = { path: [...PINFL_PATH], base: base?.pinfl, local: local.pinfl ?? null, incoming: theirs };
  const value = { ...(result.value as unknown as Row), pinfl: local.pinfl ?? null } as unknown as RecordMeta;
  const conflicts = result.kind === 'conflict' ? [...result.conflicts, conflict] : [conflict];
  return [{ kind: 'conflict', value, conflicts, baseKnown: base !== undefined }, named];
}

/**
 * A plan revision's changes name persons under `from` and `to` (who took part, whom a goal is for),
 * keys other records use for dates: rewritten here, by the change's kind, for a person linked by PINFL.
 */
function linkedRevision(record: Row, table: TransferTable, persons: ReadonlyMap<string, string>): Row {
  if (table !== 'planRevisions' || persons.size === 0 || !Array.isArray(record.changes)) return record;
  const person = (value: unknown) => (typeof value === 'string' ? (persons.get(value) ?? value) : value);
  const changes = (record.changes as unknown[]).map((change) => {
    if (typeof change !== 'object' || change === null) return change;
    const { kind, field, from, to } = change as Row;
    if (kind === 'participantsChanged') return { ...change, from: Array.isArray(from) ? from.map(person) : from, to: Array.isArray(to) ? to.map(person) : to };
    if (kind === 'goalChanged' && field === 'personId') return { ...change, from: person(from), to: person(to) };
    return change;
  });
  return { ...record, changes };
}

/** `record` with the unmerged fields taken from `local`, so they can never differ in a merge. */
function sameAs(record: Row, local: Row, fields: readonly string[]): Row {
  // A purged record is identity only: nothing may be added to it.
  if (record.purgedAt) return record;
  const out = { ...record };
  for (const field of fields) {
    if (local[field] === undefined) delete out[field];
    else out[field] = local[field];
  }
  return out;
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf(':');
  return at < 0 ? [key, ''] : [key.slice(0, at), key.slice(at + 1)];
}

/** The decisions as the exchange log keeps them: each conflict with its three values and the value chosen. */
export function loggedDecisions(plan: MergePlan, decided: readonly RecordDecisions[]): LoggedDecision[] {
  return decided.flatMap((record) => {
    const conflicts = plan.conflicts.find((c) => c.table === record.table && c.id === record.id)?.conflicts ?? [];
    return record.decisions.map((decision) => {
      const conflict = conflicts.find((c) => JSON.stringify(c.path) === JSON.stringify(decision.path));
      const value = decision.take === 'custom' ? decision.value : conflict?.[decision.take];
      return { table: record.table, recordId: record.id, path: [...decision.path], take: decision.take, base: conflict?.base, local: conflict?.local, incoming: conflict?.incoming, value };
    });
  });
}

/** The Dexie table of a transfer table. */
export function tableOf(db: HamkorlikDb, table: TransferTable): Table<Row, string> {
  return db.table(table);
}
