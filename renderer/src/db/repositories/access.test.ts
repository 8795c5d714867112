import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonDraft } from '../../domain/caseDraft';
import type { IsoDate } from '../../domain/dates';
import { biScriptFrom } from '../../domain/names';
import type { FamilyCase } from '../../domain/familyCase';
import type { Role, User } from '../../domain/user';
import { HamkorlikDb } from '../db';
import { memoryDexieOptions, NO_PERSON_DETAILS } from '../testing';
import { createAccount, listAccounts, sessionFor } from './accounts';
import { queryAudit } from './auditLog';
import { addMember, applyEvent, caseChanges, createCase, deleteCase, getCaseFile, purgeCase, updateCaseDetails, updatePerson } from './cases';
import { findDuplicates } from './duplicates';
import { facetCounts, queryCases } from './caseQueries';
import { searchCases } from './caseSearch';
import { addMahallas } from './mahallas';
import { saveOfficeProfile, getOfficeProfile } from './office';
import { completeFirstRun } from './setup';

/**
 * Every role against every guarded operation, through the data layer itself (repositories and the
 * access middleware), as the permission table in domain/access.ts says. Sessions are set directly;
 * logging in is tested in accounts.test.ts.
 */
const INSTALLATION = '9a9b9c9d-0000-4000-8000-000000000001';
let db: HamkorlikDb;
let users: Record<string, User>;
let caseA: FamilyCase; // mahalla m1, managed by cm
let caseB: FamilyCase; // mahalla m2, managed by cm2
let m1: string;
let m2: string;

const person = (surname: string, first: string): PersonDraft => ({
  surname: biScriptFrom(surname),
  firstName: biScriptFrom(first),
  patronymic: null,
  sex: 'female',
  birthDate: '1990-01-01',
  ...NO_PERSON_DETAILS,
});

const draft = (mahallaId: string, caseManagerId: string) => ({
  address: { regionCode: '1703', districtCode: '1703202', mahallaId, street: 'Navoiy', house: '1', apartment: '' },
  phones: [],
  referral: { source: 'school' as const, who: '12-maktab', date: '2026-11-01', reason: 'Absent from school' },
  vulnerability: ['EDU_ABSENTEEISM'],
  riskLevel: 'R2' as const,
  consent: { date: '2026-11-02', takenBy: 'Karimova D.', paperLocation: 'Folder 3' },
  caseManagerId,
});

const as = (name: string) => {
  db.session = sessionFor(users[name]!, INSTALLATION);
};

async function outcome(run: () => Promise<unknown>): Promise<'allowed' | 'refused'> {
  try {
    await run();
    return 'allowed';
  } catch (error) {
    if ((error as { code?: string }).code === 'forbidden') return 'refused';
    throw error;
  }
}

beforeAll(async () => {
  db = new HamkorlikDb('access', memoryDexieOptions());
  let tick = 0;
  db.clock = () => new Date(Date.UTC(2026, 10, 23, 8, 0, tick++));
  db.installationId = INSTALLATION;
  await db.open();
  const setup = await completeFirstRun(
    db,
    {
      office: {
        regionCode: '1703',
        districtCode: '1703202',
        name: { uzLatn: 'Oltinkoʻl tumani', uzCyrl: 'Олтинкўл тумани', ru: 'Алтынкульский район' },
        head: { latn: 'Karimova Dilnoza', cyrl: 'Каримова Дилноза', typed: 'latn' },
        hokim: { latn: 'Yoqubov Sherzod', cyrl: 'Ёқубов Шерзод', typed: 'latn' },
        deputyHokim: { latn: 'Toʻxtayev Ulugʻbek', cyrl: 'Тўхтаев Улуғбек', typed: 'latn' },
      },
      mahallas: [
        { uzLatn: 'Navroʻz', uzCyrl: 'Наврўз', ru: 'Навруз' },
        { uzLatn: 'Tinchlik', uzCyrl: 'Тинчлик', ru: 'Тинчлик' },
      ],
      administrator: { fullName: { latn: 'Karimova Dilnoza', cyrl: 'Каримова Дилноза', typed: 'latn' }, position: 'Boshliq', username: 'head' },
      password: 'head-pass-1',
      repeatPassword: 'head-pass-1',
    },
    INSTALLATION,
  );
  [m1, m2] = setup.mahallas.map((m) => m.id) as [string, string];
  const account = (username: string, roles: Role[], mahallaIds: string[]) =>
    createAccount(db, { username, fullName: biScriptFrom(`Xodim ${'abcdefgh'[username.length]} Test`), position: 'Xodim', phone: '', roles, mahallaIds }, 'first-pass-1', 'first-pass-1');
  await account('admin', ['administrator'], []);
  await account('sup', ['supervisor'], []);
  await account('cm', ['caseManager'], [m1]);
  await account('cm2', ['caseManager'], [m2]);
  await account('sp', ['specialist'], [m1]);
  await account('viewer', ['viewer'], []);
  users = Object.fromEntries((await listAccounts(db)).map((user) => [user.username, user]));
  as('cm');
  caseA = await createCase(db, draft(m1, users.cm!.id), [{ relation: 'head', person: person('Aliyeva', 'Nodira') }], '1703202');
  as('cm2');
  caseB = await createCase(db, draft(m2, users.cm2!.id), [{ relation: 'head', person: person('Boboyeva', 'Gulnora') }], '1703202');
});

