import { describe, expect, it } from 'vitest';
import { ALL_DOMAINS, CHILD_DOMAINS, FAMILY_DOMAINS, type Assessment, type DomainRating, type Rating } from '../domain/assessment';
import type { CaseConference, MonitoringRecord } from '../domain/caseWork';
import type { IsoDate } from '../domain/dates';
import type { Agency, Specialist } from '../domain/directory';
import type { CaseHistoryEntry, FamilyCase } from '../domain/familyCase';
import { biScriptFrom } from '../domain/names';
import type { OfficeProfile } from '../domain/office';
import type { Membership, Person, Relation, Sex } from '../domain/person';
import type { FamilyPlan, PlanRevision } from '../domain/plan';
import type { User } from '../domain/user';
import { assessmentSummaryData, closureActData, conferenceMinutesData, monitoringReportData, planDocData, taskSheetData, type CaseWorkRecords } from './fromCaseWork';

const meta = { installationId: 'i', createdAt: '2026-11-01T09:00:00.000Z', createdBy: 'cm', updatedAt: '2026-11-02T09:00:00.000Z', updatedBy: 'cm', rev: 1, deletedAt: null };
const d = (date: string) => date as IsoDate;
const office = { ...meta, id: 'office', regionCode: '1703', districtCode: '1703224', name: { uzLatn: 'Markaz', uzCyrl: 'Марказ', ru: 'Центр' }, head: biScriptFrom('Toshmatov Bahodir') } as unknown as OfficeProfile;

function member(id: string, name: string, relation: Relation, sex: Sex, birthDate: string) {
  const [surname, firstName, patronymic] = name.split(' ');
  const person = { ...meta, id, surname: biScriptFrom(surname!), firstName: biScriptFrom(firstName!), patronymic: patronymic ? biScriptFrom(patronymic) : null, sex, birthDate } as unknown as Person;
  const membership = { ...meta, id: `m-${id}`, caseId: 'c1', personId: id, relation, from: d('2020-01-01'), to: null } as Membership;
  return { person, membership };
}

const members = [member('p1', 'Gʻaniyeva Oʻgʻiloy Qahramonovna', 'head', 'female', '1988-04-02'), member('p2', 'Gʻaniyev Shohruh Hamidovich', 'child', 'male', '2014-09-17'), member('p3', 'Gʻaniyeva Lola', 'child', 'female', '2008-12-20')];
const kase = {
  ...meta,
  id: 'c1',
  caseNumber: '1703202-2026-0042',
  caseManagerId: 'cm',
  address: { regionCode: '1703', districtCode: '1703224', mahallaId: 'mh', street: 'Bogʻishamol', house: '12', apartment: '' },
  agreement: { signedDate: d('2026-10-05'), number: 'K-17', endedDate: d('2027-03-28') },
  stage: 'closed',
  closure: {
    outcome: 'selfSufficient',
    reason: 'Mustaqil',
    date: d('2027-03-28'),
    goalOutcomes: [{ goalId: 'g1', goalText: 'Maktabga qatnaydi', result: 'achieved', note: '' }],
    finalTriangle: { assessmentId: 'a2', version: 2, date: d('2027-02-10'), children: [{ personId: 'p2', ratings: { health: 3, income: 2 } }] },
  },
} as unknown as FamilyCase;
const users = [
  { ...meta, id: 'cm', fullName: biScriptFrom('Rahimova Zulfiya Karimovna'), phone: '+998901234567' },
  { ...meta, id: 'sup', fullName: biScriptFrom('Toshmatov Bahodir Olimovich'), phone: null },
] as unknown as User[];
const agencies = [{ ...meta, id: 'ag-police', kind: 'internalAffairs', name: { uzLatn: 'IIB', uzCyrl: 'ИИБ', ru: 'ОВД' } }] as Agency[];
const specialists = [
  { ...meta, id: 'sp-1', fullName: biScriptFrom('Xolmatov Shavkat Oʻrinovich'), agencyId: 'ag-police', position: { uzLatn: 'inspektor', uzCyrl: 'инспектор', ru: 'инспектор' }, phone: null, mahallaIds: [], trainedOn: null, userId: null },
] as Specialist[];
const mahalla = { ...meta, id: 'mh', name: { uzLatn: 'Navroʻz', uzCyrl: 'Наврўз', ru: 'Навруз' } };
const history = [{ ...meta, id: 'h1', caseId: 'c1', kind: 'close', from: 'monitoring', to: 'closed', reason: 'x', createdBy: 'sup', createdAt: '2027-03-28T10:00:00.000Z' }] as CaseHistoryEntry[];
const records: CaseWorkRecords = { office, kase, members, mahalla, users, specialists, agencies, history };

