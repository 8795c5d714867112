import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../domain/errors';
import { custom, dayBefore, inPeriod, month, periodLabel, quarter, year } from './period';
import { d } from './testing/records';

describe('periods', () => {
  it('months, quarters and years cover whole calendar days, leap years too', () => {
    expect(month(2026, 2)).toEqual({ from: '2026-02-01', to: '2026-02-28', label: { kind: 'month', year: 2026, month: 2 } });
    expect(month(2028, 2).to).toBe('2028-02-29');
    expect(month(2026, 12)).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
    expect(quarter(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-03-31', label: { kind: 'quarter', year: 2026, quarter: 1 } });
    expect(quarter(2026, 2)).toMatchObject({ from: '2026-04-01', to: '2026-06-30' });
    expect(quarter(2026, 4)).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(year(2025)).toEqual({ from: '2025-01-01', to: '2025-12-31', label: { kind: 'year', year: 2025 } });
  });

  it('a custom period is real days in order; one day is a period', () => {
    expect(custom('2026-03-15', '2026-03-15')).toEqual({ from: '2026-03-15', to: '2026-03-15', label: { kind: 'custom', from: '2026-03-15', to: '2026-03-15' } });
    const code = (make: () => unknown) => {
      try {
        make();
      } catch (error) {
        return error instanceof DomainError ? `${error.code} ${error.message}` : 'other';
      }
      return 'none';
    };
    expect(code(() => custom('2026-03-16', '2026-03-15'))).toBe('invalid period:order');
    expect(code(() => custom('2026-02-30', '2026-03-15'))).toBe('invalid period:from');
    expect(code(() => custom('2026-02-01', '15.03.2026'))).toBe('invalid period:to');
    expect(code(() => month(2026, 13))).toBe('invalid period:month 13');
    expect(code(() => quarter(2026, 0))).toBe('invalid period:quarter 0');
    expect(code(() => year(2026.5))).toBe('invalid period:year 2026.5');
  });

  it('labels a plain period by what it is', () => {
    expect(periodLabel({ from: d('2026-02-01'), to: d('2026-02-28') })).toEqual({ kind: 'month', year: 2026, month: 2 });
    expect(periodLabel({ from: d('2026-07-01'), to: d('2026-09-30') })).toEqual({ kind: 'quarter', year: 2026, quarter: 3 });
    expect(periodLabel({ from: d('2026-01-01'), to: d('2026-12-31') })).toEqual({ kind: 'year', year: 2026 });
    expect(periodLabel({ from: d('2026-02-01'), to: d('2026-02-27') })).toEqual({ kind: 'custom', from: '2026-02-01', to: '2026-02-27' });
    expect(periodLabel({ from: d('2026-02-01'), to: d('2026-04-30') })).toEqual({ kind: 'custom', from: '2026-02-01', to: '2026-04-30' });
    expect(periodLabel({ from: d('2026-01-01'), to: d('2027-01-31') })).toEqual({ kind: 'custom', from: '2026-01-01', to: '2027-01-31' });
  });

  it('every month, quarter and year labels back to itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        for (const period of [month(y, m), quarter(y, Math.ceil(m / 3)), year(y)]) expect(periodLabel(period)).toEqual(period.label);
      }),
    );
  });

  it('knows its days and the day before it', () => {
    expect(inPeriod(quarter(2026, 1), d('2026-03-31'))).toBe(true);
    expect(inPeriod(quarter(2026, 1), d('2026-04-01'))).toBe(false);
    expect(dayBefore(d('2026-01-01'))).toBe('2025-12-31');
    expect(dayBefore(d('2028-03-01'))).toBe('2028-02-29');
  });
});
