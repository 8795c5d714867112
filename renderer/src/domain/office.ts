import { z } from 'zod';
import type { BiScriptText, TriLingualText } from './names';
import type { RecordMeta } from './record';
import { findDistrict, findRegion } from './regions';
import { biScriptSchema, triLingualSchema } from './validation';

/**
 * The office this installation serves: its district (which decides the hokim's decision header
 * and case numbers), its name in three languages, and the people who sign its documents.
 */
export interface OfficeProfile extends RecordMeta {
  regionCode: string;
  districtCode: string;
  name: TriLingualText;
  head: BiScriptText;
  hokim: BiScriptText;
  deputyHokim: BiScriptText;
}

/** The one office profile's key: an installation serves one office. */
export const OFFICE_PROFILE_ID = 'office';

export const officeDraftSchema = z
  .object({
    regionCode: z.string().min(1, 'required'),
    districtCode: z.string().min(1, 'required'),
    name: triLingualSchema,
    head: biScriptSchema,
    hokim: biScriptSchema,
    deputyHokim: biScriptSchema,
  })
  .superRefine((draft, context) => {
    if (draft.regionCode && !findRegion(draft.regionCode)) {
      context.addIssue({ code: 'custom', path: ['regionCode'], message: 'unknownRegion' });
    }
    const found = draft.districtCode ? findDistrict(draft.districtCode) : undefined;
    if (draft.districtCode && !found) {
      context.addIssue({ code: 'custom', path: ['districtCode'], message: 'unknownDistrict' });
    } else if (found && found.region.code !== draft.regionCode) {
      context.addIssue({ code: 'custom', path: ['districtCode'], message: 'districtNotInRegion' });
    }
  });

export type OfficeDraft = z.input<typeof officeDraftSchema>;
export type ValidOfficeDraft = z.output<typeof officeDraftSchema>;
