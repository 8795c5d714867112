import { describe, expect, it } from 'vitest';
import {
  ALL_DOMAINS,
  approvalProblem,
  CHILD_DOMAINS,
  childTriangle,
  completionProblems,
  FAMILY_DOMAINS,
  mayEdit,
  nextVersionFrom,
  sideMean,
  sideOf,
  type Assessment,
  type DomainRating,
  type Rating,
} from './assessment';

const rated = (rating: Rating): DomainRating => ({ rating, narrative: 'seen at home', strengths: '', assessedBy: null });

function assessment(overrides: Partial<Assessment> = {}): Assessment {
  return {
    id: 'a1', installationId: 'i', createdAt: '', createdBy: 'cm-1', updatedAt: '', updatedBy: 'cm-1', rev: 1, deletedAt: null,
    caseId: 'c1', version: 1, date: '2026-11-01' as never, status: 'draft',
    children: [
      { personId: 'kid-1', domains: Object.fromEntries(CHILD_DOMAINS.map((domain) => [domain, rated(2)])), views: 'wants to go back to school' },
      { personId: 'kid-2', domains: Object.fromEntries(CHILD_DOMAINS.map((domain) => [domain, rated(3)])), views: '' },
    ],
    family: Object.fromEntries(FAMILY_DOMAINS.map((domain) => [domain, rated(domain === 'income' ? 1 : 3)])),
    conclusion: 'Mother needs work; Sardor needs school support.',
    completedAt: null,
    approval: null,
    ...overrides,
  };
}

describe('the assessment triangle', () => {
  it('has the 19 domains of the source on three sides: 7 per child, 6 and 6 for the family', () => {
    expect(ALL_DOMAINS).toHaveLength(19);
    expect(new Set(ALL_DOMAINS).size).toBe(19);
    expect(CHILD_DOMAINS.map(sideOf)).toEqual(Array(7).fill('childNeeds'));
    expect(FAMILY_DOMAINS.filter((domain) => sideOf(domain) === 'parentingCapacity')).toHaveLength(6);
    expect(FAMILY_DOMAINS.filter((domain) => sideOf(domain) === 'familyEnvironment')).toHaveLength(6);
  });

  it('is completed only with every child rated on every domain, every family domain rated, and a conclusion', () => {
    expect(completionProblems(assessment())).toEqual([]);
    const gaps = assessment({ conclusion: ' ' });
    delete gaps.children[1]!.domains.selfCare;
    gaps.family.income = { ...rated(1), rating: null };
    expect(completionProblems(gaps)).toEqual([
      { problem: 'unrated', where: 'kid-2:selfCare' },
      { problem: 'unrated', where: 'family:income' },
      { problem: 'conclusionRequired' },
    ]);
    expect(completionProblems(assessment({ children: [] }))).toContainEqual({ problem: 'noChildren' });
  });

  it('is approved by a supervisor who is not its author, once completed; approved, it is locked', () => {
    const supervisor = { userId: 'sup-1', roles: ['supervisor' as const], mahallaIds: [] };
    expect(approvalProblem(assessment(), supervisor)).toBe('notCompleted');
    const completed = assessment({ status: 'completed' });
    expect(approvalProblem(completed, { userId: 'cm-2', roles: ['caseManager'], mahallaIds: [] })).toBe('approverNotSupervisor');
    expect(approvalProblem({ ...completed, createdBy: 'sup-1' }, supervisor)).toBe('approverIsAuthor');
    expect(approvalProblem(completed, supervisor)).toBeNull();
    expect(approvalProblem(assessment({ status: 'approved' }), supervisor)).toBe('locked');
    expect(mayEdit(assessment({ status: 'approved' }))).toBe(false);
    expect(mayEdit(assessment({ status: 'completed' }))).toBe(false);
    expect(mayEdit(assessment())).toBe(true);
  });

  it("draws each child's picture from the child's own ratings and the family's, and averages each side", () => {
    const picture = childTriangle(assessment(), 'kid-1');
    expect(picture).toHaveLength(19);
    expect(picture.find((entry) => entry.domain === 'health')).toEqual({ domain: 'health', side: 'childNeeds', rating: 2 });
    expect(picture.find((entry) => entry.domain === 'income')).toEqual({ domain: 'income', side: 'familyEnvironment', rating: 1 });
    expect(sideMean(picture, 'childNeeds')).toBe(2);
    expect(sideMean(picture, 'familyEnvironment')).toBe(2.7);
    expect(sideMean(childTriangle(assessment(), 'kid-2'), 'childNeeds')).toBe(3);
    expect(sideMean(childTriangle(assessment({ children: [] }), 'kid-1'), 'childNeeds')).toBeNull();
  });

  it('a reassessment starts as a new draft version from the last ratings, leaving the approved one untouched', () => {
    const approved = assessment({ status: 'approved', approval: { by: 'sup-1', at: '2026-11-05', note: 'ok' } });
    const next = nextVersionFrom(approved);
    expect(next).toMatchObject({ version: 2, status: 'draft', approval: null, conclusion: '', completedAt: null });
    next.children[0]!.domains.health = rated(4);
    next.family.income = rated(3);
    expect(approved.children[0]!.domains.health!.rating).toBe(2);
    expect(approved.family.income!.rating).toBe(1);
  });
});
