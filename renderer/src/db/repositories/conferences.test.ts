import { beforeEach, describe, expect, it } from 'vitest';
import type { PersonDraft } from '../../domain/caseDraft';
import type { ConferenceInput } from '../../domain/conference';
import type { FamilyCase } from '../../domain/familyCase';
import { biScriptFrom } from '../../domain/names';
import type { Role, User } from '../../domain/user';
import { HamkorlikDb } from '../db';
import { memoryDexieOptions, NO_PERSON_DETAILS } from '../testing';
import { createAccount, listAccounts, sessionFor } from './accounts';
import { createCase, deleteCase, getCaseFile } from './cases';
import { conferencesOfCase, deleteConference, getConference, listConferences, saveConference } from './conferences';
import { listAgencies, saveSpecialist } from './directory';
import { completeFirstRun } from './setup';

const INSTALLATION = '3c1d5e7f-1111-4222-8333-444455556666';
let db: HamkorlikDb;
let users: Record<string, User>;
let m1: string;
let m2: string;
let nurse: string;
let inspector: string;
let caseA: FamilyCase; // m1, managed by cm
let caseB: FamilyCase; // m2, managed by cm2
let caseC: FamilyCase; // m1, managed by cm2: cm reads it, does not change it

const as = (name: string) => {
  db.session = sessionFor(users[name]!, INSTALLATION);
};

const person = (surname: string, first: string): PersonDraft => ({
  surname: biScriptFrom(surname), firstName: biScriptFrom(first), patronymic: null, sex: 'female', birthDate: '1990-01-01',
  ...NO_PERSON_DETAILS,
});

const caseIn = (mahallaId: string, caseManagerId: string, surname: string) =>
  createCase(
    db,
    {
      address: { regionCode: '1703', districtCode: '1703202', mahallaId, street: 'Navoiy', house: '1', apartment: '' },
      phones: [],
      referral: { source: 'school', who: '12-maktab', date: '2026-11-01', reason: 'Absent from school' },
      vulnerability: ['EDU_ABSENTEEISM'],
      riskLevel: 'R2',
      consent: { date: '2026-11-02', takenBy: 'Karimova D.', paperLocation: 'Folder 3' },
      caseManagerId,
    },
    [{ relation: 'head', person: person(surname, 'Nodira') }],
    '1703202',
  );

/** A conference held on 20.11.2026 that may be saved as it is. */
const meeting = (caseIds: string[], changes: Partial<ConferenceInput> = {}): ConferenceInput => ({
  date: '2026-11-20',
  mahallaId: m1,
  attendees: [nurse, inspector],
  caseIds,
  decisions: 'Refer the mother to the employment centre; the school to report attendance weekly.',
  nextSteps: [
    { specialistId: inspector, who: '', what: 'Visit the family with the class teacher', by: '2026-11-27' },
    { specialistId: null, who: 'The family', what: 'Bring the documents for the allowance', by: null },
  ],
  ...changes,
});

/** The codes a refused save carries. */
async function problems(run: Promise<unknown>): Promise<string[]> {
  try {
    await run;
  } catch (error) {
    expect(error).toMatchObject({ code: 'invalid' });
    return (error as Error).message.split(' ').sort();
  }
  throw new Error('saved');
}

beforeEach(async () => {
  db = new HamkorlikDb('conferences', memoryDexieOptions());
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
        head: biScriptFrom('Karimova Dilnoza'),
        hokim: biScriptFrom('Yoqubov Sherzod'),
        deputyHokim: biScriptFrom('Toʻxtayev Ulugʻbek'),
      },
      mahallas: [
        { uzLatn: 'Navroʻz', uzCyrl: 'Наврўз', ru: 'Навруз' },
        { uzLatn: 'Tinchlik', uzCyrl: 'Тинчлик', ru: 'Тинчлик' },
      ],
      administrator: { fullName: biScriptFrom('Karimova Dilnoza'), position: 'Boshliq', username: 'head' },
      password: 'head-pass-1',
      repeatPassword: 'head-pass-1',
    },
    INSTALLATION,
  );
  [m1, m2] = setup.mahallas.map((m) => m.id) as [string, string];
  const account = (username: string, roles: Role[], mahallaIds: string[]) =>
    createAccount(db, { username, fullName: biScriptFrom(`Xodim ${'abcdefgh'[username.length]} Test`), position: 'Xodim', phone: '', roles, mahallaIds }, 'first-pass-1', 'first-pass-1');
  await account('sup', ['supervisor'], []);
  await account('cm', ['caseManager'], [m1]);
  await account('cm2', ['caseManager'], [m2]);
  await account('sp', ['specialist'], [m1]);
  await account('viewer', ['viewer'], []);
  users = Object.fromEntries((await listAccounts(db)).map((user) => [user.username, user]));
  const agencies = await listAgencies(db);
  const specialist = async (name: string, kind: string) =>
    (await saveSpecialist(db, null, { fullName: biScriptFrom(name), agencyId: agencies.find((a) => a.kind === kind)!.id, position: { uzLatn: 'xodim', uzCyrl: 'ходим', ru: 'сотрудник' }, phone: '', mahallaIds: [m1], trainedOn: null, userId: null })).id;
  nurse = await specialist('Qodirova Gulnora', 'health');
  inspector = await specialist('Rahimov Jasur', 'internalAffairs');
  as('cm');
  caseA = await caseIn(m1, users.cm!.id, 'Aliyeva');
  as('cm2');
  caseB = await caseIn(m2, users.cm2!.id, 'Boboyeva');
  caseC = await caseIn(m1, users.cm2!.id, 'Valiyeva');
});

