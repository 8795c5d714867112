import Dexie from 'dexie';
import type { HamkorlikDb } from '../db';
import type { Assessment } from '../../domain/assessment';
import { canOnCase } from '../../domain/access';
import { addDays, type IsoDate } from '../../domain/dates';
import type { FamilyCase } from '../../domain/familyCase';
import { requireOffice } from './guard';

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
  // The user's own cases through their index (a case manager has tens or hundreds), not every overdue case of the office.
  const mine = (
    await db.cases
      .where('[caseManagerId+updatedAt]')
      .between([actor.userId, Dexie.minKey], [actor.userId, Dexie.maxKey])
      .filter((kase) => kase.deletedAt === null && kase.stage !== 'closed')
      .toArray()
  ).filter((kase) => canOnCase(actor, 'read', kase));
  const late = (due: IsoDate | null | undefined) => !!due && due < today;
  const overdue = mine.filter((kase) => late(kase.monitoringDue) || late(kase.actionsDue)).sort((a, b) => String(a.monitoringDue ?? a.actionsDue).localeCompare(String(b.monitoringDue ?? b.actionsDue)));
  const weekEnd = addDays(today, 7);
  let awaitingApproval: MyWork['awaitingApproval'] = [];
  if (actor.roles.includes('supervisor')) {
    const completed = await db.assessments.where('status').equals('completed').filter((a) => a.deletedAt === null && a.createdBy !== actor.userId).toArray();
    const cases = new Map((await db.cases.bulkGet(completed.map((a) => a.caseId))).filter((k): k is FamilyCase => !!k && !k.deletedAt && canOnCase(actor, 'read', k)).map((k) => [k.id, k]));
    awaitingApproval = completed.filter((a) => cases.has(a.caseId)).map((a) => ({ ...a, caseNumber: cases.get(a.caseId)!.caseNumber }));
  }
  const overdueIds = new Set(overdue.map((kase) => kase.id));
  return {
    overdue,
    dueThisWeek: mine
      .filter((kase) => !overdueIds.has(kase.id) && !!kase.monitoringDue && kase.monitoringDue >= today && kase.monitoringDue <= weekEnd)
      .sort((a, b) => String(a.monitoringDue).localeCompare(String(b.monitoringDue))),
    awaitingApproval,
  };
}
