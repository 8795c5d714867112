import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDate, formatDateTime, isIsoDate, parseDisplayDate, toIsoDate, type IsoDate } from './dates';

describe('dates', () => {
  it('parses dd.mm.yyyy into yyyy-mm-dd and back', () => {
    expect(parseDisplayDate('23.11.2026')).toBe('2026-11-23');
    expect(parseDisplayDate(' 1.2.2020 ')).toBe('2020-02-01');
    expect(formatDate('2026-11-23' as IsoDate)).toBe('23.11.2026');
  });

  it('refuses dates that do not exist', () => {
    for (const text of ['31.04.2026', '29.02.2025', '00.01.2026', '12.13.2026', '2026-11-23', '23/11/2026', '']) {
      expect(parseDisplayDate(text)).toBeNull();
    }
    expect(parseDisplayDate('29.02.2024')).toBe('2024-02-29');
    expect(isIsoDate('2025-02-29')).toBe(false);
  });

  it('round-trips every real date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(1900, 0, 1), max: new Date(2199, 11, 31), noInvalidDate: true }), (date) => {
        const iso = toIsoDate(date);
        expect(isIsoDate(iso)).toBe(true);
        expect(parseDisplayDate(formatDate(iso))).toBe(iso);
      }),
    );
  });

  it('takes the local calendar day, not the UTC one', () => {
    const lateEvening = new Date(2026, 10, 23, 23, 30);
    expect(toIsoDate(lateEvening)).toBe('2026-11-23');
    expect(formatDateTime(lateEvening.toISOString())).toBe('23.11.2026 23:30');
  });
});
