import type { IsoDate } from '../domain/dates';
import { isChildOn, type Membership, type Person } from '../domain/person';
import { dateKey } from './days';

/**
 * Who the children of a case are on a day, and how many distinct children a set of cases holds:
 * every figure asks both, and a large office asks them millions of times. Reading a stored record
 * or a date string is what costs (the records lie all over a heap of gigabytes), so the members
 * are read once into columns of numbers — persons numbered, dates as `yyyymmdd` — grouped by case,
 * and a figure counts distinct persons with marks in one typed array instead of a set of ids.
 * A date not written plainly (`yyyy-mm-dd`) is read as before, from the record.
 */

/** `to` of a membership that has not ended: after every day. */
const OPEN_END = 2 ** 31 - 1;

export class Children {
  /** Persons are numbered as the memberships name them. */
  private readonly numbers = new Map<string, number>();
  private readonly ids: string[] = [];
  /** Per person, the birth date of their live record; none when the person is deleted or unknown. */
  private readonly births: (IsoDate | undefined)[];
  private readonly birthKeys: Int32Array;
  /** Per case (by rank), where its members start in the columns below; a case's members end where the next's start. */
  private readonly starts: Int32Array;
  private readonly persons: Int32Array;
  private readonly froms: Int32Array;
  private readonly tos: Int32Array;
  /** The membership records, for dates not written plainly. */
  private readonly memberships: Membership[];
  /** Per person, the count that last saw them (see `count`). */
  private readonly seen: Int32Array;
  private stamp = 0;

  /**
   * Reads the members: `caseOf` gives the rank of a membership's case, or undefined when the case
   * is not reported on; then the birth dates of their persons from the persons' live records. A
   * case's members keep the order of the memberships. A person stored twice (it should not happen)
   * is the later live record, as a map by id would keep.
   */
  constructor(memberships: readonly Membership[], persons: readonly Person[], cases: number, caseOf: (caseId: string) => number | undefined) {
    // Read into columns first (typed arrays as long as the memberships: no growing, nothing for the
    // collector to scan), then grouped by case with a counting sort, which keeps their order.
    const read = { ranks: new Int32Array(memberships.length), persons: new Int32Array(memberships.length), froms: new Int32Array(memberships.length), tos: new Int32Array(memberships.length) };
    const kept: number[] = [];
    const counts = new Int32Array(cases + 1);
    for (let i = 0; i < memberships.length; i++) {
      const m = memberships[i]!;
      const rank = m.deletedAt === null ? caseOf(m.caseId) : undefined;
      if (rank === undefined) continue;
      const k = kept.length;
      read.ranks[k] = rank;
      read.persons[k] = this.numberOf(m.personId);
      read.froms[k] = dateKey(m.from);
      read.tos[k] = m.to === null ? OPEN_END : dateKey(m.to);
      kept.push(i);
      counts[rank + 1]!++;
    }
    for (let rank = 0; rank < cases; rank++) counts[rank + 1]! += counts[rank]!;
    this.starts = counts.slice();
    this.persons = new Int32Array(kept.length);
    this.froms = new Int32Array(kept.length);
    this.tos = new Int32Array(kept.length);
    this.memberships = new Array<Membership>(kept.length);
    kept.forEach((index, k) => {
      const slot = counts[read.ranks[k]!]!++;
      this.persons[slot] = read.persons[k]!;
      this.froms[slot] = read.froms[k]!;
      this.tos[slot] = read.tos[k]!;
      this.memberships[slot] = memberships[index]!;
    });

    this.births = new Array<IsoDate | undefined>(this.ids.length).fill(undefined);
    for (let i = 0; i < persons.length; i++) {
      const person = persons[i]!;
      const number = person.deletedAt === null ? this.numbers.get(person.id) : undefined;
      if (number !== undefined) this.births[number] = person.birthDate;
    }
    this.birthKeys = new Int32Array(this.ids.length);
    this.births.forEach((birth, person) => (this.birthKeys[person] = birth === undefined ? -1 : dateKey(birth)));
    this.seen = new Int32Array(this.ids.length);
  }

  private numberOf(personId: string): number {
    let number = this.numbers.get(personId);
    if (number === undefined) {
      this.numbers.set(personId, (number = this.ids.length));
      this.ids.push(personId);
    }
    return number;
  }

  /** The number of a member of a reported case; none for anyone else. */
  personNumber(personId: string): number | undefined {
    return this.numbers.get(personId);
  }

  personId(person: number): string {
    return this.ids[person]!;
  }

  /**
   * Whether member `slot` is a child on `day` (`dayKey` its `yyyymmdd`, or -1): a member that day
   * (joined by then, not left before it), born by then and under 18 on it. For plain dates, being
   * 18 or older is the day's `yyyymmdd` at least 18 0000 past the birth's (the month and day part
   * only decide in the 18th year), which is how `isChildOn` counts age.
   */
  private isChild(slot: number, day: IsoDate, dayKey: number): boolean {
    const person = this.persons[slot]!;
    const birthDate = this.births[person];
    // A member whose person is not on record is nobody's child.
    if (birthDate === undefined) return false;
    const from = this.froms[slot]!;
    const to = this.tos[slot]!;
    const birth = this.birthKeys[person]!;
    if (dayKey >= 0 && from >= 0 && to >= 0 && birth >= 0) return from <= dayKey && to >= dayKey && birth <= dayKey && dayKey - birth < 18_0000;
    const m = this.memberships[slot]!;
    return m.from <= day && (m.to === null || m.to >= day) && birthDate <= day && isChildOn(birthDate, day);
  }

  /** The children of the case of `rank` on `day` (by number), each once, in the order of the memberships. */
  on(rank: number, day: IsoDate): number[] {
    const dayKey = dateKey(day);
    const found: number[] = [];
    for (let slot = this.starts[rank]!; slot < this.starts[rank + 1]!; slot++) {
      if (this.isChild(slot, day, dayKey) && !found.includes(this.persons[slot]!)) found.push(this.persons[slot]!);
    }
    return found;
  }

  /** How many distinct children the cases (by rank) have on their days: each is marked with this count's stamp when first seen. */
  count(ranks: readonly number[], days: readonly IsoDate[]): number {
    const stamp = ++this.stamp;
    let count = 0;
    let dayKey = -1;
    ranks.forEach((rank, i) => {
      // Consecutive cases are mostly counted on the same day (the same string).
      if (i === 0 || days[i] !== days[i - 1]) dayKey = dateKey(days[i]!);
      for (let slot = this.starts[rank]!; slot < this.starts[rank + 1]!; slot++) {
        const person = this.persons[slot]!;
        if (this.seen[person] === stamp || !this.isChild(slot, days[i]!, dayKey)) continue;
        this.seen[person] = stamp;
        count++;
      }
    });
    return count;
  }
}
