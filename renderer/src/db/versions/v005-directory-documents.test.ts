import { describe, expect, it } from 'vitest';
import { HamkorlikDb } from '../db';
import { memoryDexieOptions } from '../testing';
import { SCHEMA_VERSIONS } from '.';

const meta = { installationId: 'i1', createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'a1', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'a1', rev: 1, deletedAt: null };

describe('v005: the directory and the document register', () => {
  it("upgrades a set-up v004 office: the default agencies appear, written as the office's first administrator; cases and settings stay", async () => {
    const options = memoryDexieOptions();
    const old = new HamkorlikDb('upgrade', options, SCHEMA_VERSIONS.slice(0, 4));
    old.session = { userId: 'a1', installationId: 'i1', roles: ['administrator', 'supervisor'], mahallaIds: [] };
    await old.officeProfile.put({ id: 'office', ...meta, regionCode: '1703', districtCode: '1703209' } as never);
    await old.settings.put({ key: 'idleLockMinutes', value: 15 });
    await old.mahallas.put({ id: 'm1', ...meta, name: { uzLatn: 'Navroʻz', uzCyrl: 'Наврўз', ru: 'Навруз' } });
    old.close();

    const db = new HamkorlikDb('upgrade', options, SCHEMA_VERSIONS.slice(0, 5));
    await db.open();
    expect(db.verno).toBe(5);
    db.session = { userId: 'a1', installationId: 'i1', roles: ['administrator', 'supervisor'], mahallaIds: [] };
    const agencies = await db.agencies.toArray();
    expect(agencies).toHaveLength(9);
    expect(agencies.every((agency) => agency.createdBy === 'a1' && agency.installationId === 'i1' && agency.deletedAt === null && agency.name.uzCyrl !== '')).toBe(true);
    expect((await db.settings.get('idleLockMinutes'))?.value).toBe(15);
    expect(await db.mahallas.count()).toBe(1);
    for (const table of ['specialists', 'teams', 'workingGroup', 'documents', 'documentFiles', 'documentTexts'] as const) expect(await db[table].count(), table).toBe(0);
  });

  it('a v004 database not yet set up gets no agencies: setup seeds them', async () => {
    const options = memoryDexieOptions();
    const old = new HamkorlikDb('fresh', options, SCHEMA_VERSIONS.slice(0, 4));
    await old.open();
    old.close();
    const db = new HamkorlikDb('fresh', options, SCHEMA_VERSIONS.slice(0, 5));
    await db.open();
    db.session = { userId: 'a1', installationId: 'i1', roles: ['administrator'], mahallaIds: [] };
    expect(await db.agencies.count()).toBe(0);
  });
});
