import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { IsoDate } from './dates';
import { addMonths, daysBetween, dueSoon, monitoringStatus } from './monitoring';

const d = (text: string) => text as IsoDate;

describe('monthly monitoring due dates', () => {
  it('keep the agreement day; a shorter month takes its last day, and later months go back to the day', () => {
    expect(addMonths(d('2026-01-15'), 1)).toBe('2026-02-15');
    expect(addMonths(d('2026-01-31'), 1)).toBe('2026-02-28');
    expect(addMonths(d('2026-01-31'), 2)).toBe('2026-03-31');
    expect(addMonths(d('2026-01-31'), 3)).toBe('2026-04-30');
    expect(addMonths(d('2027-12-31'), 2)).toBe('2028-02-29'); // a leap year
    expect(addMonths(d('2028-02-29'), 12)).toBe('2029-02-28');
    expect(addMonths(d('2026-11-30'), 3)).toBe('2027-02-28');
    expect(addMonths(d('2026-12-15'), 1)).toBe('2027-01-15');
  });

  it('an agreement signed on the 31st: due on the last day of short months, counted from the agreement', () => {
    const status = monitoringStatus(d('2026-01-31'), [], d('2026-07-01'));
    expect(status.dues.map((due) => due.due)).toEqual(['2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30']);
    expect(status.overdue).toHaveLength(5);
    expect(status.next).toBe('2026-02-28');
    expect(status.daysLate).toBe(daysBetween(d('2026-02-28'), d('2026-07-01')));
  });

  it('nothing is due in the first month; the due day itself is not yet late', () => {
    expect(monitoringStatus(d('2026-10-05'), [], d('2026-11-04'))).toMatchObject({ dues: [], overdue: [], next: '2026-11-05', daysLate: 0 });
    expect(monitoringStatus(d('2026-10-05'), [], d('2026-11-05'))).toMatchObject({ overdue: [], next: '2026-11-05' });
    expect(monitoringStatus(d('2026-10-05'), [], d('2026-11-06'))).toMatchObject({ overdue: ['2026-11-05'], daysLate: 1 });
  });

  it('monitorings answer the months in order; a late one counts for its month, not as on time', () => {
    const status = monitoringStatus(d('2026-06-10'), [d('2026-07-08'), d('2026-08-20'), d('2026-09-10')], d('2026-11-23'));
    expect(status.dues.map((due) => [due.due, due.doneOn, due.onTime])).toEqual([
      ['2026-07-10', '2026-07-08', true],
      ['2026-08-10', '2026-08-20', false],
      ['2026-09-10', '2026-09-10', true],
      ['2026-10-10', null, null],
      ['2026-11-10', null, null],
    ]);
    expect(status.overdue).toEqual(['2026-10-10', '2026-11-10']);
    expect(status.next).toBe('2026-10-10');
  });

  it('a monitoring entered a month overdue clears it; the next one stays due on its own date', () => {
    const before = monitoringStatus(d('2026-09-15'), [], d('2026-11-14'));
    expect(before).toMatchObject({ overdue: ['2026-10-15'], daysLate: 30 });
    const after = monitoringStatus(d('2026-09-15'), [d('2026-11-14')], d('2026-11-14'));
    expect(after).toMatchObject({ overdue: [], next: '2026-11-15', daysLate: 0 });
    expect(after.dues[0]).toMatchObject({ due: '2026-10-15', doneOn: '2026-11-14', onTime: false });
    // Two months missed and one monitoring entered: one month is still behind.
    expect(monitoringStatus(d('2026-09-15'), [d('2026-11-17')], d('2026-11-17')).overdue).toEqual(['2026-11-15']);
  });

  it('ignores monitorings dated before the agreement', () => {
    expect(monitoringStatus(d('2026-09-15'), [d('2026-09-01')], d('2026-10-20')).overdue).toEqual(['2026-10-15']);
  });

  it('"due this week" is the next due date within seven days, and never an overdue case', () => {
    expect(dueSoon(monitoringStatus(d('2026-10-28'), [], d('2026-11-23')), d('2026-11-23'))).toBe(true);
    expect(dueSoon(monitoringStatus(d('2026-10-30'), [], d('2026-11-23')), d('2026-11-23'))).toBe(true);
    expect(dueSoon(monitoringStatus(d('2026-10-30'), [], d('2026-11-22')), d('2026-11-22'))).toBe(false);
    expect(dueSoon(monitoringStatus(d('2026-09-01'), [], d('2026-11-23')), d('2026-11-23'))).toBe(false);
  });

  it('for any agreement date and any number of months, due dates never go backwards and stay in their month', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }), fc.integer({ min: 1, max: 60 }), (date, months) => {
        const anchor = date.toISOString().slice(0, 10) as IsoDate;
        const due = addMonths(anchor, months);
        const previous = addMonths(anchor, months - 1);
        expect(due > previous).toBe(true);
        const [y, m] = anchor.split('-').map(Number) as [number, number];
        const index = y * 12 + m - 1 + months;
        expect(due.slice(0, 7)).toBe(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
      }),
    );
  });
});
