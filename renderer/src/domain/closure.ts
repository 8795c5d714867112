import { childTriangle, type Assessment, type Rating, type TriangleDomain } from './assessment';
import type { IsoDate } from './dates';
import type { FamilyPlan } from './plan';
import type { ClosureOutcome } from './stages';

/**
 * What a closure records besides its reason: how each goal of the plan ended, and the last
 * assessment's triangle as it stood on the day, so the closure act and the reports show where the
 * family ended up even after a later reopening starts new versions.
 */

export const GOAL_RESULTS = ['achieved', 'partlyAchieved', 'notAchieved'] as const;
export type GoalResult = (typeof GOAL_RESULTS)[number];

export interface GoalOutcome {
  goalId: string;
  /** The goal's text as it stood at closure (the plan may be revised after a reopening). */
  goalText: string;
  result: GoalResult;
  note: string;
}

export interface TriangleSnapshot {
  assessmentId: string;
  version: number;
  date: IsoDate;
  children: { personId: string; ratings: Partial<Record<TriangleDomain, Rating>> }[];
}

/** The triangle of the latest completed or approved assessment, per child (null without one). */
export function finalTriangle(assessments: readonly Assessment[]): TriangleSnapshot | null {
  const last = assessments
    .filter((a) => a.deletedAt === null && a.status !== 'draft')
    .sort((a, b) => a.version - b.version)
    .at(-1);
  if (!last) return null;
  return {
    assessmentId: last.id,
    version: last.version,
    date: last.date,
    children: last.children.map((child) => ({
      personId: child.personId,
      ratings: Object.fromEntries(childTriangle(last, child.personId).filter((entry) => entry.rating !== null).map((entry) => [entry.domain, entry.rating])),
    })),
  };
}

export type ClosureProblem = 'goalOutcomeMissing' | 'unknownGoal' | 'planNotApproved' | 'openActions' | 'noPlan' | 'noAssessment';

/**
 * What stops a closure with this outcome. Any closure of a case with a plan gives every goal an
 * outcome. "Self-sufficient" also needs what shows it: an approved plan whose actions are all done
 * or dropped, and a completed assessment to compare with the first (the final snapshot).
 */
export function closureProblems(
  outcome: Exclude<ClosureOutcome, 'notEligible'>,
  plan: Pick<FamilyPlan, 'goals' | 'actions' | 'status'> | null,
  outcomes: readonly Pick<GoalOutcome, 'goalId'>[],
  snapshot: TriangleSnapshot | null,
): { problem: ClosureProblem; id?: string }[] {
  const problems: { problem: ClosureProblem; id?: string }[] = [];
  const goalIds = new Set(plan?.goals.map((goal) => goal.id) ?? []);
  for (const goal of plan?.goals ?? []) if (!outcomes.some((o) => o.goalId === goal.id)) problems.push({ problem: 'goalOutcomeMissing', id: goal.id });
  for (const o of outcomes) if (!goalIds.has(o.goalId)) problems.push({ problem: 'unknownGoal', id: o.goalId });
  if (outcome === 'selfSufficient') {
    if (!plan) problems.push({ problem: 'noPlan' });
    else {
      if (plan.status !== 'approved') problems.push({ problem: 'planNotApproved' });
      for (const action of plan.actions) if (action.status === 'planned' || action.status === 'inProgress') problems.push({ problem: 'openActions', id: action.id });
    }
    if (!snapshot) problems.push({ problem: 'noAssessment' });
  }
  return problems;
}
