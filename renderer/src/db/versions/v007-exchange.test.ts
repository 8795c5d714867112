import { describe, expect, it } from 'vitest';
import { HamkorlikDb } from '../db';
import { fullAccessSession } from '../repositories/accounts';
import { memoryDexieOptions } from '../testing';
import { GENERATOR_TODAY } from '../../devtools/generator';
import { demoOffice } from '../../devtools/demoOffice';
import { loadRecordSet } from '../bulkLoad';
import { SCHEMA_VERSIONS } from '.';

describe('v007: exchange bases and the exchange log', () => {
  it('upgrades a v006 office: its cases stay as they were, none in the new transferred-cases index; the two new tables are empty and writable', async () => {
    const options = memoryDexieOptions();
    const { set, userId, installationId } = demoOffice({ families: 20, seed: 7 });
    const old = new HamkorlikDb('upgrade', options, SCHEMA_VERSIONS.slice(0, 6));
    old.session = fullAccessSession(userId, installationId);
    await loadRecordSet(old, set, GENERATOR_TODAY);
    const casesBefore = await old.cases.toArray();
    old.close();

    const db = new HamkorlikDb('upgrade', options, SCHEMA_VERSIONS.slice(0, 7));
    await db.open();
    expect(db.verno).toBe(7);
    db.session = fullAccessSession(userId, installationId);
    expect(await db.cases.toArray()).toEqual(casesBefore);
    expect(await db.exchangeBases.count()).toBe(0);
    // The new index holds only cases transferred away: none yet.
    expect(await db.cases.where('custody.transferredOut.transferId').above('').count()).toBe(0);
    const kase = casesBefore[0]!;
    await db.cases.put({ ...kase, custody: { ...kase.custody, transferredOut: { transferId: 't1', at: '2026-06-01T00:00:00.000Z', to: null, receivedAt: null } } });
    expect(await db.cases.where('custody.transferredOut.transferId').equals('t1').primaryKeys()).toEqual([kase.id]);
    expect(await db.exchangeLog.count()).toBe(0);
    const peer = { districtCode: '1703', officeName: { uzLatn: 'a', uzCyrl: 'а', ru: 'а' }, installationId: 'x' };
    await db.exchangeBases.put({ key: 'cases:c1', table: 'cases', recordId: 'c1', record: { id: 'c1' }, peer, at: '2026-06-01T00:00:00.000Z', direction: 'sent' });
    expect(await db.exchangeBases.where('[table+recordId]').equals(['cases', 'c1']).count()).toBe(1);
  });
});
