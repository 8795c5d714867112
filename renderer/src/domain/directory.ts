import { z } from 'zod';
import { normalizePhone } from './caseDraft';
import { isIsoDate, type IsoDate } from './dates';
import type { BiScriptText, TriLingualText } from './names';
import type { RecordMeta } from './record';
import { biScriptSchema, triLingualSchema } from './validation';

/**
 * The interagency directory: the agencies that work with families, their specialists, the team of
 * each mahalla and the district working group. It is the office's own data (agencies are renamed
 * in reorganizations), seeded with defaults, and what the hokim's decision prints.
 */

/** What kind of body an agency is; the kind survives renaming and decides the seeded defaults. */
export const AGENCY_KINDS = ['hokimiyat', 'familySupport', 'socialProtection', 'mahalla', 'internalAffairs', 'health', 'education', 'employment', 'youth', 'justice', 'ngo', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export interface Agency extends RecordMeta {
  kind: AgencyKind;
  name: TriLingualText;
}

export interface Specialist extends RecordMeta {
  /** "Familiya Ism Otasining ismi" in both Uzbek scripts, as accounts keep names. */
  fullName: BiScriptText;
  agencyId: string;
  position: TriLingualText;
  phone: string | null;
  /** Mahallas the specialist serves (a school psychologist may serve several). */
  mahallaIds: string[];
  /** Trained in case management, and when; null when not trained. */
  trainedOn: IsoDate | null;
  /** The account of a specialist who uses the app. */
  userId: string | null;
}

/** Roles in a mahalla's interagency team (seeds 000 §2: the pilot teams' composition). */
export const TEAM_ROLES = ['mahallaRepresentative', 'ministrySpecialist', 'juvenileInspector', 'medicalWorker', 'schoolPsychologist', 'other'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** Roles in the district interagency working group (appendix 2 of the hokim's decision). */
export const WORKING_GROUP_ROLES = ['chair', 'deputyChair', 'secretary', 'member'] as const;
export type WorkingGroupRole = (typeof WORKING_GROUP_ROLES)[number];

export interface TeamMember<R extends string = TeamRole> {
  specialistId: string;
  role: R;
}

/** The interagency team of one mahalla; its coordinator is the case manager (a user) who leads it. */
export interface MahallaTeam extends RecordMeta {
  mahallaId: string;
  members: TeamMember[];
  coordinatorUserId: string | null;
}

/** The district interagency working group: one per office. */
export interface WorkingGroup extends RecordMeta {
  members: TeamMember<WorkingGroupRole>[];
}

export const WORKING_GROUP_ID = 'workingGroup';

// ---------------------------------------------------------------------------------------------
// Validation

export const agencyDraftSchema = z.object({
  kind: z.enum(AGENCY_KINDS),
  name: triLingualSchema,
});
export type AgencyDraft = z.input<typeof agencyDraftSchema>;

export const specialistDraftSchema = z.object({
  fullName: biScriptSchema,
  agencyId: z.string().min(1, 'required'),
  position: triLingualSchema,
  phone: z
    .string()
    .transform((phone, context) => (phone.trim() === '' ? null : (normalizePhone(phone) ?? (context.addIssue({ code: 'custom', message: 'phoneFormat' }), z.NEVER)))),
  mahallaIds: z.array(z.string()),
  trainedOn: z
    .string()
    .nullable()
    .transform((date, context) => {
      if (date === null || date === '') return null;
      if (!isIsoDate(date)) return (context.addIssue({ code: 'custom', message: 'invalidDate' }), z.NEVER);
      return date;
    }),
  userId: z.string().nullable().default(null),
});
export type SpecialistDraft = z.input<typeof specialistDraftSchema>;
export type ValidSpecialistDraft = z.output<typeof specialistDraftSchema>;

/** A team lists a specialist once; the same rule holds for the working group. */
function uniqueMembers(members: readonly { specialistId: string }[], context: z.RefinementCtx) {
  const seen = new Set<string>();
  members.forEach((member, index) => {
    if (seen.has(member.specialistId)) context.addIssue({ code: 'custom', path: ['members', index, 'specialistId'], message: 'duplicate' });
    seen.add(member.specialistId);
  });
}

export const mahallaTeamDraftSchema = z
  .object({
    mahallaId: z.string().min(1, 'required'),
    members: z.array(z.object({ specialistId: z.string().min(1, 'required'), role: z.enum(TEAM_ROLES) })),
    coordinatorUserId: z.string().nullable(),
  })
  .superRefine((draft, context) => uniqueMembers(draft.members, context));
export type MahallaTeamDraft = z.input<typeof mahallaTeamDraftSchema>;

export const workingGroupDraftSchema = z
  .object({
    members: z.array(z.object({ specialistId: z.string().min(1, 'required'), role: z.enum(WORKING_GROUP_ROLES) })),
  })
  .superRefine((draft, context) => {
    uniqueMembers(draft.members, context);
    for (const role of ['chair', 'secretary'] as const) {
      const holders = draft.members.filter((member) => member.role === role).length;
      if (holders > 1) context.addIssue({ code: 'custom', path: ['members'], message: role === 'chair' ? 'oneChair' : 'oneSecretary' });
    }
  });
export type WorkingGroupDraft = z.input<typeof workingGroupDraftSchema>;

// ---------------------------------------------------------------------------------------------
// Reading

/** The order members are printed in: the team's roles as listed, then by name. */
export function sortMembers<R extends string>(members: readonly TeamMember<R>[], order: readonly R[], nameOf: (specialistId: string) => string): TeamMember<R>[] {
  return [...members].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || nameOf(a.specialistId).localeCompare(nameOf(b.specialistId), 'uz'));
}
