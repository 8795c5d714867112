import { PLACEMENTS, placementOn, type Placement, type PlacementKind } from '../domain/caseWork';
import type { IsoDate } from '../domain/dates';
import type { CaseFlow } from './families';
import { inPeriod, type Period } from './period';
import type { ReportData } from './reportData';
import { episodeEnd } from './stageOn';

/**
 * The gate-keeping figures: where the children of the office's families live. Placements are
 * dated records (`Placement.from`), so they are read by their dates, as `placementOn` reads them.
 *
 * - Placed in an institution, placed in a foster or guardian family, returned from an institution:
 *   a placement of that kind beginning in the period that changes the child's placement (the
 *   record before it, by date, is of another kind or there is none), dated while the case was being
 *   worked (from its opening to its closure or transfer), for a child of the case on that day
 *   (a member then, under 18 then). A child is counted once however often it happened.
 * - Kept in the family: the children of the families served in the period (counted on the case's
 *   served day, families.ts) who at no day of the period up to that day were in an institution or a
 *   foster or guardian family.
 * - Placement at the end: the children of the cases open at the end of the period, by the
 *   placement in force that day (`none`: nothing recorded, the child lives at home).
 */

export interface ChildFigure {
  children: number;
  personIds: string[];
  caseIds: string[];
}

export interface ChildOutcomes {
  keptInFamily: ChildFigure;
  returnedFromInstitution: ChildFigure;
  placedInInstitution: ChildFigure;
  placedInFosterOrGuardian: ChildFigure;
  placementAtEnd: Record<PlacementKind | 'none', ChildFigure>;
}

const AWAY: ReadonlySet<PlacementKind> = new Set(['institution', 'fosterOrGuardian']);

/** Children (by number) and their cases (by rank), each counted once. */
class ChildTally {
  private readonly persons = new Set<number>();
  private readonly ranks: number[] = [];
  add(person: number, rank: number): void {
    this.persons.add(person);
    this.ranks.push(rank);
  }
  figure(data: ReportData): ChildFigure {
    return { children: this.persons.size, personIds: [...this.persons].map((person) => data.personId(person)).sort(), caseIds: data.caseIds(this.ranks) };
  }
}

const NO_PLACEMENTS: readonly Placement[] = [];

/** Whether `day` falls while the case was this office's work: in an episode, up to its closure or the transfer out. */
function whileWorked(data: ReportData, caseId: string, day: IsoDate): boolean {
  const timeline = data.timeline(caseId);
  return timeline.episodes.some((episode) => {
    const end = episodeEnd(timeline, episode);
    return episode.openedOn <= day && (end === null || day <= end);
  });
}

export function childOutcomes(data: ReportData, period: Period, flows: readonly CaseFlow[]): ChildOutcomes {
  const changes: Record<'institution' | 'fosterOrGuardian' | 'returnedFromInstitution', ChildTally> = {
    institution: new ChildTally(),
    fosterOrGuardian: new ChildTally(),
    returnedFromInstitution: new ChildTally(),
  };
  for (const [person, placements] of data.placementsByPerson) {
    placements.forEach((placement: Placement, index) => {
      if (placement.kind === 'family' || !inPeriod(period, placement.from)) return;
      if (placements[index - 1]?.kind === placement.kind) return;
      if (!whileWorked(data, placement.caseId, placement.from)) return;
      const rank = data.rankOf(placement.caseId);
      if (!data.childrenAt(rank, placement.from).includes(person)) return;
      changes[placement.kind].add(person, rank);
    });
  }

  // (forEach rather than for…of over the flows: this runs once per report, and for…of allocates until optimized.)
  const kept = new ChildTally();
  flows.forEach((flow) => {
    const served = flow.days.served;
    if (!served) return;
    data.childrenAt(flow.rank, served).forEach((person) => {
      const placements = data.placementsByPerson.get(person) ?? NO_PLACEMENTS;
      const atStart = placements.length ? placementOn(placements, data.personId(person), period.from) : null;
      const awayLater = placements.some((p) => AWAY.has(p.kind) && p.from > period.from && p.from <= served);
      if (!(atStart && AWAY.has(atStart)) && !awayLater) kept.add(person, flow.rank);
    });
  });

  const atEnd = Object.fromEntries([...PLACEMENTS, 'none' as const].map((kind) => [kind, new ChildTally()])) as Record<PlacementKind | 'none', ChildTally>;
  flows.forEach((flow) => {
    if (!flow.days.openAtEnd) return;
    data.childrenAt(flow.rank, period.to).forEach((person) => {
      const placements = data.placementsByPerson.get(person) ?? NO_PLACEMENTS;
      atEnd[(placements.length ? placementOn(placements, data.personId(person), period.to) : null) ?? 'none'].add(person, flow.rank);
    });
  });

  return {
    keptInFamily: kept.figure(data),
    returnedFromInstitution: changes.returnedFromInstitution.figure(data),
    placedInInstitution: changes.institution.figure(data),
    placedInFosterOrGuardian: changes.fosterOrGuardian.figure(data),
    placementAtEnd: Object.fromEntries(Object.entries(atEnd).map(([kind, tally]) => [kind, tally.figure(data)])) as ChildOutcomes['placementAtEnd'],
  };
}
