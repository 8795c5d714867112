import type { HamkorlikDb } from '../db';
import { canOnCase } from '../../domain/access';
import type { FamilyCase } from '../../domain/familyCase';
import type { Mahalla } from '../../domain/mahalla';
import type { Membership, Person } from '../../domain/person';
import type { FamilyPlan } from '../../domain/plan';
import { requireOffice } from './guard';

/** A case on a task sheet: its current plan and what names the family. */
export interface TaskSheetCaseRecords {
  kase: FamilyCase;
  plan: FamilyPlan;
  members: { membership: Membership; person: Person }[];
  mahalla: Mahalla | undefined;
}

/**
 * What a team member's task sheet reads: every open case the user may read whose current plan gives
 * the specialist an open action, with the case's members and mahalla to name the family. Plans are
 * few per case and cases a few hundred per office, so one pass over the plans is enough.
 */
export async function taskSheetCases(db: HamkorlikDb, specialistId: string): Promise<TaskSheetCaseRecords[]> {
  const actor = requireOffice(db, 'listCases');
  return db.transaction('r', [db.plans, db.cases, db.memberships, db.persons, db.mahallas], async () => {
    const current = new Map<string, FamilyPlan>();
    await db.plans.each((plan) => {
      if (plan.deletedAt !== null) return;
      const known = current.get(plan.caseId);
      if (!known || plan.revision > known.revision) current.set(plan.caseId, plan);
    });
    const plans = [...current.values()].filter((plan) =>
      plan.actions.some((action) => action.responsible.kind === 'specialist' && action.responsible.specialistId === specialistId && (action.status === 'planned' || action.status === 'inProgress')),
    );
    const cases = (await db.cases.bulkGet(plans.map((plan) => plan.caseId))).filter(
      (kase): kase is FamilyCase => !!kase && kase.deletedAt === null && !kase.purgedAt && kase.stage !== 'closed' && canOnCase(actor, 'read', kase),
    );
    const mahallas = new Map((await db.mahallas.bulkGet([...new Set(cases.map((kase) => kase.address.mahallaId))])).filter((m) => !!m).map((m) => [m!.id, m!]));
    return Promise.all(
      cases.map(async (kase) => {
        const memberships = await db.memberships.where('caseId').equals(kase.id).filter((m) => m.deletedAt === null).toArray();
        const persons = new Map((await db.persons.bulkGet(memberships.map((m) => m.personId))).filter((p) => !!p).map((p) => [p!.id, p!]));
        return {
          kase,
          plan: current.get(kase.id)!,
          members: memberships.flatMap((membership) => {
            const person = persons.get(membership.personId);
            return person ? [{ membership, person }] : [];
          }),
          mahalla: mahallas.get(kase.address.mahallaId),
        };
      }),
    );
  });
}
