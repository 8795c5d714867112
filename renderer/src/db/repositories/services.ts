import type { HamkorlikDb } from '../db';
import { SUPPORT_KINDS, type ServiceRecord } from '../../domain/caseWork';
import { isIsoDate, toIsoDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { newRecordMeta } from '../../domain/record';
import { caseStep } from './cases';
import { requireCase } from './guard';
import { recordActionProgress } from './plans';

/** The implementation log: services delivered to the family, each linked to the plan action it carries out. */

export async function listServices(db: HamkorlikDb, caseId: string): Promise<ServiceRecord[]> {
  return db.transaction('r', [db.cases, db.services], async () => {
    const kase = await db.cases.get(caseId);
    if (!kase || kase.deletedAt) throw new DomainError('notFound', caseId);
    requireCase(db, 'read', kase);
    const all = await db.services.where('caseId').equals(caseId).filter((s) => s.deletedAt === null).toArray();
    return all.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
  });
}

export type ServiceInput = Pick<ServiceRecord, 'actionId' | 'date' | 'kind' | 'deliveredBy' | 'description' | 'recipients' | 'result'> & {
  /** The linked action is done with this service. */
  completesAction?: boolean;
};

/**
 * Records a service delivered after the agreement, up to today, by a specialist of the directory
 * (or the case manager), to members of the family. A service that completes its action marks it done.
 */
export async function addService(db: HamkorlikDb, caseId: string, input: ServiceInput): Promise<ServiceRecord> {
  const context = db.writeContext();
  if (!isIsoDate(input.date) || input.date > toIsoDate(context.now)) throw new DomainError('invalid', 'date');
  if (!SUPPORT_KINDS.includes(input.kind)) throw new DomainError('invalid', 'kind');
  if (!input.description.trim()) throw new DomainError('invalid', 'description:required');
  if (input.recipients.length === 0) throw new DomainError('invalid', 'recipients:required');
  return db.transaction('rw', [db.cases, db.services, db.plans, db.planRevisions, db.caseHistory, db.memberships, db.specialists], async () => {
    const kase = await db.cases.get(caseId);
    if (!kase || kase.deletedAt) throw new DomainError('notFound', caseId);
    requireCase(db, 'change', kase);
    if (!kase.agreement || kase.stage === 'closed') throw new DomainError('stageRefused', 'agreementNotSigned');
    if (input.date < kase.agreement.signedDate) throw new DomainError('invalid', 'dateBeforeAgreement');
    const members = new Set((await db.memberships.where('caseId').equals(caseId).filter((m) => m.deletedAt === null).toArray()).map((m) => m.personId));
    if (!input.recipients.every((id) => members.has(id))) throw new DomainError('invalid', 'recipients');
    if (input.deliveredBy) {
      const specialist = await db.specialists.get(input.deliveredBy);
      if (!specialist || specialist.deletedAt) throw new DomainError('invalid', 'deliveredBy');
    }
    if (input.actionId) {
      const plan = await db.plans.where('[caseId+revision]').between([caseId, 0], [caseId, Infinity]).filter((p) => p.deletedAt === null).last();
      if (!plan?.actions.some((action) => action.id === input.actionId)) throw new DomainError('invalid', 'actionId');
    }
    const record: ServiceRecord = {
      ...newRecordMeta(context),
      caseId,
      actionId: input.actionId,
      date: input.date,
      kind: input.kind,
      deliveredBy: input.deliveredBy,
      description: input.description.trim(),
      recipients: [...new Set(input.recipients)],
      result: input.result.trim(),
    };
    await db.services.add(record);
    await db.caseHistory.add(caseStep(context, kase, 'service', record.description));
    if (input.actionId && input.completesAction) await recordActionProgress(db, caseId, [{ actionId: input.actionId, status: 'done' }], record.description);
    return record;
  });
}
