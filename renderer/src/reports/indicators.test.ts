import { describe, expect, it } from 'vitest';
import type { FamilyCase } from '../domain/familyCase';
import { computeIndicators, openCasesOn, type Figure } from './indicators';
import { month, quarter } from './period';
import { median } from './process';
import {
  action,
  assessment,
  at,
  CaseStory,
  d,
  emptyInput,
  type InputArrays,
  mahalla,
  membership,
  meta,
  monitoring,
  OFFICE_OFFSET,
  person,
  placement,
  plan,
  specialist,
  team,
  user,
} from './testing/records';

/**
 * A small office written out by hand, one case per rule, reported on for the first quarter of 2026
 * (the day before it: 31 December 2025):
 * A reopened; B closed as not eligible; C a child placed in an institution then returned, and a
 * monitoring one day late; D transferred out mid-period; E an agreement signed on the 31st;
 * F deleted; G closed self-sufficient with a child turning 18 in the quarter; H closed with a child
 * placed in a guardian family.
 */
function office(): InputArrays {
  const input = emptyInput();
  const stories = [
    new CaseStory('case-A', { referralDate: '2025-11-01' }).created('2025-11-03').advance('primaryAssessment', '2025-11-05').close('refused', '2026-01-20').reopen('2026-03-10').decide(true, '2026-03-15'),
    new CaseStory('case-B', { referralDate: '2026-01-28', mahallaId: 'mh-2', caseManagerId: 'cm-2' }).created('2026-02-02').advance('primaryAssessment', '2026-02-03').decide(false, '2026-02-10', '2026-02-11'),
    new CaseStory('case-C', { referralDate: '2025-05-30' })
      .created('2025-06-01')
      .advance('primaryAssessment', '2025-06-02')
      .decide(true, '2025-06-20')
      .sign('2025-07-15')
      .advance('inDepthAssessment', '2025-07-16')
      .advance('planning', '2025-08-01')
      .advance('implementation', '2025-08-10')
      .advance('monitoring', '2025-09-12'),
    new CaseStory('case-D', { referralDate: '2025-09-28', caseManagerId: 'cm-2' }).created('2025-10-01').advance('primaryAssessment', '2025-10-02').decide(true, '2025-10-10').sign('2025-10-20').advance('inDepthAssessment', '2025-10-22').transferOut('1706', '2026-02-15'),
    new CaseStory('case-E', { referralDate: '2026-01-08' }).created('2026-01-10').advance('primaryAssessment', '2026-01-11').decide(true, '2026-01-20').sign('2026-01-31', '2026-02-02').advance('inDepthAssessment', '2026-02-03'),
    new CaseStory('case-F', { referralDate: '2026-01-05' }).created('2026-01-05').advance('primaryAssessment', '2026-01-06'),
    new CaseStory('case-G', { referralDate: '2025-02-25' })
      .created('2025-03-01')
      .advance('primaryAssessment', '2025-03-02')
      .decide(true, '2025-03-20')
      .sign('2025-04-01')
      .advance('inDepthAssessment', '2025-04-02')
      .advance('planning', '2025-04-20')
      .advance('implementation', '2025-05-01')
      .advance('monitoring', '2025-05-02')
      .close('selfSufficient', '2026-03-18', '2026-03-20'),
    new CaseStory('case-H', { referralDate: '2026-01-12' }).created('2026-01-12').advance('primaryAssessment', '2026-01-13').close('childPlaced', '2026-03-25'),
  ];
  for (const story of stories) {
    const kase: FamilyCase = story.build();
    input.cases.push(story.id === 'case-F' ? { ...kase, deletedAt: at('2026-01-07') } : kase);
    input.history.push(...story.history);
  }
  const members: [string, string, string, string?, string?][] = [
    ['case-A', 'a-head', '1985-01-01'],
    ['case-A', 'a-c1', '2015-05-05'],
    ['case-A', 'a-c2', '2013-05-05', '2025-11-01', '2026-01-15'], // left the family in January
    ['case-B', 'b-c1', '2010-01-01'],
    ['case-C', 'c-head', '1980-01-01'],
    ['case-C', 'p-c1', '2012-01-01'],
    ['case-C', 'p-c2', '2014-01-01'],
    ['case-D', 'd-c1', '2011-01-01'],
    ['case-E', 'e-c1', '2019-01-01'],
    ['case-E', 'e-baby', '2026-02-14', '2026-02-14'], // born in the quarter
    ['case-F', 'f-c1', '2015-01-01'],
    ['case-G', 'g-c18', '2008-03-10'], // 18 on 10 March 2026
    ['case-G', 'g-c2', '2012-01-01'],
    ['case-H', 'h-c1', '2016-01-01'],
  ];
  for (const [caseId, personId, birth, from, to] of members) {
    input.persons.push(person(personId, birth));
    input.memberships.push(membership(caseId, personId, from ?? '2025-01-01', to ?? null));
  }
  input.placements.push(
    placement('case-C', 'p-c1', 'family', '2025-06-01'),
    placement('case-C', 'p-c1', 'institution', '2026-01-20'),
    placement('case-C', 'p-c1', 'returnedFromInstitution', '2026-03-05'),
    placement('case-C', 'p-c2', 'institution', '2026-02-01', 'deleted-placement', true),
    placement('case-D', 'd-c1', 'institution', '2025-12-01'),
    placement('case-D', 'd-c1', 'institution', '2026-02-01'), // moved to another institution: not newly placed
    placement('case-B', 'b-c1', 'institution', '2026-03-01'), // after the case was closed: not the office's work
    placement('case-F', 'f-c1', 'institution', '2026-01-06'),
    placement('case-H', 'h-c1', 'fosterOrGuardian', '2026-03-25'),
  );
  const monitorings: [string, string[]][] = [
    ['case-C', ['2025-08-10', '2025-09-12', '2025-10-15', '2025-11-14', '2025-12-15', '2026-01-14', '2026-02-16', '2026-03-15']],
    ['case-D', ['2025-11-20', '2025-12-19', '2026-01-25']],
    ['case-E', ['2026-02-28', '2026-03-31']],
    ['case-F', ['2026-02-06']],
    ['case-G', Array.from({ length: 11 }, (_, k) => `${k < 8 ? 2025 : 2026}-${String(((k + 4) % 12) + 1).padStart(2, '0')}-01`)],
  ];
  for (const [caseId, dates] of monitorings) input.monitorings.push(...dates.map((date) => monitoring(caseId, date)));
  input.plans.push(
    plan('case-C', 1, [action('c-a1', '2026-03-01', 'planned'), action('c-a2', '2026-03-31', 'inProgress'), action('c-a3', '2026-02-01', 'done')]),
    plan('case-C', 2, [action('c-x', '2026-01-01', 'planned'), action('c-y', '2026-01-01', 'planned')], true),
    plan('case-E', 1, [action('e-a1', '2026-03-30', 'inProgress')]),
    plan('case-E', 2, [action('e-a1', '2026-03-30', 'done')]),
    plan('case-G', 1, [action('g-a1', '2026-01-01', 'planned')]),
  );
  input.assessments.push(
    assessment('as-C1', 'case-C', at('2025-09-01'), at('2025-09-05')),
    assessment('as-C2', 'case-C', at('2026-03-31', '23:30'), null),
    assessment('as-E1', 'case-E', at('2026-04-01', '00:30'), null), // 31 March in UTC, 1 April in the office
    assessment('as-G1', 'case-G', at('2026-02-01'), at('2026-04-02')),
    assessment('as-F1', 'case-F', at('2026-02-01'), null),
    assessment('as-D0', 'case-D', null, null),
  );
  input.users.push(user('cm-1'), user('cm-2'), user('sup', ['supervisor']), user('cm-old', ['caseManager'], false));
  input.specialists.push(specialist('s1', '2025-05-01', ['mh-1']), specialist('s2', '2026-02-10', ['mh-1', 'mh-2']), specialist('s3', null, ['mh-1']), specialist('s4', '2026-01-01', ['mh-1'], true));
  input.teams.push(team('t1', 'mh-1', ['s1', 's3']), team('t2', 'mh-2', ['s2']));
  input.mahallas.push(mahalla('mh-1'), mahalla('mh-2'), mahalla('mh-3'));
  return input;
}

