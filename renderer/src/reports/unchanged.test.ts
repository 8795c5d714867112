import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../domain/dates';
import { computeIndicators, openCasesOn } from './indicators';
import { custom, month, quarter, year } from './period';
import { generateOffice } from './testing/generate';
import { OFFICE_OFFSET } from './testing/records';

/**
 * The indicators of a larger generated office, byte for byte, as the code computed them when the
 * snapshot was written: a guard for work on speed, which must not move a single figure (the
 * figures themselves are checked against the generator's log in generated.test.ts). The results
 * are large (every figure lists its cases), so the snapshot keeps their SHA-256 and length; to see
 * what changed, write both versions' JSON to files and diff them.
 */

const office = generateOffice(20260401, 3000);
const options = { officeOffsetMinutes: OFFICE_OFFSET };

async function fingerprint(value: unknown): Promise<string> {
  const json = JSON.stringify(value);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(json)));
  return `${[...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('')} ${json.length}`;
}

const RUNS = [
  { period: quarter(2026, 1), filter: {} },
  { period: month(2025, 2), filter: {} },
  { period: year(2025), filter: {} },
  { period: custom('2024-06-15', '2026-06-30'), filter: {} },
  { period: custom('2025-12-31', '2025-12-31'), filter: {} },
  { period: quarter(2025, 3), filter: { mahallaId: 'mh-3' } },
  { period: year(2024), filter: { caseManagerId: 'cm-old' } },
  { period: month(2026, 3), filter: { mahallaId: 'mh-1', caseManagerId: 'cm-2' } },
];

describe('the indicators of a generated office of 3,000 cases are unchanged', () => {
  for (const { period, filter } of RUNS) {
    it(`${period.from}…${period.to} ${JSON.stringify(filter)}`, async () => {
      expect(await fingerprint(computeIndicators(office.input, period, { ...options, ...filter }))).toMatchSnapshot();
    });
  }

  it('open cases as of single days', async () => {
    const days = ['2024-05-31', '2025-09-14', '2026-06-30'] as IsoDate[];
    expect(await fingerprint(days.map((day) => openCasesOn(office.input, day, options)))).toMatchSnapshot();
  });
});
