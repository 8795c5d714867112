import { z } from 'zod';
import { normalizePhone } from './caseDraft';
import type { BiScriptText } from './names';
import type { RecordMeta } from './record';
import { biScriptSchema, requiredText } from './validation';

/** What a user may do; domain/access.ts has the table and the data layer enforces it. */
export const ROLES = ['administrator', 'supervisor', 'caseManager', 'specialist', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A person who uses the app (an account). Every record's "who" is a user id, so accounts are never
 * deleted, only disabled. The password lives apart, in the credentials table the data layer alone reads.
 * A user who is also a team member is linked from the directory (`Specialist.userId`), in one place only.
 */
export interface User extends RecordMeta {
  username: string;
  fullName: BiScriptText;
  position: string;
  phone: string | null;
  roles: Role[];
  /** The mahallas whose cases the user reads: a case manager's own, a specialist's team's. */
  mahallaIds: string[];
  active: boolean;
}

/** Usernames are typed at every login: short, Latin, no spaces, compared without case. */
export const usernameSchema = z
  .string()
  .transform((text) => text.trim().toLowerCase())
  .pipe(z.string().min(1, 'required').max(32, 'tooLong').regex(/^[a-z0-9._-]+$/u, 'usernameFormat'));

export const firstUserDraftSchema = z.object({
  fullName: biScriptSchema,
  position: requiredText(),
});

export type FirstUserDraft = z.input<typeof firstUserDraftSchema>;

export const accountDraftSchema = firstUserDraftSchema.extend({
  username: usernameSchema,
  phone: z
    .string()
    .transform((phone, context) => (phone.trim() === '' ? null : (normalizePhone(phone) ?? (context.addIssue({ code: 'custom', message: 'phoneFormat' }), z.NEVER)))),
  roles: z.array(z.enum(ROLES)).min(1, 'rolesRequired'),
  mahallaIds: z.array(z.string()),
});

export type AccountDraft = z.input<typeof accountDraftSchema>;
export type ValidAccountDraft = z.output<typeof accountDraftSchema>;
