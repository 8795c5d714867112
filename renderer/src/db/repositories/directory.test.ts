import { beforeEach, describe, expect, it } from 'vitest';
import { biScriptFrom } from '../../domain/names';
import { decisionData } from '../../documents/fromRecords';
import { decisionModel } from '../../documents/hokimDecision';
import { modelParagraphs } from '../../documents/model';
import { documentTexts } from '../../documents/texts';
import { HamkorlikDb } from '../db';
import { memoryDexieOptions } from '../testing';
import { deleteAgency, deleteSpecialist, getWorkingGroup, listAgencies, listSpecialists, listTeams, saveAgency, saveSpecialist, saveTeam, saveWorkingGroup } from './directory';
import { addMahallas, deleteMahalla } from './mahallas';
import { changePasswordAtLogin, createAccount, login, logout } from './accounts';
import { completeFirstRun } from './setup';
import { listUsers } from './users';

const INSTALLATION = '7e1c8a4e-8d1b-4c55-9a55-0c3f1e2d3b4a';
let db: HamkorlikDb;

beforeEach(async () => {
  db = new HamkorlikDb('directory', memoryDexieOptions());
  await db.open();
  await completeFirstRun(
    db,
    {
      office: {
        regionCode: '1703',
        districtCode: '1703209',
        name: { uzLatn: 'Asaka tumani «Inson» markazi', uzCyrl: 'Асака тумани «Инсон» маркази', ru: 'Центр «Инсон» Асакинского района' },
        head: biScriptFrom('Toshmatov Bahodir Olimovich'),
        hokim: biScriptFrom('Abdullayev Anvar Qahramonovich'),
        deputyHokim: biScriptFrom('Yoʻldosheva Malika Gʻayratovna'),
      },
      mahallas: [{ uzLatn: 'Navroʻz', uzCyrl: 'Наврўз', ru: 'Навруз' }],
      administrator: { username: 'admin', fullName: biScriptFrom('Karimova Dilnoza'), position: 'Boshliq' },
      password: 'pass-word-1',
      repeatPassword: 'pass-word-1',
    },
    INSTALLATION,
  );
});

const position = { uzLatn: 'hamshira', uzCyrl: 'ҳамшира', ru: 'медсестра' };

async function specialist(name: string, agencyKind = 'health') {
  const agency = (await listAgencies(db)).find((a) => a.kind === agencyKind)!;
  return saveSpecialist(db, null, { fullName: biScriptFrom(name), agencyId: agency.id, position, phone: '90 123 45 67', mahallaIds: [], trainedOn: '2025-05-01', userId: null });
}

