import { beforeEach, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../domain/dates';
import type { FamilyPlan } from '../../domain/plan';
import { HamkorlikDb } from '../db';
import { memoryDexieOptions, NO_PERSON_DETAILS } from '../testing';
import { createCase } from './cases';
import { taskSheetCases } from './taskSheets';

const INSTALLATION = '5d1c8a4e-8d1b-4c55-9a55-0c3f1e2d3b4a';
const SUPERVISOR = { userId: 'sup-1', installationId: INSTALLATION, roles: ['supervisor' as const], mahallaIds: [] };
let db: HamkorlikDb;

beforeEach(async () => {
  db = new HamkorlikDb('task-sheets', memoryDexieOptions());
  let tick = 0;
  db.clock = () => new Date(Date.UTC(2026, 10, 23, 8, 0, tick++));
  await db.open();
  db.session = { ...SUPERVISOR, roles: [...SUPERVISOR.roles] };
});

const person = (latn: string, cyrl: string, birthDate: string) => ({
  surname: { latn, cyrl, typed: 'latn' as const },
  firstName: { latn: 'Ali', cyrl: 'Али', typed: 'latn' as const },
  patronymic: null,
  sex: 'male' as const,
  birthDate,
  ...NO_PERSON_DETAILS,
});

async function newCase(caseManagerId: string, mahallaId: string) {
  return createCase(
    db,
    {
      address: { regionCode: '1727', districtCode: '1727259', mahallaId, street: 'Navoiy', house: '1', apartment: '' },
      phones: [],
      referral: { source: 'school', who: 'school', date: '2026-11-01', reason: 'absent' },
      vulnerability: ['EDU_ABSENTEEISM'],
      riskLevel: 'R2',
      consent: { date: '2026-11-02', takenBy: 'K', paperLocation: 'F' },
      caseManagerId,
    },
    [{ relation: 'head', person: person('Karimov', 'Каримов', '1980-01-01') }],
    '1727259',
  );
}

/** A plan revision stored as the plan repository stores it (its rules are tested there). */
async function storePlan(caseId: string, revision: number, specialistId: string, status: FamilyPlan['actions'][number]['status'] = 'planned') {
  const meta = { installationId: INSTALLATION, createdAt: '', createdBy: 'sup-1', updatedAt: '', updatedBy: 'sup-1', rev: 1, deletedAt: null };
  await db.plans.add({
    ...meta,
    id: `${caseId}-${revision}`,
    caseId,
    revision,
    status: 'approved',
    goals: [{ id: 'g', text: 'goal', domains: ['education'], personId: null }],
    actions: [{ id: `a${revision}`, goalId: 'g', description: `action ${revision}`, responsible: { kind: 'specialist', specialistId }, deadline: '2026-12-01' as IsoDate, status, droppedReason: '' }],
    participants: [],
    approval: null,
  });
}

describe("a team member's task sheet", () => {
  it("reads the current plan of each open case the user reads that gives the specialist an open action", async () => {
    const mine = await newCase('cm-1', 'm1');
    const other = await newCase('cm-2', 'm2');
    const closed = await newCase('cm-1', 'm1');
    const earlier = await newCase('cm-1', 'm1');
    await storePlan(mine.id, 1, 'sp-1');
    await storePlan(other.id, 1, 'sp-1');
    await storePlan(closed.id, 1, 'sp-1');
    // Revision 1 gave the inspector an action; revision 2 took it off: the sheet follows revision 2.
    await storePlan(earlier.id, 1, 'sp-1');
    await storePlan(earlier.id, 2, 'sp-2');
    await db.cases.update(closed.id, { stage: 'closed' }); // as a closure leaves it (the stage rules are tested with the cases)
    expect((await taskSheetCases(db, 'sp-1')).map((entry) => entry.kase.id).sort()).toEqual([mine.id, other.id].sort());
    expect((await taskSheetCases(db, 'sp-2')).map((entry) => [entry.kase.id, entry.plan.revision])).toEqual([[earlier.id, 2]]);
    const [entry] = await taskSheetCases(db, 'sp-2');
    expect(entry!.members.map((m) => m.person.surname.latn)).toEqual(['Karimov']);

    db.session = { userId: 'cm-1', installationId: INSTALLATION, roles: ['caseManager'], mahallaIds: ['m1'] };
    expect((await taskSheetCases(db, 'sp-1')).map((e) => e.kase.id)).toEqual([mine.id]);
    db.session = { userId: 'v', installationId: INSTALLATION, roles: ['viewer'], mahallaIds: [] };
    await expect(taskSheetCases(db, 'sp-1')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('leaves out a case whose actions for the specialist are all done', async () => {
    const kase = await newCase('cm-1', 'm1');
    await storePlan(kase.id, 1, 'sp-1', 'done');
    expect(await taskSheetCases(db, 'sp-1')).toEqual([]);
  });
});