const plan = (revision: number, actions: FamilyPlan['actions'], overrides: Partial<FamilyPlan> = {}): FamilyPlan => ({
  ...meta,
  id: `plan-${revision}`,
  caseId: 'c1',
  revision,
  status: 'approved',
  goals: [
    { id: 'g1', text: 'Maktabga qatnaydi', domains: ['education'], personId: 'p2' },
    { id: 'g2', text: 'Daromad', domains: ['income'], personId: null },
  ],
  actions,
  participants: ['p1', 'p2'],
  approval: { by: 'sup', at: '2026-11-03T08:00:00.000Z', note: 'ok' },
  ...overrides,
});
const action = (id: string, goalId: string, responsible: FamilyPlan['actions'][number]['responsible'], deadline: string, status: FamilyPlan['actions'][number]['status'] = 'planned') => ({ id, goalId, description: `Tadbir ${id}`, responsible, deadline: d(deadline), status, droppedReason: '' });

describe('case-work documents filled from the records', () => {
  it('the plan: goals in order with their actions, who is responsible, the family in both scripts, adults sign', () => {
    const data = planDocData(records, plan(2, [action('a2', 'g2', { kind: 'member', personId: 'p1' }, '2026-12-01'), action('a1', 'g1', { kind: 'specialist', specialistId: 'sp-1' }, '2026-11-20'), action('a3', 'g1', { kind: 'specialist', specialistId: 'gone' }, '2026-11-25')]), d('2026-12-01'));
    expect(data).toMatchObject({ caseNumber: '1703202-2026-0042', revision: 2, status: 'approved', date: '2026-11-02' });
    expect(data.head).toEqual(biScriptFrom('Gʻaniyeva Oʻgʻiloy Qahramonovna'));
    expect(data.caseManager?.cyrl).toBe('Раҳимова Зулфия Каримовна');
    expect(data.address).toMatchObject({ district: { uzLatn: 'Asaka tumani' }, mahalla: { uzLatn: 'Navroʻz' }, street: 'Bogʻishamol' });
    expect(data.goals.map((goal) => [goal.text, goal.child?.latn ?? null, goal.actions.map((a) => a.description)])).toEqual([
      ['Maktabga qatnaydi', 'Gʻaniyev Shohruh Hamidovich', ['Tadbir a1', 'Tadbir a3']],
      ['Daromad', null, ['Tadbir a2']],
    ]);
    expect(data.goals[0]!.actions[0]!.responsible).toMatchObject({ kind: 'specialist', fullName: { latn: 'Xolmatov Shavkat Oʻrinovich' }, position: { ru: 'инспектор' }, agency: { ru: 'ОВД' } });
    // A specialist since removed from the directory prints as unknown rather than failing the document.
    expect(data.goals[0]!.actions[1]!.responsible).toEqual({ kind: 'unknown' });
    expect(data.goals[1]!.actions[0]!.responsible).toMatchObject({ kind: 'member', fullName: { latn: 'Gʻaniyeva Oʻgʻiloy Qahramonovna' } });
    expect(data.participants.map((p) => [p.fullName.latn, p.signs])).toEqual([
      ['Gʻaniyeva Oʻgʻiloy Qahramonovna', true],
      ['Gʻaniyev Shohruh Hamidovich', false],
    ]);
    expect(data.approval).toEqual({ by: biScriptFrom('Toshmatov Bahodir Olimovich'), date: '2026-11-03', note: 'ok' });
  });

  it('the assessment summary: this version against the first, per child, with side means; a child new since the first has no earlier ratings', () => {
    const rate = (value: Rating): DomainRating => ({ rating: value, narrative: '', strengths: '', assessedBy: null });
    const version = (n: number, value: Rating, childIds: string[]): Assessment => ({
      ...meta,
      id: `a${n}`,
      caseId: 'c1',
      version: n,
      date: d(n === 1 ? '2026-10-20' : '2027-02-10'),
      status: 'approved',
      children: childIds.map((personId) => ({ personId, domains: Object.fromEntries(CHILD_DOMAINS.map((domain) => [domain, rate(value)])), views: `${personId} views` })),
      family: Object.fromEntries(FAMILY_DOMAINS.map((domain) => [domain, rate(value)])),
      conclusion: `conclusion ${n}`,
      completedAt: null,
      approval: n === 2 ? { by: 'sup', at: '2027-02-12T08:00:00.000Z', note: '' } : null,
    });
    const data = assessmentSummaryData(records, [version(2, 3, ['p2', 'p3']), version(1, 2, ['p2'])], 'a2');
    expect(data).toMatchObject({ version: 2, first: { version: 1, date: '2026-10-20' }, conclusion: 'conclusion 2', approval: { date: '2027-02-12' } });
    expect(data.children.map((c) => [c.personId, c.fullName.latn, c.views])).toEqual([
      ['p2', 'Gʻaniyev Shohruh Hamidovich', 'p2 views'],
      ['p3', 'Gʻaniyeva Lola', 'p3 views'],
    ]);
    const [shohruh, lola] = data.children;
    expect(shohruh!.ratings.map((r) => r.domain)).toEqual(ALL_DOMAINS);
    expect(shohruh!.ratings.every((r) => r.rating === 3 && r.first === 2)).toBe(true);
    expect(shohruh!.means).toEqual([
      { side: 'childNeeds', mean: 3, first: 2 },
      { side: 'parentingCapacity', mean: 3, first: 2 },
      { side: 'familyEnvironment', mean: 3, first: 2 },
    ]);
    expect(lola!.ratings.every((r) => r.first === null)).toBe(true);
    expect(lola!.means.every((m) => m.first === null)).toBe(true);
    // The first version has nothing to compare with.
    expect(assessmentSummaryData(records, [version(1, 2, ['p2'])], 'a1').first).toBeNull();
  });

  it('the monitoring report: each reviewed action as the newest revision words it, and the reason of the revision it made', () => {
    const revisions = [
      { ...meta, id: 'r3b', planId: 'plan-3', caseId: 'c1', revision: 3, reason: 'later save', changes: [], createdAt: '2026-12-06T10:00:00.000Z' },
      { ...meta, id: 'r3a', planId: 'plan-3', caseId: 'c1', revision: 3, reason: 'Yangi maqsad', changes: [], createdAt: '2026-12-05T10:00:00.000Z' },
    ] as PlanRevision[];
    const plans = [plan(2, [action('a1', 'g1', { kind: 'specialist', specialistId: 'sp-1' }, '2026-11-20'), action('old', 'g2', { kind: 'member', personId: 'p1' }, '2026-11-10')]), plan(3, [{ ...action('a1', 'g1', { kind: 'specialist', specialistId: 'sp-1' }, '2026-12-20'), description: 'Tadbir a1, yangi' }])];
    const monitoring = { ...meta, id: 'mo', caseId: 'c1', date: d('2026-12-05'), actionReviews: [{ actionId: 'a1', status: 'inProgress', note: 'n1' }, { actionId: 'old', status: 'done', note: '' }, { actionId: 'unknown', status: 'planned', note: '' }], changes: 'changes', planRevision: 3 } as MonitoringRecord;
    const data = monitoringReportData(records, monitoring, plans, revisions);
    expect(data.reviews.map((r) => [r.goal, r.description, r.deadline, r.status, r.note, r.responsible.kind])).toEqual([
      ['Maktabga qatnaydi', 'Tadbir a1, yangi', '2026-12-20', 'inProgress', 'n1', 'specialist'],
      ['Daromad', 'Tadbir old', '2026-11-10', 'done', '', 'member'],
      ['', '', null, 'planned', '', 'unknown'],
    ]);
    expect(data).toMatchObject({ date: '2026-12-05', agreementDate: '2026-10-05', changes: 'changes', planRevision: { revision: 3, reason: 'Yangi maqsad' } });
    expect(monitoringReportData(records, { ...monitoring, planRevision: null }, plans, revisions).planRevision).toBeNull();
  });

  it('the closure act: the agreement and its end, the outcome per goal, the triangle recorded at closure, who closed it, who signs for the family', () => {
    const data = closureActData(records, { number: 'D-1', date: d('2027-04-01'), place: 'Asaka' });
    expect(data).toMatchObject({
      number: 'D-1',
      agreement: { number: 'K-17', signedDate: '2026-10-05', endedDate: '2027-03-28' },
      closure: { outcome: 'selfSufficient', date: '2027-03-28', reason: 'Mustaqil' },
      goals: [{ text: 'Maktabga qatnaydi', result: 'achieved', note: '' }],
      finalTriangle: { version: 2, date: '2027-02-10', children: [{ fullName: { latn: 'Gʻaniyev Shohruh Hamidovich' }, ratings: { health: 3, income: 2 } }] },
      closedBy: { latn: 'Toshmatov Bahodir Olimovich' },
    });
    // The head signs for the family; Lola, an adult by the closure, is a child of the family, not a signatory by default.
    expect(data.familySigners.map((name) => name.latn)).toEqual(['Gʻaniyeva Oʻgʻiloy Qahramonovna']);
    expect(() => closureActData({ ...records, kase: { ...kase, closure: null } }, { number: '', date: d('2027-04-01'), place: '' })).toThrow();
  });

  it('the minutes: attendees with position and agency, the cases by number, a step given to an attendee or to someone typed', () => {
    const conference = {
      ...meta,
      id: 'conf',
      date: d('2026-11-25'),
      mahallaId: 'mh',
      attendees: ['sp-1', 'gone'],
      caseIds: ['c1'],
      decisions: 'decided',
      nextSteps: [
        { specialistId: 'sp-1', who: '', what: 'visit', by: d('2026-12-01') },
        { specialistId: null, who: 'Mahalla raisi', what: 'aid', by: null },
      ],
    } as CaseConference;
    const data = conferenceMinutesData(office, conference, { specialists, agencies, users, mahallas: [mahalla] }, [{ id: 'c1', caseNumber: '1703202-2026-0042', head: biScriptFrom('Gʻaniyeva Oʻgʻiloy') }], { number: 'Y-1', place: 'MFY', chairId: 'sp-1', secretaryId: null });
    expect(data).toMatchObject({ number: 'Y-1', date: '2026-11-25', place: 'MFY', mahalla: { uzLatn: 'Navroʻz' }, decisions: 'decided', chair: { latn: 'Xolmatov Shavkat Oʻrinovich' }, secretary: null });
    expect(data.attendees).toEqual([{ fullName: specialists[0]!.fullName, position: specialists[0]!.position, agency: agencies[0]!.name }]);
    expect(data.cases).toEqual([{ caseNumber: '1703202-2026-0042', head: biScriptFrom('Gʻaniyeva Oʻgʻiloy') }]);
    expect(data.nextSteps).toEqual([
      { who: specialists[0]!.fullName, what: 'visit', by: '2026-12-01' },
      { who: 'Mahalla raisi', what: 'aid', by: null },
    ]);
  });

  it("the task sheet: only the specialist's open actions, across the cases given, by deadline, with whom to tell", () => {
    const other = { ...kase, id: 'c2', caseNumber: '1703202-2026-0050', caseManagerId: 'sup' } as FamilyCase;
    const plans = [
      plan(1, [action('x1', 'g1', { kind: 'specialist', specialistId: 'sp-1' }, '2026-12-10'), action('x2', 'g1', { kind: 'specialist', specialistId: 'sp-1' }, '2026-11-01', 'done'), action('x3', 'g2', { kind: 'member', personId: 'p1' }, '2026-10-01')]),
      { ...plan(4, [action('y1', 'g2', { kind: 'specialist', specialistId: 'sp-1' }, '2026-11-15', 'inProgress'), action('y2', 'g2', { kind: 'specialist', specialistId: 'sp-2' }, '2026-11-01')]), caseId: 'c2' },
    ];
    const data = taskSheetData(office, 'sp-1', { specialists, agencies, users }, [
      { kase, plan: plans[0]!, members, mahalla },
      { kase: other, plan: plans[1]!, members: [], mahalla: undefined },
    ], d('2026-12-01'));
    expect(data.specialist).toMatchObject({ fullName: { latn: 'Xolmatov Shavkat Oʻrinovich' }, agency: { ru: 'ОВД' } });
    expect(data.actions.map((a) => [a.caseNumber, a.description, a.deadline, a.status, a.goal, a.head?.latn ?? null, a.caseManager?.fullName.latn])).toEqual([
      ['1703202-2026-0050', 'Tadbir y1', '2026-11-15', 'inProgress', 'Daromad', null, 'Toshmatov Bahodir Olimovich'],
      ['1703202-2026-0042', 'Tadbir x1', '2026-12-10', 'planned', 'Maktabga qatnaydi', 'Gʻaniyeva Oʻgʻiloy Qahramonovna', 'Rahimova Zulfiya Karimovna'],
    ]);
    expect(data.actions[1]!.caseManager?.phone).toBe('+998901234567');
    expect(data.actions[1]!.mahalla?.uzLatn).toBe('Navroʻz');
  });
});
