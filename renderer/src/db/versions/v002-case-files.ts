import type { SchemaVersion } from './types';

/**
 * Case files: cases, persons, memberships linking them, each case's history, and the audit trail.
 * `*searchKeys` is a multi-entry index of folded name, PINFL and case-number keys, so search needs
 * nothing built at start-up; the other case indexes serve the list's filters.
 */
export const v002CaseFiles: SchemaVersion = {
  version: 2,
  stores: {
    cases: 'id, caseNumber, stage, riskLevel, caseManagerId, address.mahallaId, updatedAt, *searchKeys, *vulnerability',
    persons: 'id, pinfl, dupKey, updatedAt',
    memberships: 'id, caseId, personId, updatedAt',
    caseHistory: 'id, caseId, updatedAt',
    audit: 'id, at, userId, [table+recordId]',
  },
};
