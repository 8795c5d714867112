import type { Actor } from './access';
import type { IsoDate } from './dates';
import type { RecordMeta } from './record';

/**
 * The in-depth assessment with the assessment triangle (shared/domain/CASE-MANAGEMENT.md, source
 * 003): each child's developmental needs, rated per child; the parents' capacity and the family and
 * its environment, rated once for the family. One rating scale everywhere, so that a child's
 * picture and two assessments over time compare.
 */

export const TRIANGLE = {
  childNeeds: ['health', 'education', 'emotionalBehavioural', 'identity', 'familySocialRelationships', 'socialPresentation', 'selfCare'],
  parentingCapacity: ['basicCare', 'ensuringSafety', 'emotionalWarmth', 'stimulation', 'guidanceBoundaries', 'stability'],
  familyEnvironment: ['familyHistoryFunctioning', 'housing', 'employment', 'income', 'socialIntegration', 'communityResources'],
} as const;

export type TriangleSide = keyof typeof TRIANGLE;
export type ChildDomain = (typeof TRIANGLE.childNeeds)[number];
export type FamilyDomain = (typeof TRIANGLE.parentingCapacity)[number] | (typeof TRIANGLE.familyEnvironment)[number];
export type TriangleDomain = ChildDomain | FamilyDomain;

export const CHILD_DOMAINS: readonly ChildDomain[] = TRIANGLE.childNeeds;
export const FAMILY_DOMAINS: readonly FamilyDomain[] = [...TRIANGLE.parentingCapacity, ...TRIANGLE.familyEnvironment];
export const ALL_DOMAINS: readonly TriangleDomain[] = [...CHILD_DOMAINS, ...FAMILY_DOMAINS];

export function sideOf(domain: TriangleDomain): TriangleSide {
  return (Object.keys(TRIANGLE) as TriangleSide[]).find((side) => (TRIANGLE[side] as readonly string[]).includes(domain))!;
}

/** 1 serious concern, 2 some concern, 3 adequate, 4 a strength. */
export const RATINGS = [1, 2, 3, 4] as const;
export type Rating = (typeof RATINGS)[number];

export interface DomainRating {
  rating: Rating | null;
  narrative: string;
  strengths: string;
  /** The specialist (directory) who assessed this domain; null when the case manager did. */
  assessedBy: string | null;
}

export interface ChildAssessment {
  personId: string;
  domains: Partial<Record<ChildDomain, DomainRating>>;
  /** The child's own wishes and views, in their words. */
  views: string;
}

export type AssessmentStatus = 'draft' | 'completed' | 'approved';

/**
 * One version of a case's in-depth assessment. A reassessment, or a change to an approved one, is a
 * new version; earlier versions stay as they were.
 */
export interface Assessment extends RecordMeta {
  caseId: string;
  version: number;
  date: IsoDate;
  status: AssessmentStatus;
  children: ChildAssessment[];
  family: Partial<Record<FamilyDomain, DomainRating>>;
  conclusion: string;
  completedAt: string | null;
  approval: { by: string; at: string; note: string } | null;
}

export type AssessmentProblem = 'noChildren' | 'unrated' | 'conclusionRequired' | 'notDraft' | 'notCompleted' | 'approverNotSupervisor' | 'approverIsAuthor' | 'locked';

/** What stops a draft from being completed: every child's every domain, every family domain, a conclusion. */
export function completionProblems(assessment: Pick<Assessment, 'children' | 'family' | 'conclusion'>): { problem: AssessmentProblem; where?: string }[] {
  const problems: { problem: AssessmentProblem; where?: string }[] = [];
  if (assessment.children.length === 0) problems.push({ problem: 'noChildren' });
  for (const child of assessment.children) {
    for (const domain of CHILD_DOMAINS) if (!child.domains[domain]?.rating) problems.push({ problem: 'unrated', where: `${child.personId}:${domain}` });
  }
  for (const domain of FAMILY_DOMAINS) if (!assessment.family[domain]?.rating) problems.push({ problem: 'unrated', where: `family:${domain}` });
  if (!assessment.conclusion.trim()) problems.push({ problem: 'conclusionRequired' });
  return problems;
}

/** Only a draft changes; a completed or approved version is changed by starting a new version from it. */
export function mayEdit(assessment: Pick<Assessment, 'status'>): boolean {
  return assessment.status === 'draft';
}

/**
 * The approval rule shared by assessments and plans: the approver holds the supervisor role and is
 * not the author (a supervisor's own assessment is approved by another supervisor).
 */
export function approvalProblem(record: { status: AssessmentStatus; createdBy: string }, approver: Actor): AssessmentProblem | null {
  if (record.status === 'approved') return 'locked';
  if (record.status !== 'completed') return 'notCompleted';
  if (!approver.roles.includes('supervisor')) return 'approverNotSupervisor';
  if (record.createdBy === approver.userId) return 'approverIsAuthor';
  return null;
}

/** The ratings a child's triangle picture shows: the child's own needs and the family's sides, in domain order. */
export function childTriangle(assessment: Pick<Assessment, 'children' | 'family'>, personId: string): { domain: TriangleDomain; side: TriangleSide; rating: Rating | null }[] {
  const child = assessment.children.find((c) => c.personId === personId);
  return ALL_DOMAINS.map((domain) => ({
    domain,
    side: sideOf(domain),
    rating: ((CHILD_DOMAINS as readonly string[]).includes(domain) ? child?.domains[domain as ChildDomain]?.rating : assessment.family[domain as FamilyDomain]?.rating) ?? null,
  }));
}

/** Mean rating of a side (null when nothing on it is rated), for the summary and the closure snapshot. */
export function sideMean(triangle: ReturnType<typeof childTriangle>, side: TriangleSide): number | null {
  const rated = triangle.filter((entry) => entry.side === side && entry.rating !== null).map((entry) => entry.rating!);
  return rated.length ? Math.round((rated.reduce((a, b) => a + b, 0) / rated.length) * 10) / 10 : null;
}

/** A new draft version carrying the ratings of the one it starts from (a reassessment edits what changed). */
export function nextVersionFrom(previous: Assessment): Pick<Assessment, 'caseId' | 'version' | 'status' | 'children' | 'family' | 'conclusion' | 'completedAt' | 'approval'> {
  return {
    caseId: previous.caseId,
    version: previous.version + 1,
    status: 'draft',
    children: structuredClone(previous.children),
    family: structuredClone(previous.family),
    conclusion: '',
    completedAt: null,
    approval: null,
  };
}
