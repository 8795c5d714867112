import { defaultAgencies } from '../../domain/directoryDefaults';
import type { OfficeProfile } from '../../domain/office';
import type { SchemaVersion } from './types';

/**
 * The interagency directory (agencies, specialists, mahalla teams, the district working group) and
 * the document register (records, their bytes apart, and the office's own wording of standard
 * texts). An office set up before gets the default agencies, written as its first administrator.
 */
export const v005DirectoryDocuments: SchemaVersion = {
  version: 5,
  stores: {
    agencies: 'id, kind',
    specialists: 'id, agencyId, userId, *mahallaIds',
    teams: 'id, mahallaId',
    workingGroup: 'id',
    documents: 'id, caseId, [kind+year+seq], registerNumber, createdAt',
    documentFiles: 'id',
    documentTexts: 'id, language',
  },
  async upgrade(transaction) {
    const office = (await transaction.table('officeProfile').get('office')) as OfficeProfile | undefined;
    if (!office) return; // setup seeds them
    const context = { userId: office.createdBy, installationId: office.installationId, now: new Date() };
    await transaction.table('agencies').bulkAdd(defaultAgencies(context));
  },
};
