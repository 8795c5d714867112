import type { HamkorlikDb } from '../db';
import { custodyLeft, type FamilyCase } from '../../domain/familyCase';

/**
 * Whether a case belongs in the office's working lists (the case list, overdue cases, counts): not
 * deleted, and not transferred to another office in a custody transfer — such a case is read-only
 * here and listed apart (caseQueries.ts `transferredCases`).
 */
export function listed(kase: FamilyCase): boolean {
  return kase.deletedAt === null && !custodyLeft(kase);
}

const TRANSFERRED_INDEX = 'custody.transferredOut.transferId';

/** Ids of the cases transferred to another office, from their own index (only they are in it), so totals can leave them out without a scan. */
export async function transferredCaseIds(db: HamkorlikDb): Promise<string[]> {
  // Databases opened at an older schema (migration tests) have no such index and no transferred case.
  if (!db.cases.schema.idxByName[TRANSFERRED_INDEX]) return [];
  return db.cases.where(TRANSFERRED_INDEX).above('').primaryKeys();
}
