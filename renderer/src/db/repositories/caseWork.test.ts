import { beforeEach, describe, expect, it } from 'vitest';
import { CHILD_DOMAINS, FAMILY_DOMAINS, type DomainRating } from '../../domain/assessment';
import type { IsoDate } from '../../domain/dates';
import { biScriptFrom } from '../../domain/names';
import { HamkorlikDb } from '../db';
import { memoryDexieOptions, NO_PERSON_DETAILS } from '../testing';
import { approveAssessment, completeAssessment, listAssessments, saveAssessment, startAssessment } from './assessments';
import { applyEvent, createCase, deleteCase, getCaseFile, purgeCase } from './cases';
import { addMonitoring, overdueCases, overdueCount } from './monitorings';
import { myWork } from './myWork';
import { addPlacement, listPlacements } from './placements';
import { placementOn } from '../../domain/caseWork';
import type { PlanContent } from '../../domain/plan';
import { deleteSpecialist, saveAgency, saveSpecialist } from './directory';
import { registerDocument } from './documents';
import { approvePlan, completePlan, currentPlan, listPlanRevisions, listPlans, recordActionProgress, savePlan } from './plans';
import { addService, listServices } from './services';

const INSTALLATION = '6a1c8a4e-8d1b-4c55-9a55-0c3f1e2d3b4a';
const d = (text: string) => text as IsoDate;
let db: HamkorlikDb;
let now: Date;

const supervisor = (userId: string) => ({ userId, installationId: INSTALLATION, roles: ['supervisor' as const], mahallaIds: [] });

beforeEach(async () => {
  db = new HamkorlikDb('case-work', memoryDexieOptions());
  now = new Date('2026-10-01T08:00:00Z');
  db.clock = () => now;
  await db.open();
  db.session = { userId: 'cm-1', installationId: INSTALLATION, roles: ['caseManager'], mahallaIds: ['m1'] };
});

const person = (latn: string, birthDate: string, sex: 'male' | 'female') => ({
  surname: { latn: 'Karimov', cyrl: 'Каримов', typed: 'latn' as const }, firstName: biScriptFrom(latn), patronymic: null, sex, birthDate,
  ...NO_PERSON_DETAILS,
});

/** A family with two children whose agreement was signed on `signed`. */
async function signedCase(signed: string) {
  const kase = await createCase(
    db,
    { address: { regionCode: '1727', districtCode: '1727259', mahallaId: 'm1', street: 'Navoiy', house: '1', apartment: '' }, phones: [], referral: { source: 'school', who: 'school', date: '2026-08-01', reason: 'absent' }, vulnerability: ['EDU_ABSENTEEISM'], riskLevel: 'R2', consent: { date: '2026-08-02', takenBy: 'K', paperLocation: 'F' }, caseManagerId: 'cm-1' },
    [
      { relation: 'head', person: person('Aziz', '1980-01-01', 'male') },
      { relation: 'child', person: person('Sardor', '2014-01-01', 'male') },
      { relation: 'child', person: person('Madina', '2017-05-05', 'female') },
    ],
    '1727259',
  );
  await applyEvent(db, kase.id, { type: 'advance', to: 'primaryAssessment' });
  await applyEvent(db, kase.id, { type: 'decideEligibility', decision: 'eligible', reason: 'criteria met', date: d('2026-08-10'), criteria: ['EDU_ABSENTEEISM'] });
  return applyEvent(db, kase.id, { type: 'signAgreement', signedDate: d(signed), number: 'K-1' });
}

const rated = (rating: 1 | 2 | 3 | 4): DomainRating => ({ rating, narrative: 'n', strengths: '', assessedBy: null });

