import type { Assessment } from '../domain/assessment';
import type { MonitoringRecord, Placement } from '../domain/caseWork';
import type { IsoDate } from '../domain/dates';
import type { MahallaTeam, Specialist } from '../domain/directory';
import type { CaseHistoryEntry, FamilyCase } from '../domain/familyCase';
import type { Mahalla } from '../domain/mahalla';
import { isChildOn, type Membership, type Person } from '../domain/person';
import type { FamilyPlan } from '../domain/plan';
import type { User } from '../domain/user';
import { byText, caseTimeline, officeDay, type CaseTimeline, type DayOf, type TransferOut } from './stageOn';

/**
 * What the indicators read: plain arrays of stored records (the worker reads them from the
 * database; tests build them), and the indexes every indicator shares.
 */
export interface ReportInput {
  cases: readonly FamilyCase[];
  history: readonly CaseHistoryEntry[];
  persons: readonly Person[];
  memberships: readonly Membership[];
  monitorings: readonly MonitoringRecord[];
  /** Every revision; a case's plan is its latest live revision. */
  plans: readonly FamilyPlan[];
  assessments: readonly Assessment[];
  placements: readonly Placement[];
  users: readonly User[];
  specialists: readonly Specialist[];
  teams: readonly MahallaTeam[];
  mahallas: readonly Mahalla[];
  /** Cases sent to other districts (see stageOn.ts); none until the exchange records them. */
  transfers?: readonly TransferOut[];
}

export interface ReportOptions {
  /** Only the cases of this mahalla (the case's address now). */
  mahallaId?: string;
  /** Only the cases of this case manager (the one assigned now). */
  caseManagerId?: string;
  /** The office's offset from UTC in minutes (300); without it, the machine's own time zone. */
  officeOffsetMinutes?: number;
}

/** A count of families (cases) and of the children in them, with the cases behind it. */
export interface Figure {
  families: number;
  children: number;
  caseIds: string[];
}

/** A case counted in a figure, and the day its children are counted on. */
export interface Counted {
  caseId: string;
  day: IsoDate;
}

const live = <T extends { deletedAt: string | null }>(record: T) => record.deletedAt === null;

/** Records by a key, in their order. */
export function groupBy<T>(records: readonly T[], key: (record: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const k = key(record);
    const group = groups.get(k);
    if (group) group.push(record);
    else groups.set(k, [record]);
  }
  return groups;
}

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The day a person born on `birthDate` turns 18, written so that "under 18 on a plain `yyyy-mm-dd`
 * day" is `day < adultOn` (the same answer as `isChildOn`, without splitting dates for each of the
 * million questions a large office asks); null when the birth date is not written plainly.
 */
function adultOn(birthDate: IsoDate): string | null {
  if (!PLAIN_DATE.test(birthDate)) return null;
  const year = Number(birthDate.slice(0, 4)) + 18;
  return year > 9999 ? null : `${String(year).padStart(4, '0')}${birthDate.slice(4)}`;
}

/** A member of a reported case whose person is on record; `person` numbers the person for counting. */
interface Member {
  personId: string;
  person: number;
  from: IsoDate;
  to: IsoDate | null;
  birthDate: IsoDate;
  adultOn: string | null;
}

/** The children of a case on one day, by id and by number. */
interface ChildrenOn {
  day: IsoDate;
  personIds: string[];
  persons: number[];
}

/** What the figures read of a reported case: its place in the order of case ids, and its members. */
interface Reported {
  rank: number;
  members: Member[];
  /** The days asked about so far; a case is asked about a handful of days, so a list is enough. */
  children: ChildrenOn[];
}

/**
 * The records the report stands on. A deleted case (`deletedAt` set; a purged one is a tombstone
 * with it set too) is left out with everything that hangs on it, as if it had never been: a case
 * is deleted when it was entered by mistake, and the lists do not show it either. Deleted records
 * of any other kind are left out the same way. The mahalla and case-manager filters read the case
 * as it is now (neither is kept in the history).
 */
export class ReportData {
  readonly dayOf: DayOf;
  readonly cases: FamilyCase[];
  readonly caseById: Map<string, FamilyCase>;
  readonly timelines = new Map<string, CaseTimeline>();
  readonly monitoringsByCase: Map<string, MonitoringRecord[]>;
  /** Each person's placements in the cases reported on, by date (then by when they were written). */
  readonly placementsByPerson: Map<string, Placement[]>;
  readonly planByCase = new Map<string, FamilyPlan>();
  readonly assessments: Assessment[];
  private readonly reported = new Map<string, Reported>();
  /** The reported case ids in code-point order: a figure lists its cases by their rank in it. */
  private readonly sortedIds: string[];
  /** Per numbered person, the figure that last counted them (see `figureOf`). */
  private seen = new Int32Array(0);
  private stamp = 0;

