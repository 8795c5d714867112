import Dexie from 'dexie';
import type { HamkorlikDb } from '../db';
import { canOnCase } from '../../domain/access';
import { addDays, toIsoDate, type IsoDate } from '../../domain/dates';
import { custodyLeft, type FamilyCase } from '../../domain/familyCase';
import { requireOffice } from './guard';

export interface AwaitingApproval {
  kind: 'assessment' | 'plan';
  id: string;
  caseId: string;
  caseNumber: string;
  /** The assessment's version or the plan's revision. */
  number: number;
  date: IsoDate;
}

export interface MyWork {
  /** The user's cases whose monitoring or a plan action is overdue. */
  overdue: FamilyCase[];
  /** The user's cases whose monitoring or a plan action is due within the week. */
  dueThisWeek: FamilyCase[];
  /** Completed assessments and plans waiting for this supervisor's approval (none of their own). */
  awaitingApproval: AwaitingApproval[];
}

/** What the logged-in user has to do: the My work page and the badge in the navigation. */
export async function myWork(db: HamkorlikDb, today: IsoDate): Promise<MyWork> {
  const actor = requireOffice(db, 'listCases');
  // The user's own cases through their index (a case manager has tens or hundreds), not every overdue case of the office.
  const mine = (
    await db.cases
      .where('[caseManagerId+updatedAt]')
      .between([actor.userId, Dexie.minKey], [actor.userId, Dexie.maxKey])
      .filter((kase) => kase.deletedAt === null && !custodyLeft(kase) && kase.stage !== 'closed')
      .toArray()
  ).filter((kase) => canOnCase(actor, 'read', kase));
  const late = (due: IsoDate | null | undefined) => !!due && due < today;
  const overdue = mine.filter((kase) => late(kase.monitoringDue) || late(kase.actionsDue)).sort((a, b) => String(a.monitoringDue ?? a.actionsDue).localeCompare(String(b.monitoringDue ?? b.actionsDue)));
  const weekEnd = addDays(today, 7);
  const thisWeek = (due: IsoDate | null | undefined) => !!due && due >= today && due <= weekEnd;
  const firstDue = (kase: FamilyCase) => [kase.monitoringDue, kase.actionsDue].filter(thisWeek).sort()[0];
  let awaitingApproval: MyWork['awaitingApproval'] = [];
  if (actor.roles.includes('supervisor')) {
    const [assessments, plans] = await Promise.all([
      db.assessments.where('status').equals('completed').filter((a) => a.deletedAt === null && a.createdBy !== actor.userId).toArray(),
      db.plans.where('status').equals('completed').filter((p) => p.deletedAt === null && p.createdBy !== actor.userId).toArray(),
    ]);
    const caseIds = [...new Set([...assessments, ...plans].map((record) => record.caseId))];
    const cases = new Map((await db.cases.bulkGet(caseIds)).filter((k): k is FamilyCase => !!k && !k.deletedAt && canOnCase(actor, 'read', k)).map((k) => [k.id, k]));
    awaitingApproval = [
      ...assessments.map((a) => ({ kind: 'assessment' as const, id: a.id, caseId: a.caseId, number: a.version, date: a.date })),
      ...plans.map((p) => ({ kind: 'plan' as const, id: p.id, caseId: p.caseId, number: p.revision, date: toIsoDate(new Date(p.updatedAt)) })),
    ]
      .filter((item) => cases.has(item.caseId))
      .map((item) => ({ ...item, caseNumber: cases.get(item.caseId)!.caseNumber }));
  }
  const overdueIds = new Set(overdue.map((kase) => kase.id));
  return {
    overdue,
    dueThisWeek: mine
      .filter((kase) => !overdueIds.has(kase.id) && (thisWeek(kase.monitoringDue) || thisWeek(kase.actionsDue)))
      .sort((a, b) => String(firstDue(a)).localeCompare(String(firstDue(b)))),
    awaitingApproval,
  };
}
