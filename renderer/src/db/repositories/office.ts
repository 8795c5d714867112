import type { HamkorlikDb } from '../db';
import { DomainError } from '../../domain/errors';
import { OFFICE_PROFILE_ID, officeDraftSchema, type OfficeDraft, type OfficeProfile } from '../../domain/office';
import { newRecordMeta, touched } from '../../domain/record';

/** The office profile, or undefined before first-run setup. */
export function getOfficeProfile(db: HamkorlikDb): Promise<OfficeProfile | undefined> {
  return db.officeProfile.get(OFFICE_PROFILE_ID);
}

/** Validates and saves the office profile; the first save creates it. */
export async function saveOfficeProfile(db: HamkorlikDb, draft: OfficeDraft): Promise<OfficeProfile> {
  const context = db.writeContext();
  const parsed = officeDraftSchema.safeParse(draft);
  if (!parsed.success) throw new DomainError('invalid', JSON.stringify(parsed.error.issues));
  return db.transaction('rw', db.officeProfile, async () => {
    const current = await db.officeProfile.get(OFFICE_PROFILE_ID);
    const next: OfficeProfile = current
      ? touched(current, parsed.data, context)
      : { ...newRecordMeta(context, OFFICE_PROFILE_ID), ...parsed.data };
    await db.officeProfile.put(next);
    return next;
  });
}
