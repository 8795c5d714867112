import type { Assessment } from '../domain/assessment';
import type { MonitoringRecord, Placement } from '../domain/caseWork';
import type { IsoDate } from '../domain/dates';
import type { MahallaTeam, Specialist } from '../domain/directory';
import type { CaseHistoryEntry, FamilyCase } from '../domain/familyCase';
import type { Mahalla } from '../domain/mahalla';
import type { Membership, Person } from '../domain/person';
import type { FamilyPlan, PlanAction, PlanRevision } from '../domain/plan';
import type { User } from '../domain/user';
import { Children } from './children';
import { byText, caseTimeline, officeDay, type CaseTimeline, type DayOf } from './stageOn';

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
  /**
   * The plans' change history (what each save changed, when): with it, a plan's actions are read as
   * they stood on a past day. Without it (older callers), as they stand now.
   */
  planRevisions?: readonly PlanRevision[];
  assessments: readonly Assessment[];
  placements: readonly Placement[];
  users: readonly User[];
  specialists: readonly Specialist[];
  teams: readonly MahallaTeam[];
  mahallas: readonly Mahalla[];
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

const NO_MONITORINGS: readonly MonitoringRecord[] = [];

/**
 * The records the report stands on. A deleted case (`deletedAt` set; a purged one is a tombstone
 * with it set too) is left out with everything that hangs on it, as if it had never been: a case
 * is deleted when it was entered by mistake, and the lists do not show it either. Deleted records
 * of any other kind are left out the same way. The mahalla and case-manager filters read the case
 * as it is now (neither is kept in the history).
 *
 * A large office has millions of records spread over a heap of gigabytes, and reaching one (or a
 * case id's hash) costs more than most of what is done with it. So each kind of record is read in
 * one pass, and the reported cases are then reached by their rank — their place in the code-point
 * order of their ids, the order figures list cases in — never again by id.
 */
export class ReportData {
  readonly dayOf: DayOf;
  /** The cases reported on, in the order of the records. */
  readonly cases: FamilyCase[];
  /** The rank of each of `cases`. */
  readonly ranks: Int32Array;
  /**
   * The placements in the cases reported on, by person (numbered, see `personId`: a person who is
   * no member of a reported case is no child of one either), by date, then by when they were written.
   */
  readonly placementsByPerson = new Map<number, Placement[]>();
  readonly assessments: Assessment[];
  private readonly rankById = new Map<string, number>();
  /** By rank: the id, the case (its later record when one is stored twice), and what hangs on it. */
  private readonly ids: string[];
  private readonly byRank: FamilyCase[];
  private readonly timelines: CaseTimeline[] = [];
  private readonly monitoringLists: (MonitoringRecord[] | undefined)[] = [];
  private readonly plans: (FamilyPlan | undefined)[] = [];
  /** Every live revision of a case's plan, oldest first; and each plan record's changes, oldest first. */
  private readonly planRevisionsByRank: (FamilyPlan[] | undefined)[] = [];
  private readonly planChanges = new Map<string, PlanRevision[]>();
  private readonly children: Children;

  constructor(
    readonly input: ReportInput,
    readonly options: ReportOptions = {},
  ) {
    this.dayOf = officeDay(options.officeOffsetMinutes);
    this.cases = input.cases.filter(
      (kase) => live(kase) && !kase.purgedAt && (!options.mahallaId || kase.address.mahallaId === options.mahallaId) && (!options.caseManagerId || kase.caseManagerId === options.caseManagerId),
    );
    // The default sort orders strings by code points, as the figures always listed case ids.
    const sorted = this.cases.map((kase) => kase.id).sort();
    this.ids = sorted.filter((id, i) => i === 0 || id !== sorted[i - 1]);
    this.ids.forEach((id, rank) => this.rankById.set(id, rank));
    this.ranks = Int32Array.from(this.cases, (kase) => this.rankById.get(kase.id)!);
    // A case stored twice (it should not happen) is its later record, as a map by id keeps.
    this.byRank = new Array<FamilyCase>(this.ids.length);
    this.ranks.forEach((rank, i) => (this.byRank[rank] = this.cases[i]!));
    const rankOf = (caseId: string) => this.rankById.get(caseId);

    this.replay(input.history);
    this.children = new Children(input.memberships, input.persons, this.ids.length, rankOf);
    for (let i = 0; i < input.monitorings.length; i++) {
      const monitoring = input.monitorings[i]!;
      const rank = monitoring.deletedAt === null ? rankOf(monitoring.caseId) : undefined;
      if (rank !== undefined) (this.monitoringLists[rank] ??= []).push(monitoring);
    }
    for (let i = 0; i < input.plans.length; i++) {
      const plan = input.plans[i]!;
      const rank = plan.deletedAt === null ? rankOf(plan.caseId) : undefined;
      const current = rank === undefined ? undefined : this.plans[rank];
      if (rank !== undefined && (!current || plan.revision > current.revision)) this.plans[rank] = plan;
      if (rank !== undefined) (this.planRevisionsByRank[rank] ??= []).push(plan);
    }
    for (const list of this.planRevisionsByRank) list?.sort((a, b) => a.revision - b.revision);
    for (const entry of input.planRevisions ?? []) {
      if (entry.deletedAt !== null || !this.rankById.has(entry.caseId)) continue;
      const list = this.planChanges.get(entry.planId);
      if (list) list.push(entry);
      else this.planChanges.set(entry.planId, [entry]);
    }
    for (const list of this.planChanges.values()) list.sort((a, b) => byText(a.createdAt, b.createdAt));
    const mine = <T extends { caseId: string; deletedAt: string | null }>(record: T) => record.deletedAt === null && this.rankById.has(record.caseId);
    const placements = input.placements.filter(mine).sort((a, b) => byText(a.from, b.from) || byText(a.createdAt, b.createdAt));
    for (const placement of placements) {
      const person = this.children.personNumber(placement.personId);
      if (person === undefined) continue;
      const list = this.placementsByPerson.get(person);
      if (list) list.push(placement);
      else this.placementsByPerson.set(person, [placement]);
    }
    this.assessments = input.assessments.filter(mine);
  }

