import type { HamkorlikDb } from '../db';
import type { WriteSession } from '../auditMiddleware';
import { canDo, canOnCase, readsAllCases } from '../../domain/access';
import type { CaseConference } from '../../domain/caseWork';
import { conferenceFields, conferenceProblems, tidyConference, type ConferenceInput } from '../../domain/conference';
import { toIsoDate } from '../../domain/dates';
import type { Agency, MahallaTeam, Specialist } from '../../domain/directory';
import { DomainError } from '../../domain/errors';
import type { FamilyCase } from '../../domain/familyCase';
import type { Mahalla } from '../../domain/mahalla';
import { newRecordMeta, touched } from '../../domain/record';
import { caseStep } from './cases';
import { requireCase, requireOffice } from './guard';

/**
 * Case conferences: the interagency team's meetings on one or more cases — who attended, what was
 * decided, who does what next. A conference is the team's, not one family's, so its visibility
 * follows its cases: a user sees a conference when they read at least one of its cases, and sees
 * only those cases of it (the others are counted, not named). Recording one writes into each
 * discussed case's history, so it takes the right to change every case it names; supervisors and
 * case managers (for the cases they manage) record them, specialists read them.
 */

/** A conference as one user sees it. */
export interface ConferenceView {
  /** The record, its `caseIds` limited to the live cases the user reads. */
  conference: CaseConference;
  /** Those cases, by case number. */
  cases: FamilyCase[];
  /** Live cases of the conference the user may not read: counted, not named. */
  otherCases: number;
  /** Whether the user may edit or delete it: they change every live case it names. */
  editable: boolean;
}

const alive = <T extends { deletedAt: string | null }>(record: T | undefined): record is T => !!record && record.deletedAt === null;

const newestFirst = (a: ConferenceView, b: ConferenceView) => b.conference.date.localeCompare(a.conference.date) || b.conference.createdAt.localeCompare(a.conference.createdAt);

/** The views of the conferences the actor may see (at least one case read; every one for those who read all cases). */
async function viewsOf(db: HamkorlikDb, actor: WriteSession, conferences: readonly CaseConference[]): Promise<ConferenceView[]> {
  const ids = [...new Set(conferences.flatMap((conference) => conference.caseIds))];
  const found = await db.cases.bulkGet(ids);
  const cases = new Map(found.filter(alive).map((kase) => [kase.id, kase]));
  const all = readsAllCases(actor);
  const records = canDo(actor, 'recordConferences');
  return conferences.flatMap((conference) => {
    const live = conference.caseIds.flatMap((id) => cases.get(id) ?? []);
    const readable = all ? live : live.filter((kase) => canOnCase(actor, 'read', kase));
    if (!all && readable.length === 0) return [];
    readable.sort((a, b) => a.caseNumber.localeCompare(b.caseNumber));
    return [
      {
        conference: { ...conference, caseIds: readable.map((kase) => kase.id) },
        cases: readable,
        otherCases: live.length - readable.length,
        editable: records && live.every((kase) => canOnCase(actor, 'change', kase)),
      },
    ];
  });
}

/** The conferences the user may see, newest first; optionally one mahalla's team's. */
export async function listConferences(db: HamkorlikDb, filter: { mahallaId?: string } = {}): Promise<ConferenceView[]> {
  const actor = requireOffice(db, 'listCases');
  return db.transaction('r', [db.conferences, db.cases], async () => {
    const conferences = await db.conferences
      .orderBy('date')
      .reverse()
      .filter((conference) => conference.deletedAt === null && (!filter.mahallaId || conference.mahallaId === filter.mahallaId))
      .toArray();
    return (await viewsOf(db, actor, conferences)).sort(newestFirst);
  });
}

/** The conferences that discussed one case, newest first, read through the `*caseIds` index. */
export async function conferencesOfCase(db: HamkorlikDb, caseId: string): Promise<ConferenceView[]> {
  return db.transaction('r', [db.conferences, db.cases], async () => {
    const kase = await db.cases.get(caseId);
    if (!alive(kase)) throw new DomainError('notFound', caseId);
    const actor = requireCase(db, 'read', kase);
    const conferences = await db.conferences.where('caseIds').equals(caseId).filter((conference) => conference.deletedAt === null).toArray();
    return (await viewsOf(db, actor, conferences)).sort(newestFirst);
  });
}

/** One conference; refused to a user who reads none of its cases. */
export async function getConference(db: HamkorlikDb, id: string): Promise<ConferenceView> {
  const actor = requireOffice(db, 'listCases');
  return db.transaction('r', [db.conferences, db.cases], async () => {
    const conference = await db.conferences.get(id);
    if (!alive(conference)) throw new DomainError('notFound', id);
    const [view] = await viewsOf(db, actor, [conference]);
    if (!view) throw refusedConference(db, id);
    return view;
  });
}

