import ru from '../../../locales/ru/teams.json';
import uzCyrl from '../../../locales/uz-Cyrl/teams.json';
import uzLatn from '../../../locales/uz-Latn/teams.json';
import type { Agency, AgencyKind } from './directory';
import { newRecordMeta, type WriteContext } from './record';

/** The agencies a district works with, seeded at setup; the office renames and adds to them. */
export const DEFAULT_AGENCY_KINDS = ['hokimiyat', 'familySupport', 'socialProtection', 'mahalla', 'internalAffairs', 'health', 'education', 'employment', 'youth'] as const satisfies readonly AgencyKind[];

export function defaultAgencies(context: WriteContext): Agency[] {
  return DEFAULT_AGENCY_KINDS.map((kind) => ({
    ...newRecordMeta(context),
    kind,
    name: { uzLatn: uzLatn.agencyDefault[kind], uzCyrl: uzCyrl.agencyDefault[kind], ru: ru.agencyDefault[kind] },
  }));
}
