import { describe, expect, it } from 'vitest';
import { CLOSURE_OUTCOMES, STAGES, type Stage } from '../domain/stages';
import { computeIndicators, openCasesOn, type Figure, type Indicators } from './indicators';
import { custom, month, quarter, year, type Period } from './period';
import { addMonthsPlain, generateOffice, type TruthCase } from './testing/generate';
import { OFFICE_OFFSET } from './testing/records';

/**
 * The generated office against its own log: every figure is computed here again, plainly and
 * case by case, from what the generator says happened (office days, typed dates, who was a member
 * when), not by replaying the stored records as the report code does.
 */

const office = generateOffice(20260331, 400);
const truth = office.truth;

const DAY = 86_400_000;
const shift = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const daysFrom = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
const under18 = (birth: string, day: string) => birth <= day && `${Number(birth.slice(0, 4)) + 18}${birth.slice(4)}` > day;
const sorted = (items: Iterable<string>) => [...new Set(items)].sort();
const AWAY = ['institution', 'fosterOrGuardian'];
const CLOSING = (kind: string, stage: Stage) => stage === 'closed' && (kind === 'close' || kind === 'decide');

type Filter = { mahallaId?: string; caseManagerId?: string };

function stageAt(c: TruthCase, day: string): Stage | null {
  let stage: Stage | null = null;
  for (const event of c.events) if (event.day <= day) stage = event.stage;
  return stage;
}
const openAt = (c: TruthCase, day: string) => {
  const stage = stageAt(c, day);
  return stage !== null && stage !== 'closed' && (c.transfer === null || day < c.transfer);
};
const childrenOf = (c: TruthCase, day: string) => c.members.filter((m) => m.from <= day && (m.to === null || m.to >= day) && under18(m.birthDate, day)).map((m) => m.personId);
const reopenedAfter = (c: TruthCase, index: number) => c.events.slice(index + 1).some((e) => e.kind === 'reopen');
/** The date the report may use: typed while the case still holds it (no reopening since), else the day written. */
const usedDate = (c: TruthCase, index: number) => (reopenedAfter(c, index) ? c.events[index]!.day : c.events[index]!.typed!);
/** Index of the event that opened the episode of event `index`. */
const episodeStart = (c: TruthCase, index: number) => c.events.slice(0, index + 1).findLastIndex((e) => e.kind === 'created' || e.kind === 'reopen');
/** The day the episode starting at `start` stopped: its closing event or the transfer, else null. */
function episodeEndDay(c: TruthCase, start: number): string | null {
  const closing = c.events.slice(start + 1).find((e) => CLOSING(e.kind, e.stage));
  const ends = [closing?.day, c.transfer].filter((day) => !!day) as string[];
  return ends.sort()[0] ?? null;
}