describe('the interagency directory', () => {
  it('setup seeds the default agencies in three languages', async () => {
    const agencies = await listAgencies(db);
    expect(agencies.map((a) => a.kind).sort()).toEqual(['education', 'employment', 'familySupport', 'health', 'hokimiyat', 'internalAffairs', 'mahalla', 'socialProtection', 'youth']);
    expect(agencies.find((a) => a.kind === 'internalAffairs')!.name).toEqual({ uzLatn: 'Tuman ichki ishlar boʻlimi', uzCyrl: 'Туман ички ишлар бўлими', ru: 'Районный отдел внутренних дел' });
  });

  it('keeps specialists with a validated phone and the date of their case-management training; links one account to one specialist', async () => {
    const nurse = await specialist('Qodirova Gʻulomjon Hasanovna');
    expect(nurse).toMatchObject({ phone: '+998901234567', trainedOn: '2025-05-01', fullName: { cyrl: 'Қодирова Ғуломжон Ҳасановна' } });
    const agencyId = nurse.agencyId;
    await expect(saveSpecialist(db, null, { fullName: biScriptFrom('X Y'), agencyId, position, phone: '12', mahallaIds: [], trainedOn: null, userId: null })).rejects.toMatchObject({ code: 'invalid' });
    const [admin] = await listUsers(db);
    await saveSpecialist(db, nurse.id, { fullName: nurse.fullName, agencyId, position, phone: '', mahallaIds: [], trainedOn: null, userId: admin!.id });
    await expect(saveSpecialist(db, null, { fullName: biScriptFrom('Boshqa Odam'), agencyId, position, phone: '', mahallaIds: [], trainedOn: null, userId: admin!.id })).rejects.toMatchObject({ code: 'duplicate' });
  });

  it('a mahalla has one team; a specialist in a team or the working group, and an agency with staff, stay until taken out', async () => {
    const nurse = await specialist('Qodirova Gʻulomjon Hasanovna');
    const inspector = await specialist('Xolmatov Shavkat Oʻrinovich', 'internalAffairs');
    const [mahalla] = await addMahallas(db, [{ uzLatn: 'Bogʻishamol', uzCyrl: 'Боғишамол', ru: 'Богишамол' }]);
    await saveTeam(db, { mahallaId: mahalla!.id, members: [{ specialistId: nurse.id, role: 'medicalWorker' }], coordinatorUserId: null });
    await saveTeam(db, { mahallaId: mahalla!.id, members: [{ specialistId: nurse.id, role: 'medicalWorker' }, { specialistId: inspector.id, role: 'juvenileInspector' }], coordinatorUserId: null });
    expect((await listTeams(db)).map((team) => team.members.length)).toEqual([2]);
    await expect(saveTeam(db, { mahallaId: mahalla!.id, members: [{ specialistId: nurse.id, role: 'medicalWorker' }, { specialistId: nurse.id, role: 'other' }], coordinatorUserId: null })).rejects.toMatchObject({ code: 'invalid' });
    await expect(deleteSpecialist(db, nurse.id)).rejects.toMatchObject({ code: 'inUse' });
    await expect(deleteAgency(db, nurse.agencyId)).rejects.toMatchObject({ code: 'inUse' });

    await saveWorkingGroup(db, { members: [{ specialistId: inspector.id, role: 'chair' }] });
    await expect(saveWorkingGroup(db, { members: [{ specialistId: inspector.id, role: 'chair' }, { specialistId: nurse.id, role: 'chair' }] })).rejects.toMatchObject({ code: 'invalid' });
    expect((await getWorkingGroup(db))!.members).toEqual([{ specialistId: inspector.id, role: 'chair' }]);
  });

  it('only administrators and supervisors change it; everyone reads it', async () => {
    const session = db.session!;
    db.session = { ...session, roles: ['caseManager'] };
    expect((await listAgencies(db)).length).toBeGreaterThan(0);
    await expect(saveAgency(db, null, { kind: 'ngo', name: { uzLatn: 'SOS', uzCyrl: 'СОС', ru: 'СОС' } })).rejects.toMatchObject({ code: 'forbidden' });
    db.session = { ...session, roles: ['supervisor'] };
    await saveAgency(db, null, { kind: 'ngo', name: { uzLatn: 'SOS Bolalar mahallalari', uzCyrl: 'СОС Болалар маҳаллалари', ru: 'СОС Детские деревни' } });
  });

  it("the hokim's decision prints the directory as it is: the team, its members' names and the coordinator", async () => {
    const nurse = await specialist('Qodirova Gʻulomjon Hasanovna');
    const inspector = await specialist('Xolmatov Shavkat Oʻrinovich', 'internalAffairs');
    const [admin] = await listUsers(db);
    const mahallas = await db.mahallas.toArray();
    // Saved nurse first: the decision prints team roles in their fixed order, the inspector before the nurse.
    await saveTeam(db, { mahallaId: mahallas[0]!.id, members: [{ specialistId: nurse.id, role: 'medicalWorker' }, { specialistId: inspector.id, role: 'juvenileInspector' }], coordinatorUserId: admin!.id });
    await saveWorkingGroup(db, { members: [{ specialistId: inspector.id, role: 'chair' }] });
    const office = (await db.officeProfile.get('office'))!;
    const directory = { agencies: await listAgencies(db), specialists: await listSpecialists(db), teams: await listTeams(db), workingGroup: await getWorkingGroup(db), mahallas, users: await listUsers(db) };
    const paragraphs = modelParagraphs(decisionModel(decisionData(office, directory, { number: '215', date: '2026-11-20' as never, place: 'Асака ш.', issuer: '', citations: '', extraPoints: [] }), documentTexts('uz-Cyrl')));
    expect(paragraphs).toContain('«Наврўз» маҳалласи идоралараро гуруҳи');
    expect(paragraphs).toContain('Холматов Шавкат Ўринович');
    expect(paragraphs).toContain('Қодирова Ғуломжон Ҳасановна');
    expect(paragraphs).toContain('Каримова Дилноза');
    expect(paragraphs.join('\n')).toContain('Йўлдошева Малика Ғайратовна');
    expect(paragraphs.indexOf('Холматов Шавкат Ўринович', paragraphs.indexOf('«Наврўз» маҳалласи идоралараро гуруҳи'))).toBeLessThan(paragraphs.lastIndexOf('Қодирова Ғуломжон Ҳасановна'));
  });

  it("a specialist's account reads the mahallas of the teams they are in and those they serve, from the next login", async () => {
    const account = await createAccount(db, { username: 'psixolog', fullName: biScriptFrom('Ergasheva Dilnoza'), position: 'psixolog', phone: '', roles: ['specialist'], mahallaIds: [] }, 'first-pass-1', 'first-pass-1');
    const psychologist = await specialist('Ergasheva Dilnoza Yoʻldoshevna', 'education');
    const [navroz] = await db.mahallas.toArray();
    const [served] = await addMahallas(db, [{ uzLatn: 'Tinchlik', uzCyrl: 'Тинчлик', ru: 'Тинчлик' }]);
    await saveSpecialist(db, psychologist.id, { ...psychologist, phone: '', mahallaIds: [served!.id], userId: account.id });
    await saveTeam(db, { mahallaId: navroz!.id, members: [{ specialistId: psychologist.id, role: 'schoolPsychologist' }], coordinatorUserId: null });
    await logout(db);
    expect((await login(db, 'psixolog', 'first-pass-1')).mustChange).toBe(true);
    await changePasswordAtLogin(db, 'psixolog', 'first-pass-1', 'own-pass-word-2', 'own-pass-word-2');
    expect(db.session).toMatchObject({ userId: account.id, roles: ['specialist'] });
    expect([...db.session!.mahallaIds].sort()).toEqual([navroz!.id, served!.id].sort());
  });

  it('deleting a mahalla takes its team with it and out of the specialists who served it', async () => {
    const nurse = await specialist('Qodirova Gʻulomjon Hasanovna');
    const [mahalla] = await addMahallas(db, [{ uzLatn: 'Bogʻishamol', uzCyrl: 'Боғишамол', ru: 'Богишамол' }]);
    await saveSpecialist(db, nurse.id, { ...nurse, phone: '', mahallaIds: [mahalla!.id] });
    await saveTeam(db, { mahallaId: mahalla!.id, members: [{ specialistId: nurse.id, role: 'medicalWorker' }], coordinatorUserId: null });
    await deleteMahalla(db, mahalla!.id);
    expect(await listTeams(db)).toEqual([]);
    expect((await listSpecialists(db))[0]!.mahallaIds).toEqual([]);
    // The nurse can be edited and, being in no team now, deleted.
    await saveSpecialist(db, nurse.id, { ...nurse, phone: '90 765 43 21', mahallaIds: [] });
    await deleteSpecialist(db, nurse.id);
  });
});
