import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../domain/dates';
import { dateKey, daysInMonth, realDay } from './days';

/** Dates read from their digits give the answers of the readings they stand in for. */

const written = fc.oneof(
  fc.date({ min: new Date('1700-01-01T00:00:00Z'), max: new Date('2300-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.constantFrom('2026-3-1', '2026-03-01T00:00', '2026-03-0a', ' 2026-03-01', '2026-03-01 ', '+02026-03-01', ''),
);

describe('dates read from their digits', () => {
  it('count the days of a month as Date does', () => {
    for (let year = 1800; year <= 2200; year++) for (let month = 1; month <= 12; month++) expect(daysInMonth(year, month)).toBe(new Date(Date.UTC(year, month, 0)).getUTCDate());
  });

  it('take the dates isIsoDate takes, as the days Date.parse counts', () => {
    fc.assert(
      fc.property(written, (date) => {
        const day = realDay(date);
        expect(!Number.isNaN(day)).toBe(isIsoDate(date));
        if (isIsoDate(date)) expect(day * 86_400_000).toBe(Date.parse(`${date}T00:00:00Z`));
      }),
      { numRuns: 3000 },
    );
  });

  it('compare plain dates as their text compares', () => {
    fc.assert(
      fc.property(written, written, (a, b) => {
        const [ka, kb] = [dateKey(a), dateKey(b)];
        if (ka >= 0 && kb >= 0) expect([ka < kb, ka === kb]).toEqual([a < b, a === b]);
      }),
      { numRuns: 3000 },
    );
  });
});
