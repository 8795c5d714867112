import { describe, expect, it } from 'vitest';
import { HamkorlikDb } from '../db';
import { memoryDexieOptions } from '../testing';
import { getOfficeProfile } from './office';
import { addMahallas, deleteMahalla, listMahallas, renameMahalla } from './mahallas';
import { completeFirstRun, type FirstRunInput } from './setup';
import { getSetting } from './settings';
import { login, logout } from './accounts';

const input: FirstRunInput = {
  office: {
    regionCode: '1703',
    districtCode: '1703202',
    name: { uzLatn: 'Oltinkoʻl tumani oila boʻlimi', uzCyrl: 'Олтинкўл тумани оила бўлими', ru: 'Отдел семьи Алтынкульского района' },
    head: { latn: 'Karimova Dilnoza', cyrl: 'Каримова Дилноза', typed: 'latn' },
    hokim: { latn: 'Yoqubov Sherzod', cyrl: 'Ёқубов Шерзод', typed: 'cyrl' },
    deputyHokim: { latn: 'Toʻxtayev Ulugʻbek', cyrl: 'Тўхтаев Улуғбек', typed: 'cyrl' },
  },
  mahallas: [
    { uzLatn: 'Navroʻz', uzCyrl: 'Наврўз', ru: 'Навруз' },
    { uzLatn: 'Tinchlik', uzCyrl: 'Тинчлик', ru: 'Тинчлик' },
  ],
  administrator: { fullName: { latn: 'Karimova Dilnoza', cyrl: 'Каримова Дилноза', typed: 'latn' }, position: 'Boʻlim boshligʻi', username: ' Dilnoza.K ' },
  password: 'oltinkol-2026',
  repeatPassword: 'oltinkol-2026',
};
const INSTALLATION = '11111111-2222-4333-8444-555555555555';

async function freshDb() {
  const db = new HamkorlikDb('t', memoryDexieOptions());
  db.clock = () => new Date('2026-11-23T08:00:00Z');
  await db.open();
  return db;
}

describe('first-run setup', () => {
  it('stores the office, its mahallas and the administrator, all authored by the administrator', async () => {
    const db = await freshDb();
    const { administrator } = await completeFirstRun(db, input, INSTALLATION);
    const office = await getOfficeProfile(db);
    expect(office).toMatchObject({ districtCode: '1703202', createdBy: administrator.id, installationId: INSTALLATION, rev: 1 });
    expect((await listMahallas(db)).map((m) => [m.name.uzLatn, m.createdBy])).toEqual([
      ['Navroʻz', administrator.id],
      ['Tinchlik', administrator.id],
    ]);
    expect(administrator).toMatchObject({ username: 'dilnoza.k', roles: ['administrator', 'supervisor'], active: true, createdBy: administrator.id });
    expect(await getSetting(db, 'setupCompletedAt')).toBe('2026-11-23T08:00:00.000Z');
    // The administrator stays logged in, and can log in again with the password chosen at setup.
    expect(db.session).toMatchObject({ userId: administrator.id, roles: ['administrator', 'supervisor'] });
    await logout(db);
    await expect(login(db, 'dilnoza.k', 'oltinkol-2026')).resolves.toMatchObject({ user: { id: administrator.id }, mustChange: false });
  });

  it('stores nothing when any part is invalid', async () => {
    const db = await freshDb();
    const bad = { ...input, office: { ...input.office, districtCode: '1726262' } };
    await expect(completeFirstRun(db, bad, INSTALLATION)).rejects.toMatchObject({ code: 'invalid' });
    const duplicate = { ...input, mahallas: [...input.mahallas, { uzLatn: "Navro'z MFY", uzCyrl: 'Наврўз', ru: 'Навруз' }] };
    await expect(completeFirstRun(db, duplicate, INSTALLATION)).rejects.toMatchObject({ code: 'duplicate' });
    expect(await db.users.count()).toBe(0);
    expect(await getOfficeProfile(db)).toBeUndefined();
    const weak = { ...input, repeatPassword: 'oltinkol-2027' };
    await expect(completeFirstRun(db, weak, INSTALLATION)).rejects.toMatchObject({ code: 'passwordRules', message: 'mismatch' });
    expect(await db.users.count()).toBe(0);
  });

  it('cannot run twice', async () => {
    const db = await freshDb();
    await completeFirstRun(db, input, INSTALLATION);
    await expect(completeFirstRun(db, input, INSTALLATION)).rejects.toMatchObject({ code: 'setupDone' });
    expect(await db.users.count()).toBe(1);
  });
});

describe('mahallas', () => {
  it('refuses a second spelling of an existing mahalla, renames with a new revision and deletes to a tombstone', async () => {
    const db = await freshDb();
    const { administrator } = await completeFirstRun(db, input, INSTALLATION);
    expect(db.session).toEqual({ userId: administrator.id, installationId: INSTALLATION, roles: ['administrator', 'supervisor'], mahallaIds: [] });
    db.clock = () => new Date('2026-11-24T08:00:00Z');
    await expect(addMahallas(db, [{ uzLatn: 'Navroz', uzCyrl: 'Наврўз', ru: 'Навруз' }])).rejects.toMatchObject({ code: 'duplicate' });
    const [tinchlik] = (await listMahallas(db)).filter((m) => m.name.uzLatn === 'Tinchlik');
    const renamed = await renameMahalla(db, tinchlik!.id, { uzLatn: 'Tinchlik-2', uzCyrl: 'Тинчлик-2', ru: 'Тинчлик-2' });
    expect(renamed).toMatchObject({ rev: 2, updatedAt: '2026-11-24T08:00:00.000Z', createdAt: '2026-11-23T08:00:00.000Z' });
    await deleteMahalla(db, tinchlik!.id);
    expect((await listMahallas(db)).map((m) => m.name.uzLatn)).toEqual(['Navroʻz']);
    expect(await db.mahallas.get(tinchlik!.id)).toMatchObject({ deletedAt: '2026-11-24T08:00:00.000Z', rev: 3 });
    await expect(addMahallas(db, [{ uzLatn: 'Tinchlik-2', uzCyrl: 'Тинчлик-2', ru: 'Тинчлик-2' }])).resolves.toHaveLength(1);
  });
});
