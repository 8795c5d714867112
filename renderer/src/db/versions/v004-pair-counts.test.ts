import { describe, expect, it } from 'vitest';
import { HamkorlikDb } from '../db';
import { fullAccessSession } from '../repositories/accounts';
import { queryCases } from '../repositories/caseQueries';
import { memoryDexieOptions } from '../testing';
import { GENERATOR_TODAY } from '../../devtools/generator';
import { demoOffice } from '../../devtools/demoOffice';
import { loadRecordSet } from '../bulkLoad';
import { SCHEMA_VERSIONS } from '.';

describe('v004: pair counters', () => {
  it('upgrades a v003 database: every two-filter total comes from a counter and equals a count of the cases', async () => {
    const options = memoryDexieOptions();
    const { set, userId, installationId } = demoOffice({ families: 300, seed: 11 });
    const old = new HamkorlikDb('upgrade', options, SCHEMA_VERSIONS.slice(0, 3));
    old.session = fullAccessSession(userId, installationId);
    await loadRecordSet(old, set, GENERATOR_TODAY);
    // A database written by v003's code had no pair counters.
    await old.caseStats.where('key').startsWith('~pair:').delete();
    expect(await old.caseStats.where('key').startsWith('~pair:').count()).toBe(0);
    old.close();

    const db = new HamkorlikDb('upgrade', options, SCHEMA_VERSIONS.slice(0, 4));
    await db.open();
    db.session = fullAccessSession(userId, installationId);
    const live = (await db.cases.toArray()).filter((kase) => kase.deletedAt === null);
    const sort = { field: 'updatedAt' as const, direction: 'desc' as const };
    const stages = [...new Set(live.map((kase) => kase.stage))];
    const mahallas = [...new Set(live.map((kase) => kase.address.mahallaId))].slice(0, 3);
    for (const stage of stages) {
      for (const riskLevel of ['R1', 'R2', 'R3'] as const) {
        const expected = live.filter((kase) => kase.stage === stage && kase.riskLevel === riskLevel);
        const page = await queryCases(db, { stage, riskLevel }, sort, 0, 10);
        expect(page.total, `${stage} ${riskLevel}`).toBe(expected.length);
        expect(page.rows.map((kase) => kase.id)).toEqual([...expected].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, 10).map((kase) => kase.id));
      }
      for (const mahallaId of mahallas) {
        const code = live.find((kase) => kase.vulnerability.length)!.vulnerability[0]!;
        const expected = live.filter((kase) => kase.stage === stage && kase.address.mahallaId === mahallaId && kase.vulnerability.includes(code));
        // Three filters take the slower path; its total must agree too.
        expect((await queryCases(db, { stage, mahallaId, vulnerability: code }, sort, 0, 10)).total).toBe(expected.length);
        const two = live.filter((kase) => kase.address.mahallaId === mahallaId && kase.vulnerability.includes(code));
        expect((await queryCases(db, { mahallaId, vulnerability: code }, sort, 0, 10)).total).toBe(two.length);
      }
    }
  });
});
