import type { SchemaVersion } from './types';

/**
 * Case files: cases, persons, memberships linking them, each case's history, and the audit trail.
 * `*searchKeys` is a multi-entry index of folded name, PINFL and case-number keys, so search needs
 * nothing built at start-up; the other case indexes serve the list's filters and sorting. `deletedAt`
 * is null on live records and IndexedDB does not index null, so that index holds only deleted cases.
 */
export const v002CaseFiles: SchemaVersion = {
  version: 2,
  stores: {
    cases:
      'id, caseNumber, stage, riskLevel, caseManagerId, address.mahallaId, updatedAt, sortName, deletedAt, *searchKeys, *vulnerability, ' +
      '[stage+updatedAt], [riskLevel+updatedAt], [caseManagerId+updatedAt], [address.mahallaId+updatedAt]',
    persons: 'id, pinfl, dupKey, updatedAt',
    memberships: 'id, caseId, personId, updatedAt',
    caseHistory: 'id, caseId, updatedAt',
    audit: 'id, at, userId, [table+recordId]',
    caseStats: 'key',
  },
};
