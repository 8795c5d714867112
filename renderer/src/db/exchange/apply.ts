import type { HamkorlikDb } from '../db';
import { requireOffice } from '../repositories/guard';
import { forgetAuditedValues, historyEntry } from '../repositories/cases';
import { caseMonitoringStatus } from '../repositories/monitorings';
import { actionsDueOf } from '../repositories/plans';
import { buildCaseIndex, personDupKey } from '../../domain/caseIndex';
import { toIsoDate, type IsoDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { exchangeBaseKey, type ExchangeBase, type ExchangeLogEntry, type ExchangePeer } from '../../domain/exchange';
import type { Custody, FamilyCase } from '../../domain/familyCase';
import { OFFICE_PROFILE_ID } from '../../domain/office';
import type { Membership, Person } from '../../domain/person';
import { ExchangeError, itemStep, nextLineage, resolveConflicts, versionStamp } from '../../exchange';
import { baseLineages } from './baseLineage';
import { loggedDecisions, newlyOrphaned, tableOf, type MergePlan, type RecordDecisions } from './mergePlan';
import { TRANSFER_TABLES, type ReceiptRecord } from './transferTables';

type Row = Record<string, unknown>;

/** What an applied transfer leaves: its log entry, and for a custody transfer the receipt to send back. */
export interface AppliedTransfer {
  log: ExchangeLogEntry;
  /** Custody transfers: what `writeReceipt` packs for the sending office. */
  receipt: ReceiptRecord | null;
}

/**
 * Writes a merge plan in one transaction, through the access check and the audit (one audit entry
 * per record changed): every conflict must be decided first (`resolveConflicts` refuses an undecided
 * or unknown one with `invalidInput` before anything is written); a local record changed since the
 * plan was made refuses the whole import (`staleRevision`: plan again). Then the cases' custody —
 * a custody transfer brings each case here, a copy leaves it with the office that holds it — and
 * the cases' summaries and search keys are recomputed from their members. Each record's incoming
 * version becomes its new base; the exchange-log entry records the outcome per record, the
 * decisions, the linked persons and the references left unmatched. Administrators and supervisors.
 */
export async function applyTransfer(db: HamkorlikDb, plan: MergePlan, decided: readonly RecordDecisions[] = [], options: { fileName?: string } = {}): Promise<AppliedTransfer> {
  const session = requireOffice(db, 'transferCases');
  const { preview } = plan;
  const key = (table: string, id: string) => `${table}:${id}`;
  const byRecord = new Map(decided.map((record) => [key(record.table, record.id), record.decisions]));
  const planned = new Set(plan.records.map((record) => key(record.table, record.id)));
  for (const record of decided) if (!planned.has(key(record.table, record.id))) throw new ExchangeError('invalidInput', { reason: `unknownRecord:${key(record.table, record.id)}` });
  const values = plan.records.map((record) => resolveConflicts(record.result, byRecord.get(key(record.table, record.id)) ?? []) as unknown as Row);
  refuseOrphanedActions(plan, values);
  // The PINFL each person of the plan will hold once written: a PINFL moving between two of them is not "taken", whichever is written first.
  const plannedPinfl = new Map(plan.records.flatMap((record, index) => (record.table === 'persons' ? [[record.id, values[index]!.pinfl] as const] : [])));

  const context = db.writeContext();
  const at = context.now.toISOString();
  const today = toIsoDate(context.now);
  const peer: ExchangePeer = { ...preview.source, officeName: { ...preview.source.officeName } };
  const outcomes: Record<string, number> = {};
  for (const record of plan.records) outcomes[record.result.kind] = (outcomes[record.result.kind] ?? 0) + 1;
  const log: ExchangeLogEntry = {
    id: crypto.randomUUID(),
    at,
    userId: session.userId,
    installationId: session.installationId,
    kind: 'transfer',
    direction: 'import',
    transferId: preview.transferId,
    mode: preview.mode,
    peer,
    fileName: options.fileName ?? null,
    caseIds: preview.package.manifest.caseIds,
    counts: preview.counts,
    outcomes,
    decisions: loggedDecisions(plan, decided),
    linkedPersons: plan.linkedPersons,
    unmatchedRefs: plan.unmatchedRefs,
    purgedEdits: plan.records.filter((r) => 'purge' in r.result && r.result.purge?.discardedEdits).map((r) => key(r.table, r.id)),
    written: [],
  };

  const tables = TRANSFER_TABLES.map((table) => db.table(table));
  const purgedThere: { table: string; id: string }[] = [];
  await db.transaction('rw', [...tables, db.officeProfile, db.exchangeBases, db.exchangeLog, db.audit], async () => {
    const office = await db.officeProfile.get(OFFICE_PROFILE_ID);
    if (!office) throw new DomainError('notFound', 'officeProfile');
    // Checked at the preview too; here again, in the writing transaction, so one plan applied twice (a second click) writes once.
    const received = await db.exchangeLog.where('transferId').equals(preview.transferId).filter((entry) => entry.kind === 'transfer' && entry.direction === 'import').first();
    if (received) throw new ExchangeError('invalidInput', { reason: 'alreadyReceived', at: received.at });
    for (const [index, record] of plan.records.entries()) {
      const table = tableOf(db, record.table);
      const current = await table.get(record.id);
      if (record.table !== 'documentFiles' && ((current?.rev as number | undefined) ?? null) !== record.localRev) throw new DomainError('staleRevision', record.id);
      const kind = record.result.kind;
      let value = values[index]!;
      if (record.table === 'persons') await refuseTakenPinfl(db, value, current, plannedPinfl);
      // A purged case is identity only: no custody to set.
      // The duplicate key follows the merged names (it was left out of the merge, mergePlan.ts).
      if (record.table === 'persons' && !value.purgedAt) value = { ...value, dupKey: personDupKey(value as unknown as Person) };
      if (record.table === 'cases' && !value.purgedAt) value = { ...value, custody: custodyAfter(preview.mode, office.districtCode, at, current as FamilyCase | undefined, value as unknown as FamilyCase) };
      const custodyMoved = record.table === 'cases' && !value.purgedAt && JSON.stringify(value.custody) !== JSON.stringify(current?.custody);
      if (kind === 'new' || kind === 'takeIncoming' || kind === 'merged' || kind === 'conflict' || custodyMoved) {
        // A case whose custody alone changes is a local change: a new revision, stamped here.
        const custodyOnly = custodyMoved && (kind === 'same' || kind === 'keepLocal');
        if (custodyOnly) value = { ...value, rev: (value.rev as number) + 1, updatedAt: at, updatedBy: context.userId };
        await table.put(value);
        log.written!.push({ table: record.table, recordId: record.id, outcome: custodyOnly ? 'custody' : kind });
        if ('purge' in record.result && record.result.purge?.by === 'incoming') purgedThere.push({ table: record.table, id: record.id });
      }
    }
    // A purge made at the other office is a purge here too: the values go from the audit (the entry just
    // written holds them as "from"), and a document's stored bytes go, as purgeCase does.
    await forgetAuditedValues(db, purgedThere.map(({ table, id }) => [table, id]));
    for (const { table, id } of purgedThere) if (table === 'documents') await db.documentFiles.delete(id);
    // A person written here may be a member of this office's other cases too (a person linked by PINFL): their names and search keys follow.
    const writtenPersons = log.written!.filter((entry) => entry.table === 'persons').map((entry) => entry.recordId);
    const otherCases = writtenPersons.length ? (await db.memberships.where('personId').anyOf(writtenPersons).toArray()).map((membership) => membership.caseId) : [];
    for (const caseId of new Set([...preview.package.manifest.caseIds, ...otherCases])) await reindexCase(db, caseId, today);
    if (preview.mode === 'custody') {
      // Each case's history here says where it came from.
      for (const caseId of preview.package.manifest.caseIds) {
        const kase = (await db.cases.get(caseId)) as FamilyCase | undefined;
        if (!kase || kase.purgedAt) continue;
        const source = preview.package.header.source;
        await db.caseHistory.add(
          historyEntry(context, caseId, { kind: 'custodyReceived', from: kase.stage, to: kase.stage, reason: '', custody: { transferId: preview.transferId, districtCode: source.districtCode, officeName: { ...source.officeName } } }),
        );
      }
    }
    // A record purged here keeps no copy of its contents, a base included (purgeCase removed it).
    const stored = plan.records.filter((record) => record.table !== 'documentFiles' && !('purge' in record.result && record.result.purge?.by === 'local'));
    const previous = await baseLineages(db, stored.map((record) => exchangeBaseKey(record.table, record.incomingId)));
    // A file that came late: the base here already descends from this exchange (a later one carried it), so it is the
    // newer common ancestor and stays; replaced by this older content, the next merge would take later edits for none.
    const kept = stored.filter((record) => !previous.get(exchangeBaseKey(record.table, record.incomingId))?.ancestry?.includes(preview.transferId));
    // Keyed by the id the record travelled under, so a person linked by PINFL finds it next time; `recordId` is the local one (a purge finds it).
    const bases: ExchangeBase[] = kept.map((record) => ({
      key: exchangeBaseKey(record.table, record.incomingId),
      table: record.table,
      recordId: record.id,
      record: record.base,
      peer,
      at,
      direction: 'received',
      ...nextLineage(previous.get(exchangeBaseKey(record.table, record.incomingId)), versionStamp(record.base), preview.transferId, preview.package.lineage.get(`${record.table}:${record.incomingId}`)),
    }));
    await db.exchangeBases.bulkPut(bases);
    await db.exchangeLog.add(log);
  });
  const receipt = preview.mode === 'custody' ? { transferId: preview.transferId, caseIds: [...preview.package.manifest.caseIds], receivedAt: at } : null;
  return { log, receipt };
}

/**
 * A plan whose decisions keep an action under a goal that is no longer in it (the action kept here,
 * its goal removed at the other office, or the other way round) refuses the import (`invalidInput`,
 * `planGoalMissing`, with the case's number), nothing written: the other side's actions fit. An
 * action the file or the planned value already had so is not this import's doing.
 */
function refuseOrphanedActions(plan: MergePlan, values: readonly Row[]): void {
  plan.records.forEach((record, index) => {
    if (record.table !== 'plans' || record.result.kind !== 'conflict') return;
    const orphan = newlyOrphaned(values[index]!, [record.base, record.result.value as unknown as Row]);
    if (orphan === undefined) return;
    const caseId = values[index]!.caseId;
    const kase = plan.preview.package.tables.cases?.find((row) => row.id === caseId);
    throw new ExchangeError('invalidInput', { reason: 'planGoalMissing', path: ['actions', itemStep(orphan)], caseNumber: typeof kase?.caseNumber === 'string' ? kase.caseNumber : '' });
  });
}

/**
 * A PINFL is one person's here: a person written with a PINFL that another live person here holds
 * — a conflict decided for theirs against `pinflTakenBy`, or two persons of the file carrying one
 * PINFL — refuses the whole import (`invalidInput`, `pinflTaken`), nothing written. A holder whose
 * own planned value gives the PINFL up is not counted: the plan moves it, in whatever order it writes.
 */
async function refuseTakenPinfl(db: HamkorlikDb, value: Row, current: Row | undefined, planned: ReadonlyMap<string, unknown>): Promise<void> {
  const pinfl = value.pinfl;
  if (typeof pinfl !== 'string' || pinfl === '' || value.deletedAt || value.purgedAt || pinfl === current?.pinfl) return;
  const holder = await db.persons
    .where('pinfl')
    .equals(pinfl)
    // A person of this plan who gives the PINFL up in it does not hold it.
    .filter((person) => person.id !== value.id && person.deletedAt === null && !person.purgedAt && (!planned.has(person.id) || planned.get(person.id) === pinfl))
    .first();
  if (holder) throw new ExchangeError('invalidInput', { reason: 'pinflTaken' });
}

/**
 * The case's custody after an import. Custody transfer: this office holds the case from now (a case
 * coming back is editable here again). Copy: the office that holds it keeps it — the local record's
 * custody if there is one, else the sender's, without its own transfer marks.
 */
function custodyAfter(mode: 'custody' | 'copy', districtCode: string, at: string, local: FamilyCase | undefined, value: FamilyCase): Custody {
  if (mode === 'custody') return { districtCode, since: at };
  if (local) return local.custody;
  return { districtCode: value.custody.districtCode, since: value.custody.since };
}

/**
 * Recomputes a case's derived fields from what is stored now — summary and search keys from its
 * members, the due dates from its monitorings and current plan, as the repositories keep them —
 * writing only if they changed.
 */
async function reindexCase(db: HamkorlikDb, caseId: string, today: IsoDate): Promise<void> {
  const kase = await db.cases.get(caseId);
  if (!kase || kase.purgedAt) return;
  const memberships = (await db.memberships.where('caseId').equals(caseId).toArray()).filter((m: Membership) => m.deletedAt === null);
  const persons = await db.persons.bulkGet(memberships.map((m) => m.personId));
  const members = memberships.flatMap((membership, index) => (persons[index] && !persons[index]!.purgedAt ? [{ membership, person: persons[index] as Person }] : []));
  const index = buildCaseIndex(kase, members, today);
  const plan = await db.plans.where('[caseId+revision]').between([caseId, 0], [caseId, Infinity]).filter((p) => p.deletedAt === null).last();
  const monitoringDue = (await caseMonitoringStatus(db, kase, today))?.next ?? null;
  const actionsDue = kase.stage === 'closed' ? null : actionsDueOf(plan);
  const next = { ...kase, ...index, monitoringDue, actionsDue };
  if (JSON.stringify(next) !== JSON.stringify(kase)) await db.cases.put(next);
}
