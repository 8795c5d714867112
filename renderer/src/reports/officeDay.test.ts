import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../domain/dates';
import { officeDay } from './officeDay';

/**
 * officeDay reads the stored form of an instant from its digits instead of through `Date`; these
 * check it against the plain reading it replaced, in the machine's zone and at fixed offsets.
 */

const pad = (n: number) => String(n).padStart(2, '0');
function plainDay(instant: string, offsetMinutes?: number): string {
  if (offsetMinutes === undefined) return toIsoDate(new Date(instant));
  const shifted = new Date(Date.parse(instant) + offsetMinutes * 60_000);
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

const OFFSETS = [undefined, 300, 0, -300, 330, 345, -570, 840, -720, 1500, 12.5];
const ODD = [
  '2026-02-30T10:00:00.000Z',
  '2026-03-31T24:00:00.000Z',
  '2026-03-31T23:59:60.000Z',
  '2026-03-31T19:00:00Z',
  '2026-03-31T19:00:00.000+05:00',
  '0999-01-01T00:00:00.000Z',
  '+012026-03-31T19:00:00.000Z',
  '2026-13-01T10:00:00.000Z',
  '2024-02-29T21:00:00.000Z',
  '2026-03-31T1a:00:00.000Z',
  '1969-12-31T23:59:59.999Z',
  'not an instant',
  '',
];

describe('office days read from the digits', () => {
  it('are the days a Date gives, for any instant and offset', () => {
    const days = OFFSETS.map((offset) => officeDay(offset));
    fc.assert(
      fc.property(fc.date({ min: new Date('1850-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        const instant = date.toISOString();
        OFFSETS.forEach((offset, i) => expect(days[i]!(instant), `${instant} ${offset}`).toBe(plainDay(instant, offset)));
      }),
      { numRuns: 1000 },
    );
  });

  it('are the days a Date gives around the midnights of two years, minute by minute', () => {
    const days = OFFSETS.map((offset) => officeDay(offset));
    for (let day = Date.UTC(2025, 0, 1); day < Date.UTC(2027, 0, 1); day += 3 * 86_400_000) {
      for (const minutes of [-301, -300, -299, -1, 0, 1, 299, 300, 301, 719, 720, 721]) {
        const instant = new Date(day + minutes * 60_000 + 59_999).toISOString();
        OFFSETS.forEach((offset, i) => expect(days[i]!(instant)).toBe(plainDay(instant, offset)));
      }
    }
  });

  it('read anything else as a Date reads it', () => {
    for (const offset of OFFSETS) for (const instant of ODD) expect(officeDay(offset)(instant), `${instant} ${offset}`).toBe(plainDay(instant, offset));
  });
});
