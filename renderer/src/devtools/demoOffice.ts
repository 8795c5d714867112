import { OFFICE_PROFILE_ID, type OfficeProfile } from '../domain/office';
import { biScriptFrom } from '../domain/names';
import type { RecordSet } from '../db/bulkLoad';
import { generateOffice, type GenerateOfficeOptions } from './generator';

/**
 * A generated office ready to load: the generator's records plus an office profile for its first
 * district and the first user as the one working. Used by the benchmark, the search query set
 * test and demos; never by the product itself.
 */
export function demoOffice(options: GenerateOfficeOptions): { set: RecordSet; userId: string; installationId: string } {
  const generated = generateOffice(options);
  const office = generated.office;
  const admin = generated.users[0]!;
  const officeProfile: OfficeProfile = {
    id: OFFICE_PROFILE_ID,
    installationId: office.installationId,
    createdAt: admin.createdAt,
    createdBy: admin.id,
    updatedAt: admin.createdAt,
    updatedBy: admin.id,
    rev: 1,
    deletedAt: null,
    regionCode: office.regionCode,
    districtCode: office.districtCode,
    name: { uzLatn: `${office.name.uzLatn} oila boʻlimi`, uzCyrl: `${office.name.uzCyrl} оила бўлими`, ru: `Отдел семьи (${office.name.ru})` },
    head: biScriptFrom('Karimova Dilnoza Hasanovna'),
    hokim: biScriptFrom('Yoqubov Sherzod Toʻxtayevich'),
    deputyHokim: biScriptFrom('Rahmatullayev Ulugʻbek Isʼhoqovich'),
  };
  return { set: { ...generated, officeProfile }, userId: admin.id, installationId: office.installationId };
}
