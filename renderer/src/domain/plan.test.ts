import { describe, expect, it } from 'vitest';
import type { IsoDate } from './dates';
import { actionsOf, diffPlan, orphanActionIds, overdueActions, planProblems, type PlanAction, type PlanContent } from './plan';

const d = (text: string) => text as IsoDate;
const action = (id: string, goalId: string, overrides: Partial<PlanAction> = {}): PlanAction => ({
  id, goalId, description: `action ${id}`, responsible: { kind: 'specialist', specialistId: 'sp-1' }, deadline: d('2026-12-01'), status: 'planned', droppedReason: '', ...overrides,
});

const plan: PlanContent = {
  goals: [
    { id: 'g1', text: 'Sardor attends school every day', domains: ['education'], personId: 'kid-1' },
    { id: 'g2', text: 'Mother finds work', domains: ['employment', 'income'], personId: null },
  ],
  actions: [
    action('a1', 'g1'),
    action('a2', 'g1', { responsible: { kind: 'member', personId: 'mother' } }),
    action('a3', 'g2', { responsible: { kind: 'specialist', specialistId: 'sp-2' }, deadline: d('2026-11-10') }),
    action('a4', 'g2', { status: 'done', deadline: d('2026-11-01') }),
  ],
  participants: ['mother', 'kid-1'],
};

describe('the family development plan', () => {
  it('is complete with goals that name assessed domains, each with an action, and the family taking part', () => {
    expect(planProblems(plan)).toEqual([]);
    const broken: PlanContent = {
      goals: [...plan.goals, { id: 'g3', text: ' ', domains: [], personId: null }],
      actions: [...plan.actions, action('a5', 'gone', { status: 'dropped', description: '' })],
      participants: [],
    };
    expect(planProblems(broken)).toEqual([
      { problem: 'goalText', id: 'g3' },
      { problem: 'goalDomains', id: 'g3' },
      { problem: 'goalWithoutActions', id: 'g3' },
      { problem: 'actionText', id: 'a5' },
      { problem: 'actionGoal', id: 'a5' },
      { problem: 'droppedReason', id: 'a5' },
      { problem: 'noParticipants' },
    ]);
    expect(planProblems({ goals: [], actions: [], participants: ['mother'] })).toEqual([{ problem: 'noGoals' }]);
  });

  it('lists actions still open after their deadline as overdue', () => {
    expect(overdueActions(plan, d('2026-11-23')).map((a) => a.id)).toEqual(['a3']);
    expect(overdueActions(plan, d('2026-12-02')).map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
  });

  it('records what a revision changed: goals and actions added, removed and changed field by field, and who took part', () => {
    expect(diffPlan(null, plan).map((c) => c.kind)).toEqual(['goalAdded', 'goalAdded', 'actionAdded', 'actionAdded', 'actionAdded', 'actionAdded', 'participantsChanged']);
    const revised: PlanContent = {
      goals: [{ ...plan.goals[0]!, domains: ['education', 'emotionalBehavioural'] }],
      actions: [{ ...plan.actions[0]!, status: 'inProgress', deadline: d('2026-12-15') }, action('a6', 'g1')],
      participants: ['kid-1', 'mother'],
    };
    expect(diffPlan(plan, revised)).toEqual([
      { kind: 'goalChanged', id: 'g1', field: 'domains', from: ['education'], to: ['education', 'emotionalBehavioural'] },
      { kind: 'goalRemoved', id: 'g2', text: 'Mother finds work' },
      { kind: 'actionChanged', id: 'a1', field: 'deadline', from: '2026-12-01', to: '2026-12-15' },
      { kind: 'actionChanged', id: 'a1', field: 'status', from: 'planned', to: 'inProgress' },
      { kind: 'actionAdded', id: 'a6', text: 'action a6' },
      { kind: 'actionRemoved', id: 'a2', text: 'action a2' },
      { kind: 'actionRemoved', id: 'a3', text: 'action a3' },
      { kind: 'actionRemoved', id: 'a4', text: 'action a4' },
    ]);
    expect(diffPlan(plan, plan)).toEqual([]);
  });

  it("gives a team member's task sheet: their open actions across cases by deadline", () => {
    const other = { caseId: 'c2', actions: [action('b1', 'x', { deadline: d('2026-11-20') }), action('b2', 'x', { status: 'done' })] };
    expect(actionsOf([{ caseId: 'c1', ...plan }, other], 'sp-1').map((a) => [a.caseId, a.id])).toEqual([
      ['c2', 'b1'],
      ['c1', 'a1'],
    ]);
  });
});

describe('actions without their goal', () => {
  it('are the actions whose goal the plan does not have, whatever shape a merged value came in', () => {
    expect(orphanActionIds({ goals: [{ id: 'g1' }], actions: [{ id: 'a1', goalId: 'g1' }, { id: 'a2', goalId: 'g2' }] })).toEqual(new Set(['a2']));
    expect(orphanActionIds({ goals: [], actions: [] })).toEqual(new Set());
    expect(orphanActionIds({ goals: 'broken', actions: [{ id: 'a1', goalId: 'g1' }] })).toEqual(new Set(['a1']));
    expect(orphanActionIds({})).toEqual(new Set());
  });
});