describe('in-depth assessments', () => {
  it('a version per reassessment: drafted by the case manager, completed when every domain is rated, approved by another supervisor, then locked', async () => {
    const kase = await signedCase('2026-09-01');
    const draft = await startAssessment(db, kase.id, d('2026-09-10'));
    expect(draft).toMatchObject({ version: 1, status: 'draft' });
    expect(draft.children).toHaveLength(2);
    expect(await startAssessment(db, kase.id, d('2026-09-11'))).toMatchObject({ id: draft.id }); // one draft at a time

    await expect(completeAssessment(db, draft.id)).rejects.toMatchObject({ code: 'invalid' });
    const children = draft.children.map((child) => ({ ...child, domains: Object.fromEntries(CHILD_DOMAINS.map((domain) => [domain, rated(2)])) }));
    const family = Object.fromEntries(FAMILY_DOMAINS.map((domain) => [domain, rated(2)]));
    await saveAssessment(db, draft.id, { date: d('2026-09-10'), children, family, conclusion: 'needs support' });
    await completeAssessment(db, draft.id);
    await expect(saveAssessment(db, draft.id, { date: d('2026-09-10'), children, family, conclusion: 'changed after' })).rejects.toMatchObject({ code: 'stageRefused' });

    // A case manager may not approve; neither may the supervisor who wrote it.
    await expect(approveAssessment(db, draft.id, 'ok')).rejects.toMatchObject({ code: 'forbidden' });
    db.session = supervisor('sup-1');
    const approved = await approveAssessment(db, draft.id, 'Agreed; start with school.');
    expect(approved).toMatchObject({ status: 'approved', approval: { by: 'sup-1', note: 'Agreed; start with school.' } });
    await expect(approveAssessment(db, draft.id, 'again')).rejects.toMatchObject({ code: 'stageRefused' });

    // The reassessment starts from the approved ratings; the approved version stays as it was.
    db.session = { userId: 'cm-1', installationId: INSTALLATION, roles: ['caseManager'], mahallaIds: ['m1'] };
    const second = await startAssessment(db, kase.id, d('2026-09-30'));
    expect(second).toMatchObject({ version: 2, status: 'draft', conclusion: '' });
    expect(second.children[0]!.domains.health).toEqual(rated(2));
    await saveAssessment(db, second.id, { date: d('2026-09-30'), children: second.children.map((c) => ({ ...c, domains: { ...c.domains, health: rated(4) } })), family: second.family, conclusion: 'better' });
    const history = (await getCaseFile(db, kase.id))!.history.map((entry) => [entry.kind, entry.to, entry.reason]);
    // (The test clock stands still, so entries are compared as a set, not by time.)
    expect(history.filter(([kind]) => String(kind).startsWith('assessment')).sort()).toEqual([
      ['assessmentApproved', 'agreement', 'v1: Agreed; start with school.'],
      ['assessmentCompleted', 'agreement', 'v1: needs support'],
    ]);
    const versions = await listAssessments(db, kase.id);
    expect(versions.map((v) => [v.version, v.status, v.children[0]!.domains.health!.rating])).toEqual([
      [1, 'approved', 2],
      [2, 'draft', 4],
    ]);
  });

  it('a supervisor who wrote the assessment needs another supervisor to approve it', async () => {
    db.session = supervisor('sup-1');
    const kase = await signedCase('2026-09-01');
    const draft = await startAssessment(db, kase.id, d('2026-09-10'));
    const children = draft.children.map((child) => ({ ...child, domains: Object.fromEntries(CHILD_DOMAINS.map((domain) => [domain, rated(3)])) }));
    await saveAssessment(db, draft.id, { date: d('2026-09-10'), children, family: Object.fromEntries(FAMILY_DOMAINS.map((domain) => [domain, rated(3)])), conclusion: 'c' });
    await completeAssessment(db, draft.id);
    await expect(approveAssessment(db, draft.id, 'self')).rejects.toMatchObject({ code: 'forbidden' });
    db.session = supervisor('sup-2');
    await expect(approveAssessment(db, draft.id, 'ok')).resolves.toMatchObject({ status: 'approved' });
  });

  it('needs a signed agreement', async () => {
    const kase = await signedCase('2026-09-01');
    db.session = supervisor('sup-1');
    await applyEvent(db, kase.id, { type: 'close', outcome: 'refused', reason: 'family refused', date: d('2026-09-20') });
    await expect(startAssessment(db, kase.id, d('2026-09-25'))).rejects.toMatchObject({ code: 'stageRefused' });
  });
});