describe('case conferences', () => {
  it('recording a meeting puts an entry with its decisions and date in the history of every case discussed', async () => {
    as('sup');
    const conference = await saveConference(db, null, meeting([caseA.id, caseB.id]));
    expect(conference).toMatchObject({ date: '2026-11-20', mahallaId: m1, attendees: [nurse, inspector], caseIds: [caseA.id, caseB.id], rev: 1 });
    expect(conference.nextSteps).toEqual([
      { specialistId: inspector, who: '', what: 'Visit the family with the class teacher', by: '2026-11-27' },
      { specialistId: null, who: 'The family', what: 'Bring the documents for the allowance', by: null },
    ]);
    for (const kase of [caseA, caseB]) {
      const entry = (await getCaseFile(db, kase.id))!.history.at(-1);
      expect(entry).toMatchObject({ kind: 'conference', from: 'identification', to: 'identification', reason: conference.decisions, conference: { id: conference.id, date: '2026-11-20' } });
    }
  });

  it('refuses a meeting without a real past date, attendees, cases or decisions, and next steps without who or what; stores nothing', async () => {
    as('cm');
    expect(await problems(saveConference(db, null, { date: '', mahallaId: null, attendees: [], caseIds: [], decisions: '   ', nextSteps: [] }))).toEqual(
      ['attendees:required', 'caseIds:required', 'date:invalidDate', 'decisions:required'],
    );
    expect(await problems(saveConference(db, null, meeting([caseA.id], { date: '2026-11-24' })))).toEqual(['date:dateInFuture']);
    expect(await problems(saveConference(db, null, meeting([caseA.id], { date: '2026-02-30' })))).toEqual(['date:invalidDate']);
    const steps = [
      { specialistId: null, who: ' ', what: 'Call the school', by: null },
      { specialistId: inspector, who: '', what: '', by: '2026-13-01' },
      { specialistId: users.cm!.id, who: '', what: 'Not an attendee', by: '2026-11-19' },
      // A row left wholly blank is the form's empty row, not a problem.
      { specialistId: null, who: '', what: '  ', by: null },
    ];
    expect(await problems(saveConference(db, null, meeting([caseA.id], { nextSteps: steps })))).toEqual(
      ['nextSteps.0.who:required', 'nextSteps.1.by:invalidDate', 'nextSteps.1.what:required', 'nextSteps.2.by:beforeConference', 'nextSteps.2.who:notAttendee'].sort(),
    );
    await expect(saveConference(db, null, meeting([caseA.id], { mahallaId: 'no-such-mahalla' }))).rejects.toMatchObject({ code: 'invalid', message: 'mahallaId:notFound' });
    await expect(saveConference(db, null, meeting([caseA.id], { attendees: [nurse, inspector, 'no-such-specialist'] }))).rejects.toMatchObject({ code: 'invalid', message: 'attendees:notFound' });
    await expect(saveConference(db, null, meeting([caseA.id, 'no-such-case']))).rejects.toMatchObject({ code: 'invalid', message: 'caseIds:notFound' });
    as('sup');
    expect(await listConferences(db)).toEqual([]);
    expect((await getCaseFile(db, caseA.id))!.history.map((entry) => entry.kind)).toEqual(['created']);
  });

  it('tidies what was typed: Uzbek apostrophes, spaces, a blank row, a typed name beside a chosen attendee', async () => {
    as('cm');
    const saved = await saveConference(
      db,
      null,
      meeting([caseA.id, caseA.id], {
        decisions: "  Oilaga bo'yicha yordam ko'rsatilsin.  ",
        attendees: [nurse, nurse],
        nextSteps: [
          { specialistId: nurse, who: 'typed too', what: ' Tibbiy koʻrik ', by: '' },
          { specialistId: null, who: '', what: '', by: null },
        ],
      }),
    );
    expect(saved).toMatchObject({ decisions: 'Oilaga boʻyicha yordam koʻrsatilsin.', attendees: [nurse], caseIds: [caseA.id], nextSteps: [{ specialistId: nurse, who: '', what: 'Tibbiy koʻrik', by: null }] });
  });

  it('case managers record meetings on the cases they manage, supervisors on any; specialists and viewers record none', async () => {
    as('sp');
    await expect(saveConference(db, null, meeting([caseA.id]))).rejects.toMatchObject({ code: 'forbidden' });
    as('viewer');
    await expect(saveConference(db, null, meeting([caseA.id]))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listConferences(db)).rejects.toMatchObject({ code: 'forbidden' });
    as('cm');
    // A colleague's case in their own mahalla is read, not changed; another mahalla's is neither.
    await expect(saveConference(db, null, meeting([caseA.id, caseC.id]))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(saveConference(db, null, meeting([caseB.id]))).rejects.toMatchObject({ code: 'forbidden' });
    const own = await saveConference(db, null, meeting([caseA.id]));
    as('sup');
    await saveConference(db, null, meeting([caseA.id, caseB.id, caseC.id]));
    expect((await listConferences(db)).map((view) => view.conference.id)).toHaveLength(2);
    expect((await getConference(db, own.id)).editable).toBe(true);
  });

  it('each user sees the conferences of the cases they read, and only those cases of them', async () => {
    as('sup');
    const both = await saveConference(db, null, meeting([caseA.id, caseB.id], { date: '2026-11-10' }));
    const onlyB = await saveConference(db, null, meeting([caseB.id], { date: '2026-11-12', mahallaId: m2 }));
    const a = await saveConference(db, null, meeting([caseA.id], { date: '2026-11-15' }));

    as('cm');
    const seen = await listConferences(db);
    expect(seen.map((view) => view.conference.id)).toEqual([a.id, both.id]);
    expect(seen[1]).toMatchObject({ conference: { caseIds: [caseA.id] }, otherCases: 1, editable: false });
    expect(seen[1]!.cases.map((kase) => kase.caseNumber)).toEqual([caseA.caseNumber]);
    expect(seen[0]!.editable).toBe(true);
    await expect(getConference(db, onlyB.id)).rejects.toMatchObject({ code: 'forbidden' });
    // The one the user may not change is refused even when asked directly.
    await expect(saveConference(db, both.id, meeting([caseA.id]))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(deleteConference(db, both.id)).rejects.toMatchObject({ code: 'forbidden' });

    as('sp');
    expect((await listConferences(db)).map((view) => view.conference.id)).toEqual([a.id, both.id]);
    expect((await listConferences(db)).every((view) => !view.editable)).toBe(true);
    as('cm2');
    expect((await listConferences(db)).map((view) => view.conference.id)).toEqual([onlyB.id, both.id]);
    expect((await listConferences(db, { mahallaId: m2 })).map((view) => view.conference.id)).toEqual([onlyB.id]);
    as('sup');
    expect((await listConferences(db)).map((view) => view.otherCases)).toEqual([0, 0, 0]);
  });

  it('lists a case’s conferences newest first through the case index; a deleted one leaves the list, the history keeps it', async () => {
    as('cm');
    const first = await saveConference(db, null, meeting([caseA.id], { date: '2026-10-05' }));
    const second = await saveConference(db, null, meeting([caseA.id], { date: '2026-11-05' }));
    expect((await conferencesOfCase(db, caseA.id)).map((view) => view.conference.date)).toEqual(['2026-11-05', '2026-10-05']);
    await expect(conferencesOfCase(db, caseB.id)).rejects.toMatchObject({ code: 'forbidden' });

    await expect(deleteConference(db, second.id, second.rev + 1)).rejects.toMatchObject({ code: 'staleRevision' });
    await deleteConference(db, second.id, second.rev);
    expect((await conferencesOfCase(db, caseA.id)).map((view) => view.conference.id)).toEqual([first.id]);
    await expect(getConference(db, second.id)).rejects.toMatchObject({ code: 'notFound' });
    expect(await db.conferences.get(second.id)).toMatchObject({ deletedAt: expect.any(String) });
    expect((await getCaseFile(db, caseA.id))!.history.filter((entry) => entry.kind === 'conference')).toHaveLength(2);
  });

  it('editing keeps one history entry per case: only a case newly added gets one; an edit over another’s is refused', async () => {
    as('sup');
    const saved = await saveConference(db, null, meeting([caseA.id]));
    const edited = await saveConference(db, saved.id, meeting([caseA.id, caseC.id], { decisions: 'Changed decisions' }), saved.rev);
    expect(edited).toMatchObject({ id: saved.id, rev: 2, decisions: 'Changed decisions', caseIds: [caseA.id, caseC.id] });
    const conferenceEntries = async (kase: FamilyCase) => (await getCaseFile(db, kase.id))!.history.filter((entry) => entry.kind === 'conference');
    expect(await conferenceEntries(caseA)).toHaveLength(1);
    expect((await conferenceEntries(caseC)).map((entry) => entry.reason)).toEqual(['Changed decisions']);
    await expect(saveConference(db, saved.id, meeting([caseA.id]), saved.rev)).rejects.toMatchObject({ code: 'staleRevision' });
  });

  it('a case deleted since the meeting stays on its record when the meeting is edited', async () => {
    as('sup');
    const saved = await saveConference(db, null, meeting([caseA.id, caseB.id]));
    await deleteCase(db, caseB.id);
    const view = await getConference(db, saved.id);
    expect(view.conference.caseIds).toEqual([caseA.id]);
    await saveConference(db, saved.id, meeting(view.conference.caseIds, { decisions: 'Edited' }), view.conference.rev);
    expect((await db.conferences.get(saved.id))!.caseIds).toEqual([caseA.id, caseB.id]);
  });
});