const options = { officeOffsetMinutes: OFFICE_OFFSET };
const q1 = computeIndicators(office(), quarter(2026, 1), options);
const ids = (...letters: string[]) => letters.map((letter) => `case-${letter}`);
const fig = (cases: string, children: number): Figure => ({ families: cases.length, children, caseIds: ids(...cases) });

describe('families and children over the first quarter', () => {
  it('open at the start and end, and what moved in between (a reopened case, a transfer, a closure as not eligible)', () => {
    const { openAtStart, new: opened, reopened, closed, transferredOut, openAtEnd, served } = q1.families;
    expect(openAtStart).toEqual(fig('ACDG', 7)); // A's child who left in January and G's who turns 18 in March still count on 31 December
    expect(opened).toEqual(fig('BEH', 3)); // E's baby was born after the case was opened
    expect(reopened).toEqual(fig('A', 1));
    expect(closed).toEqual(fig('ABGH', 4)); // on the day of closure: A's child left before, G's eldest is 18 by then
    expect(transferredOut).toEqual(fig('D', 1));
    expect(openAtEnd).toEqual(fig('ACE', 5));
    expect(served).toEqual(fig('ABCDEGH', 9));
    expect(openAtStart.families + opened.families + reopened.families - closed.families - transferredOut.families).toBe(openAtEnd.families);
  });

  it('by stage at the end, by the history: E entered the agreement stage the day its signing was written', () => {
    expect(q1.families.byStage).toMatchObject({ primaryAssessment: fig('A', 1), inDepthAssessment: fig('E', 2), monitoring: fig('C', 2), agreement: fig('', 0), identification: fig('', 0) });
    expect(openCasesOn(office(), d('2026-01-31'), options).byStage.primaryAssessment.caseIds).toEqual(ids('E', 'H'));
  });

  it('as of days in the middle of the quarter', () => {
    expect(openCasesOn(office(), d('2026-02-10'), options).open).toEqual(fig('BCDEGH', 8)); // B's decision is dated the 10th but written on the 11th
    expect(openCasesOn(office(), d('2026-02-14'), options).open).toEqual(fig('CDEGH', 8)); // E's baby, born that day
    expect(openCasesOn(office(), d('2026-02-15'), options).open).toEqual(fig('CEGH', 7));
    expect(openCasesOn(office(), d('2026-01-20'), options).open.caseIds).toEqual(ids('C', 'D', 'E', 'G', 'H'));
    expect(openCasesOn(office(), d('2026-01-19'), options).open.caseIds).toEqual(ids('A', 'C', 'D', 'E', 'G', 'H'));
    expect(openCasesOn(office(), d('2026-03-10'), options).open.caseIds).toEqual(ids('A', 'C', 'E', 'G', 'H'));
  });

  it('closed by outcome; a closure a reopening undid keeps its outcome (from its history entry)', () => {
    expect(q1.families.closedByOutcome).toMatchObject({ refused: fig('A', 1), notEligible: fig('B', 1), selfSufficient: fig('G', 1), childPlaced: fig('H', 1), unrecorded: fig('', 0) });
    expect(q1.outcomes.selfSufficient).toEqual(fig('G', 1));
  });

  it('by mahalla (every mahalla listed), district, criterion and risk level', () => {
    expect(Object.keys(q1.families.byMahalla).sort()).toEqual(['mh-1', 'mh-2', 'mh-3']);
    expect(q1.families.byMahalla['mh-2']).toMatchObject({ new: fig('B', 1), closed: fig('B', 1), openAtEnd: fig('', 0) });
    expect(q1.families.byMahalla['mh-1']!.served.caseIds).toEqual(ids('A', 'C', 'D', 'E', 'G', 'H'));
    expect(q1.families.byMahalla['mh-3']!.served).toEqual(fig('', 0));
    expect(q1.families.byDistrict['1703']!.served.families).toBe(7);
    expect(q1.families.byCriterion['ECO_LOW_INCOME']!.served.caseIds).toEqual(ids('A', 'C', 'D', 'E', 'G'));
    expect(q1.families.byCriterion['unconfirmed']!.served.caseIds).toEqual(ids('B', 'H'));
    expect(q1.families.byRiskLevel['R1']!.openAtEnd.families).toBe(3);
    expect(q1.families.byRiskLevel['R3']!.openAtEnd.families).toBe(0);
  });

  it('leaves a deleted case out of every figure', () => {
    expect(JSON.stringify(q1)).not.toContain('case-F');
    expect(JSON.stringify(q1)).not.toContain('f-c1');
  });

  it('filters by mahalla and by case manager', () => {
    const mh2 = computeIndicators(office(), quarter(2026, 1), { ...options, mahallaId: 'mh-2' });
    expect(mh2.families.served).toEqual(fig('B', 1));
    expect(Object.keys(mh2.families.byMahalla)).toEqual(['mh-2']);
    expect(Object.keys(mh2.people.openCasesByTeam)).toEqual(['t2']);
    expect(mh2.people.specialists.total).toBe(1);
    const cm2 = computeIndicators(office(), quarter(2026, 1), { ...options, caseManagerId: 'cm-2' });
    expect(cm2.families.served.caseIds).toEqual(ids('B', 'D'));
    expect(Object.keys(cm2.people.openCasesByCaseManager)).toEqual(['cm-2']);
  });

  it('is plain data', () => {
    expect(JSON.parse(JSON.stringify(q1))).toEqual(q1);
    expect(q1.label).toEqual({ kind: 'quarter', year: 2026, quarter: 1 });
    expect(q1.asOf).toEqual({ start: '2025-12-31', end: '2026-03-31' });
  });
});

