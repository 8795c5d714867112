import { z } from 'zod';
import type { BiScriptText } from './names';
import type { RecordMeta } from './record';
import { biScriptSchema, requiredText } from './validation';

/** What a user may do; the accounts issue enforces these in the data layer. */
export type Role = 'administrator' | 'supervisor' | 'caseManager' | 'specialist' | 'viewer';

/**
 * A person who uses the app. Every record's "who" is a user id from the first run on, so accounts
 * with passwords fit in later without changing what stored data means. Users are never deleted.
 */
export interface User extends RecordMeta {
  fullName: BiScriptText;
  position: string;
  roles: Role[];
  active: boolean;
}

export const firstUserDraftSchema = z.object({
  fullName: biScriptSchema,
  position: requiredText(),
});

export type FirstUserDraft = z.input<typeof firstUserDraftSchema>;
