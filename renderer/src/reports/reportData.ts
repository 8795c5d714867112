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
  readonly personById: Map<string, Person>;
  readonly membershipsByCase: Map<string, Membership[]>;
  readonly monitoringsByCase: Map<string, MonitoringRecord[]>;
  /** Each person's placements in the cases reported on, by date (then by when they were written). */
  readonly placementsByPerson: Map<string, Placement[]>;
  readonly planByCase = new Map<string, FamilyPlan>();
  readonly assessments: Assessment[];
  private readonly childrenMemo = new Map<string, string[]>();

  constructor(
    readonly input: ReportInput,
    readonly options: ReportOptions = {},
  ) {
    this.dayOf = officeDay(options.officeOffsetMinutes);
    this.cases = input.cases.filter(
      (kase) => live(kase) && !kase.purgedAt && (!options.mahallaId || kase.address.mahallaId === options.mahallaId) && (!options.caseManagerId || kase.caseManagerId === options.caseManagerId),
    );
    this.caseById = new Map(this.cases.map((kase) => [kase.id, kase]));
    const mine = <T extends { caseId: string; deletedAt: string | null }>(record: T) => live(record) && this.caseById.has(record.caseId);
    const history = groupBy(input.history.filter(mine), (entry) => entry.caseId);
    const transfers = groupBy(input.transfers ?? [], (transfer) => transfer.caseId);
    for (const kase of this.cases) this.timelines.set(kase.id, caseTimeline(kase, history.get(kase.id) ?? [], this.dayOf, transfers.get(kase.id)));
    this.personById = new Map(input.persons.filter(live).map((person) => [person.id, person]));
    this.membershipsByCase = groupBy(input.memberships.filter(mine), (m) => m.caseId);
    this.monitoringsByCase = groupBy(input.monitorings.filter(mine), (m) => m.caseId);
    const placements = input.placements.filter(mine).sort((a, b) => byText(a.from, b.from) || byText(a.createdAt, b.createdAt));
    this.placementsByPerson = groupBy(placements, (p) => p.personId);
    for (const plan of input.plans.filter(mine)) {
      const current = this.planByCase.get(plan.caseId);
      if (!current || plan.revision > current.revision) this.planByCase.set(plan.caseId, plan);
    }
    this.assessments = input.assessments.filter(mine);
  }

  timeline(caseId: string): CaseTimeline {
    return this.timelines.get(caseId)!;
  }

  /** The children of a case on a day: members on that day (joined by then, not left before it) under 18 on it. */
  childrenOn(caseId: string, day: IsoDate): string[] {
    const key = `${caseId}|${day}`;
    let children = this.childrenMemo.get(key);
    if (!children) {
      children = (this.membershipsByCase.get(caseId) ?? [])
        .filter((m) => m.from <= day && (m.to === null || m.to >= day))
        .map((m) => this.personById.get(m.personId))
        .filter((person): person is Person => !!person && person.birthDate <= day && isChildOn(person.birthDate, day))
        .map((person) => person.id);
      children = [...new Set(children)];
      this.childrenMemo.set(key, children);
    }
    return children;
  }

  /** A figure of counted cases: families are the cases, children the distinct persons among their children. */
  figure(counted: readonly Counted[]): Figure {
    const caseIds = [...new Set(counted.map((c) => c.caseId))].sort();
    const children = new Set<string>();
    for (const { caseId, day } of counted) for (const child of this.childrenOn(caseId, day)) children.add(child);
    return { families: caseIds.length, children: children.size, caseIds };
  }
}