describe('children: the gate-keeping figures', () => {
  it('a child placed in an institution then returned counts in both; moving between institutions is no new placement', () => {
    expect(q1.outcomes.placedInInstitution).toEqual({ children: 1, personIds: ['p-c1'], caseIds: ids('C') });
    expect(q1.outcomes.returnedFromInstitution).toEqual({ children: 1, personIds: ['p-c1'], caseIds: ids('C') });
    expect(q1.outcomes.placedInFosterOrGuardian).toEqual({ children: 1, personIds: ['h-c1'], caseIds: ids('H') });
  });

  it('kept in the family: served children never placed away in the period (a deleted placement does not count)', () => {
    expect(q1.outcomes.keptInFamily.personIds).toEqual(['a-c1', 'b-c1', 'e-baby', 'e-c1', 'g-c2', 'p-c2']);
  });

  it('where the children of open cases live at the end', () => {
    expect(q1.outcomes.placementAtEnd.returnedFromInstitution.personIds).toEqual(['p-c1']);
    expect(q1.outcomes.placementAtEnd.none.personIds).toEqual(['a-c1', 'e-baby', 'e-c1', 'p-c2']);
    expect(q1.outcomes.placementAtEnd.institution.children).toBe(0);
  });

  it('in February: the child was in an institution, nobody returned yet', () => {
    const feb = computeIndicators(office(), month(2026, 2), options);
    expect(feb.outcomes.placedInInstitution.children).toBe(0);
    expect(feb.outcomes.returnedFromInstitution.children).toBe(0);
    expect(feb.outcomes.keptInFamily.personIds).not.toContain('p-c1');
  });
});

