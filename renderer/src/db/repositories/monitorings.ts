import type { HamkorlikDb } from '../db';
import type { MonitoringRecord } from '../../domain/caseWork';
import { formatDate, isIsoDate, toIsoDate, type IsoDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import type { FamilyCase } from '../../domain/familyCase';
import { monitoringStatus, type MonitoringStatus } from '../../domain/monitoring';
import { newRecordMeta, touched } from '../../domain/record';
import { caseStep, historyEntry } from './cases';
import { currentPlan, recordActionProgress, savePlan } from './plans';
import { requireCase, requireOffice } from './guard';
import { listed, transferredCaseIds } from './listed';
import { canOnCase, readsAllCases } from '../../domain/access';

/** Monthly monitorings of a case, and the overdue cases the list and My work show. */

export async function listMonitorings(db: HamkorlikDb, caseId: string): Promise<MonitoringRecord[]> {
  return db.transaction('r', [db.cases, db.monitorings], async () => {
    const kase = await db.cases.get(caseId);
    if (!kase || kase.deletedAt) throw new DomainError('notFound', caseId);
    requireCase(db, 'read', kase);
    return db.monitorings.where('[caseId+date]').between([caseId, ''], [caseId, '\uffff']).filter((m) => m.deletedAt === null).toArray();
  });
}

/** Where the case stands with its monthly monitorings today (null before the agreement or once closed). */
export async function caseMonitoringStatus(db: HamkorlikDb, kase: FamilyCase, today: IsoDate): Promise<MonitoringStatus | null> {
  if (!kase.agreement || kase.stage === 'closed') return null;
  const records = await db.monitorings.where('[caseId+date]').between([kase.id, ''], [kase.id, '\uffff']).filter((m) => m.deletedAt === null).toArray();
  return monitoringStatus(kase.agreement.signedDate, records.map((m) => m.date), today);
}

export type MonitoringInput = Pick<MonitoringRecord, 'date' | 'actionReviews' | 'changes'> & {
  /** Reasons for dropping actions the review drops, by action id. */
  droppedReasons?: Record<string, string>;
  /** When the monitoring revises the plan: why. A new draft revision starts from the plan in force. */
  revisePlan?: string;
};

/**
 * Enters the month's monitoring of an active case and moves the case's next due date on, in one
 * transaction. A monitoring is dated between the agreement and today. It reviews the plan's
 * actions (their statuses are recorded on the plan) and may start a revision of the plan.
 */
export async function addMonitoring(db: HamkorlikDb, caseId: string, input: MonitoringInput): Promise<MonitoringRecord> {
  const context = db.writeContext();
  const today = toIsoDate(context.now);
  if (!isIsoDate(input.date) || input.date > today) throw new DomainError('invalid', 'date');
  if (!input.changes.trim() && input.actionReviews.length === 0) throw new DomainError('invalid', 'changes:required');
  if (input.revisePlan !== undefined && !input.revisePlan.trim()) throw new DomainError('invalid', 'reason:required');
  return db.transaction('rw', [db.cases, db.monitorings, db.caseHistory, db.plans, db.planRevisions, db.memberships, db.specialists], async () => {
    const kase = await db.cases.get(caseId);
    if (!kase || kase.deletedAt) throw new DomainError('notFound', caseId);
    requireCase(db, 'change', kase);
    if (!kase.agreement || kase.stage === 'closed') throw new DomainError('stageRefused', 'agreementNotSigned');
    if (input.date < kase.agreement.signedDate) throw new DomainError('invalid', 'dateBeforeAgreement');
    const reviews = input.actionReviews.map((review) => ({ ...review, note: review.note.trim() }));
    const when = `${formatDate(input.date)}: ${input.changes.trim()}`;
    await recordActionProgress(
      db,
      caseId,
      reviews.map((review) => ({ actionId: review.actionId, status: review.status, droppedReason: input.droppedReasons?.[review.actionId] ?? review.note })),
      when,
    );
    let planRevision: number | null = null;
    if (input.revisePlan !== undefined) {
      const plan = await currentPlan(db, caseId);
      if (!plan) throw new DomainError('invalid', 'plan:none');
      const revised = await savePlan(db, caseId, { goals: plan.goals, actions: plan.actions, participants: plan.participants }, input.revisePlan);
      planRevision = revised.revision;
    }
    const record: MonitoringRecord = { ...newRecordMeta(context), caseId, date: input.date, actionReviews: reviews, changes: input.changes.trim(), planRevision };
    await db.monitorings.add(record);
    const fresh = (await db.cases.get(caseId))!;
    const status = await caseMonitoringStatus(db, fresh, today);
    // Help delivered and now checked monthly: the case is at the monitoring stage.
    const stage = fresh.stage === 'implementation' ? 'monitoring' : fresh.stage;
    await db.cases.put(touched(fresh, { monitoringDue: status?.next ?? null, stage }, context));
    await db.caseHistory.add(caseStep(context, fresh, 'monitoring', record.changes));
    if (stage !== fresh.stage) await db.caseHistory.add(historyEntry(context, caseId, { kind: 'advance', from: fresh.stage, to: stage, reason: record.changes }));
    return record;
  });
}

/**
 * Cases whose monthly monitoring or a plan action is overdue today, read through the two due-date
 * indexes (not a pass over every case), limited to the cases the user may read.
 */
export async function overdueCases(db: HamkorlikDb, today: IsoDate): Promise<FamilyCase[]> {
  const actor = requireOffice(db, 'listCases');
  const [monitoring, actions] = await Promise.all([db.cases.where('monitoringDue').below(today).toArray(), db.cases.where('actionsDue').below(today).toArray()]);
  // A case transferred away is monitored by the office that holds it now.
  const byId = new Map([...monitoring, ...actions].filter((kase) => listed(kase) && kase.stage !== 'closed').map((kase) => [kase.id, kase]));
  const visible = readsAllCases(actor) ? [...byId.values()] : [...byId.values()].filter((kase) => canOnCase(actor, 'read', kase));
  return visible.sort((a, b) => String(a.monitoringDue ?? a.actionsDue).localeCompare(String(b.monitoringDue ?? b.actionsDue)));
}

/**
 * How many cases are overdue today, for the list's filter: keys only from the two due-date indexes
 * for users who read every case (a regional office has tens of thousands of active cases), the
 * scoped list for the others. Closing a case clears its due dates; deleted ones are taken out.
 */
export async function overdueCount(db: HamkorlikDb, today: IsoDate): Promise<number> {
  const actor = requireOffice(db, 'listCases');
  if (!readsAllCases(actor)) return (await overdueCases(db, today)).length;
  const [monitoring, actions, deleted, transferred] = await Promise.all([
    db.cases.where('monitoringDue').below(today).primaryKeys(),
    db.cases.where('actionsDue').below(today).primaryKeys(),
    db.cases.where('deletedAt').above('').primaryKeys(),
    transferredCaseIds(db),
  ]);
  const gone = new Set([...deleted, ...transferred]);
  return new Set([...monitoring, ...actions].filter((id) => !gone.has(id))).size;
}
