import type { TriangleDomain, AssessmentStatus } from './assessment';
import { isIsoDate, type IsoDate } from './dates';
import type { RecordMeta } from './record';

/**
 * The family development plan: goals linked to what the assessment found, actions with who does
 * them and by when, and which family members took part in writing it. Every saved change is a
 * revision with who, when and why; an approved plan is changed only through a new revision.
 */

export const ACTION_STATUSES = ['planned', 'inProgress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** A specialist of the directory, or a member of the family (the family carries out its own steps). */
export type Responsible = { kind: 'specialist'; specialistId: string } | { kind: 'member'; personId: string };

export interface PlanGoal {
  id: string;
  text: string;
  /** The assessed domains this goal answers. */
  domains: TriangleDomain[];
  /** The child the goal is for; null for the family as a whole. */
  personId: string | null;
}

export interface PlanAction {
  id: string;
  goalId: string;
  description: string;
  responsible: Responsible;
  deadline: IsoDate;
  status: ActionStatus;
  /** Why an action was dropped (required then). */
  droppedReason: string;
}

export interface FamilyPlan extends RecordMeta {
  caseId: string;
  /** 1 for the first plan; each revision of an approved plan adds one. */
  revision: number;
  status: AssessmentStatus;
  goals: PlanGoal[];
  actions: PlanAction[];
  /** Family members who took part in writing the plan (children included). */
  participants: string[];
  approval: { by: string; at: string; note: string } | null;
}

export type PlanContent = Pick<FamilyPlan, 'goals' | 'actions' | 'participants'>;

export type PlanProblem = 'noGoals' | 'goalText' | 'goalDomains' | 'goalWithoutActions' | 'actionText' | 'actionDeadline' | 'actionGoal' | 'droppedReason' | 'noParticipants';

/** What stops a plan from being completed; each problem names the goal or action it is about. */
export function planProblems(plan: PlanContent): { problem: PlanProblem; id?: string }[] {
  const problems: { problem: PlanProblem; id?: string }[] = [];
  if (plan.goals.length === 0) problems.push({ problem: 'noGoals' });
  const goalIds = new Set(plan.goals.map((goal) => goal.id));
  for (const goal of plan.goals) {
    if (!goal.text.trim()) problems.push({ problem: 'goalText', id: goal.id });
    if (goal.domains.length === 0) problems.push({ problem: 'goalDomains', id: goal.id });
    if (!plan.actions.some((action) => action.goalId === goal.id)) problems.push({ problem: 'goalWithoutActions', id: goal.id });
  }
  for (const action of plan.actions) {
    if (!action.description.trim()) problems.push({ problem: 'actionText', id: action.id });
    if (!isIsoDate(action.deadline)) problems.push({ problem: 'actionDeadline', id: action.id });
    if (!goalIds.has(action.goalId)) problems.push({ problem: 'actionGoal', id: action.id });
    if (action.status === 'dropped' && !action.droppedReason.trim()) problems.push({ problem: 'droppedReason', id: action.id });
  }
  if (plan.participants.length === 0) problems.push({ problem: 'noParticipants' });
  return problems;
}

/** Actions still open after their deadline. */
export function overdueActions(plan: Pick<FamilyPlan, 'actions'>, today: IsoDate): PlanAction[] {
  return plan.actions.filter((action) => (action.status === 'planned' || action.status === 'inProgress') && action.deadline < today);
}

export type PlanChange =
  | { kind: 'goalAdded' | 'goalRemoved'; id: string; text: string }
  | { kind: 'goalChanged'; id: string; field: 'text' | 'domains' | 'personId'; from: unknown; to: unknown }
  | { kind: 'actionAdded' | 'actionRemoved'; id: string; text: string }
  | { kind: 'actionChanged'; id: string; field: 'description' | 'responsible' | 'deadline' | 'status' | 'droppedReason' | 'goalId'; from: unknown; to: unknown }
  | { kind: 'participantsChanged'; from: string[]; to: string[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What a revision changed, goal by goal and action by action, for the plan's history. */
export function diffPlan(before: PlanContent | null, after: PlanContent): PlanChange[] {
  const changes: PlanChange[] = [];
  const oldGoals = new Map((before?.goals ?? []).map((goal) => [goal.id, goal]));
  const newGoals = new Map(after.goals.map((goal) => [goal.id, goal]));
  for (const goal of after.goals) {
    const old = oldGoals.get(goal.id);
    if (!old) changes.push({ kind: 'goalAdded', id: goal.id, text: goal.text });
    else for (const field of ['text', 'domains', 'personId'] as const) if (!same(old[field], goal[field])) changes.push({ kind: 'goalChanged', id: goal.id, field, from: old[field], to: goal[field] });
  }
  for (const goal of before?.goals ?? []) if (!newGoals.has(goal.id)) changes.push({ kind: 'goalRemoved', id: goal.id, text: goal.text });
  const oldActions = new Map((before?.actions ?? []).map((action) => [action.id, action]));
  const newActions = new Map(after.actions.map((action) => [action.id, action]));
  for (const action of after.actions) {
    const old = oldActions.get(action.id);
    if (!old) changes.push({ kind: 'actionAdded', id: action.id, text: action.description });
    else
      for (const field of ['description', 'responsible', 'deadline', 'status', 'droppedReason', 'goalId'] as const) {
        if (!same(old[field], action[field])) changes.push({ kind: 'actionChanged', id: action.id, field, from: old[field], to: action[field] });
      }
  }
  for (const action of before?.actions ?? []) if (!newActions.has(action.id)) changes.push({ kind: 'actionRemoved', id: action.id, text: action.description });
  if (!same([...(before?.participants ?? [])].sort(), [...after.participants].sort())) changes.push({ kind: 'participantsChanged', from: before?.participants ?? [], to: after.participants });
  return changes;
}

/** One entry of a plan's history: the revision, who saved it and when (record meta), why, and what changed. */
export interface PlanRevision extends RecordMeta {
  planId: string;
  caseId: string;
  revision: number;
  reason: string;
  changes: PlanChange[];
}

/** The actions a responsible specialist has across plans, by deadline: the task sheet of a team member. */
export function actionsOf(plans: readonly Pick<FamilyPlan, 'caseId' | 'actions'>[], specialistId: string): (PlanAction & { caseId: string })[] {
  return plans
    .flatMap((plan) => plan.actions.map((action) => ({ ...action, caseId: plan.caseId })))
    .filter((action) => action.responsible.kind === 'specialist' && action.responsible.specialistId === specialistId && (action.status === 'planned' || action.status === 'inProgress'))
    .sort((a, b) => a.deadline.localeCompare(b.deadline));
}

/**
 * The actions of a plan whose goal is not among its goals (a plan merged from two offices' edits
 * can come out so: an action kept, its goal removed at the other office). Any shape is read, as
 * merged values are not yet checked.
 */
export function orphanActionIds(plan: { goals?: unknown; actions?: unknown }): Set<string> {
  const ids = (list: unknown, field: string) => (Array.isArray(list) ? list.map((item: unknown) => (typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[field] : undefined)) : []);
  const goals = new Set(ids(plan.goals, 'id'));
  const actions = Array.isArray(plan.actions) ? (plan.actions as unknown[]) : [];
  return new Set(actions.flatMap((action) => (typeof action === 'object' && action !== null && !goals.has((action as Record<string, unknown>).goalId) ? [String((action as Record<string, unknown>).id)] : [])));
}
