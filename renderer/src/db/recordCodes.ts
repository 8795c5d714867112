import { TRIANGLE, type AssessmentStatus, type Rating } from '../domain/assessment';
import { SUPPORT_KINDS, PLACEMENTS } from '../domain/caseWork';
import { GOAL_RESULTS } from '../domain/closure';
import { isIsoDate } from '../domain/dates';
import { DOCUMENT_KINDS, type DocumentLanguage } from '../domain/documentRegister';
import { REFERRAL_SOURCES, type CaseHistoryEntry } from '../domain/familyCase';
import type { DisabilityGroup, Relation, Sex } from '../domain/person';
import { ACTION_STATUSES } from '../domain/plan';
import { CLOSURE_OUTCOMES, STAGES } from '../domain/stages';
import { isVulnerabilityCode, type RiskLevel } from '../domain/vulnerability';

/**
 * The coded values of the records a transfer carries: fields holding one of a fixed list (a stage,
 * a kind, a status), which screens translate and rules branch on, and the dates they compute with.
 * A transfer import refuses a record whose code this version does not know — a newer version may
 * add one without a schema change, or the file was not made by this app — rather than write what
 * no screen can show (receive.ts, `damagedAt` with reason `value`).
 *
 * A path names a field at any depth: `closure.outcome`, `actions[].status` (each item of a list). An
 * absent field (undefined) is left to the record's schema; `null` is a value, allowed where listed.
 * Each list is checked by the compiler against its type (`allOf`): a code added to a type fails to
 * compile until it is listed here.
 */

type Check = readonly (string | number | null)[] | ((value: unknown) => boolean);

/** `list` when it holds every member of `Union` (an omission asks for a second argument naming it). */
function allOf<Union extends string | number | null>() {
  return <const List extends readonly Union[]>(list: List, ..._complete: [Exclude<Union, List[number]>] extends [never] ? [] : [missing: Exclude<Union, List[number]>]) => list;
}

const isoDate = (value: unknown) => typeof value === 'string' && isIsoDate(value);
const isoDateOrNull = (value: unknown) => value === null || isoDate(value);
const vulnerabilityCode = (value: unknown) => typeof value === 'string' && isVulnerabilityCode(value);
const withNull = <T,>(list: readonly T[]) => [...list, null] as const;

const STAGE = allOf<(typeof STAGES)[number]>()(STAGES);
const ACTION_STATUS = allOf<(typeof ACTION_STATUSES)[number]>()(ACTION_STATUSES);
const APPROVAL_STATUS = allOf<AssessmentStatus>()(['draft', 'completed', 'approved']);
const RATING = allOf<Rating>()([1, 2, 3, 4]);
const HISTORY_KIND = allOf<CaseHistoryEntry['kind']>()([
  'created',
  'advance',
  'decideEligibility',
  'signAgreement',
  'close',
  'reopen',
  'urgentAction',
  'assessmentCompleted',
  'assessmentApproved',
  'monitoring',
  'placement',
  'planRevised',
  'planCompleted',
  'planApproved',
  'service',
  'conference',
  'custodySent',
  'custodyReceived',
]);