function expected(period: Period, filter: Filter = {}) {
  const { from, to } = period;
  const start = shift(from, -1);
  const cases = truth.filter((c) => !c.deleted && (!filter.mahallaId || c.mahallaId === filter.mahallaId) && (!filter.caseManagerId || c.caseManagerId === filter.caseManagerId));
  const inP = (day: string) => day >= from && day <= to;
  const figure = (counted: { c: TruthCase; day: string }[]): Figure => ({
    families: new Set(counted.map(({ c }) => c.id)).size,
    children: new Set(counted.flatMap(({ c, day }) => childrenOf(c, day))).size,
    caseIds: sorted(counted.map(({ c }) => c.id)),
  });

  const flows = cases.map((c) => {
    const days: Record<string, string> = {};
    let outcome: string | null = null;
    if (openAt(c, start)) days.openAtStart = start;
    c.events.forEach((e, i) => {
      if (!inP(e.day)) return;
      if (e.kind === 'created') days.new = e.day;
      if (e.kind === 'reopen') days.reopened = e.day;
      if (CLOSING(e.kind, e.stage)) {
        days.closed = e.day;
        outcome = e.kind === 'decide' ? 'notEligible' : e.outcome!;
      }
    });
    if (c.transfer && inP(c.transfer) && ![null, 'closed'].includes(stageAt(c, c.transfer))) days.transferredOut = c.transfer;
    if (openAt(c, to)) days.openAtEnd = to;
    if (days.openAtStart || days.new || days.reopened) days.served = days.openAtEnd ?? [days.closed, days.transferredOut].filter(Boolean).sort().at(-1) ?? to;
    return { c, days, outcome };
  });
  type F = (typeof flows)[number];
  const KEYS = ['openAtStart', 'new', 'reopened', 'closed', 'transferredOut', 'openAtEnd', 'served'] as const;
  const flowOf = (group: F[]) => Object.fromEntries(KEYS.map((key) => [key, figure(group.filter((f) => f.days[key]).map((f) => ({ c: f.c, day: f.days[key]! })))])) as Record<(typeof KEYS)[number], Figure>;
  const by = (keysOf: (c: TruthCase) => string[], initial: string[]) => {
    const groups = new Map<string, F[]>(initial.map((key) => [key, []]));
    for (const f of flows.filter((f) => Object.keys(f.days).length)) for (const key of keysOf(f.c)) groups.set(key, (groups.get(key) ?? []).concat(f));
    return Object.fromEntries([...groups].map(([key, group]) => [key, flowOf(group)]));
  };
  const openAtEnd = flows.filter((f) => f.days.openAtEnd);
  const families = {
    ...flowOf(flows),
    byStage: Object.fromEntries(STAGES.filter((s) => s !== 'closed').map((s) => [s, figure(openAtEnd.filter((f) => stageAt(f.c, to) === s).map((f) => ({ c: f.c, day: to })))])),
    byMahalla: by((c) => [c.mahallaId], ['mh-0', 'mh-1', 'mh-2', 'mh-3', 'mh-4', 'mh-5'].filter((m) => !filter.mahallaId || m === filter.mahallaId)),
    byDistrict: by((c) => [c.districtCode], []),
    byCriterion: by((c) => c.criteria ?? ['unconfirmed'], []),
    byRiskLevel: by((c) => [c.riskLevel], ['R0', 'R1', 'R2', 'R3']),
    closedByOutcome: Object.fromEntries([...CLOSURE_OUTCOMES, 'unrecorded'].map((o) => [o, figure(flows.filter((f) => f.days.closed && f.outcome === o).map((f) => ({ c: f.c, day: f.days.closed! })))])),
  };

  // Children: placements by person, in the cases reported on, by date.
  const placements = new Map<string, { c: TruthCase; kind: string; from: string }[]>();
  for (const c of cases) for (const p of c.placements) if (!p.deleted) placements.set(p.personId, (placements.get(p.personId) ?? []).concat({ c, kind: p.kind, from: p.from }));
  for (const list of placements.values()) list.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const kindOn = (personId: string, day: string) => (placements.get(personId) ?? []).filter((p) => p.from <= day).at(-1)?.kind ?? null;
  const worked = (c: TruthCase, day: string) =>
    c.events.some((e, i) => (e.kind === 'created' || e.kind === 'reopen') && e.day <= day && (episodeEndDay(c, i) === null || day <= episodeEndDay(c, i)!));
  const tally = (pairs: { personId: string; c: TruthCase }[]) => ({ children: new Set(pairs.map((p) => p.personId)).size, personIds: sorted(pairs.map((p) => p.personId)), caseIds: sorted(pairs.map((p) => p.c.id)) });
  const changed = (kind: string) =>
    tally(
      [...placements].flatMap(([personId, list]) =>
        list.filter((p, i) => p.kind === kind && inP(p.from) && list[i - 1]?.kind !== kind && worked(p.c, p.from) && childrenOf(p.c, p.from).includes(personId)).map((p) => ({ personId, c: p.c })),
      ),
    );
  const kept = flows.flatMap((f) =>
    f.days.served
      ? childrenOf(f.c, f.days.served)
          .filter((personId) => !AWAY.includes(kindOn(personId, from) ?? '') && !(placements.get(personId) ?? []).some((p) => AWAY.includes(p.kind) && p.from > from && p.from <= f.days.served!))
          .map((personId) => ({ personId, c: f.c }))
      : [],
  );
  const endPlacements = openAtEnd.flatMap((f) => childrenOf(f.c, to).map((personId) => ({ personId, c: f.c, kind: kindOn(personId, to) ?? 'none' })));
  const outcomes = {
    keptInFamily: tally(kept),
    returnedFromInstitution: changed('returnedFromInstitution'),
    placedInInstitution: changed('institution'),
    placedInFosterOrGuardian: changed('fosterOrGuardian'),
    placementAtEnd: Object.fromEntries(['family', 'institution', 'returnedFromInstitution', 'fosterOrGuardian', 'none'].map((kind) => [kind, tally(endPlacements.filter((p) => p.kind === kind))])),
    selfSufficient: families.closedByOutcome.selfSufficient,
  };

  // Process.
  let due = 0;
  let onTime = 0;
  const dueCases: string[] = [];
  const lateCases: string[] = [];
  const toAgreement: number[] = [];
  const toClosure: number[] = [];
  for (const c of cases) {
    c.events.forEach((e, i) => {
      const first = episodeStart(c, i);
      const identified = c.events[first]!.kind === 'created' ? c.referralDate : c.events[first]!.day;
      const sign = c.events.slice(first, i).findLastIndex((x) => x.kind === 'sign');
      if (e.kind === 'sign' && inP(e.day)) toAgreement.push(daysFrom(identified, usedDate(c, i)));
      if (CLOSING(e.kind, e.stage) && inP(e.day) && sign >= 0) toClosure.push(daysFrom(usedDate(c, first + sign), usedDate(c, i)));
      if (e.kind !== 'sign') return;
      const signed = usedDate(c, i);
      const end = episodeEndDay(c, first);
      const dates = c.monitorings.filter((m) => !m.deleted && m.date >= signed && (end === null || m.date <= end)).map((m) => m.date).sort();
      for (let k = 1; addMonthsPlain(signed, k) <= to; k++) {
        const dueDay = addMonthsPlain(signed, k);
        if (dueDay < from || (end !== null && dueDay >= end)) continue;
        due++;
        dueCases.push(c.id);
        if (dates[k - 1] !== undefined && dates[k - 1]! <= dueDay) onTime++;
        else lateCases.push(c.id);
      }
    });
  }
  const median = (values: number[]) => {
    const s = [...values].sort((a, b) => a - b);
    return s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  const overdue = openAtEnd.map((f) => {
    const latest = f.c.plans.filter((p) => !p.deleted).sort((a, b) => b.revision - a.revision)[0];
    return { id: f.c.id, n: latest?.actions.filter((a) => (a.status === 'planned' || a.status === 'inProgress') && a.deadline < to).length ?? 0 };
  });
  const waiting = cases.flatMap((c) => c.assessments.filter((a) => !a.deleted && a.completedDay !== null && a.completedDay <= to && !(a.approvedDay !== null && a.approvedDay <= to)).map((a) => ({ c, a })));
  const process = {
    monitoring: { due, onTime, percent: due ? Math.round((onTime / due) * 1000) / 10 : null, caseIds: sorted(dueCases), lateCaseIds: sorted(lateCases) },
    overduePlanActions: { actions: overdue.reduce((sum, o) => sum + o.n, 0), caseIds: sorted(overdue.filter((o) => o.n).map((o) => o.id)) },
    medianDays: { identificationToAgreement: median(toAgreement), agreementToClosure: median(toClosure), agreements: toAgreement.length, closures: toClosure.length },
    assessmentsAwaitingApproval: { count: waiting.length, assessmentIds: sorted(waiting.map((w) => w.a.id)), caseIds: sorted(waiting.map((w) => w.c.id)) },
  };

  // People, straight from the directory records.
  const { users, teams, specialists } = office.input;
  const managers = sorted([...users.filter((u) => u.active && u.roles.includes('caseManager')).map((u) => u.id), ...openAtEnd.map((f) => f.c.caseManagerId)]).filter((id) => !filter.caseManagerId || id === filter.caseManagerId);
  const liveTeams = teams.filter((t) => t.deletedAt === null && (!filter.mahallaId || t.mahallaId === filter.mahallaId));
  const liveSpecialists = specialists.filter((s) => s.deletedAt === null && (!filter.mahallaId || s.mahallaIds.includes(filter.mahallaId)));
  const trainedBy = (id: string) => specialists.some((s) => s.id === id && s.deletedAt === null && s.trainedOn !== null && s.trainedOn <= to);
  const openFigure = (match: (c: TruthCase) => boolean) => figure(openAtEnd.filter((f) => match(f.c)).map((f) => ({ c: f.c, day: to })));
  const people = {
    openCasesByCaseManager: Object.fromEntries(managers.map((id) => [id, openFigure((c) => c.caseManagerId === id)])),
    openCasesByTeam: Object.fromEntries(liveTeams.map((t) => [t.id, openFigure((c) => c.mahallaId === t.mahallaId)])),
    specialists: {
      total: liveSpecialists.length,
      trained: { count: liveSpecialists.filter((s) => trainedBy(s.id)).length, specialistIds: sorted(liveSpecialists.filter((s) => trainedBy(s.id)).map((s) => s.id)) },
      trainedInPeriod: { count: liveSpecialists.filter((s) => s.trainedOn && inP(s.trainedOn)).length, specialistIds: sorted(liveSpecialists.filter((s) => s.trainedOn && inP(s.trainedOn)).map((s) => s.id)) },
    },
    teams: Object.fromEntries(liveTeams.map((t) => [t.id, { members: t.members.length, trained: t.members.filter((m) => trainedBy(m.specialistId)).length }])),
  };
  return { families, outcomes, process, people };
}

const PERIODS: Period[] = [quarter(2026, 1), month(2026, 2), month(2024, 12), year(2025), custom('2025-03-17', '2025-08-09'), quarter(2026, 2), custom('2026-03-31', '2026-03-31')];
const FILTERS: Filter[] = [{}, { mahallaId: 'mh-2' }, { caseManagerId: 'cm-1' }];

function compare(actual: Indicators, wanted: ReturnType<typeof expected>) {
  const { byStage, byMahalla, byDistrict, byCriterion, byRiskLevel, closedByOutcome, ...flow } = wanted.families;
  expect(actual.families).toMatchObject(flow);
  expect(actual.families.byStage).toEqual(byStage);
  expect(actual.families.closedByOutcome).toEqual(closedByOutcome);
  expect(actual.families.byMahalla).toEqual(byMahalla);
  expect(actual.families.byDistrict).toEqual(byDistrict);
  expect(actual.families.byCriterion).toEqual(byCriterion);
  expect(actual.families.byRiskLevel).toEqual(byRiskLevel);
  expect(actual.outcomes).toEqual(wanted.outcomes);
  expect(actual.process).toEqual(wanted.process);
  expect(actual.people).toEqual(wanted.people);
}

describe('indicators of a generated office match its own log', () => {
  for (const period of PERIODS) {
    for (const filter of FILTERS) {
      it(`${period.from}…${period.to} ${JSON.stringify(filter)}`, () => {
        compare(computeIndicators(office.input, period, { ...filter, officeOffsetMinutes: OFFICE_OFFSET }), expected(period, filter));
      });
    }
  }

  it('as of days in the middle of periods, one by one', () => {
    const days = ['2024-03-15', '2024-11-30', '2025-01-01', '2025-02-14', '2025-06-30', '2025-07-16', '2025-10-31', '2025-12-31', '2026-01-15', '2026-02-28', '2026-03-01', '2026-04-30', '2026-05-20', '2026-06-30'];
    for (const day of days) {
      const actual = openCasesOn(office.input, day as Period['from'], { officeOffsetMinutes: OFFICE_OFFSET });
      const open = truth.filter((c) => !c.deleted && openAt(c, day));
      const figure = (cases: TruthCase[]): Figure => ({ families: cases.length, children: new Set(cases.flatMap((c) => childrenOf(c, day))).size, caseIds: sorted(cases.map((c) => c.id)) });
      expect(actual.open, day).toEqual(figure(open));
      for (const stage of STAGES.filter((s) => s !== 'closed')) expect(actual.byStage[stage], `${day} ${stage}`).toEqual(figure(open.filter((c) => stageAt(c, day) === stage)));
    }
  });

  it('the office has the awkward cases the rules are about', () => {
    const live = truth.filter((c) => !c.deleted);
    const counts = {
      reopened: live.filter((c) => c.events.some((e) => e.kind === 'reopen')).length,
      transferred: live.filter((c) => c.transfer).length,
      deleted: truth.filter((c) => c.deleted).length,
      purged: office.input.cases.filter((c) => c.purgedAt).length,
      notEligible: live.filter((c) => c.events.some((e) => e.kind === 'decide' && e.stage === 'closed')).length,
      typedBeforeWritten: live.filter((c) => c.events.some((e) => e.typed && e.typed < e.day)).length,
      signedOn31st: live.filter((c) => c.events.some((e) => e.kind === 'sign' && e.typed!.endsWith('-31'))).length,
      placedTwice: live.filter((c) => c.placements.filter((p) => p.kind !== 'family').length >= 2).length,
      afterMidnight: office.input.history.filter((h) => h.deletedAt === null && h.createdAt.slice(11, 13) >= '19').length,
      sameDayEntries: live.filter((c) => c.events.some((e, i) => i > 0 && c.events[i - 1]!.day === e.day)).length,
      sharedChildren: new Set(live.flatMap((c) => c.members.map((m) => m.personId)).filter((id, i, all) => all.indexOf(id) !== i)).size,
    };
    for (const [what, count] of Object.entries(counts)) expect(count, what).toBeGreaterThanOrEqual(3);
    const q1 = expected(quarter(2026, 1));
    expect(q1.process.monitoring.due).toBeGreaterThan(50);
    expect(q1.families.reopened.families + q1.families.transferredOut.families).toBeGreaterThan(0);
    expect(q1.outcomes.placedInInstitution.children + q1.outcomes.returnedFromInstitution.children).toBeGreaterThan(0);
  });

  it('is the same office for the same seed', () => {
    expect(generateOffice(7, 30)).toEqual(generateOffice(7, 30));
    expect(generateOffice(8, 30)).not.toEqual(generateOffice(7, 30));
  });
});
