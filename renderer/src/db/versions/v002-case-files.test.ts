import { describe, expect, it } from 'vitest';
import { HamkorlikDb } from '../db';
import { memoryDexieOptions } from '../testing';
import { SCHEMA_VERSIONS } from '.';

describe('v002: case files', () => {
  it('upgrades a v001 database: the office data stays, the case tables arrive empty and audited', async () => {
    const options = memoryDexieOptions();
    const old = new HamkorlikDb('upgrade', options, SCHEMA_VERSIONS.slice(0, 1));
    await old.settings.put({ key: 'setupCompletedAt', value: '2026-01-01T00:00:00.000Z' });
    await old.mahallas.put({ id: 'm1', name: { uzLatn: 'Navroʻz', uzCyrl: 'Наврўз', ru: 'Навруз' } } as never);
    old.close();

    const db = new HamkorlikDb('upgrade', options, SCHEMA_VERSIONS.slice(0, 2));
    await db.open();
    expect(db.verno).toBe(2);
    expect((await db.settings.get('setupCompletedAt'))?.value).toBe('2026-01-01T00:00:00.000Z');
    expect(await db.mahallas.get('m1')).toMatchObject({ name: { uzLatn: 'Navroʻz' } });
    expect(await db.cases.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);

    db.session = { userId: 'u1', installationId: 'i1', roles: ['administrator', 'supervisor'], mahallaIds: [] };
    await db.settings.put({ key: 'someSetting', value: 'u1' });
    expect(await db.audit.where('[table+recordId]').equals(['settings', 'someSetting']).count()).toBe(1);
  });

  it('indexes cases by the fields the case list filters on', async () => {
    const db = new HamkorlikDb('indexes', memoryDexieOptions(), SCHEMA_VERSIONS.slice(0, 2));
    await db.open();
    const indexes = db.cases.schema.indexes.map((index) => index.name).sort();
    expect(indexes).toEqual([
      '[address.mahallaId+updatedAt]',
      '[caseManagerId+updatedAt]',
      '[riskLevel+updatedAt]',
      '[stage+updatedAt]',
      'address.mahallaId',
      'caseManagerId',
      'caseNumber',
      'deletedAt',
      'riskLevel',
      'searchKeys',
      'sortName',
      'stage',
      'updatedAt',
      'vulnerability',
    ]);
    expect(db.cases.schema.indexes.find((index) => index.name === 'searchKeys')?.multi).toBe(true);
  });
});