describe('monthly monitoring', () => {
  it('a case a month overdue is listed as overdue until its monitoring is entered; closing ends it', async () => {
    const kase = await signedCase('2026-08-15');
    expect((await db.cases.get(kase.id))!.monitoringDue).toBe('2026-09-15');
    now = new Date('2026-10-14T08:00:00Z');
    expect((await overdueCases(db, d('2026-10-14'))).map((k) => k.id)).toEqual([kase.id]);
    await expect(addMonitoring(db, kase.id, { date: d('2026-08-10'), actionReviews: [], changes: 'x' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(addMonitoring(db, kase.id, { date: d('2026-10-15'), actionReviews: [], changes: 'x' })).rejects.toMatchObject({ code: 'invalid' });
    await addMonitoring(db, kase.id, { date: d('2026-10-14'), actionReviews: [], changes: 'Sardor attends school again.' });
    expect((await db.cases.get(kase.id))!.monitoringDue).toBe('2026-10-15');
    expect((await getCaseFile(db, kase.id))!.history.at(-1)).toMatchObject({ kind: 'monitoring', reason: 'Sardor attends school again.' });
    expect(await overdueCases(db, d('2026-10-14'))).toEqual([]);
    expect(await overdueCount(db, d('2026-10-14'))).toBe(0);
    expect((await overdueCases(db, d('2026-10-16'))).map((k) => k.id)).toEqual([kase.id]);
    db.session = supervisor('sup-1');
    expect(await overdueCount(db, d('2026-10-16'))).toBe(1);
    db.session = { userId: 'cm-1', installationId: INSTALLATION, roles: ['caseManager'], mahallaIds: ['m1'] };

    db.session = supervisor('sup-1');
    await applyEvent(db, kase.id, { type: 'close', outcome: 'refused', reason: 'family moved abroad', date: d('2026-10-14') });
    expect((await db.cases.get(kase.id))!.monitoringDue).toBeNull();
    expect(await overdueCases(db, d('2026-12-01'))).toEqual([]);
  });

  it("lists only the overdue cases the user may read", async () => {
    const kase = await signedCase('2026-08-15');
    db.session = { userId: 'cm-2', installationId: INSTALLATION, roles: ['caseManager'], mahallaIds: ['m2'] };
    expect(await overdueCases(db, d('2026-10-14'))).toEqual([]);
    db.session = supervisor('sup-1');
    expect((await overdueCases(db, d('2026-10-14'))).map((k) => k.id)).toEqual([kase.id]);
  });

  it('a purged case takes its assessments and monitorings with it', async () => {
    const kase = await signedCase('2026-08-15');
    await startAssessment(db, kase.id, d('2026-09-10'));
    now = new Date('2026-09-20T08:00:00Z');
    await addMonitoring(db, kase.id, { date: d('2026-09-20'), actionReviews: [], changes: 'visited' });
    const other = await signedCase('2026-08-15');
    db.session = { userId: 'admin', installationId: INSTALLATION, roles: ['administrator', 'supervisor'], mahallaIds: [] };
    // Minutes that name this family among others hold its name too: their bytes go with it.
    const minutes = await registerDocument(db, { kind: 'conferenceMinutes', number: '1', date: d('2026-09-20'), caseId: null, caseIds: [kase.id, other.id], language: 'uz-Latn', title: 'Bayonnoma', fileName: 'b.docx', params: {} }, new Uint8Array([1, 2, 3]));
    await deleteCase(db, kase.id);
    await purgeCase(db, kase.id);
    expect(await db.documentFiles.get(minutes.id)).toBeUndefined();
    expect((await db.documents.get(minutes.id))!.purgedAt).toBeTruthy();
    expect((await db.assessments.toArray()).every((a) => a.purgedAt && !('children' in a))).toBe(true);
    expect((await db.monitorings.toArray()).every((m) => m.purgedAt && !('changes' in m))).toBe(true);
  });
});

describe('My work', () => {
  it("lists the user's overdue cases, those due this week, and for a supervisor the assessments awaiting approval but their own", async () => {
    const late = await signedCase('2026-08-15');
    const soon = await signedCase('2026-09-20');
    now = new Date('2026-10-14T08:00:00Z');
    let work = await myWork(db, d('2026-10-14'));
    expect(work.overdue.map((k) => k.id)).toEqual([late.id]);
    expect(work.dueThisWeek.map((k) => k.id)).toEqual([soon.id]);
    expect(work.awaitingApproval).toEqual([]);

    const draft = await startAssessment(db, soon.id, d('2026-10-01'));
    const children = draft.children.map((child) => ({ ...child, domains: Object.fromEntries(CHILD_DOMAINS.map((domain) => [domain, rated(2)])) }));
    await saveAssessment(db, draft.id, { date: d('2026-10-01'), children, family: Object.fromEntries(FAMILY_DOMAINS.map((domain) => [domain, rated(2)])), conclusion: 'c' });
    await completeAssessment(db, draft.id);
    db.session = supervisor('sup-1');
    work = await myWork(db, d('2026-10-14'));
    // Not the supervisor's cases, so none overdue for them; the assessment waits for their approval.
    expect(work.overdue).toEqual([]);
    expect(work.awaitingApproval.map((a) => [a.id, a.caseNumber])).toEqual([[draft.id, soon.caseNumber]]);
  });
});

describe("each child's placement", () => {
  it('is recorded over time, answered for any day, and refused for someone not in the family or before birth', async () => {
    const kase = await signedCase('2026-09-01');
    const sardor = (await getCaseFile(db, kase.id))!.members.find((m) => m.person.firstName.latn === 'Sardor')!.person;
    await addPlacement(db, kase.id, { personId: sardor.id, kind: 'institution', from: d('2025-03-01'), note: 'Mehribonlik uyi' });
    await addPlacement(db, kase.id, { personId: sardor.id, kind: 'returnedFromInstitution', from: d('2026-09-20'), note: '' });
    const placements = await listPlacements(db, kase.id);
    expect(placements.map((p) => p.kind)).toEqual(['institution', 'returnedFromInstitution']);
    expect(placementOn(placements, sardor.id, d('2026-01-01'))).toBe('institution');
    expect(placementOn(placements, sardor.id, d('2026-09-20'))).toBe('returnedFromInstitution');
    expect(placementOn(placements, sardor.id, d('2024-01-01'))).toBeNull();
    await expect(addPlacement(db, kase.id, { personId: 'stranger', kind: 'family', from: d('2026-09-20'), note: '' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(addPlacement(db, kase.id, { personId: sardor.id, kind: 'family', from: d('2013-01-01'), note: '' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(addPlacement(db, kase.id, { personId: sardor.id, kind: 'family', from: d('2026-10-02'), note: '' })).rejects.toMatchObject({ code: 'invalid' });
    expect((await getCaseFile(db, kase.id))!.history.filter((entry) => entry.kind === 'placement')).toHaveLength(2);
  });
});


const caseManager = () => ({ userId: 'cm-1', installationId: INSTALLATION, roles: ['caseManager' as const], mahallaIds: ['m1'] });

/** A specialist of the directory (the police inspector, the school psychologist …). */
async function specialist(name: string): Promise<string> {
  const session = db.session;
  db.session = { userId: 'admin', installationId: INSTALLATION, roles: ['administrator'], mahallaIds: [] };
  const agency = await saveAgency(db, null, { kind: 'education', name: { uzLatn: 'Maktab', uzCyrl: 'Мактаб', ru: 'Школа' } });
  const saved = await saveSpecialist(db, null, { fullName: biScriptFrom(name), agencyId: agency.id, position: { uzLatn: 'psixolog', uzCyrl: 'психолог', ru: 'психолог' }, phone: '', mahallaIds: [], trainedOn: null, userId: null });
  db.session = session;
  return saved.id;
}

/** A plan with one goal for the family and actions by a specialist and by the head of family. */
async function planFor(caseId: string) {
  const file = (await getCaseFile(db, caseId))!;
  const head = file.members.find((m) => m.membership.relation === 'head')!.person.id;
  const psychologist = await specialist('Nodira Aliyeva');
  const content: PlanContent = {
    goals: [{ id: 'g1', text: 'Sardor attends school every day', domains: ['education'], personId: null }],
    actions: [
      { id: 'a1', goalId: 'g1', description: 'Weekly talks with Sardor', responsible: { kind: 'specialist', specialistId: psychologist }, deadline: d('2026-10-20'), status: 'planned', droppedReason: '' },
      { id: 'a2', goalId: 'g1', description: 'Take Sardor to school', responsible: { kind: 'member', personId: head }, deadline: d('2026-11-30'), status: 'planned', droppedReason: '' },
    ],
    participants: [head],
  };
  return { content, head, psychologist };
}

describe('the family development plan', () => {
  it('is drafted, completed, approved by another supervisor, locked; a change is a new revision with its reason and what changed', async () => {
    const kase = await signedCase('2026-09-01');
    const { content } = await planFor(kase.id);
    await expect(savePlan(db, kase.id, { ...content, actions: [{ ...content.actions[0]!, goalId: 'nope' }] }, '')).rejects.toMatchObject({ code: 'invalid', message: 'actions:goal' });
    await expect(savePlan(db, kase.id, { ...content, actions: [{ ...content.actions[0]!, responsible: { kind: 'member', personId: 'stranger' } }] }, '')).rejects.toMatchObject({ message: 'actions:responsible' });

    const first = await savePlan(db, kase.id, { ...content, participants: [] }, 'first draft');
    expect(first).toMatchObject({ revision: 1, status: 'draft' });
    expect((await db.cases.get(kase.id))!).toMatchObject({ stage: 'planning', actionsDue: '2026-10-20' });
    await expect(completePlan(db, first.id)).rejects.toMatchObject({ code: 'invalid', message: 'noParticipants' });
    const saved = await savePlan(db, kase.id, content, '');
    expect(saved).toMatchObject({ id: first.id, revision: 1 });
    await completePlan(db, first.id);
    await expect(approvePlan(db, first.id, 'ok')).rejects.toMatchObject({ code: 'forbidden' });
    db.session = supervisor('sup-1');
    expect((await myWork(db, d('2026-10-01'))).awaitingApproval.map((item) => [item.kind, item.number])).toEqual([['plan', 1]]);
    await approvePlan(db, first.id, 'Agreed');
    expect((await myWork(db, d('2026-10-01'))).awaitingApproval).toEqual([]);
    expect((await db.cases.get(kase.id))!.stage).toBe('implementation');

    db.session = caseManager();
    const extra = { id: 'a3', goalId: 'g1', description: 'Free school uniform', responsible: content.actions[0]!.responsible, deadline: d('2026-10-25'), status: 'planned' as const, droppedReason: '' };
    await expect(savePlan(db, kase.id, { ...content, actions: [...content.actions, extra] }, ' ')).rejects.toMatchObject({ code: 'invalid', message: 'reason:required' });
    const second = await savePlan(db, kase.id, { ...content, actions: [...content.actions, extra] }, 'no uniform: he is ashamed to go');
    expect(second).toMatchObject({ revision: 2, status: 'draft' });
    const plans = await listPlans(db, kase.id);
    expect(plans.map((p) => [p.revision, p.status, p.actions.length])).toEqual([
      [1, 'approved', 2],
      [2, 'draft', 3],
    ]);
    const history = await listPlanRevisions(db, kase.id);
    expect(history.map((entry) => [entry.revision, entry.reason, entry.changes.map((c) => c.kind)])).toContainEqual([2, 'no uniform: he is ashamed to go', ['actionAdded']]);
    expect(history.find((entry) => entry.reason === '' && entry.revision === 1)!.changes).toEqual([{ kind: 'participantsChanged', from: [], to: content.participants }]);
    expect(history.every((entry) => entry.createdBy === 'cm-1')).toBe(true);
    const steps = (await getCaseFile(db, kase.id))!.history.map((entry) => entry.kind);
    expect(steps).toEqual(expect.arrayContaining(['planRevised', 'planCompleted', 'planApproved', 'advance']));
  });

  it("an action due within the week puts the case under My work's due this week", async () => {
    const kase = await signedCase('2026-09-25'); // monitoring due 25.10.2026
    const { content } = await planFor(kase.id); // first deadline 20.10.2026
    await savePlan(db, kase.id, content, '');
    expect((await myWork(db, d('2026-10-10'))).dueThisWeek).toEqual([]);
    expect((await myWork(db, d('2026-10-14'))).dueThisWeek.map((k) => k.id)).toEqual([kase.id]);
    expect((await myWork(db, d('2026-10-21'))).overdue.map((k) => k.id)).toEqual([kase.id]);
  });

  it('keeps on its action a specialist who has left the directory (or came with a transfer), but assigns no new action to them', async () => {
    const kase = await signedCase('2026-09-01');
    const { content, psychologist } = await planFor(kase.id);
    const plan = await savePlan(db, kase.id, content, '');
    const session = db.session;
    db.session = { userId: 'admin', installationId: INSTALLATION, roles: ['administrator'], mahallaIds: [] };
    await deleteSpecialist(db, psychologist);
    db.session = session;
    // The plan is still saved with its other changes; the psychologist stays on the action they had.
    const edited = { ...content, actions: content.actions.map((action) => (action.id === 'a2' ? { ...action, deadline: d('2026-12-15') } : action)) };
    expect((await savePlan(db, kase.id, edited, '')).actions.map((action) => action.responsible)).toEqual(content.actions.map((action) => action.responsible));
    // Not given a new action, nor moved onto another one.
    const extra = { id: 'a3', goalId: 'g1', description: 'Free school uniform', responsible: { kind: 'specialist' as const, specialistId: psychologist }, deadline: d('2026-10-25'), status: 'planned' as const, droppedReason: '' };
    await expect(savePlan(db, kase.id, { ...edited, actions: [...edited.actions, extra] }, '')).rejects.toMatchObject({ message: 'actions:responsible' });
    const moved = edited.actions.map((action) => (action.id === 'a2' ? { ...action, responsible: { kind: 'specialist' as const, specialistId: psychologist } } : action));
    await expect(savePlan(db, kase.id, { ...edited, actions: moved }, '')).rejects.toMatchObject({ message: 'actions:responsible' });
    // An id no directory here has ever held (another office's specialist) is not taken on a new action either.
    const stranger = edited.actions.map((action) => (action.id === 'a1' ? { ...action, responsible: { kind: 'specialist' as const, specialistId: 'another-office' } } : action));
    await expect(savePlan(db, kase.id, { ...edited, actions: stranger }, '')).rejects.toMatchObject({ message: 'actions:responsible' });
    expect((await listPlans(db, kase.id)).map((saved) => saved.id)).toEqual([plan.id]);
  });

  it('is refused for a closed case', async () => {
    const signed = await signedCase('2026-09-01');
    db.session = supervisor('sup-1');
    await applyEvent(db, signed.id, { type: 'close', outcome: 'refused', reason: 'refused', date: d('2026-09-20') });
    db.session = caseManager();
    const { content } = await planFor(signed.id);
    await expect(savePlan(db, signed.id, content, '')).rejects.toMatchObject({ code: 'stageRefused' });
  });
});

describe('services and monitoring against the plan', () => {
  it('a service completing an action marks it done; the monitoring reviews the actions and can start a revision of the plan', async () => {
    const kase = await signedCase('2026-09-01');
    const { content, head, psychologist } = await planFor(kase.id);
    const plan = await savePlan(db, kase.id, content, '');
    await completePlan(db, plan.id);
    db.session = supervisor('sup-1');
    await approvePlan(db, plan.id, 'ok');
    db.session = caseManager();

    await expect(addService(db, kase.id, { actionId: 'a1', date: d('2026-08-20'), kind: 'consultation', deliveredBy: psychologist, description: 'talk', recipients: [head], result: '' })).rejects.toMatchObject({ message: 'dateBeforeAgreement' });
    await expect(addService(db, kase.id, { actionId: 'zz', date: d('2026-09-20'), kind: 'consultation', deliveredBy: psychologist, description: 'talk', recipients: [head], result: '' })).rejects.toMatchObject({ message: 'actionId' });
    await addService(db, kase.id, { actionId: 'a1', date: d('2026-09-20'), kind: 'consultation', deliveredBy: psychologist, description: 'Four talks with Sardor', recipients: [head], result: 'goes to school', completesAction: true });
    expect((await currentPlan(db, kase.id))!.actions.find((a) => a.id === 'a1')!.status).toBe('done');
    expect((await db.cases.get(kase.id))!.actionsDue).toBe('2026-11-30');
    expect((await listServices(db, kase.id)).map((s) => s.description)).toEqual(['Four talks with Sardor']);

    await expect(addMonitoring(db, kase.id, { date: d('2026-09-30'), actionReviews: [{ actionId: 'a2', status: 'dropped', note: ' ' }], changes: 'x' })).rejects.toMatchObject({ message: 'actions:droppedReason' });
    await addMonitoring(db, kase.id, { date: d('2026-09-30'), actionReviews: [{ actionId: 'a2', status: 'inProgress', note: 'father walks him' }], changes: 'Better.' });
    expect((await db.cases.get(kase.id))!.stage).toBe('monitoring');
    const revising = await addMonitoring(db, kase.id, { date: d('2026-10-01'), actionReviews: [], changes: 'He needs a uniform.', revisePlan: 'uniform needed' });
    expect(revising.planRevision).toBe(2);
    // The revision copies the plan in force; its history entry still says why it was started.
    expect((await listPlanRevisions(db, kase.id)).find((entry) => entry.revision === 2)).toMatchObject({ reason: 'uniform needed', changes: [] });
    expect((await listPlans(db, kase.id)).map((p) => [p.revision, p.status])).toEqual([
      [1, 'approved'],
      [2, 'draft'],
    ]);
    expect((await currentPlan(db, kase.id))!.actions.find((a) => a.id === 'a2')!.status).toBe('inProgress');
  });
});

describe('closure', () => {
  async function deliveredCase() {
    const kase = await signedCase('2026-09-01');
    const draft = await startAssessment(db, kase.id, d('2026-09-05'));
    const children = draft.children.map((child) => ({ ...child, domains: Object.fromEntries(CHILD_DOMAINS.map((domain) => [domain, rated(3)])) }));
    await saveAssessment(db, draft.id, { date: d('2026-09-05'), children, family: Object.fromEntries(FAMILY_DOMAINS.map((domain) => [domain, rated(4)])), conclusion: 'ok' });
    await completeAssessment(db, draft.id);
    const { content } = await planFor(kase.id);
    const plan = await savePlan(db, kase.id, content, '');
    await completePlan(db, plan.id);
    db.session = supervisor('sup-1');
    await approvePlan(db, plan.id, 'ok');
    return { kase, plan };
  }

  it('self-sufficient needs every goal given its outcome and no open actions; it keeps the final triangle and ends the agreement', async () => {
    const { kase } = await deliveredCase();
    const close = (goalOutcomes: { goalId: string; result: 'achieved'; note: string }[]) =>
      applyEvent(db, kase.id, { type: 'close', outcome: 'selfSufficient', reason: 'stands on its own', date: d('2026-09-30') }, undefined, { goalOutcomes });
    await expect(close([])).rejects.toMatchObject({ code: 'stageRequirement', message: 'goalOutcomeMissing openActions openActions' });
    db.session = caseManager();
    await recordActionProgress(db, kase.id, [{ actionId: 'a1', status: 'done' }, { actionId: 'a2', status: 'dropped', droppedReason: 'moved to a school nearby' }], 'done');
    db.session = supervisor('sup-1');
    await expect(close([{ goalId: 'g9', result: 'achieved', note: '' }])).rejects.toMatchObject({ message: 'goalOutcomeMissing unknownGoal' });
    const closed = await close([{ goalId: 'g1', result: 'achieved', note: ' attends daily ' }]);
    expect(closed.stage).toBe('closed');
    expect(closed.agreement!.endedDate).toBe('2026-09-30');
    expect(closed.closure!.goalOutcomes).toEqual([{ goalId: 'g1', goalText: 'Sardor attends school every day', result: 'achieved', note: 'attends daily' }]);
    expect(closed.closure!.finalTriangle!.children).toHaveLength(2);
    expect(closed.closure!.finalTriangle!.children[0]!.ratings).toMatchObject({ health: 3, housing: 4 });
    expect(closed.actionsDue).toBeNull();
    // The history keeps the outcome: a reopening clears the case's closure, the reports still count it.
    expect((await getCaseFile(db, kase.id))!.history.find((entry) => entry.kind === 'close')).toMatchObject({ outcome: 'selfSufficient' });
  });

  it('other outcomes still record each goal but need no finished plan', async () => {
    const { kase } = await deliveredCase();
    const closed = await applyEvent(db, kase.id, { type: 'close', outcome: 'movedAway', reason: 'moved to Samarkand', date: d('2026-09-30') }, undefined, { goalOutcomes: [{ goalId: 'g1', result: 'partlyAchieved', note: '' }] });
    expect(closed.closure).toMatchObject({ outcome: 'movedAway', goalOutcomes: [{ result: 'partlyAchieved' }] });
  });
});