function refusedConference(db: HamkorlikDb, id: string): DomainError {
  // Worded as the access middleware words a table refusal, so the audit shows it the same way.
  db.logLater('refused', { table: 'conferences', recordId: id, detail: 'read conferences' });
  return new DomainError('forbidden', 'read conferences');
}

/** What the form needs besides the conferences: every specialist and mahalla ever named (past records keep their names), and the teams. */
export async function conferenceDirectory(db: HamkorlikDb): Promise<{ specialists: Specialist[]; agencies: Agency[]; mahallas: Mahalla[]; teams: MahallaTeam[] }> {
  requireOffice(db, 'listCases');
  const [specialists, agencies, mahallas, teams] = await Promise.all([db.specialists.toArray(), db.agencies.toArray(), db.mahallas.toArray(), db.teams.filter((team) => team.deletedAt === null).toArray()]);
  return { specialists, agencies, mahallas, teams };
}

/**
 * Records a conference (`id` null) or saves an edited one. Refused with `invalid` and the form's
 * problem codes (see domain/conference.ts), `forbidden` when a case before or after is not the
 * user's to change, `staleRevision` when someone saved it since it was opened. Each case newly
 * discussed gets a `conference` entry in its history, with the decisions; editing the decisions of
 * a recorded conference does not repeat the entry. A case deleted since the meeting stays on the
 * record untouched (the user does not see it, so the form cannot take it off).
 */
export async function saveConference(db: HamkorlikDb, id: string | null, input: ConferenceInput, expectedRev?: number): Promise<CaseConference> {
  requireOffice(db, 'recordConferences');
  const context = db.writeContext();
  const tidy = tidyConference(input);
  const problems = conferenceProblems(tidy, toIsoDate(context.now));
  if (problems.length) throw new DomainError('invalid', problems.join(' '));
  const fields = conferenceFields(tidy);
  return db.transaction('rw', [db.conferences, db.cases, db.caseHistory, db.mahallas, db.specialists], async () => {
    const current = id ? await db.conferences.get(id) : undefined;
    if (id && !alive(current)) throw new DomainError('notFound', id);
    if (current && expectedRev !== undefined && current.rev !== expectedRev) throw new DomainError('staleRevision', current.id);

    const before = current ? await db.cases.bulkGet(current.caseIds) : [];
    for (const kase of before.filter(alive)) requireCase(db, 'change', kase);
    const gone = (current?.caseIds ?? []).filter((caseId, index) => !alive(before[index]) && !fields.caseIds.includes(caseId));
    const after = await db.cases.bulkGet(fields.caseIds);
    if (!after.every(alive)) throw new DomainError('invalid', 'caseIds:notFound');
    for (const kase of after) requireCase(db, 'change', kase);

    if (fields.mahallaId && fields.mahallaId !== current?.mahallaId && !alive(await db.mahallas.get(fields.mahallaId))) throw new DomainError('invalid', 'mahallaId:notFound');
    // A specialist taken out of the directory since the meeting stays among its attendees.
    const added = fields.attendees.filter((attendee) => !current?.attendees.includes(attendee));
    if (!(await db.specialists.bulkGet(added)).every(alive)) throw new DomainError('invalid', 'attendees:notFound');

    const values = { ...fields, caseIds: [...fields.caseIds, ...gone] };
    const record: CaseConference = current ? touched(current, values, context) : { ...newRecordMeta(context), ...values };
    await db.conferences.put(record);
    for (const kase of after.filter((kase) => !current?.caseIds.includes(kase.id))) {
      await db.caseHistory.add({ ...caseStep(context, kase, 'conference', record.decisions), conference: { id: record.id, date: record.date } });
    }
    return record;
  });
}

/** Deletes a conference (a tombstone stays, so a merge does not bring it back); the cases' history keeps that it was held. */
export async function deleteConference(db: HamkorlikDb, id: string, expectedRev?: number): Promise<void> {
  requireOffice(db, 'recordConferences');
  const context = db.writeContext();
  await db.transaction('rw', [db.conferences, db.cases], async () => {
    const current = await db.conferences.get(id);
    if (!alive(current)) throw new DomainError('notFound', id);
    if (expectedRev !== undefined && current.rev !== expectedRev) throw new DomainError('staleRevision', id);
    for (const kase of (await db.cases.bulkGet(current.caseIds)).filter(alive)) requireCase(db, 'change', kase);
    await db.conferences.put({ ...touched(current, {}, context), deletedAt: context.now.toISOString() });
  });
}
