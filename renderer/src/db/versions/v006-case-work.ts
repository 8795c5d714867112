import { addMonths } from '../../domain/monitoring';
import type { FamilyCase } from '../../domain/familyCase';
import type { SchemaVersion } from './types';

/**
 * The case work: in-depth assessments (one record per version), family development plans (one per
 * revision) and their revision history, services delivered, monthly monitorings, case conferences
 * and each child's placements. Cases gain `monitoringDue` and `actionsDue` — the next monitoring's
 * due date and the earliest open action's deadline — indexed, so "overdue" is one index range
 * however many cases there are. Cases with a signed agreement still open get their first due date;
 * only those are rewritten (the fields are optional, absent reads as none): rewriting a case
 * re-indexes its search keys, and rewriting all 100,000 of a regional office took minutes.
 */
export const v006CaseWork: SchemaVersion = {
  version: 6,
  stores: {
    cases:
      'id, caseNumber, stage, riskLevel, caseManagerId, address.mahallaId, updatedAt, sortName, deletedAt, *searchKeys, *vulnerability, ' +
      '[stage+updatedAt], [riskLevel+updatedAt], [caseManagerId+updatedAt], [address.mahallaId+updatedAt], monitoringDue, actionsDue',
    assessments: 'id, caseId, [caseId+version], status',
    plans: 'id, caseId, [caseId+revision], status',
    planRevisions: 'id, planId, caseId',
    services: 'id, caseId, actionId, date',
    monitorings: 'id, caseId, [caseId+date]',
    conferences: 'id, date, *caseIds',
    placements: 'id, caseId, personId',
  },
  async upgrade(transaction) {
    await transaction
      .table('cases')
      .filter((kase: FamilyCase) => !!kase.agreement && kase.stage !== 'closed' && !kase.deletedAt && !kase.purgedAt)
      .modify((kase: FamilyCase) => {
        kase.monitoringDue = addMonths(kase.agreement!.signedDate, 1);
      });
  },
};
