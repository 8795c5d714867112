import type { HamkorlikDb } from '../db';
import { caseDraftSchema, missingForStage, personDraftSchema, type CaseDraft, type PersonDraft, type ValidPersonDraft } from '../../domain/caseDraft';
import { buildCaseIndex, personDupKey } from '../../domain/caseIndex';
import { toIsoDate, type IsoDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import type { DocumentRecord } from '../../domain/documentRegister';
import { custodyLeft, type CaseHistoryEntry, type FamilyCase } from '../../domain/familyCase';
import type { Membership, Person, Relation } from '../../domain/person';
import { newRecordMeta, tombstoneOf, touched, type WriteContext } from '../../domain/record';
import { addMonths } from '../../domain/monitoring';
import { applyCaseEvent, type CaseEvent, type Closure, type ClosureOutcome } from '../../domain/stages';
import { closureProblems, finalTriangle, GOAL_RESULTS, type GoalOutcome } from '../../domain/closure';
import { canOnCase, type CaseAction } from '../../domain/access';
import type { AuditEntry } from '../../domain/audit';
import { issuesByPath } from '../../domain/validation';
import { grant } from '../grants';
import { nextCaseNumber } from './caseNumbers';
import { requireCase, requireStoreCase } from './guard';

/** A member to put in a case: a new person, or an existing one (found as a duplicate) linked in. */
export type MemberInput = { relation: Relation; from?: IsoDate } & ({ person: PersonDraft } | { personId: string });

export interface CaseMember {
  membership: Membership;
  person: Person;
}

/** A case with everything its card shows. */
export interface CaseFile {
  kase: FamilyCase;
  members: CaseMember[];
  history: CaseHistoryEntry[];
}

const CASE_TABLES = (db: HamkorlikDb) => [db.cases, db.persons, db.memberships, db.caseHistory, db.settings];

function invalid(error: import('zod').ZodError, prefix: string): DomainError {
  const issues = Object.entries(issuesByPath(error)).map(([path, code]) => `${prefix}${path}:${code}`);
  return new DomainError('invalid', issues.join(' '));
}

function validPerson(draft: PersonDraft, today: IsoDate, prefix: string): ValidPersonDraft {
  const parsed = personDraftSchema(today).safeParse(draft);
  if (!parsed.success) throw invalid(parsed.error, prefix);
  return parsed.data;
}

/** Refuses a PINFL that another person already has; the user may link that person instead. */
async function assertPinflFree(db: HamkorlikDb, pinfl: string | null, exceptPersonId?: string): Promise<void> {
  if (!pinfl) return;
  const other = await db.persons.where('pinfl').equals(pinfl).filter((p) => p.deletedAt === null && p.id !== exceptPersonId).first();
  if (other) throw new DomainError('duplicatePinfl', other.id);
}

function newPerson(draft: ValidPersonDraft, context: WriteContext): Person {
  const person = { ...newRecordMeta(context), ...draft } as Person;
  return { ...person, dupKey: personDupKey(person) };
}

async function membersOf(db: HamkorlikDb, caseId: string): Promise<CaseMember[]> {
  const memberships = await db.memberships.where('caseId').equals(caseId).filter((m) => m.deletedAt === null).toArray();
  const persons = await db.persons.bulkGet(memberships.map((m) => m.personId));
  return memberships.flatMap((membership, index) => (persons[index] ? [{ membership, person: persons[index] }] : []));
}

/**
 * Linking an existing person into a case would let the user read them through that case: allowed
 * only for a person the user could already read (one of their live cases is readable), or who is
 * in no live case at all.
 */
async function requireMayLink(db: HamkorlikDb, personId: string): Promise<void> {
  const memberships = (await db.memberships.where('personId').equals(personId).toArray()).filter((m) => m.deletedAt === null);
  const cases = (await db.cases.bulkGet(memberships.map((m) => m.caseId))).filter((kase): kase is FamilyCase => !!kase && !kase.deletedAt);
  const actor = db.session;
  if (cases.length && !cases.some((kase) => !!actor && canOnCase(actor, 'read', kase))) requireCase(db, 'read', cases[0]!);
}

/** Recomputes the case's list summary and search keys from its current members. */
async function reindex(db: HamkorlikDb, kase: FamilyCase, today: IsoDate): Promise<FamilyCase> {
  return { ...kase, ...buildCaseIndex(kase, await membersOf(db, kase.id), today) };
}

export function historyEntry(context: WriteContext, caseId: string, entry: Omit<CaseHistoryEntry, keyof import('../../domain/record').RecordMeta | 'caseId'>): CaseHistoryEntry {
  return { ...newRecordMeta(context), caseId, ...entry };
}

/** A case-work step for the case's history (an assessment completed, a monitoring entered), at the case's stage. */
export function caseStep(context: WriteContext, kase: Pick<FamilyCase, 'id' | 'stage'>, kind: 'assessmentCompleted' | 'assessmentApproved' | 'monitoring' | 'placement' | 'planRevised' | 'planCompleted' | 'planApproved' | 'service' | 'conference', reason: string): CaseHistoryEntry {
  return historyEntry(context, kase.id, { kind, from: kase.stage, to: kase.stage, reason });
}

/**
 * Opens a case: validates the case and every member, refuses a PINFL already in the database,
 * numbers the case without coordination between PCs, and stores case, persons, memberships and
 * the first history entry in one transaction.
 */
export async function createCase(db: HamkorlikDb, draft: CaseDraft, members: MemberInput[], officeDistrictCode: string): Promise<FamilyCase> {
  const context = db.writeContext();
  const today = toIsoDate(context.now);
  const parsed = caseDraftSchema(today).safeParse(draft);
  if (!parsed.success) throw invalid(parsed.error, '');
  const valid = members.map((member, index) => ('person' in member ? { ...member, person: validPerson(member.person, today, `members.${index}.`) } : member));

  return db.transaction('rw', CASE_TABLES(db), async () => {
    const caseNumber = await nextCaseNumber(db, officeDistrictCode, context);
    const base: FamilyCase = {
      ...newRecordMeta(context),
      ...parsed.data,
      caseNumber,
      stage: 'identification',
      eligibility: null,
      agreement: null,
      closure: null,
      custody: { districtCode: officeDistrictCode, since: context.now.toISOString() },
      summary: { head: null, members: 0, children: 0 },
      sortName: '',
      searchKeys: [],
    };
    requireStoreCase(db, null, base);
    const seenPinfls = new Set<string>();
    const linked = new Set<string>();
    let heads = 0;
    for (const member of valid) {
      let personId: string;
      if ('person' in member) {
        const pinfl = member.person.pinfl;
        if (pinfl && seenPinfls.has(pinfl)) throw new DomainError('duplicatePinfl', pinfl);
        if (pinfl) seenPinfls.add(pinfl);
        await assertPinflFree(db, pinfl);
        const person = newPerson(member.person, context);
        await db.persons.add(person);
        personId = person.id;
      } else {
        const existing = await db.persons.get(member.personId);
        if (!existing || existing.deletedAt || existing.purgedAt) throw new DomainError('notFound', member.personId);
        await requireMayLink(db, member.personId);
        if (linked.has(member.personId)) throw new DomainError('duplicate', 'alreadyMember');
        linked.add(member.personId);
        personId = member.personId;
      }
      if (member.relation === 'head' && heads++ > 0) throw new DomainError('invalid', 'relation:oneHead');
      await db.memberships.add({ ...newRecordMeta(context), caseId: base.id, personId, relation: member.relation, from: member.from ?? parsed.data.referral.date, to: null });
    }
    const kase = await reindex(db, base, today);
    await db.cases.add(kase);
    await db.caseHistory.add(historyEntry(context, kase.id, { kind: 'created', from: null, to: 'identification', reason: parsed.data.referral.reason }));
    return kase;
  });
}

export async function getCaseFile(db: HamkorlikDb, caseId: string): Promise<CaseFile | undefined> {
  return db.transaction('r', [db.cases, db.persons, db.memberships, db.caseHistory], async () => {
    const kase = await db.cases.get(caseId);
    if (!kase || kase.purgedAt) return undefined;
    requireCase(db, 'read', kase);
    const history = await db.caseHistory.where('caseId').equals(caseId).toArray();
    history.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return { kase, members: await membersOf(db, caseId), history };
  });
}

async function loadForChange(db: HamkorlikDb, caseId: string, expectedRev: number | undefined, action: CaseAction = 'change'): Promise<FamilyCase> {
  const kase = await db.cases.get(caseId);
  if (!kase || kase.deletedAt) throw new DomainError('notFound', caseId);
  requireCase(db, action, kase);
  if (expectedRev !== undefined && kase.rev !== expectedRev) throw new DomainError('staleRevision', caseId);
  return kase;
}

/** Saves edited case details; refuses when someone saved the case since it was opened. */
export async function updateCaseDetails(db: HamkorlikDb, caseId: string, draft: CaseDraft, expectedRev?: number): Promise<FamilyCase> {
  const context = db.writeContext();
  const today = toIsoDate(context.now);
  const parsed = caseDraftSchema(today).safeParse(draft);
  if (!parsed.success) throw invalid(parsed.error, '');
  return db.transaction('rw', CASE_TABLES(db), async () => {
    const kase = await loadForChange(db, caseId, expectedRev);
    const next = await reindex(db, touched(kase, parsed.data, context), today);
    requireStoreCase(db, kase, next);
    await db.cases.put(next);
    return next;
  });
}

/** Adds a member (new or existing person) to a case. */
export async function addMember(db: HamkorlikDb, caseId: string, member: MemberInput): Promise<CaseMember> {
  const context = db.writeContext();
  const today = toIsoDate(context.now);
  const draft = 'person' in member ? validPerson(member.person, today, '') : null;
  return db.transaction('rw', CASE_TABLES(db), async () => {
    const kase = await loadForChange(db, caseId, undefined);
    let person: Person;
    if (draft) {
      await assertPinflFree(db, draft.pinfl);
      person = newPerson(draft, context);
      await db.persons.add(person);
    } else {
      const existing = await db.persons.get((member as { personId: string }).personId);
      if (!existing || existing.deletedAt || existing.purgedAt) throw new DomainError('notFound');
      await requireMayLink(db, existing.id);
      person = existing;
    }
    const current = (await membersOf(db, caseId)).filter((m) => m.membership.to === null);
    if (current.some((m) => m.person.id === person.id)) throw new DomainError('duplicate', 'alreadyMember');
    if (member.relation === 'head' && current.some((m) => m.membership.relation === 'head')) throw new DomainError('invalid', 'relation:oneHead');
    const membership: Membership = { ...newRecordMeta(context), caseId, personId: person.id, relation: member.relation, from: member.from ?? today, to: null };
    await db.memberships.add(membership);
    await db.cases.put(await reindex(db, touched(kase, {}, context), today));
    return { membership, person };
  });
}

/** Edits a person; every case the person belongs to is re-indexed, so search finds the new spelling. */
export async function updatePerson(db: HamkorlikDb, personId: string, draft: PersonDraft, expectedRev?: number): Promise<Person> {
  const context = db.writeContext();
  const today = toIsoDate(context.now);
  const valid = validPerson(draft, today, '');
  return db.transaction('rw', CASE_TABLES(db), async () => {
    const current = await db.persons.get(personId);
    if (!current || current.deletedAt) throw new DomainError('notFound', personId);
    if (expectedRev !== undefined && current.rev !== expectedRev) throw new DomainError('staleRevision', personId);
    const memberOf = (await db.memberships.where('personId').equals(personId).toArray()).filter((m) => m.deletedAt === null);
    const cases = (await db.cases.bulkGet(memberOf.map((m) => m.caseId))).filter((kase): kase is FamilyCase => !!kase && !kase.deletedAt);
    const actor = db.session!;
    // A person only in cases transferred away is read-only too (requireCase refuses them).
    const editable = cases.filter((kase) => !custodyLeft(kase));
    if (!editable.some((kase) => canOnCase(actor, 'change', kase))) requireCase(db, 'change', cases[0] ?? { id: personId, caseManagerId: '', address: { mahallaId: '' } });
    await assertPinflFree(db, valid.pinfl, personId);
    const next = touched(current, valid as Partial<Person>, context);
    const person = { ...next, dupKey: personDupKey(next) };
    await db.persons.put(person);
    const caseIds = new Set((await db.memberships.where('personId').equals(personId).toArray()).map((m) => m.caseId));
    for (const kase of await db.cases.bulkGet([...caseIds])) {
      // A case transferred away stays as it was sent: read-only, derived fields included.
      if (!kase || kase.deletedAt || custodyLeft(kase)) continue;
      // A case the user may not change gets its derived names and keys only, not a new revision:
      // its own case manager's open edit must not turn stale because of someone else's case.
      const base = canOnCase(actor, 'change', kase) ? touched(kase, {}, context) : kase;
      await db.cases.put(await reindex(db, base, today));
    }
    return person;
  });
}

/** Records that a member left the family on `to`; the person and the history stay. */
export async function endMembership(db: HamkorlikDb, membershipId: string, to: IsoDate): Promise<void> {
  const context = db.writeContext();
  const today = toIsoDate(context.now);
  if (to > today) throw new DomainError('invalid', 'to:dateInFuture');
  await db.transaction('rw', CASE_TABLES(db), async () => {
    const membership = await db.memberships.get(membershipId);
    if (!membership || membership.deletedAt || membership.to) throw new DomainError('notFound', membershipId);
    await db.memberships.put(touched(membership, { to }, context));
    const kase = await loadForChange(db, membership.caseId, undefined);
    await db.cases.put(await reindex(db, touched(kase, {}, context), today));
  });
}

/** An urgent protective action recorded through the emergency path. */
export interface UrgentActionInput {
  description: string;
  responsible: string;
  dueDate: IsoDate;
}

/**
 * Moves a case through the stage machine and records the event in its history. Stage
 * requirements (a head, a child, consent, criteria) are checked before any advance.
 */
/** What a closure records besides its reason: how each goal of the plan ended. */
export interface ClosureInput {
  goalOutcomes: Omit<GoalOutcome, 'goalText'>[];
}

export async function applyEvent(db: HamkorlikDb, caseId: string, event: CaseEvent, action?: UrgentActionInput, closure?: ClosureInput): Promise<FamilyCase> {
  const context = db.writeContext();
  const today = toIsoDate(context.now);
  if (event.type === 'urgentAction' && (!action || !action.description.trim() || !action.responsible.trim())) {
    throw new DomainError('invalid', 'action:required');
  }
  return db.transaction('rw', [...CASE_TABLES(db), db.plans, db.assessments], async () => {
    const kase = await loadForChange(db, caseId, undefined, event.type === 'close' || event.type === 'reopen' ? event.type : 'change');
    // Signing brings the case to the agreement stage: the agreement stage's requirements hold for it.
    const target = event.type === 'advance' ? event.to : event.type === 'signAgreement' && kase.stage === 'primaryAssessment' ? 'agreement' : null;
    if (target) {
      const missing = missingForStage(target, kase, await membersOf(db, caseId));
      if (missing.length) throw new DomainError('stageRequirement', missing.join(' '));
    }
    const result = applyCaseEvent(kase, event, { today, userId: context.userId });
    if (!result.ok) throw new DomainError('stageRefused', result.refusal);
    if (event.type === 'close') result.facts.closure = { ...result.facts.closure!, ...(await closureRecord(db, caseId, event.outcome, closure)) };
    // Whatever closes a case (a "not eligible" decision too) is the supervisor's approval.
    if (result.facts.stage === 'closed' && kase.stage !== 'closed') requireCase(db, 'close', kase);
    // Monthly monitoring runs from the signed agreement until the case closes.
    const facts = result.facts;
    const monitoringDue = facts.stage === 'closed' || !facts.agreement ? null : event.type === 'signAgreement' ? addMonths(event.signedDate, 1) : (kase.monitoringDue ?? addMonths(facts.agreement.signedDate, 1));
    // The primary assessment's risk level is the case's from then on.
    const riskLevel = event.type === 'decideEligibility' && event.riskLevel ? event.riskLevel : kase.riskLevel;
    const next = touched(kase, { stage: facts.stage, eligibility: facts.eligibility, agreement: facts.agreement, closure: facts.closure, monitoringDue, riskLevel, ...(facts.stage === 'closed' ? { actionsDue: null } : {}) }, context);
    await db.cases.put(next);
    await db.caseHistory.add(
      historyEntry(context, caseId, {
        kind: result.change.kind,
        from: result.change.from,
        to: result.change.to,
        reason: result.change.reason,
        ...(facts.stage === 'closed' && kase.stage !== 'closed' && facts.closure ? { outcome: facts.closure.outcome } : {}),
        ...(action ? { action: { description: action.description.trim(), responsible: action.responsible.trim(), dueDate: action.dueDate } } : {}),
      }),
    );
    return next;
  });
}

/**
 * The goals' outcomes and the final triangle a closure keeps, checked against the plan in force
 * and the latest assessment (closure guards in domain/closure.ts).
 */
async function closureRecord(db: HamkorlikDb, caseId: string, outcome: Exclude<ClosureOutcome, 'notEligible'>, input: ClosureInput | undefined): Promise<Pick<Closure, 'goalOutcomes' | 'finalTriangle'>> {
  const plan = await db.plans.where('[caseId+revision]').between([caseId, 0], [caseId, Infinity]).filter((p) => p.deletedAt === null).last();
  const assessments = await db.assessments.where('caseId').equals(caseId).toArray();
  const snapshot = finalTriangle(assessments);
  const outcomes = input?.goalOutcomes ?? [];
  for (const o of outcomes) if (!GOAL_RESULTS.includes(o.result)) throw new DomainError('invalid', `goalOutcomes:${o.goalId}`);
  const problems = closureProblems(outcome, plan ?? null, outcomes, snapshot);
  if (problems.length) throw new DomainError('stageRequirement', problems.map((p) => p.problem).join(' '));
  const goalOutcomes = outcomes.map((o) => ({ goalId: o.goalId, goalText: plan!.goals.find((g) => g.id === o.goalId)!.text, result: o.result, note: o.note.trim() }));
  return { goalOutcomes, finalTriangle: snapshot };
}

/** Soft delete: the case disappears from lists and search but can be restored. */
export async function deleteCase(db: HamkorlikDb, caseId: string): Promise<void> {
  const context = db.writeContext();
  await db.transaction('rw', db.cases, async () => {
    const kase = await loadForChange(db, caseId, undefined, 'delete');
    await db.cases.put({ ...touched(kase, {}, context), deletedAt: context.now.toISOString() });
  });
}

export async function restoreCase(db: HamkorlikDb, caseId: string): Promise<void> {
  const context = db.writeContext();
  await db.transaction('rw', db.cases, async () => {
    const kase = await db.cases.get(caseId);
    if (!kase || !kase.deletedAt || kase.purgedAt) throw new DomainError('notFound', caseId);
    requireCase(db, 'restore', kase);
    await db.cases.put({ ...touched(kase, {}, context), deletedAt: null });
  });
}

/**
 * Permanently removes a deleted case's contents: the case, its memberships and history, the persons
 * who belong to no other case, its case work, the documents printed for it (with their bytes), and
 * the values in their audit entries. Tombstones (identity only) stay, so a merge from another PC
 * cannot bring the case back. A deliberate administrator action.
 */
export async function purgeCase(db: HamkorlikDb, caseId: string): Promise<void> {
  await purge(db, caseId, db.writeContext());
}

async function purge(db: HamkorlikDb, caseId: string, context: WriteContext): Promise<void> {
  const work = [db.assessments, db.plans, db.planRevisions, db.services, db.monitorings, db.placements];
  await db.transaction('rw', [...CASE_TABLES(db), db.audit, db.documents, db.documentFiles, db.conferences, db.exchangeBases, ...work], async (tx) => {
    // Bulk mode: the purge's own audit entries list record ids, not the values being removed.
    grant(tx, { bulk: { kind: 'purge' } });
    const kase = await db.cases.get(caseId);
    if (!kase || !kase.deletedAt || kase.purgedAt) throw new DomainError('notFound', caseId);
    requireCase(db, 'purge', kase);
    const memberships = await db.memberships.where('caseId').equals(caseId).toArray();
    const history = await db.caseHistory.where('caseId').equals(caseId).toArray();
    const purgedIds = [caseId, ...memberships.map((m) => m.id), ...history.map((h) => h.id)];
    for (const membership of memberships) {
      const elsewhere = await db.memberships.where('personId').equals(membership.personId).filter((m) => m.caseId !== caseId && m.deletedAt === null).count();
      const person = await db.persons.get(membership.personId);
      if (person && !elsewhere && !person.purgedAt) {
        await db.persons.put(tombstoneOf(person, context) as Person);
        purgedIds.push(person.id);
      }
      await db.memberships.put(tombstoneOf(membership, context) as Membership);
    }
    for (const entry of history) await db.caseHistory.put(tombstoneOf(entry, context) as CaseHistoryEntry);
    // The case work goes with the case; a conference that discussed other families too only forgets this one.
    for (const table of work) {
      for (const record of await table.where('caseId').equals(caseId).toArray()) {
        await table.put(tombstoneOf(record, context) as never);
        purgedIds.push(record.id);
      }
    }
    for (const conference of await db.conferences.where('caseIds').equals(caseId).toArray()) {
      await db.conferences.put(touched(conference, { caseIds: conference.caseIds.filter((id) => id !== caseId) }, context));
    }
    // A printed document holds the family's names and address: its bytes go, its register entry stays a tombstone.
    // Minutes and task sheets that name the family among others go too (no index on `caseIds`: purging is rare).
    const covering = await db.documents.filter((document) => !document.purgedAt && !!document.caseIds?.includes(caseId)).toArray();
    const printed = await db.documents.where('caseId').equals(caseId).toArray();
    for (const document of [...printed, ...covering.filter((c) => !printed.some((p) => p.id === c.id))]) {
      await db.documents.put(tombstoneOf(document, context) as DocumentRecord);
      await db.documentFiles.delete(document.id);
      purgedIds.push(document.id);
    }
    await db.cases.put(tombstoneOf(kase, context) as FamilyCase);
    // The audit keeps who did what and when, but not the purged values; the exchange's base copies
    // hold the same values (a case once transferred): they go too.
    const tables = ['cases', 'persons', 'memberships', 'caseHistory', 'documents', ...work.map((table) => table.name)];
    const purgedRecords = purgedIds.flatMap((id) => tables.map((table) => [table, id] as [string, string]));
    await forgetAuditedValues(db, purgedRecords);
    await db.exchangeBases.where('[table+recordId]').anyOf(purgedRecords.map((record) => [...record])).delete();
  });
}

/**
 * Empties the values of every audit entry of the records `[table, id]`, keeping who changed which
 * field and when: what a purge leaves of them. Inside a transaction that holds the audit table.
 */
export async function forgetAuditedValues(db: HamkorlikDb, records: readonly [string, string][]): Promise<void> {
  if (records.length === 0) return;
  await db.audit
    .where('[table+recordId]')
    .anyOf(records.map((record) => [...record]))
    .modify((entry) => {
      entry.changes = entry.changes.map((change) => ({ field: change.field, from: null, to: null }));
    });
}

/** The access log: who opened which case file, as the personal-data law asks (not only who changed it). */
export async function recordCaseView(db: HamkorlikDb, caseId: string): Promise<void> {
  await db.logEvent('view', { table: 'cases', recordId: caseId });
}

/**
 * The field-level changes of a case's own records (the case, its members, their memberships),
 * newest first, for whoever may read the case: part of the case file, unlike the office's audit,
 * which only administrators and supervisors read. The case and its members are read here, never
 * taken from the caller, so the check is on what is stored.
 */
export async function caseChanges(db: HamkorlikDb, caseId: string): Promise<AuditEntry[]> {
  const file = await getCaseFile(db, caseId);
  if (!file) return [];
  const ids = [file.kase.id, ...file.members.map((m) => m.person.id), ...file.members.map((m) => m.membership.id)];
  const entries = await db.transaction('r', db.audit, (tx) => {
    grant(tx, { caseAudit: true });
    return db.audit.where('[table+recordId]').anyOf(ids.flatMap((id) => ['cases', 'persons', 'memberships'].map((table) => [table, id]))).toArray();
  });
  return entries.filter((entry) => entry.op === 'create' || entry.op === 'update' || entry.op === 'delete').sort((a, b) => b.at.localeCompare(a.at));
}
