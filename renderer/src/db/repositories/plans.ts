import type { HamkorlikDb } from '../db';
import { ALL_DOMAINS, approvalProblem } from '../../domain/assessment';
import { isIsoDate, type IsoDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import type { FamilyCase } from '../../domain/familyCase';
import { ACTION_STATUSES, diffPlan, planProblems, type ActionStatus, type FamilyPlan, type PlanAction, type PlanContent, type PlanRevision } from '../../domain/plan';
import { newRecordMeta, touched, type WriteContext } from '../../domain/record';
import type { Stage } from '../../domain/stages';
import { caseStep, historyEntry } from './cases';
import { currentActor, requireCase } from './guard';

/**
 * The family development plan. Each revision is its own record: a draft is edited in place; a
 * completed one awaits a supervisor; an approved one is locked, and changing it starts the next
 * revision, with a reason. Every save writes a PlanRevision entry with what changed, so the history
 * says who changed what, when and why. Action progress (status, reason for dropping) is daily work,
 * not a new plan: it is recorded on the current revision, in the history too, without new approval.
 */

async function caseFor(db: HamkorlikDb, caseId: string, action: 'read' | 'change') {
  const kase = await db.cases.get(caseId);
  if (!kase || kase.deletedAt) throw new DomainError('notFound', caseId);
  requireCase(db, action, kase);
  return kase;
}

async function revisionsOf(db: HamkorlikDb, caseId: string): Promise<FamilyPlan[]> {
  return db.plans.where('[caseId+revision]').between([caseId, 0], [caseId, Infinity]).filter((plan) => plan.deletedAt === null).toArray();
}

/** Every revision of the case's plan, the first first. */
export async function listPlans(db: HamkorlikDb, caseId: string): Promise<FamilyPlan[]> {
  return db.transaction('r', [db.cases, db.plans], async () => {
    await caseFor(db, caseId, 'read');
    return revisionsOf(db, caseId);
  });
}

/** The latest revision (a draft being prepared, or the one in force). */
export async function currentPlan(db: HamkorlikDb, caseId: string): Promise<FamilyPlan | undefined> {
  return (await listPlans(db, caseId)).at(-1);
}

/** The plan's history, newest first. */
export async function listPlanRevisions(db: HamkorlikDb, caseId: string): Promise<PlanRevision[]> {
  return db.transaction('r', [db.cases, db.planRevisions], async () => {
    await caseFor(db, caseId, 'read');
    const all = await db.planRevisions.where('caseId').equals(caseId).filter((entry) => entry.deletedAt === null).toArray();
    return all.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  });
}

/** The earliest deadline among the plan's open actions: what the overdue filter reads (a transfer's import recomputes it too). */
export function actionsDueOf(plan: Pick<FamilyPlan, 'actions'> | undefined): IsoDate | null {
  const open = (plan?.actions ?? []).filter((action) => (action.status === 'planned' || action.status === 'inProgress') && isIsoDate(action.deadline));
  return open.length ? open.map((action) => action.deadline).sort()[0]! : null;
}

/**
 * Structure a draft must have even before it is complete: known domains, responsibles and goals; real
 * dates. A responsible specialist must be in the directory — unless the action already had them in
 * the stored plan (`before`): one who has left the directory since, or of another office (the case
 * came with a transfer), stays on their action until someone reassigns it, and does not make every
 * later save of the plan fail.
 */
async function checkContent(db: HamkorlikDb, caseId: string, content: PlanContent, before: readonly PlanAction[] = []): Promise<void> {
  const goalIds = new Set<string>();
  for (const goal of content.goals) {
    if (!goal.id || goalIds.has(goal.id)) throw new DomainError('invalid', 'goals:id');
    goalIds.add(goal.id);
    if (!goal.domains.every((domain) => (ALL_DOMAINS as readonly string[]).includes(domain))) throw new DomainError('invalid', 'goals:domain');
  }
  const members = new Set((await db.memberships.where('caseId').equals(caseId).filter((m) => m.deletedAt === null).toArray()).map((m) => m.personId));
  const actionIds = new Set<string>();
  const specialistIds = new Set(content.actions.flatMap((action) => (action.responsible.kind === 'specialist' ? [action.responsible.specialistId] : [])));
  const specialists = await db.specialists.bulkGet([...specialistIds]);
  const known = new Set(specialists.filter((s) => s && s.deletedAt === null).map((s) => s!.id));
  for (const action of content.actions) {
    if (!action.id || actionIds.has(action.id)) throw new DomainError('invalid', 'actions:id');
    actionIds.add(action.id);
    if (!goalIds.has(action.goalId)) throw new DomainError('invalid', 'actions:goal');
    if (!ACTION_STATUSES.includes(action.status)) throw new DomainError('invalid', 'actions:status');
    if (action.deadline && !isIsoDate(action.deadline)) throw new DomainError('invalid', 'actions:deadline');
    const responsible = action.responsible;
    const kept = responsible.kind === 'specialist' && before.some((stored) => stored.id === action.id && stored.responsible.kind === 'specialist' && stored.responsible.specialistId === responsible.specialistId);
    if (responsible.kind === 'specialist' ? !known.has(responsible.specialistId) && !kept : !members.has(responsible.personId)) throw new DomainError('invalid', 'actions:responsible');
  }
  for (const goal of content.goals) if (goal.personId && !members.has(goal.personId)) throw new DomainError('invalid', 'goals:person');
  if (!content.participants.every((id) => members.has(id))) throw new DomainError('invalid', 'participants');
}

function clean(content: PlanContent): PlanContent {
  return {
    goals: content.goals.map((goal) => ({ ...goal, text: goal.text.trim(), domains: [...new Set(goal.domains)] })),
    actions: content.actions.map((action) => ({ ...action, description: action.description.trim(), droppedReason: action.status === 'dropped' ? action.droppedReason.trim() : '' })),
    participants: [...new Set(content.participants)],
  };
}

/** A history entry for a save that changed something, and always for the start of a new revision (its reason is the point). */
async function writeRevision(db: HamkorlikDb, context: WriteContext, plan: FamilyPlan, before: PlanContent | null, reason: string, startsRevision = false): Promise<void> {
  const changes = diffPlan(before, plan);
  if (changes.length === 0 && !startsRevision) return;
  const entry: PlanRevision = { ...newRecordMeta(context), planId: plan.id, caseId: plan.caseId, revision: plan.revision, reason, changes };
  await db.planRevisions.add(entry);
}

async function keepCaseDue(db: HamkorlikDb, context: WriteContext, kase: FamilyCase, plan: FamilyPlan, stage?: Stage): Promise<FamilyCase> {
  const actionsDue = kase.stage === 'closed' ? null : actionsDueOf(plan);
  if (actionsDue === (kase.actionsDue ?? null) && !stage) return kase;
  const next = touched(kase, { actionsDue, ...(stage ? { stage } : {}) }, context);
  await db.cases.put(next);
  return next;
}

const PLAN_TABLES = (db: HamkorlikDb) => [db.cases, db.plans, db.planRevisions, db.caseHistory, db.memberships, db.specialists];

/**
 * Saves the plan: the first save makes revision 1; a draft or a completed revision (sent back to
 * draft) is changed in place; an approved one is changed by a new revision, which needs a reason.
 * The case must have a signed agreement and be open: the plan is written with a family that agreed.
 */
export async function savePlan(db: HamkorlikDb, caseId: string, content: PlanContent, reason: string, expectedRev?: number): Promise<FamilyPlan> {
  const context = db.writeContext();
  const cleaned = clean(content);
  return db.transaction('rw', PLAN_TABLES(db), async () => {
    const kase = await caseFor(db, caseId, 'change');
    if (!kase.agreement || kase.stage === 'closed') throw new DomainError('stageRefused', 'agreementNotSigned');
    const current = (await revisionsOf(db, caseId)).at(-1);
    await checkContent(db, caseId, cleaned, current?.actions);
    if (expectedRev !== undefined && current && current.rev !== expectedRev) throw new DomainError('staleRevision', current.id);
    let plan: FamilyPlan;
    if (!current || current.status === 'approved') {
      if (current && !reason.trim()) throw new DomainError('invalid', 'reason:required');
      plan = { ...newRecordMeta(context), caseId, revision: (current?.revision ?? 0) + 1, status: 'draft', ...cleaned, approval: null };
      await db.plans.add(plan);
    } else {
      plan = touched(current, { ...cleaned, status: 'draft' }, context);
      await db.plans.put(plan);
    }
    const startsRevision = !current || current.status === 'approved';
    await writeRevision(db, context, plan, current ?? null, reason.trim(), startsRevision);
    // The first plan takes the case into the planning stage; later revisions leave the stage as it is.
    const stage = kase.stage === 'agreement' || kase.stage === 'inDepthAssessment' ? 'planning' : undefined;
    await keepCaseDue(db, context, kase, plan, stage);
    if (startsRevision) await db.caseHistory.add(caseStep(context, { id: kase.id, stage: stage ?? kase.stage }, 'planRevised', reason.trim()));
    return plan;
  });
}

/** Completes a draft that has goals, actions for every goal, real deadlines and participants; it then awaits approval. */
export async function completePlan(db: HamkorlikDb, planId: string): Promise<FamilyPlan> {
  const context = db.writeContext();
  return db.transaction('rw', [db.cases, db.plans, db.caseHistory], async () => {
    const current = await db.plans.get(planId);
    if (!current || current.deletedAt) throw new DomainError('notFound', planId);
    const kase = await caseFor(db, current.caseId, 'change');
    if (current.status !== 'draft') throw new DomainError('stageRefused', 'notDraft');
    const problems = planProblems(current);
    if (problems.length) throw new DomainError('invalid', problems.map((p) => `${p.problem}${p.id ? `:${p.id}` : ''}`).join(' '));
    const next = touched(current, { status: 'completed' }, context);
    await db.plans.put(next);
    await db.caseHistory.add(caseStep(context, kase, 'planCompleted', ''));
    return next;
  });
}

/**
 * A supervisor who is not its author approves a completed plan (the rule of assessments). The
 * first approved plan starts the delivery of help: the case moves to the implementation stage.
 */
export async function approvePlan(db: HamkorlikDb, planId: string, note: string): Promise<FamilyPlan> {
  const context = db.writeContext();
  const actor = currentActor(db);
  return db.transaction('rw', [db.cases, db.plans, db.caseHistory], async () => {
    const current = await db.plans.get(planId);
    if (!current || current.deletedAt) throw new DomainError('notFound', planId);
    const kase = await caseFor(db, current.caseId, 'read');
    const problem = approvalProblem(current, actor);
    if (problem === 'approverNotSupervisor' || problem === 'approverIsAuthor') {
      db.logLater('refused', { table: 'plans', recordId: planId, detail: `approve ${problem}` });
      throw new DomainError('forbidden', problem);
    }
    if (problem) throw new DomainError('stageRefused', problem);
    const next = touched(current, { status: 'approved', approval: { by: actor.userId, at: context.now.toISOString(), note: note.trim() } }, context);
    await db.plans.put(next);
    await db.caseHistory.add(caseStep(context, kase, 'planApproved', note.trim()));
    if (kase.stage === 'agreement' || kase.stage === 'inDepthAssessment' || kase.stage === 'planning') {
      await db.cases.put(touched(kase, { stage: 'implementation' }, context));
      await db.caseHistory.add(historyEntry(context, kase.id, { kind: 'advance', from: kase.stage, to: 'implementation', reason: note.trim() }));
    }
    return next;
  });
}

export interface ActionProgress {
  actionId: string;
  status: ActionStatus;
  droppedReason?: string;
}

/**
 * Records the progress of actions (from a monitoring or the implementation log) on the current
 * revision: no new approval, but a history entry with what changed and why. Runs inside the
 * caller's transaction when there is one (the monitoring's).
 */
export async function recordActionProgress(db: HamkorlikDb, caseId: string, progress: readonly ActionProgress[], reason: string): Promise<FamilyPlan | undefined> {
  const context = db.writeContext();
  if (progress.length === 0) return undefined;
  return db.transaction('rw', [db.cases, db.plans, db.planRevisions], async () => {
    const kase = await caseFor(db, caseId, 'change');
    const current = (await revisionsOf(db, caseId)).at(-1);
    if (!current) throw new DomainError('invalid', 'plan:none');
    const byId = new Map(progress.map((p) => [p.actionId, p]));
    for (const p of progress) {
      if (!current.actions.some((action) => action.id === p.actionId)) throw new DomainError('invalid', 'actions:unknown');
      if (!ACTION_STATUSES.includes(p.status)) throw new DomainError('invalid', 'actions:status');
      if (p.status === 'dropped' && !p.droppedReason?.trim()) throw new DomainError('invalid', 'actions:droppedReason');
    }
    const actions = current.actions.map((action) => {
      const p = byId.get(action.id);
      return p ? { ...action, status: p.status, droppedReason: p.status === 'dropped' ? p.droppedReason!.trim() : '' } : action;
    });
    const next = touched(current, { actions }, context);
    if (diffPlan(current, next).length === 0) return current;
    await db.plans.put(next);
    await writeRevision(db, context, next, current, reason.trim());
    await keepCaseDue(db, context, kase, next);
    return next;
  });
}
