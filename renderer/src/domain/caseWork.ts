import type { IsoDate } from './dates';
import type { ActionStatus } from './plan';
import type { RecordMeta } from './record';

/** Records of the daily case work besides assessments and plans (CASE-MANAGEMENT.md, stages 6–8). */

/** The kinds of support the seeds name (source 000: the project's services to 348 families). */
export const SUPPORT_KINDS = ['consultation', 'parentingTraining', 'vocationalTraining', 'householdEquipment', 'referral', 'materialAid', 'other'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/** A service delivered: when, by whom, what, to whom, with what result, and the plan action it carries out. */
export interface ServiceRecord extends RecordMeta {
  caseId: string;
  actionId: string | null;
  date: IsoDate;
  kind: SupportKind;
  /** A specialist of the directory, or null when the case manager delivered it. */
  deliveredBy: string | null;
  description: string;
  /** Family members who received it. */
  recipients: string[];
  result: string;
}

/** The month's review of every open plan action, and what changed in the family. */
export interface MonitoringRecord extends RecordMeta {
  caseId: string;
  date: IsoDate;
  actionReviews: { actionId: string; status: ActionStatus; note: string }[];
  changes: string;
  /** The plan revision this monitoring made, when it revised the plan. */
  planRevision: number | null;
}

/**
 * Who does what next, by when. The one responsible is an attendee (a specialist of the directory,
 * named in the UI's script) or, when the task falls to someone who was not there — the family, the
 * school, the case manager without a directory entry — a name typed as free text. Both are kept
 * apart rather than in one string, so a specialist's id is never shown as a name nor a typed name
 * mistaken for an id.
 */
export interface ConferenceNextStep {
  /** An attendee of the conference, or null when `who` names the person. */
  specialistId: string | null;
  /** The person typed as text; '' when `specialistId` names them. */
  who: string;
  what: string;
  by: IsoDate | null;
}

/** The interagency team's meeting (case conference) on one or more cases. */
export interface CaseConference extends RecordMeta {
  date: IsoDate;
  /** The mahalla whose team met, or null for a meeting that is no one mahalla's (the district working group). */
  mahallaId: string | null;
  /** Specialists of the directory who attended. */
  attendees: string[];
  caseIds: string[];
  decisions: string;
  nextSteps: ConferenceNextStep[];
}

/**
 * Where a child lives, over time: what the offices report as gate-keeping — children kept in their
 * families, returned from institutions, placed in institutions or in foster or guardian families.
 */
export const PLACEMENTS = ['family', 'institution', 'returnedFromInstitution', 'fosterOrGuardian'] as const;
export type PlacementKind = (typeof PLACEMENTS)[number];

export interface Placement extends RecordMeta {
  caseId: string;
  personId: string;
  kind: PlacementKind;
  from: IsoDate;
  note: string;
}

/** A child's placement on a date: the latest one that began on or before it (null before any). */
export function placementOn(placements: readonly Pick<Placement, 'personId' | 'kind' | 'from' | 'deletedAt'>[], personId: string, date: IsoDate): PlacementKind | null {
  const mine = placements.filter((p) => p.personId === personId && p.deletedAt === null && p.from <= date).sort((a, b) => a.from.localeCompare(b.from));
  return mine.at(-1)?.kind ?? null;
}
