import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fixtures from './fixtures/pinfl_fixtures.json';
import type { IsoDate } from './dates';
import { parsePinfl, pinflCheckDigit } from './pinfl';

const TODAY = '2026-11-23' as IsoDate;

describe('PINFL', () => {
  it('reads every reference fixture as documented', () => {
    for (const fixture of fixtures) {
      const result = parsePinfl(fixture.pinfl, TODAY);
      if (fixture.valid) {
        expect(result, fixture.pinfl).toEqual({ valid: true, checkDigitOk: true, facts: { sex: fixture.sex, birthDate: fixture.birth_date } });
      } else if (fixture.reason === 'check digit') {
        expect(result).toMatchObject({ valid: true, checkDigitOk: false });
      } else if (fixture.reason?.startsWith('impossible date')) {
        expect(result).toEqual({ valid: false, problem: 'pinflDate' });
      } else {
        expect(result, fixture.pinfl).toEqual({ valid: false, problem: 'pinflFormat' });
      }
    }
  });

  it('accepts spaces and dashes as typed from documents', () => {
    expect(parsePinfl('3150 5909 9900 19', TODAY)).toMatchObject({ valid: true, checkDigitOk: true });
    expect(parsePinfl('315059-09990019', TODAY)).toMatchObject({ valid: true });
  });

  it('refuses birth dates after today', () => {
    expect(parsePinfl(`6231226999001${pinflCheckDigit('6231226999001')}`, TODAY)).toEqual({ valid: false, problem: 'pinflFuture' });
  });

  it('derives sex and date for any well-formed number, and the check digit catches one wrong digit', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(1900, 0, 1), max: new Date(2026, 10, 23), noInvalidDate: true }), fc.boolean(), fc.integer({ min: 1, max: 999_999 }), (date, male, tail) => {
        const year = date.getFullYear();
        const first = (year >= 2000 ? 5 : 3) + (male ? 0 : 1);
        const dd = String(date.getDate()).padStart(2, '0');
        const mm = String(date.getMonth() + 1).padStart(2, '0');
        const body = `${first}${dd}${mm}${String(year % 100).padStart(2, '0')}${String(tail).padStart(6, '0')}`;
        const pinfl = `${body}${pinflCheckDigit(body)}`;
        const result = parsePinfl(pinfl, TODAY);
        expect(result).toMatchObject({ valid: true, checkDigitOk: true, facts: { sex: male ? 'male' : 'female', birthDate: `${year}-${mm}-${dd}` } });
        const wrong = `${pinfl.slice(0, 12)}${(Number(pinfl[12]) + 1) % 10}${pinfl[13]}`;
        expect(parsePinfl(wrong, TODAY)).toMatchObject({ checkDigitOk: false });
      }),
    );
  });
});