  constructor(
    readonly input: ReportInput,
    readonly options: ReportOptions = {},
  ) {
    this.dayOf = officeDay(options.officeOffsetMinutes);
    this.cases = input.cases.filter(
      (kase) => live(kase) && !kase.purgedAt && (!options.mahallaId || kase.address.mahallaId === options.mahallaId) && (!options.caseManagerId || kase.caseManagerId === options.caseManagerId),
    );
    this.caseById = new Map(this.cases.map((kase) => [kase.id, kase]));
    this.sortedIds = [...this.caseById.keys()].sort(byText);
    this.sortedIds.forEach((id, rank) => this.reported.set(id, { rank, members: [], children: [] }));
    const mine = <T extends { caseId: string; deletedAt: string | null }>(record: T) => live(record) && this.caseById.has(record.caseId);
    const history = groupBy(input.history.filter(mine), (entry) => entry.caseId);
    const transfers = groupBy(input.transfers ?? [], (transfer) => transfer.caseId);
    for (const kase of this.cases) this.timelines.set(kase.id, caseTimeline(kase, history.get(kase.id) ?? [], this.dayOf, transfers.get(kase.id)));
    this.members(input.persons, input.memberships.filter(mine));
    this.monitoringsByCase = groupBy(input.monitorings.filter(mine), (m) => m.caseId);
    const placements = input.placements.filter(mine).sort((a, b) => byText(a.from, b.from) || byText(a.createdAt, b.createdAt));
    this.placementsByPerson = groupBy(placements, (p) => p.personId);
    for (const plan of input.plans.filter(mine)) {
      const current = this.planByCase.get(plan.caseId);
      if (!current || plan.revision > current.revision) this.planByCase.set(plan.caseId, plan);
    }
    this.assessments = input.assessments.filter(mine);
  }

  /** Each case's members whose person is on record (live), in the order of the memberships; persons numbered as met. */
  private members(persons: readonly Person[], memberships: readonly Membership[]): void {
    const personById = new Map(persons.filter(live).map((person) => [person.id, person]));
    const numbers = new Map<string, number>();
    for (const m of memberships) {
      const person = personById.get(m.personId);
      if (!person) continue;
      let number = numbers.get(person.id);
      if (number === undefined) numbers.set(person.id, (number = numbers.size));
      this.reported.get(m.caseId)!.members.push({ personId: person.id, person: number, from: m.from, to: m.to, birthDate: person.birthDate, adultOn: adultOn(person.birthDate) });
    }
    this.seen = new Int32Array(numbers.size);
  }

  timeline(caseId: string): CaseTimeline {
    return this.timelines.get(caseId)!;
  }

  /** The children of a case on a day: members on that day (joined by then, not left before it) under 18 on it. */
  childrenOn(caseId: string, day: IsoDate): string[] {
    return this.children(this.reported.get(caseId), day).personIds;
  }

  private children(reported: Reported | undefined, day: IsoDate): ChildrenOn {
    if (!reported) return { day, personIds: [], persons: [] };
    for (const known of reported.children) if (known.day === day) return known;
    const plain = PLAIN_DATE.test(day);
    const found: ChildrenOn = { day, personIds: [], persons: [] };
    for (const m of reported.members) {
      if (!(m.from <= day && (m.to === null || m.to >= day) && m.birthDate <= day)) continue;
      const child = plain && m.adultOn !== null ? day < m.adultOn : isChildOn(m.birthDate, day);
      // A person listed twice in a case counts once.
      if (child && !found.personIds.includes(m.personId)) {
        found.personIds.push(m.personId);
        found.persons.push(m.person);
      }
    }
    reported.children.push(found);
    return found;
  }

  /** A figure of counted cases: families are the cases, children the distinct persons among their children. */
  figure(counted: readonly Counted[]): Figure {
    const tally = this.tally();
    for (const { caseId, day } of counted) tally.add(caseId, day);
    return tally.figure();
  }

  /** A figure filled case by case; several can be filled at once (one pass over the flows fills them all). */
  tally(): FigureTally {
    const ranks: number[] = [];
    const children: (readonly number[])[] = [];
    return {
      add: (caseId, day) => {
        const reported = this.reported.get(caseId)!;
        ranks.push(reported.rank);
        children.push(this.children(reported, day).persons);
      },
      figure: () => this.figureOf(ranks, children),
    };
  }

  /**
   * Families are the distinct ranks, listed by id; children the distinct numbered persons, found by
   * marking each person with the figure's own stamp instead of building a set per figure.
   */
  private figureOf(ranks: readonly number[], children: readonly (readonly number[])[]): Figure {
    const stamp = ++this.stamp;
    let count = 0;
    for (const persons of children) {
      for (const person of persons) {
        if (this.seen[person] === stamp) continue;
        this.seen[person] = stamp;
        count++;
      }
    }
    let ordered: ArrayLike<number> = ranks;
    for (let i = 1; i < ranks.length; i++) {
      if (ranks[i]! < ranks[i - 1]!) {
        ordered = Int32Array.from(ranks).sort();
        break;
      }
    }
    const caseIds: string[] = [];
    for (let i = 0; i < ordered.length; i++) if (i === 0 || ordered[i] !== ordered[i - 1]) caseIds.push(this.sortedIds[ordered[i]!]!);
    return { families: caseIds.length, children: count, caseIds };
  }
}

/** A figure being filled: `add` each counted case, then read the `figure`. */
export interface FigureTally {
  add(caseId: string, day: IsoDate): void;
  figure(): Figure;
}
