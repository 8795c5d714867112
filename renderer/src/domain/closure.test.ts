import { describe, expect, it } from 'vitest';
import { CHILD_DOMAINS, FAMILY_DOMAINS, type Assessment, type DomainRating } from './assessment';
import { closureProblems, finalTriangle } from './closure';
import type { IsoDate } from './dates';
import type { PlanAction } from './plan';
import { applyCaseEvent, closureOutcomesFor, type StageFacts } from './stages';

const d = (text: string) => text as IsoDate;
const action = (id: string, status: PlanAction['status']): PlanAction => ({ id, goalId: 'g1', description: id, responsible: { kind: 'member', personId: 'p' }, deadline: d('2026-10-01'), status, droppedReason: status === 'dropped' ? 'why' : '' });
const plan = (status: 'draft' | 'completed' | 'approved', ...actions: PlanAction[]) => ({ status, goals: [{ id: 'g1', text: 'school', domains: ['education' as const], personId: null }], actions });
const rated = (rating: 1 | 2 | 3 | 4): DomainRating => ({ rating, narrative: '', strengths: '', assessedBy: null });
const assessment = (version: number, status: Assessment['status'], rating: 1 | 2 | 3 | 4): Assessment => ({
  id: `a${version}`, installationId: 'i', createdAt: '', createdBy: 'u', updatedAt: '', updatedBy: 'u', rev: 1, deletedAt: null,
  caseId: 'c', version, date: d(`2026-0${version}-01`), status, conclusion: 'x', completedAt: null, approval: null,
  children: [{ personId: 'child', domains: Object.fromEntries(CHILD_DOMAINS.map((domain) => [domain, rated(rating)])), views: '' }],
  family: Object.fromEntries(FAMILY_DOMAINS.map((domain) => [domain, rated(rating)])),
});
const snapshot = finalTriangle([assessment(1, 'approved', 2)]);

describe('closure guards', () => {
  it('self-sufficient: an approved plan with nothing left open, every goal given its outcome, and an assessment to show', () => {
    const outcomes = [{ goalId: 'g1' }];
    expect(closureProblems('selfSufficient', plan('approved', action('a1', 'done'), action('a2', 'dropped')), outcomes, snapshot)).toEqual([]);
    expect(closureProblems('selfSufficient', plan('approved', action('a1', 'done'), action('a2', 'inProgress')), outcomes, snapshot)).toEqual([{ problem: 'openActions', id: 'a2' }]);
    expect(closureProblems('selfSufficient', plan('completed', action('a1', 'done')), outcomes, snapshot)).toEqual([{ problem: 'planNotApproved' }]);
    expect(closureProblems('selfSufficient', plan('approved', action('a1', 'done')), [], snapshot)).toEqual([{ problem: 'goalOutcomeMissing', id: 'g1' }]);
    expect(closureProblems('selfSufficient', plan('approved', action('a1', 'done')), outcomes, null)).toEqual([{ problem: 'noAssessment' }]);
    expect(closureProblems('selfSufficient', null, [], snapshot)).toEqual([{ problem: 'noPlan' }]);
  });

  it('other outcomes: goals of a plan still get their outcomes, open actions and a missing plan do not stop them', () => {
    expect(closureProblems('movedAway', plan('approved', action('a1', 'planned')), [{ goalId: 'g1' }], null)).toEqual([]);
    expect(closureProblems('refused', null, [], null)).toEqual([]);
    expect(closureProblems('refused', plan('draft'), [], null)).toEqual([{ problem: 'goalOutcomeMissing', id: 'g1' }]);
    expect(closureProblems('other', null, [{ goalId: 'g1' }], null)).toEqual([{ problem: 'unknownGoal', id: 'g1' }]);
  });

  it('the final triangle is the latest completed or approved version, not a draft', () => {
    const final = finalTriangle([assessment(1, 'approved', 1), assessment(2, 'completed', 3), assessment(3, 'draft', 4)]);
    expect(final).toMatchObject({ assessmentId: 'a2', version: 2 });
    expect(final!.children[0]!.ratings).toMatchObject({ health: 3, income: 3 });
    expect(Object.keys(final!.children[0]!.ratings)).toHaveLength(19);
    expect(finalTriangle([assessment(1, 'draft', 2)])).toBeNull();
  });

  it('closing ends the agreement on the day; not before it was signed; self-sufficient only once help was delivered', () => {
    const facts: StageFacts = { stage: 'monitoring', eligibility: null, agreement: { signedDate: d('2026-03-31'), number: 'K-1' }, closure: null };
    const context = { today: d('2026-10-01'), userId: 'sup' };
    const closed = applyCaseEvent(facts, { type: 'close', outcome: 'selfSufficient', reason: 'ok', date: d('2026-09-30') }, context);
    expect(closed).toMatchObject({ ok: true, facts: { stage: 'closed', agreement: { signedDate: '2026-03-31', endedDate: '2026-09-30' } } });
    expect(applyCaseEvent(facts, { type: 'close', outcome: 'refused', reason: 'x', date: d('2026-03-30') }, context)).toEqual({ ok: false, refusal: 'dateBeforeAgreement' });
    expect(closureOutcomesFor('planning')).not.toContain('selfSufficient');
    expect(applyCaseEvent({ ...facts, stage: 'planning' }, { type: 'close', outcome: 'selfSufficient', reason: 'x', date: d('2026-09-30') }, context)).toEqual({ ok: false, refusal: 'outcomeNotAllowed' });
  });
});
