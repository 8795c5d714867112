import type { HamkorlikDb } from '../db';
import type { Assessment } from '../../domain/assessment';
import { canOnCase } from '../../domain/access';
import { addDays, type IsoDate } from '../../domain/dates';
import type { FamilyCase } from '../../domain/familyCase';
import { requireOffice } from './guard';
import { overdueCases } from './monitorings';

export interface MyWork {
  /** The user's cases whose monitoring or a plan action is overdue. */
  overdue: FamilyCase[];
  /** The user's cases whose monitoring is due within the week. */
  dueThisWeek: FamilyCase[];
  /** Completed assessments waiting for this supervisor's approval (none of their own). */
  awaitingApproval: (Assessment & { caseNumber: string })[];
}

/** What the logged-in user has to do: the My work page and the badge in the navigation. */
export async function myWork(db: HamkorlikDb, today: IsoDate): Promise<MyWork> {
  const actor = requireOffice(db, 'listCases');
  const mine = (kase: FamilyCase) => kase.caseManagerId === actor.userId;
  const [overdue, upcoming] = await Promise.all([
    overdueCases(db, today),
    db.cases.where('monitoringDue').between(today, addDays(today, 7), true, true).toArray(),
  ]);
  let awaitingApproval: MyWork['awaitingApproval'] = [];
  if (actor.roles.includes('supervisor')) {
    const completed = await db.assessments.where('status').equals('completed').filter((a) => a.deletedAt === null && a.createdBy !== actor.userId).toArray();
    const cases = new Map((await db.cases.bulkGet(completed.map((a) => a.caseId))).filter((k): k is FamilyCase => !!k && !k.deletedAt && canOnCase(actor, 'read', k)).map((k) => [k.id, k]));
    awaitingApproval = completed.filter((a) => cases.has(a.caseId)).map((a) => ({ ...a, caseNumber: cases.get(a.caseId)!.caseNumber }));
  }
  const overdueIds = new Set(overdue.map((kase) => kase.id));
  return {
    overdue: overdue.filter(mine),
    dueThisWeek: upcoming.filter((kase) => mine(kase) && !kase.deletedAt && kase.stage !== 'closed' && !overdueIds.has(kase.id)).sort((a, b) => String(a.monitoringDue).localeCompare(String(b.monitoringDue))),
    awaitingApproval,
  };
}
