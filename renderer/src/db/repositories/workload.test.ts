import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseDraft, PersonDraft } from '../../domain/caseDraft';
import type { IsoDate } from '../../domain/dates';
import { biScriptFrom } from '../../domain/names';
import { HamkorlikDb } from '../db';
import { memoryDexieOptions, NO_PERSON_DETAILS } from '../testing';
import { applyEvent, createCase, deleteCase, purgeCase, restoreCase } from './cases';
import { openCaseCounts } from './workload';

const INSTALLATION = '5d2e7a10-4b3c-4d5e-8f60-718293a4b5c6';
const HEAD = { userId: 'head-1', installationId: INSTALLATION, roles: ['administrator' as const, 'supervisor' as const], mahallaIds: [] };
let db: HamkorlikDb;

beforeEach(async () => {
  db = new HamkorlikDb('workload', memoryDexieOptions());
  let tick = 0;
  db.clock = () => new Date(Date.UTC(2026, 10, 23, 8, 0, tick++));
  await db.open();
  db.session = HEAD;
});

const head = (surname: string, firstName: string): PersonDraft => ({
  surname: biScriptFrom(surname),
  firstName: biScriptFrom(firstName),
  patronymic: null,
  sex: 'male',
  birthDate: '1980-01-01',
  ...NO_PERSON_DETAILS,
});

const draft = (mahallaId: string, caseManagerId: string): CaseDraft => ({
  address: { regionCode: '1727', districtCode: '1727259', mahallaId, street: 'Navoiy', house: '12', apartment: '' },
  phones: ['90 123 45 67'],
  referral: { source: 'school', who: '12-maktab', date: '2026-11-01', reason: 'Misses school' },
  vulnerability: ['EDU_ABSENTEEISM'],
  riskLevel: 'R2',
  consent: { date: '2026-11-02', takenBy: 'Karimova D.', paperLocation: 'Folder 3' },
  caseManagerId,
});

const open = (mahallaId: string, caseManagerId: string, name: string) => createCase(db, draft(mahallaId, caseManagerId), [{ relation: 'head', person: head(name, 'Vali') }], '1727259');

describe('open case counts', () => {
  it('counts live cases that are not closed, per case manager and per mahalla, and follows closing, deleting, restoring and purging', async () => {
    expect(await openCaseCounts(db)).toEqual({ byCaseManager: {}, byMahalla: {} });

    const first = await open('m1', 'cm-1', 'Aliyev');
    await open('m1', 'cm-1', 'Boboyev');
    const third = await open('m2', 'cm-1', 'Qodirov');
    const fourth = await open('m2', 'cm-2', 'Rahimov');
    expect(await openCaseCounts(db)).toEqual({ byCaseManager: { 'cm-1': 3, 'cm-2': 1 }, byMahalla: { m1: 2, m2: 2 } });

    // A closed case leaves the workload; reopened, it is back.
    await applyEvent(db, first.id, { type: 'close', outcome: 'movedAway', reason: 'Moved to Tashkent', date: '2026-11-20' as IsoDate });
    expect(await openCaseCounts(db)).toEqual({ byCaseManager: { 'cm-1': 2, 'cm-2': 1 }, byMahalla: { m1: 1, m2: 2 } });
    await applyEvent(db, first.id, { type: 'reopen', reason: 'Came back' });
    expect((await openCaseCounts(db)).byMahalla).toEqual({ m1: 2, m2: 2 });

    // Deleted cases count nowhere; a manager or mahalla left with none is not listed.
    await deleteCase(db, fourth.id);
    expect(await openCaseCounts(db)).toEqual({ byCaseManager: { 'cm-1': 3 }, byMahalla: { m1: 2, m2: 1 } });
    await restoreCase(db, fourth.id);
    expect((await openCaseCounts(db)).byCaseManager).toEqual({ 'cm-1': 3, 'cm-2': 1 });

    // A closed case that is then deleted and purged does not make the open count go negative.
    await applyEvent(db, third.id, { type: 'close', outcome: 'refused', reason: 'Refused help', date: '2026-11-21' as IsoDate });
    await deleteCase(db, third.id);
    await purgeCase(db, third.id);
    expect(await openCaseCounts(db)).toEqual({ byCaseManager: { 'cm-1': 2, 'cm-2': 1 }, byMahalla: { m1: 2, m2: 1 } });
  });

  it('is readable by every role, a viewer included, without touching the cases a viewer may not read', async () => {
    await open('m1', 'cm-1', 'Aliyev');
    db.session = { userId: 'viewer-1', installationId: INSTALLATION, roles: ['viewer'], mahallaIds: [] };
    expect(await openCaseCounts(db)).toEqual({ byCaseManager: { 'cm-1': 1 }, byMahalla: { m1: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 20)); // refusals are written to the audit a moment later
    db.session = HEAD;
    expect(await db.audit.filter((entry) => entry.op === 'refused').count()).toBe(0);
  });
});
