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

class ChildTally {
  private readonly persons = new Set<string>();
  private readonly cases = new Set<string>();
  add(personId: string, caseId: string): void {
    this.persons.add(personId);
    this.cases.add(caseId);
  }
  figure(): ChildFigure {
    return { children: this.persons.size, personIds: [...this.persons].sort(), caseIds: [...this.cases].sort() };
  }
}

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
  for (const [personId, placements] of data.placementsByPerson) {
    placements.forEach((placement: Placement, index) => {
      if (placement.kind === 'family' || !inPeriod(period, placement.from)) return;
      if (placements[index - 1]?.kind === placement.kind) return;
      if (!whileWorked(data, placement.caseId, placement.from)) return;
      if (!data.childrenOn(placement.caseId, placement.from).includes(personId)) return;
      changes[placement.kind].add(personId, placement.caseId);
    });
  }

  const kept = new ChildTally();
  for (const flow of flows) {
    const served = flow.days.served;
    if (!served) continue;
    for (const personId of data.childrenOn(flow.caseId, served)) {
      const placements = data.placementsByPerson.get(personId) ?? [];
      const atStart = placementOn(placements, personId, period.from);
      const awayLater = placements.some((p) => AWAY.has(p.kind) && p.from > period.from && p.from <= served);
      if (!(atStart && AWAY.has(atStart)) && !awayLater) kept.add(personId, flow.caseId);
    }
  }

  const atEnd = Object.fromEntries([...PLACEMENTS, 'none' as const].map((kind) => [kind, new ChildTally()])) as Record<PlacementKind | 'none', ChildTally>;
  for (const flow of flows) {
    if (!flow.days.openAtEnd) continue;
    for (const personId of data.childrenOn(flow.caseId, period.to)) {
      atEnd[placementOn(data.placementsByPerson.get(personId) ?? [], personId, period.to) ?? 'none'].add(personId, flow.caseId);
    }
  }

  return {
    keptInFamily: kept.figure(),
    returnedFromInstitution: changes.returnedFromInstitution.figure(),
    placedInInstitution: changes.institution.figure(),
    placedInFosterOrGuardian: changes.fosterOrGuardian.figure(),
    placementAtEnd: Object.fromEntries(Object.entries(atEnd).map(([kind, tally]) => [kind, tally.figure()])) as ChildOutcomes['placementAtEnd'],
  };
}
