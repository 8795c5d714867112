import type { HamkorlikDb } from '../db';
import { approvalProblem, completionProblems, mayEdit, nextVersionFrom, type Assessment } from '../../domain/assessment';
import { isIsoDate, toIsoDate, type IsoDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { isChildOn } from '../../domain/person';
import { newRecordMeta, touched } from '../../domain/record';
import { caseStep } from './cases';
import { currentActor, requireCase } from './guard';

/**
 * In-depth assessments with the triangle. Each version is its own record: a draft is edited in
 * place; completing it hands it to a supervisor; approving locks it; a reassessment (or a change
 * to a locked one) starts the next version from the last ratings, and earlier versions stay.
 */

async function caseFor(db: HamkorlikDb, caseId: string, action: 'read' | 'change') {
  const kase = await db.cases.get(caseId);
  if (!kase || kase.deletedAt) throw new DomainError('notFound', caseId);
  requireCase(db, action, kase);
  return kase;
}

export async function listAssessments(db: HamkorlikDb, caseId: string): Promise<Assessment[]> {
  return db.transaction('r', [db.cases, db.assessments], async () => {
    await caseFor(db, caseId, 'read');
    return db.assessments.where('[caseId+version]').between([caseId, 0], [caseId, Infinity]).filter((a) => a.deletedAt === null).toArray();
  });
}

/**
 * Starts the case's next assessment (or returns the draft already open): the first covers the
 * family's children on the day; a later one starts from the last version's ratings. The case must
 * have a signed agreement: the in-depth assessment is done with a family that agreed to it.
 */
export async function startAssessment(db: HamkorlikDb, caseId: string, date: IsoDate): Promise<Assessment> {
  const context = db.writeContext();
  if (!isIsoDate(date) || date > toIsoDate(context.now)) throw new DomainError('invalid', 'date');
  return db.transaction('rw', [db.cases, db.assessments, db.memberships, db.persons], async () => {
    const kase = await caseFor(db, caseId, 'change');
    if (!kase.agreement || kase.stage === 'closed') throw new DomainError('stageRefused', 'agreementNotSigned');
    const versions = await db.assessments.where('[caseId+version]').between([caseId, 0], [caseId, Infinity]).filter((a) => a.deletedAt === null).toArray();
    const draft = versions.find((a) => a.status === 'draft');
    if (draft) return draft;
    const last = versions.at(-1);
    const memberships = await db.memberships.where('caseId').equals(caseId).filter((m) => m.deletedAt === null && (m.to === null || m.to >= date)).toArray();
    const persons = await db.persons.bulkGet(memberships.map((m) => m.personId));
    // The eldest first, in every version alike, so the sheets and pictures keep their order.
    const children = persons
      .filter((p) => p && isChildOn(p.birthDate, date))
      .sort((a, b) => a!.birthDate.localeCompare(b!.birthDate))
      .map((p) => p!.id);
    const base = last ? nextVersionFrom(last) : { caseId, version: 1, status: 'draft' as const, children: [], family: {}, conclusion: '', completedAt: null, approval: null };
    // Children who joined since get a blank sheet; those who left or came of age are not assessed again.
    const sheets = children.map((personId) => base.children.find((c) => c.personId === personId) ?? { personId, domains: {}, views: '' });
    const record: Assessment = { ...newRecordMeta(context), ...base, date, children: sheets };
    await db.assessments.add(record);
    return record;
  });
}

export type AssessmentContent = Pick<Assessment, 'date' | 'children' | 'family' | 'conclusion'>;

/** Saves a draft's ratings and texts; a completed or approved version is not changed. */
export async function saveAssessment(db: HamkorlikDb, id: string, content: AssessmentContent, expectedRev?: number): Promise<Assessment> {
  const context = db.writeContext();
  if (!isIsoDate(content.date) || content.date > toIsoDate(context.now)) throw new DomainError('invalid', 'date');
  return db.transaction('rw', [db.cases, db.assessments], async () => {
    const current = await db.assessments.get(id);
    if (!current || current.deletedAt) throw new DomainError('notFound', id);
    await caseFor(db, current.caseId, 'change');
    if (!mayEdit(current)) throw new DomainError('stageRefused', 'locked');
    if (expectedRev !== undefined && current.rev !== expectedRev) throw new DomainError('staleRevision', id);
    // The children assessed are the version's; ratings for anyone else are not taken.
    const children = current.children.map((sheet) => content.children.find((c) => c.personId === sheet.personId) ?? sheet);
    const next = touched(current, { date: content.date, children, family: content.family, conclusion: content.conclusion.trim() }, context);
    await db.assessments.put(next);
    return next;
  });
}

/** Completes a draft once every domain is rated and a conclusion written; it then awaits approval. */
export async function completeAssessment(db: HamkorlikDb, id: string): Promise<Assessment> {
  const context = db.writeContext();
  return db.transaction('rw', [db.cases, db.assessments, db.caseHistory], async () => {
    const current = await db.assessments.get(id);
    if (!current || current.deletedAt) throw new DomainError('notFound', id);
    const kase = await caseFor(db, current.caseId, 'change');
    if (current.status !== 'draft') throw new DomainError('stageRefused', 'notDraft');
    const problems = completionProblems(current);
    if (problems.length) throw new DomainError('invalid', problems.map((p) => `${p.problem}${p.where ? `:${p.where}` : ''}`).join(' '));
    const next = touched(current, { status: 'completed', completedAt: context.now.toISOString() }, context);
    await db.assessments.put(next);
    await db.caseHistory.add(caseStep(context, kase, 'assessmentCompleted', `v${current.version}: ${current.conclusion}`));
    return next;
  });
}

/** A supervisor who is not its author approves a completed assessment, with a supervision note. */
export async function approveAssessment(db: HamkorlikDb, id: string, note: string): Promise<Assessment> {
  const context = db.writeContext();
  const actor = currentActor(db);
  return db.transaction('rw', [db.cases, db.assessments, db.caseHistory], async () => {
    const current = await db.assessments.get(id);
    if (!current || current.deletedAt) throw new DomainError('notFound', id);
    const kase = await caseFor(db, current.caseId, 'read');
    const problem = approvalProblem(current, actor);
    if (problem === 'approverNotSupervisor' || problem === 'approverIsAuthor') {
      db.logLater('refused', { table: 'assessments', recordId: id, detail: `approve ${problem}` });
      throw new DomainError('forbidden', problem);
    }
    if (problem) throw new DomainError('stageRefused', problem);
    const next = touched(current, { status: 'approved', approval: { by: actor.userId, at: context.now.toISOString(), note: note.trim() } }, context);
    await db.assessments.put(next);
    await db.caseHistory.add(caseStep(context, kase, 'assessmentApproved', `v${current.version}: ${note.trim()}`));
    return next;
  });
}
