import { describe, expect, it } from 'vitest';
import { HamkorlikDb } from '../db';
import { fullAccessSession } from '../repositories/accounts';
import { overdueCases } from '../repositories/monitorings';
import { memoryDexieOptions } from '../testing';
import { GENERATOR_TODAY } from '../../devtools/generator';
import { demoOffice } from '../../devtools/demoOffice';
import { addMonths } from '../../domain/monitoring';
import { loadRecordSet } from '../bulkLoad';
import { SCHEMA_VERSIONS } from '.';

describe('v006: the case work', () => {
  it("upgrades a v005 office: every open case with a signed agreement gets its first monitoring's due date, indexed; others none", async () => {
    const options = memoryDexieOptions();
    const { set, userId, installationId } = demoOffice({ families: 200, seed: 5 });
    const old = new HamkorlikDb('upgrade', options, SCHEMA_VERSIONS.slice(0, 5));
    old.session = fullAccessSession(userId, installationId);
    await loadRecordSet(old, set, GENERATOR_TODAY);
    old.close();

    const db = new HamkorlikDb('upgrade', options, SCHEMA_VERSIONS.slice(0, 6));
    await db.open();
    expect(db.verno).toBe(6);
    db.session = fullAccessSession(userId, installationId);
    const cases = await db.cases.toArray();
    const active = cases.filter((kase) => kase.agreement && kase.stage !== 'closed' && !kase.deletedAt);
    expect(active.length).toBeGreaterThan(10);
    // The others are left as they were: no due date (the field absent).
    for (const kase of cases) expect(kase.monitoringDue ?? null, kase.caseNumber).toBe(active.includes(kase) ? addMonths(kase.agreement!.signedDate, 1) : null);
    // Nothing was monitored before v006, so every active case signed more than a month ago is overdue.
    const overdue = await overdueCases(db, GENERATOR_TODAY);
    expect(overdue.map((kase) => kase.id).sort()).toEqual(active.filter((kase) => addMonths(kase.agreement!.signedDate, 1) < GENERATOR_TODAY).map((kase) => kase.id).sort());
    for (const table of ['assessments', 'plans', 'planRevisions', 'services', 'monitorings', 'conferences', 'placements'] as const) expect(await db[table].count(), table).toBe(0);
  });
});