const ROLES = ['admin', 'sup', 'cm', 'sp', 'viewer'] as const;

/** role → expected outcome, in the order of ROLES. */
const TABLE: [string, () => Promise<unknown>, ('allowed' | 'refused')[]][] = [
  ['read a case of their mahalla (A)', () => getCaseFile(db, caseA.id), ['allowed', 'allowed', 'allowed', 'allowed', 'refused']],
  ['read a case of another mahalla (B)', () => getCaseFile(db, caseB.id), ['allowed', 'allowed', 'refused', 'refused', 'refused']],
  ['read the changes of case A', () => caseChanges(db, caseA.id), ['allowed', 'allowed', 'allowed', 'allowed', 'refused']],
  ['read the changes of case B', () => caseChanges(db, caseB.id), ['allowed', 'allowed', 'refused', 'refused', 'refused']],
  ['list cases', () => queryCases(db, {}, { field: 'updatedAt', direction: 'desc' }, 0, 50), ['allowed', 'allowed', 'allowed', 'allowed', 'refused']],
  ['open a case of their own', async () => createCase(db, draft(m1, db.session!.userId), [{ relation: 'head', person: person('Yangi', 'Oila') }], '1703202'), ['refused', 'allowed', 'allowed', 'refused', 'refused']],
  ['change case A (managed by cm)', () => updateCaseDetails(db, caseA.id, { ...draft(m1, users.cm!.id), phones: ['+998901234567'] }), ['refused', 'allowed', 'allowed', 'refused', 'refused']],
  ['hand case A to another case manager', () => updateCaseDetails(db, caseA.id, draft(m1, users.cm2!.id)), ['refused', 'allowed', 'refused', 'refused', 'refused']],
  ['close case B (approve a closure)', () => applyEvent(db, caseB.id, { type: 'close', outcome: 'movedAway', reason: 'Moved to Tashkent', date: '2026-11-20' as IsoDate }), ['refused', 'allowed', 'refused', 'refused', 'refused']],
  ['write to the cases table directly', () => db.cases.put({ ...caseA, riskLevel: 'R3' }), ['allowed', 'allowed', 'allowed', 'refused', 'refused']],
  ['create an account', () => createAccount(db, { username: `x${Math.random().toString(36).slice(2, 8)}`, fullName: biScriptFrom('Yangi Xodim'), position: 'X', phone: '', roles: ['viewer'], mahallaIds: [] }, 'new-pass-12', 'new-pass-12'), ['allowed', 'refused', 'refused', 'refused', 'refused']],
  ['change the office profile', async () => saveOfficeProfile(db, (await getOfficeProfile(db))!), ['allowed', 'refused', 'refused', 'refused', 'refused']],
  ['add a mahalla', () => addMahallas(db, [{ uzLatn: `Yangi ${Math.random().toString(36).slice(2, 6)}`, uzCyrl: 'Янги', ru: 'Янги' }]), ['allowed', 'refused', 'refused', 'refused', 'refused']],
  ['look for duplicates of a person', () => findDuplicates(db, { pinfl: null, surname: biScriptFrom('Aliyeva'), firstName: biScriptFrom('Nodira'), birthDate: '1990-01-01' }), ['refused', 'allowed', 'allowed', 'refused', 'refused']],
  ['decide a case of cm is not eligible (it closes the case)', async () => {
    const role = db.session;
    as('sup');
    const child = { ...person('Yoʻldoshev', 'Anvar'), sex: 'male' as const, birthDate: '2016-03-03' };
    const fresh = await createCase(db, draft(m1, users.cm!.id), [{ relation: 'head', person: person('Yoʻldosheva', 'Malika') }, { relation: 'child', person: child }], '1703202');
    await applyEvent(db, fresh.id, { type: 'advance', to: 'primaryAssessment' });
    db.session = role;
    return applyEvent(db, fresh.id, { type: 'decideEligibility', decision: 'notEligible', reason: 'Income above the line', date: '2026-11-20' as IsoDate });
  }, ['refused', 'allowed', 'refused', 'refused', 'refused']],
  ['read the audit', () => queryAudit(db, {}), ['allowed', 'allowed', 'refused', 'refused', 'refused']],
  ['read the audit table directly', () => db.audit.limit(1).toArray(), ['allowed', 'allowed', 'refused', 'refused', 'refused']],
  ['read the password hashes directly', () => db.credentials.toArray(), ['refused', 'refused', 'refused', 'refused', 'refused']],
];

