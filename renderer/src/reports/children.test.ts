import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../domain/dates';
import { isChildOn, type Person } from '../domain/person';
import { ReportData } from './reportData';
import { CaseStory, emptyInput, membership, OFFICE_OFFSET, person } from './testing/records';

/**
 * ReportData reads members into columns of numbers (dates as yyyymmdd) to answer "the children of
 * a case on a day"; this checks it against the plain reading of the records it replaced, with
 * birthdays around the 18th, 29 February, dates not written plainly, deleted and missing persons.
 */

const CASES = ['c0', 'c1', 'c2'];
const PERSONS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
const between = (from: string, to: string) => fc.date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true }).map((day) => day.toISOString().slice(0, 10));
// Birthdays and days around an 18th birthday (and 29 February) come up often, beside odd writings.
const AROUND = fc.constantFrom('2008-02-28', '2008-02-29', '2008-03-01', '2026-02-28', '2026-02-29', '2026-03-01', '2026-3-1', '2026-03-01T00:00', '');
const rarely = fc.integer({ min: 0, max: 9 }).map((n) => n === 0);
const office = fc.record({
  persons: fc.array(fc.record({ id: fc.constantFrom(...PERSONS), birthDate: fc.oneof(between('2004-01-01', '2030-12-31'), AROUND), deleted: rarely }), { maxLength: 8 }),
  memberships: fc.array(
    fc.record({
      caseId: fc.constantFrom(...CASES),
      personId: fc.constantFrom(...PERSONS),
      from: fc.oneof({ weight: 2, arbitrary: fc.constant('2000-01-01') }, between('2015-01-01', '2030-12-31'), AROUND),
      to: fc.option(fc.oneof(between('2015-01-01', '2030-12-31'), AROUND), { freq: 2 }),
      deleted: rarely,
    }),
    { maxLength: 12 },
  ),
  days: fc.array(fc.oneof(between('2020-01-01', '2030-12-31'), AROUND), { minLength: 1, maxLength: 4 }),
});

describe('the children of a case on a day', () => {
  it('are those of the records read plainly', () => {
    fc.assert(
      fc.property(office, ({ persons, memberships, days }) => {
        const input = emptyInput();
        for (const id of CASES) {
          const story = new CaseStory(id, { referralDate: '2020-01-01' }).created('2020-01-02');
          input.cases.push(story.build());
          input.history.push(...story.history);
        }
        input.persons.push(...persons.map((p) => person(p.id, p.birthDate, p.deleted)));
        input.memberships.push(...memberships.map((m, i) => ({ ...membership(m.caseId, m.personId, m.from, m.to), id: `m${i}`, deletedAt: m.deleted ? 'x' : null })));
        const data = new ReportData(input, { officeOffsetMinutes: OFFICE_OFFSET });

        const personById = new Map<string, Person>(input.persons.filter((p) => p.deletedAt === null).map((p) => [p.id, p]));
        const plainly = (caseId: string, day: string) => [
          ...new Set(
            input.memberships
              .filter((m) => m.deletedAt === null && m.caseId === caseId && m.from <= day && (m.to === null || m.to >= day))
              .map((m) => personById.get(m.personId))
              .filter((p): p is Person => !!p && p.birthDate <= day && isChildOn(p.birthDate, day as IsoDate))
              .map((p) => p.id),
          ),
        ];
        const tally = data.tally();
        for (const caseId of CASES) {
          for (const day of days) {
            expect(data.childrenAt(data.rankOf(caseId), day as IsoDate).map((n) => data.personId(n))).toEqual(plainly(caseId, day));
            tally.add(data.rankOf(caseId), day as IsoDate);
          }
        }
        expect(tally.figure().children).toBe(new Set(CASES.flatMap((caseId) => days.flatMap((day) => plainly(caseId, day)))).size);
      }),
      { numRuns: 500 },
    );
  });
});
