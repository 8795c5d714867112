import type { CaseFlow } from './families';
import { inPeriod, type Period } from './period';
import { groupBy, type Figure, type ReportData } from './reportData';

/**
 * Workload and training. Cases are counted open at the end of the period, under the case manager
 * and the mahalla they have now (neither is kept in the history). A mahalla team's cases are the
 * open cases of its mahalla. A specialist is trained by a day when `trainedOn` is on or before it.
 */

export interface PeopleFigures {
  /** Every active case manager (zero too), and anyone else who holds open cases. */
  openCasesByCaseManager: Record<string, Figure>;
  /** By team id. */
  openCasesByTeam: Record<string, Figure>;
  specialists: {
    total: number;
    /** Trained in case management by the last day. */
    trained: { count: number; specialistIds: string[] };
    /** Trained during the period. */
    trainedInPeriod: { count: number; specialistIds: string[] };
  };
  /** Each team's members and how many of them are trained by the last day. */
  teams: Record<string, { members: number; trained: number }>;
}

export function peopleFigures(data: ReportData, period: Period, flows: readonly CaseFlow[]): PeopleFigures {
  const { mahallaId, caseManagerId } = data.options;
  // What is read of each open case, read in one go (reaching a case is what costs).
  const open = flows.filter((flow) => flow.days.openAtEnd).map((flow) => {
    const kase = data.caseAt(flow.rank);
    return { rank: flow.rank, caseManagerId: kase.caseManagerId, mahallaId: kase.address.mahallaId };
  });
  const figureOf = (cases: typeof open = []) => {
    const tally = data.tally();
    cases.forEach(({ rank }) => tally.add(rank, period.to));
    return tally.figure();
  };
  const byManager = groupBy(open, (kase) => kase.caseManagerId);
  const byMahalla = groupBy(open, (kase) => kase.mahallaId);

  const managers = new Set(data.input.users.filter((u) => u.deletedAt === null && u.active && u.roles.includes('caseManager')).map((u) => u.id));
  open.forEach((kase) => managers.add(kase.caseManagerId));
  const openCasesByCaseManager = Object.fromEntries(
    [...managers].filter((id) => !caseManagerId || id === caseManagerId).map((id) => [id, figureOf(byManager.get(id))]),
  );

  const teams = data.input.teams.filter((team) => team.deletedAt === null && (!mahallaId || team.mahallaId === mahallaId));
  const openCasesByTeam = Object.fromEntries(teams.map((team) => [team.id, figureOf(byMahalla.get(team.mahallaId))]));

  const specialists = data.input.specialists.filter((s) => s.deletedAt === null && (!mahallaId || s.mahallaIds.includes(mahallaId)));
  const trainedBy = new Set(data.input.specialists.filter((s) => s.deletedAt === null && s.trainedOn !== null && s.trainedOn <= period.to).map((s) => s.id));
  const trained = specialists.filter((s) => trainedBy.has(s.id)).map((s) => s.id).sort();
  const trainedInPeriod = specialists.filter((s) => s.trainedOn !== null && inPeriod(period, s.trainedOn)).map((s) => s.id).sort();

  return {
    openCasesByCaseManager,
    openCasesByTeam,
    specialists: { total: specialists.length, trained: { count: trained.length, specialistIds: trained }, trainedInPeriod: { count: trainedInPeriod.length, specialistIds: trainedInPeriod } },
    teams: Object.fromEntries(teams.map((team) => [team.id, { members: team.members.length, trained: team.members.filter((m) => trainedBy.has(m.specialistId)).length }])),
  };
}
