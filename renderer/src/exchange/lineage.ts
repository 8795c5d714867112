import { deepEqual } from './mergeValues';

/**
 * Which exchanges a record's copy descends from, so that a three-way merge compares against a base
 * both offices really share (FORMAT.md, "Lineage").
 *
 * A base is "the record as it was last sent or received", one per record. That is the right
 * ancestor only if the other office's copy descends from it too. It does not when a file comes in
 * late: office A sends T1, the stick is lost, A edits and sends T2, B merges T2, then T1 turns up.
 * B's base is T2's content; T1's values differ from it where A changed since, and a plain
 * three-way merge would take them as "only their side changed" and silently undo A's later edits.
 * The same happens when the base was last exchanged with a third office. So each base remembers
 * the exchanges it is the content of, the sender writes into the file which exchanges its copy
 * descends from, and the receiver merges against its base only if the two share one; otherwise it
 * merges with no base, and every difference goes to a person.
 */

/** How many exchange ids a base keeps of each kind, newest last: beyond, the oldest are dropped (a miss then only asks a person). */
export const LINEAGE_LIMIT = 16;

export interface Lineage {
  /** The exchanges whose content is exactly this base's content (sent or received unchanged), oldest first. */
  transfers: string[];
  /** Every exchange this office's copy of the record descends from, `transfers` included, oldest first. */
  ancestry: string[];
}

/** A stored base as lineage sees it: bases stored before lineage existed have neither list. */
export interface LineageOfBase extends Partial<Lineage> {
  record: unknown;
}

/**
 * The lineage of the base stored when exchange `transferId` sent or brought `record`. Content equal
 * to the previous base keeps its exchanges (it is still their content); any exchange of the record
 * joins its ancestry, with `carried`: the ancestry the incoming file gave for it.
 */
export function nextLineage(previous: LineageOfBase | undefined, record: unknown, transferId: string, carried: readonly string[] = []): Lineage {
  const unchanged = previous?.transfers !== undefined && deepEqual(previous.record, record);
  return {
    transfers: newest([...(unchanged ? previous.transfers! : []), transferId]),
    ancestry: newest([...(previous?.ancestry ?? previous?.transfers ?? []), ...carried, transferId]),
  };
}

/**
 * What `nextLineage` compares of a record: its id, revision and time of last change. Within one
 * database every write raises the revision, so equal stamps mean equal content; a base kept as its
 * stamp holds its lists without a second copy of the record. Unequal stamps for equal content only
 * start a new list (a later merge may ask a person more), never the other way round.
 */
export function versionStamp(record: unknown): { id: unknown; rev: unknown; updatedAt: unknown } {
  const fields = (typeof record === 'object' && record !== null ? record : {}) as Record<string, unknown>;
  return { id: fields.id, rev: fields.rev, updatedAt: fields.updatedAt };
}

/** What a sender writes for a record: the exchanges its copy descends from (none if it has no base with lineage). */
export function carriedLineage(base: LineageOfBase | undefined): string[] {
  return base?.ancestry ?? base?.transfers ?? [];
}

/**
 * Whether `base` may serve as the common ancestor of a record the file says descends from
 * `carried`: the two share an exchange. A base stored before lineage existed is trusted, as it
 * was then.
 */
export function isSharedBase(base: LineageOfBase, carried: readonly string[]): boolean {
  if (base.transfers === undefined) return true;
  return base.transfers.some((id) => carried.includes(id));
}

/** The last `LINEAGE_LIMIT` distinct ids, each at its last place. */
function newest(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let k = ids.length - 1; k >= 0 && out.length < LINEAGE_LIMIT; k -= 1) {
    const id = ids[k]!;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
  }
  return out.reverse();
}
