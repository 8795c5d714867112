import type { SchemaVersion } from './types';

/**
 * Case transfers between offices: `exchangeBases` holds the copy of each record as it was last
 * sent or received (the three-way merge's base), keyed `table:id`; `exchangeLog` one entry per
 * transfer or receipt sent or received. Cases gain an index on the custody transfer that took them
 * away (`custody.transferredOut.transferId`; only such cases are in it), so the lists and counts
 * that leave them out find them without a scan. No data changes shape: no case was transferred before.
 */
export const v007Exchange: SchemaVersion = {
  version: 7,
  stores: {
    cases:
      'id, caseNumber, stage, riskLevel, caseManagerId, address.mahallaId, updatedAt, sortName, deletedAt, *searchKeys, *vulnerability, ' +
      '[stage+updatedAt], [riskLevel+updatedAt], [caseManagerId+updatedAt], [address.mahallaId+updatedAt], monitoringDue, actionsDue, custody.transferredOut.transferId',
    exchangeBases: 'key, [table+recordId], at',
    exchangeLog: 'id, at, transferId, kind',
  },
};
