import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseDraft, PersonDraft } from '../../domain/caseDraft';
import { biScriptFrom } from '../../domain/names';
import { computeIndicators, month } from '../../reports';
import { HamkorlikDb } from '../db';
import { memoryDexieOptions, NO_PERSON_DETAILS } from '../testing';
import { createCase, deleteCase } from './cases';
import { readReportInput } from './reports';

const INSTALLATION = '5d2e7a10-4b3c-4d5e-8f60-718293a4b5c6';
const HEAD = { userId: 'head-1', installationId: INSTALLATION, roles: ['administrator' as const, 'supervisor' as const], mahallaIds: [] };
const VIEWER = { userId: 'viewer-1', installationId: INSTALLATION, roles: ['viewer' as const], mahallaIds: [] };
let db: HamkorlikDb;

beforeEach(async () => {
  db = new HamkorlikDb(`reports-${Math.random()}`, memoryDexieOptions());
  db.clock = () => new Date(Date.UTC(2026, 10, 23, 8, 0, 0));
  await db.open();
  db.session = HEAD;
});

const person = (surname: string, birthDate: string): PersonDraft => ({ surname: biScriptFrom(surname), firstName: biScriptFrom('Vali'), patronymic: null, sex: 'male', birthDate, ...NO_PERSON_DETAILS });
const draft = (mahallaId: string): CaseDraft => ({
  address: { regionCode: '1727', districtCode: '1727259', mahallaId, street: 'Navoiy', house: '12', apartment: '' },
  phones: ['90 123 45 67'],
  referral: { source: 'school', who: '12-maktab', date: '2026-11-01', reason: 'Misses school' },
  vulnerability: ['EDU_ABSENTEEISM'],
  riskLevel: 'R2',
  consent: { date: '2026-11-02', takenBy: 'Karimova D.', paperLocation: 'Folder 3' },
  caseManagerId: 'cm-1',
});

async function seed() {
  const one = await createCase(db, draft('m1'), [{ relation: 'head', person: person('Aliyev', '1980-01-01') }, { relation: 'child', person: person('Aliyev', '2015-05-05') }], '1727259');
  const two = await createCase(db, draft('m2'), [{ relation: 'head', person: person('Qodirov', '1979-02-02') }], '1727259');
  const gone = await createCase(db, draft('m2'), [{ relation: 'head', person: person('Rahimov', '1985-03-03') }], '1727259');
  await deleteCase(db, gone.id);
  return { one, two, gone };
}

describe('reading the records for a report', () => {
  it('gives the office\'s records, persons cut to what the figures use, and the figures count live cases and children', async () => {
    const { one, two } = await seed();
    const input = await readReportInput(db, HEAD);
    expect(input.cases).toHaveLength(3);
    expect(input.persons).toHaveLength(4);
    for (const p of input.persons) expect(Object.keys(p).sort()).toEqual(['birthDate', 'deletedAt', 'id']);
    const figures = computeIndicators(input, month(2026, 11));
    expect(figures.families.new.caseIds).toEqual([one.id, two.id].sort());
    expect(figures.families.openAtEnd).toMatchObject({ families: 2, children: 1 });
  });

  it('lets a viewer, who opens no case, count them all; outside the report the case tables stay closed to them', async () => {
    await seed();
    db.session = VIEWER;
    await expect(db.cases.toArray()).rejects.toMatchObject({ code: 'forbidden' });
    const input = await readReportInput(db, VIEWER);
    expect(input.cases).toHaveLength(3);
    // The grant belonged to that transaction only.
    await expect(db.persons.count()).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('reads a table larger than one page completely', async () => {
    const drafts = Array.from({ length: 30 }, (_, index) => createCase(db, draft('m1'), [{ relation: 'head', person: person(`Aliyev${index}`, '1980-01-01') }], '1727259'));
    await Promise.all(drafts);
    const input = await readReportInput(db, HEAD, undefined, 7);
    expect(new Set(input.cases.map((c) => c.id)).size).toBe(30);
    expect(input.persons).toHaveLength(30);
  });
});