const CODED: Readonly<Record<string, Readonly<Record<string, Check>>>> = {
  cases: {
    stage: STAGE,
    riskLevel: allOf<RiskLevel>()(['R0', 'R1', 'R2', 'R3']),
    'vulnerability[]': vulnerabilityCode,
    'referral.source': REFERRAL_SOURCES,
    'referral.date': isoDate,
    'eligibility.decision': ['eligible', 'notEligible'],
    'eligibility.date': isoDate,
    'agreement.signedDate': isoDate,
    'closure.outcome': CLOSURE_OUTCOMES,
    'closure.date': isoDate,
    'closure.goalOutcomes[].result': GOAL_RESULTS,
  },
  persons: {
    sex: allOf<Sex>()(['male', 'female']),
    birthDate: isoDate,
    disability: withNull(allOf<DisabilityGroup>()(['group1', 'group2', 'group3', 'child'])),
  },
  memberships: {
    relation: allOf<Relation>()(['head', 'spouse', 'child', 'stepchild', 'grandchild', 'parent', 'sibling', 'grandparent', 'otherRelative', 'guardian', 'other']),
    from: isoDateOrNull,
    to: isoDateOrNull,
  },
  caseHistory: {
    kind: HISTORY_KIND,
    from: withNull(STAGE),
    to: STAGE,
    outcome: CLOSURE_OUTCOMES,
    'placement.kind': PLACEMENTS,
  },
  assessments: { status: APPROVAL_STATUS, date: isoDate },
  // A draft plan's new action may have no deadline yet (only completing the plan needs them).
  plans: { status: APPROVAL_STATUS, 'actions[].status': ACTION_STATUS, 'actions[].deadline': (value) => value === '' || isoDate(value) },
  services: { kind: SUPPORT_KINDS, date: isoDate },
  monitorings: { date: isoDate, 'actionReviews[].status': ACTION_STATUS },
  placements: { kind: PLACEMENTS, from: isoDate },
  conferences: { date: isoDate },
  documents: { kind: DOCUMENT_KINDS, language: allOf<DocumentLanguage>()(['uz-Latn', 'uz-Cyrl', 'ru']) },
};

/** An assessment rates domains in maps keyed by domain: a child's, and the family's. */
const DOMAIN_MAPS: Readonly<Record<string, readonly { path: string; domains: readonly string[] }[]>> = {
  assessments: [
    { path: 'children[].domains', domains: TRIANGLE.childNeeds },
    { path: 'family', domains: [...TRIANGLE.parentingCapacity, ...TRIANGLE.familyEnvironment] },
  ],
};

/**
 * The first coded value of `record` that this version does not know, with the path it sits at
 * (`closure.outcome`), or undefined. Tables without coded fields have none.
 */
export function unknownCode(table: string, record: object): { field: string; value: string } | undefined {
  for (const [path, check] of Object.entries(CODED[table] ?? {})) {
    for (const value of valuesAt(record, path.split('.'))) {
      if (value === undefined) continue;
      if (value instanceof NotAList) return { field: path, value: shown(value.value) };
      const known = typeof check === 'function' ? check(value) : check.includes(value as string | number | null);
      if (!known) return { field: path, value: shown(value) };
    }
  }
  for (const { path, domains } of DOMAIN_MAPS[table] ?? []) {
    for (const map of valuesAt(record, path.split('.'))) {
      if (map === undefined) continue;
      if (map instanceof NotAList) return { field: path, value: shown(map.value) };
      if (typeof map !== 'object' || map === null || Array.isArray(map)) return { field: path, value: shown(map) };
      for (const [domain, rated] of Object.entries(map)) {
        if (!domains.includes(domain)) return { field: path, value: shown(domain) };
        const rating = typeof rated === 'object' && rated !== null ? (rated as { rating?: unknown }).rating : rated;
        if (rating !== null && !RATING.includes(rating as Rating)) return { field: `${path}.${domain}.rating`, value: shown(rating) };
      }
    }
  }
  return undefined;
}

/** The values at `path` in `value`: one, or one per list item for a `name[]` step; undefined where a step is missing. */
function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return [value];
  if (value === null || value === undefined) return [undefined];
  if (typeof value !== 'object') return [value];
  const [step, ...rest] = path as [string, ...string[]];
  const list = step.endsWith('[]');
  const name = list ? step.slice(0, -2) : step;
  const next = Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
  if (!list) return valuesAt(next, rest);
  if (next === undefined) return [undefined];
  if (!Array.isArray(next)) return [new NotAList(next)];
  return next.flatMap((item) => valuesAt(item, rest));
}

/** What stood where a list belongs. */
class NotAList {
  constructor(readonly value: unknown) {}
}

/** A value as a message may show it: short, whatever it is. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
