import type { HamkorlikDb } from '../db';
import type { WriteContext } from '../../domain/record';

/**
 * Case numbers unique without coordination between PCs: the district's code, a short code of the
 * installation, the year and a sequence kept per installation and year, e.g. `1727259-A3F0-2026-0042`.
 * Must run inside a read-write transaction that includes `settings`.
 */
export async function nextCaseNumber(db: HamkorlikDb, districtCode: string, context: WriteContext): Promise<string> {
  const year = context.now.getFullYear();
  const key = `caseSequence:${context.installationId}:${year}`;
  const current = Number((await db.settings.get(key))?.value ?? 0);
  const next = current + 1;
  await db.settings.put({ key, value: next });
  const installation = context.installationId.replace(/-/gu, '').slice(0, 4).toUpperCase();
  return `${districtCode}-${installation}-${year}-${String(next).padStart(4, '0')}`;
}