  /** Each case's timeline, from its live history grouped by rank (a counting sort: entries keep their order). */
  private replay(history: readonly CaseHistoryEntry[]): void {
    const count = this.ids.length;
    const rankOfEntry = new Int32Array(history.length).fill(-1);
    const starts = new Int32Array(count + 1);
    for (let i = 0; i < history.length; i++) {
      const entry = history[i]!;
      const rank = entry.deletedAt === null ? this.rankById.get(entry.caseId) : undefined;
      if (rank === undefined) continue;
      rankOfEntry[i] = rank;
      starts[rank + 1]!++;
    }
    for (let rank = 0; rank < count; rank++) starts[rank + 1]! += starts[rank]!;
    const grouped = new Array<CaseHistoryEntry>(starts[count]!);
    const next = starts.slice();
    rankOfEntry.forEach((rank, i) => {
      if (rank >= 0) grouped[next[rank]!++] = history[i]!;
    });
    for (let rank = 0; rank < count; rank++) this.timelines.push(caseTimeline(this.byRank[rank]!, grouped.slice(starts[rank], starts[rank + 1]), this.dayOf));
  }

  /** The rank of a reported case. */
  rankOf(caseId: string): number {
    return this.rankById.get(caseId)!;
  }

  idAt(rank: number): string {
    return this.ids[rank]!;
  }

  /** A reported case by rank (its later record when one is stored twice). */
  caseAt(rank: number): FamilyCase {
    return this.byRank[rank]!;
  }

  timelineAt(rank: number): CaseTimeline {
    return this.timelines[rank]!;
  }

  timeline(caseId: string): CaseTimeline {
    return this.timelineAt(this.rankOf(caseId));
  }

  /** The case's live monitorings, in the order of the records. */
  monitoringsAt(rank: number): readonly MonitoringRecord[] {
    return this.monitoringLists[rank] ?? NO_MONITORINGS;
  }

  /** The case's plan: its latest live revision (the first of equal revisions), if any. */
  /**
   * The plan's actions as they stood at the end of `day`: the latest revision made by then, with the
   * changes saved after it undone (statuses, deadlines, actions added). An action removed later is
   * not restored (its history keeps only its text). Undefined before the case had a plan.
   */
  planActionsOn(rank: number, day: IsoDate): PlanAction[] | undefined {
    const plan = this.planRevisionsByRank[rank]?.filter((revision) => this.dayOf(revision.createdAt) <= day).at(-1);
    if (!plan) return undefined;
    const later = (this.planChanges.get(plan.id) ?? []).filter((entry) => this.dayOf(entry.createdAt) > day);
    if (later.length === 0) return plan.actions;
    let actions = plan.actions.map((action) => ({ ...action }));
    for (const entry of later.reverse()) {
      for (const change of [...entry.changes].reverse()) {
        if (change.kind === 'actionAdded') actions = actions.filter((action) => action.id !== change.id);
        else if (change.kind === 'actionChanged' && (change.field === 'status' || change.field === 'deadline')) {
          const action = actions.find((candidate) => candidate.id === change.id);
          if (action) (action as Record<string, unknown>)[change.field] = change.from;
        }
      }
    }
    return actions;
  }

  planAt(rank: number): FamilyPlan | undefined {
    return this.plans[rank];
  }

  /** The children of a case on a day (by number, see `personId`): members that day (joined by then, not left before it) under 18 on it. */
  childrenAt(rank: number, day: IsoDate): number[] {
    return this.children.on(rank, day);
  }

  /** The id of a person numbered by the report (a member of a reported case). */
  personId(person: number): string {
    return this.children.personId(person);
  }

  /**
   * A figure filled case by case (by rank, with the day its children are counted on): families are
   * the distinct cases, children the distinct persons among their children. Several can be filled
   * at once (one pass over the flows fills them all).
   */
  tally(): FigureTally {
    const ranks: number[] = [];
    const days: IsoDate[] = [];
    return {
      add: (rank, day) => {
        ranks.push(rank);
        days.push(day);
      },
      figure: () => {
        const caseIds = this.caseIds(ranks);
        return { families: caseIds.length, children: this.children.count(ranks, days), caseIds };
      },
    };
  }

  /** The distinct cases of the ranks, by id (the ranks come sorted when the cases were added in id order). */
  caseIds(ranks: readonly number[]): string[] {
    let ordered: ArrayLike<number> = ranks;
    for (let i = 1; i < ranks.length; i++) {
      if (ranks[i]! < ranks[i - 1]!) {
        ordered = Int32Array.from(ranks).sort();
        break;
      }
    }
    const caseIds: string[] = [];
    for (let i = 0; i < ordered.length; i++) if (i === 0 || ordered[i] !== ordered[i - 1]) caseIds.push(this.ids[ordered[i]!]!);
    return caseIds;
  }
}

/** A figure being filled: `add` each counted case (by rank), then read the `figure`. */
export interface FigureTally {
  add(rank: number, day: IsoDate): void;
  figure(): Figure;
}