describe('permissions in the data layer', () => {
  for (const [operation, run, expected] of TABLE) {
    it(`${operation}: ${ROLES.map((role, i) => `${role} ${expected[i]}`).join(', ')}`, async () => {
      const actual = [];
      for (const role of ROLES) {
        as(role);
        actual.push(await outcome(run));
      }
      expect(actual).toEqual(expected);
    });
  }

  it('a case manager and a specialist see only their mahallas in lists, counts and search', async () => {
    for (const role of ['cm', 'sp'] as const) {
      as(role);
      const listed = await queryCases(db, {}, { field: 'updatedAt', direction: 'desc' }, 0, 50);
      expect(listed.rows.every((kase) => kase.address.mahallaId === m1), role).toBe(true);
      expect(listed.rows.map((kase) => kase.id), role).toContain(caseA.id);
      expect(listed.total, role).toBe(listed.rows.length);
      expect((await facetCounts(db)).all, role).toBe(listed.total);
      expect((await searchCases(db, 'Boboyeva')).hits, role).toEqual([]);
      expect((await searchCases(db, 'Aliyeva')).hits.map((hit) => hit.kase.id), role).toEqual([caseA.id]);
    }
    as('sup');
    expect((await searchCases(db, 'Boboyeva')).hits.map((hit) => hit.kase.id)).toEqual([caseB.id]);
  });

  it('a duplicate in a case the user cannot read shows who and the case number, nothing of the file, and cannot be linked', async () => {
    as('cm2');
    const report = await findDuplicates(db, { pinfl: null, surname: biScriptFrom('Aliyeva'), firstName: biScriptFrom('Nodira'), birthDate: '1990-01-01' });
    const [match] = report.similar;
    expect(match).toMatchObject({ readable: false, cases: [{ id: caseA.id, caseNumber: caseA.caseNumber, readable: false }] });
    expect(Object.keys(match!.person).sort()).toEqual(['birthDate', 'firstName', 'id', 'patronymic', 'sex', 'surname']);
    const mine = (await queryCases(db, {}, { field: 'updatedAt', direction: 'desc' }, 0, 50)).rows.find((kase) => kase.caseManagerId === users.cm2!.id)!;
    await expect(addMember(db, mine.id, { relation: 'other', personId: match!.person.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createCase(db, draft(m2, users.cm2!.id), [{ relation: 'head', personId: match!.person.id }], '1703202')).rejects.toMatchObject({ code: 'forbidden' });
    as('cm');
    expect((await findDuplicates(db, { pinfl: null, surname: biScriptFrom('Aliyeva'), firstName: biScriptFrom('Nodira'), birthDate: '1990-01-01' })).similar[0]).toMatchObject({ readable: true, person: { healthNotes: '' } });
  });

  it('editing a person shared with a case the user cannot change does not give that case a new revision', async () => {
    as('sup');
    const shared = (await getCaseFile(db, caseA.id))!.members[0]!.person;
    const other = await createCase(db, draft(m2, users.cm2!.id), [{ relation: 'head', person: person('Boshqa', 'Oila') }], '1703202');
    await addMember(db, other.id, { relation: 'other', personId: shared.id });
    const before = (await getCaseFile(db, other.id))!.kase.rev;
    as('cm');
    await updatePerson(db, shared.id, { ...shared, healthNotes: 'Allergy' } as never);
    as('sup');
    expect((await getCaseFile(db, other.id))!.kase.rev).toBe(before);
    expect((await getCaseFile(db, caseA.id))!.kase.rev).toBeGreaterThan(caseA.rev);
  });

  it('purging is the administrator’s alone', async () => {
    as('sup');
    const doomed = await createCase(db, draft(m2, users.sup!.id), [{ relation: 'head', person: person('Oʻchiriladi', 'Oila') }], '1703202');
    await deleteCase(db, doomed.id);
    for (const role of ['sup', 'cm', 'sp', 'viewer'] as const) {
      as(role);
      expect(await outcome(() => purgeCase(db, doomed.id)), role).toBe('refused');
    }
    as('admin');
    expect(await outcome(() => purgeCase(db, doomed.id))).toBe('allowed');
  });

  it('every refusal is in the audit with who tried what', async () => {
    as('sp');
    await expect(getCaseFile(db, caseB.id)).rejects.toMatchObject({ code: 'forbidden' });
    await new Promise((resolve) => setTimeout(resolve, 20)); // the refusal is written in its own transaction
    as('sup');
    const refusals = (await queryAudit(db, { userId: users.sp!.id, op: 'refused' })).entries;
    expect(refusals.some((entry) => entry.recordId === caseB.id && entry.detail === 'read case')).toBe(true);
  });
});