describe('process', () => {
  it('monitoring on time: one day late is late; an agreement of the 31st is due on the last days of February and March; none after a transfer', () => {
    // C: 15 Jan on time, 15 Feb one day late, 15 Mar on the day; D: 20 Jan late, 20 Feb after its transfer;
    // E: 28 Feb and 31 Mar on time; G: the 1st of each month, on the day, none after its closure.
    expect(q1.process.monitoring).toEqual({ due: 9, onTime: 7, percent: 77.8, caseIds: ids('C', 'D', 'E', 'G'), lateCaseIds: ids('C', 'D') });
    expect(computeIndicators(office(), month(2026, 2), options).process.monitoring).toMatchObject({ due: 3, onTime: 2, lateCaseIds: ids('C') });
    expect(computeIndicators(office(), month(2026, 4), options).process.monitoring).toMatchObject({ due: 2, onTime: 0, caseIds: ids('C', 'E') });
  });

  it('overdue plan actions of open cases in their latest live revision', () => {
    expect(q1.process.overduePlanActions).toEqual({ actions: 1, caseIds: ids('C') });
  });

  it('overdue plan actions as the plan stood at the period\'s end: done since still counts, added since does not', () => {
    const input = office();
    const current = input.plans.find((p) => p.caseId === 'case-C' && p.revision === 1)!;
    // In April: c-a1 (overdue since 1 March) is marked done, and a new action, long past its date, is added.
    current.actions = [{ ...current.actions[0]!, status: 'done' }, ...current.actions.slice(1), action('c-new', '2026-02-15', 'planned'), action('c-new2', '2026-01-20', 'planned')];
    input.planRevisions.push({
      ...meta('rev-april', at('2026-04-10')),
      planId: current.id,
      caseId: 'case-C',
      revision: 1,
      reason: 'monitoring',
      changes: [
        { kind: 'actionChanged', id: 'c-a1', field: 'status', from: 'planned', to: 'done' },
        { kind: 'actionAdded', id: 'c-new', text: 'c-new' },
        { kind: 'actionAdded', id: 'c-new2', text: 'c-new2' },
      ],
    });
    expect(computeIndicators(input, quarter(2026, 1), options).process.overduePlanActions).toEqual({ actions: 1, caseIds: ids('C') });
    // Read at the end of April the plan is as it stands now: c-a1 done; c-a2 (due 31 March), c-new and c-new2 overdue.
    expect(computeIndicators(input, month(2026, 4), options).process.overduePlanActions).toMatchObject({ actions: 3 });
    // A plan revision made after the period did not exist then: the revision before it stands.
    const later = { ...current, ...meta('plan-case-C-3', at('2026-05-02')), revision: 3, actions: [action('c-z', '2026-01-05', 'planned')] };
    input.plans.push(later);
    expect(computeIndicators(input, quarter(2026, 1), options).process.overduePlanActions).toEqual({ actions: 1, caseIds: ids('C') });
    expect(computeIndicators(input, month(2026, 5), options).process.overduePlanActions).toMatchObject({ actions: 1 });
  });

  it('median days between the dates as typed', () => {
    expect(q1.process.medianDays).toEqual({ identificationToAgreement: 23, agreementToClosure: 351, agreements: 1, closures: 1 });
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('assessments awaiting approval at the end of the last office day', () => {
    expect(q1.process.assessmentsAwaitingApproval).toEqual({ count: 2, assessmentIds: ['as-C2', 'as-G1'], caseIds: ids('C', 'G') });
  });
});

describe('people', () => {
  it('open cases per active case manager and per mahalla team; specialists trained', () => {
    expect(q1.people.openCasesByCaseManager).toEqual({ 'cm-1': fig('ACE', 5), 'cm-2': fig('', 0) });
    expect(q1.people.openCasesByTeam).toEqual({ t1: fig('ACE', 5), t2: fig('', 0) });
    expect(q1.people.specialists).toEqual({ total: 3, trained: { count: 2, specialistIds: ['s1', 's2'] }, trainedInPeriod: { count: 1, specialistIds: ['s2'] } });
    expect(q1.people.teams).toEqual({ t1: { members: 2, trained: 1 }, t2: { members: 1, trained: 1 } });
  });
});
