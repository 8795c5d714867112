import { childTriangle, sideMean, TRIANGLE, type Assessment, type TriangleSide } from '../domain/assessment';
import type { CaseConference, MonitoringRecord } from '../domain/caseWork';
import { isIsoDate, toIsoDate, type IsoDate } from '../domain/dates';
import type { Agency, Specialist } from '../domain/directory';
import type { CaseHistoryEntry, FamilyCase } from '../domain/familyCase';
import type { Mahalla } from '../domain/mahalla';
import type { BiScriptText } from '../domain/names';
import type { OfficeProfile } from '../domain/office';
import { fullName, isChildOn, type Membership, type Person } from '../domain/person';
import { actionsOf, type FamilyPlan, type PlanRevision, type Responsible } from '../domain/plan';
import { findDistrict } from '../domain/regions';
import type { User } from '../domain/user';
import type { AssessmentSummaryData, SummaryChild } from './assessmentSummary';
import { EMPTY_NAME, type CaseHeading, type PrintedResponsible, type PrintedSpecialist } from './caseParts';
import type { ClosureActData } from './closureAct';
import type { ConferenceMinutesData } from './conferenceMinutes';
import type { PlanDocData } from './familyPlan';
import { agreementMembers, defaultSignatories, officePlace } from './fromRecords';
import type { MonitoringReportData } from './monitoringReport';
import type { TaskSheetData } from './taskSheet';

/**
 * From the case-work records to what the case-work documents print: pure, like fromRecords.ts, so
 * the dialogs, the tests and the LibreOffice check fill the documents the same way.
 */

/** The records every case document reads: the office, the case and its members, and who is who. */
export interface CaseWorkRecords {
  office: OfficeProfile;
  kase: FamilyCase;
  members: readonly { membership: Membership; person: Person }[];
  mahalla: Mahalla | undefined;
  users: readonly User[];
  specialists: readonly Specialist[];
  agencies: readonly Agency[];
  /** The case's history (who closed it); optional where a document does not need it. */
  history?: readonly CaseHistoryEntry[];
}

/** Directory lookups shared by the mappers. */
interface Lookup {
  specialists: readonly Specialist[];
  agencies: readonly Agency[];
  users: readonly User[];
}

export function personName(person: Pick<Person, 'surname' | 'firstName' | 'patronymic'>): BiScriptText {
  return { latn: fullName(person, 'latn'), cyrl: fullName(person, 'cyrl'), typed: person.surname.typed };
}

/** The local calendar day of a stored instant (`createdAt`, `approval.at`). */
export function dayOf(instant: string): IsoDate {
  return toIsoDate(new Date(instant));
}

function printedSpecialist(lookup: Lookup, specialistId: string): PrintedSpecialist | null {
  const specialist = lookup.specialists.find((s) => s.id === specialistId);
  if (!specialist) return null;
  return { fullName: specialist.fullName, position: specialist.position, agency: lookup.agencies.find((a) => a.id === specialist.agencyId)?.name ?? null };
}

function userName(lookup: Lookup, userId: string | undefined): BiScriptText | null {
  return lookup.users.find((user) => user.id === userId)?.fullName ?? null;
}

/** The head of family: the current member so related, else the latest who was. */
function headOf(members: CaseWorkRecords['members']): BiScriptText | null {
  const heads = members.filter(({ membership }) => membership.relation === 'head' && membership.deletedAt === null);
  const current = heads.find(({ membership }) => membership.to === null) ?? heads.at(-1);
  return current ? personName(current.person) : null;
}

export function caseHeading(records: CaseWorkRecords): CaseHeading {
  const { kase } = records;
  const found = findDistrict(kase.address.districtCode);
  const district = found ? { region: found.region.name, district: found.district.name } : officePlace(records.office);
  return {
    service: records.office.name,
    caseNumber: kase.caseNumber,
    head: headOf(records.members),
    address: { ...district, mahalla: records.mahalla?.name ?? null, street: kase.address.street, house: kase.address.house, apartment: kase.address.apartment },
    caseManager: userName(records, kase.caseManagerId),
  };
}

function memberName(records: CaseWorkRecords, personId: string | null): BiScriptText | null {
  const member = personId ? records.members.find(({ person }) => person.id === personId) : undefined;
  return member ? personName(member.person) : null;
}

export function responsibleOf(records: CaseWorkRecords, responsible: Responsible): PrintedResponsible {
  if (responsible.kind === 'member') {
    const name = memberName(records, responsible.personId);
    return name ? { kind: 'member', fullName: name } : { kind: 'unknown' };
  }
  const specialist = printedSpecialist(records, responsible.specialistId);
  return specialist ? { kind: 'specialist', ...specialist } : { kind: 'unknown' };
}

function approvalOf(records: CaseWorkRecords, approval: { by: string; at: string; note: string } | null) {
  return approval ? { by: userName(records, approval.by), date: dayOf(approval.at), note: approval.note } : null;
}

/** The family development plan: the revision given (the current one), goals in order with their actions. */
export function planDocData(records: CaseWorkRecords, plan: FamilyPlan, today: IsoDate): PlanDocData {
  return {
    ...caseHeading(records),
    revision: plan.revision,
    status: plan.status,
    date: dayOf(plan.updatedAt),
    goals: plan.goals.map((goal) => ({
      text: goal.text,
      domains: goal.domains,
      child: memberName(records, goal.personId),
      actions: plan.actions
        .filter((action) => action.goalId === goal.id)
        .map((action) => ({ description: action.description, responsible: responsibleOf(records, action.responsible), deadline: action.deadline || null, status: action.status, droppedReason: action.droppedReason })),
    })),
    participants: plan.participants.flatMap((personId) => {
      const member = records.members.find(({ person }) => person.id === personId);
      return member ? [{ fullName: personName(member.person), signs: !isChildOn(member.person.birthDate, today) }] : [];
    }),
    approval: approvalOf(records, plan.approval),
  };
}

/**
 * One version of the in-depth assessment against the first (as the case card's radar compares),
 * per child in the version's order. Charts are added by the caller: drawing them is the screen's job.
 */
export function assessmentSummaryData(records: CaseWorkRecords, assessments: readonly Assessment[], assessmentId: string): AssessmentSummaryData {
  const versions = assessments.filter((a) => a.deletedAt === null).sort((a, b) => a.version - b.version);
  const current = versions.find((a) => a.id === assessmentId);
  if (!current) throw new Error(`assessment ${assessmentId} not found`);
  const first = versions[0]!.id !== current.id ? versions[0]! : null;
  const sides = Object.keys(TRIANGLE) as TriangleSide[];
  const children: SummaryChild[] = current.children.map((child) => {
    const member = records.members.find(({ person }) => person.id === child.personId);
    const latest = childTriangle(current, child.personId);
    const earlier = first && first.children.some((c) => c.personId === child.personId) ? childTriangle(first, child.personId) : null;
    return {
      personId: child.personId,
      fullName: member ? personName(member.person) : EMPTY_NAME,
      birthDate: member?.person.birthDate ?? null,
      ratings: latest.map((entry, index) => ({ ...entry, first: earlier?.[index]?.rating ?? null })),
      means: sides.map((side) => ({ side, mean: sideMean(latest, side), first: earlier ? sideMean(earlier, side) : null })),
      views: child.views,
      chart: null,
    };
  });
  return {
    ...caseHeading(records),
    version: current.version,
    date: current.date,
    status: current.status,
    first: first ? { version: first.version, date: first.date } : null,
    children,
    conclusion: current.conclusion,
    approval: approvalOf(records, current.approval),
  };
}

/**
 * One monitoring: each reviewed action as the plan words it (the newest revision that has it),
 * and the plan revision the monitoring made with the reason recorded for it.
 */
export function monitoringReportData(records: CaseWorkRecords, monitoring: MonitoringRecord, plans: readonly FamilyPlan[], revisions: readonly PlanRevision[]): MonitoringReportData {
  const newestFirst = [...plans].filter((p) => p.deletedAt === null).sort((a, b) => b.revision - a.revision);
  const reviews = monitoring.actionReviews.map((review) => {
    const plan = newestFirst.find((p) => p.actions.some((action) => action.id === review.actionId));
    const action = plan?.actions.find((a) => a.id === review.actionId);
    return {
      goal: plan?.goals.find((goal) => goal.id === action?.goalId)?.text ?? '',
      description: action?.description ?? '',
      responsible: action ? responsibleOf(records, action.responsible) : ({ kind: 'unknown' } as const),
      deadline: action?.deadline || null,
      status: review.status,
      note: review.note,
    };
  });
  const revisionEntry =
    monitoring.planRevision === null
      ? undefined
      : [...revisions].filter((entry) => entry.revision === monitoring.planRevision && entry.deletedAt === null).sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
  return {
    ...caseHeading(records),
    date: monitoring.date,
    agreementDate: records.kase.agreement?.signedDate ?? null,
    reviews,
    changes: monitoring.changes,
    planRevision: monitoring.planRevision === null ? null : { revision: monitoring.planRevision, reason: revisionEntry?.reason ?? '' },
  };
}

export interface ClosureActForm {
  number: string;
  date: IsoDate;
  place: string;
}

/** The closure act of a closed case: how each goal ended and the triangle recorded at closure. */
export function closureActData(records: CaseWorkRecords, form: ClosureActForm): ClosureActData {
  const { kase } = records;
  if (!kase.closure) throw new Error(`case ${kase.id} is not closed`);
  const closure = kase.closure;
  const closedBy = [...(records.history ?? [])].filter((entry) => entry.kind === 'close' || entry.kind === 'decideEligibility').sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1)?.createdBy;
  const caseRecords = { kase, members: records.members, mahalla: records.mahalla, caseManager: undefined };
  const signerIds = defaultSignatories(caseRecords, closure.date);
  return {
    ...caseHeading(records),
    ...form,
    agreement: kase.agreement ? { number: kase.agreement.number, signedDate: kase.agreement.signedDate, endedDate: kase.agreement.endedDate ?? null } : null,
    closure: { date: closure.date, outcome: closure.outcome, reason: closure.reason },
    goals: (closure.goalOutcomes ?? []).map((outcome) => ({ text: outcome.goalText, result: outcome.result, note: outcome.note })),
    finalTriangle: closure.finalTriangle
      ? {
          version: closure.finalTriangle.version,
          date: closure.finalTriangle.date,
          children: closure.finalTriangle.children.map((child) => ({ fullName: memberName(records, child.personId) ?? EMPTY_NAME, ratings: child.ratings })),
        }
      : null,
    closedBy: userName(records, closedBy),
    familySigners: agreementMembers(caseRecords, closure.date)
      .filter(({ person }) => signerIds.includes(person.id))
      .map(({ person }) => personName(person)),
  };
}

export interface MinutesForm {
  number: string;
  place: string;
  chairId: string | null;
  secretaryId: string | null;
}

/** A case conference's minutes; `cases` gives each discussed case's number and head of family. */
export function conferenceMinutesData(
  office: OfficeProfile,
  conference: CaseConference,
  directory: Lookup & { mahallas: readonly Mahalla[] },
  cases: readonly { id: string; caseNumber: string; head: BiScriptText | null }[],
  form: MinutesForm,
): ConferenceMinutesData {
  // A step's responsible is an attendee of the directory, or a person typed as text.
  const who = (step: CaseConference['nextSteps'][number]): BiScriptText | string => (step.specialistId ? (printedSpecialist(directory, step.specialistId)?.fullName ?? step.who) : step.who);
  const attendee = (id: string | null) => (id ? (printedSpecialist(directory, id)?.fullName ?? null) : null);
  return {
    service: office.name,
    number: form.number,
    date: conference.date,
    place: form.place,
    mahalla: directory.mahallas.find((m) => m.id === conference.mahallaId)?.name ?? null,
    attendees: conference.attendees.flatMap((id) => {
      const person = printedSpecialist(directory, id);
      return person ? [person] : [];
    }),
    cases: conference.caseIds.flatMap((id) => {
      const found = cases.find((kase) => kase.id === id);
      return found ? [{ caseNumber: found.caseNumber, head: found.head }] : [];
    }),
    decisions: conference.decisions,
    nextSteps: conference.nextSteps.map((step) => ({ who: who(step), what: step.what, by: step.by })),
    chair: attendee(form.chairId),
    secretary: attendee(form.secretaryId),
  };
}

/** One case as the task sheet needs it: its current plan and what identifies it. */
export interface TaskSheetCase {
  kase: FamilyCase;
  plan: FamilyPlan;
  members: readonly { membership: Membership; person: Person }[];
  mahalla: Mahalla | undefined;
}

/** A team member's open actions across the cases given (those the user may read), by deadline. */
export function taskSheetData(office: OfficeProfile, specialistId: string, lookup: Lookup, cases: readonly TaskSheetCase[], date: IsoDate): TaskSheetData {
  const specialist = printedSpecialist(lookup, specialistId);
  if (!specialist) throw new Error(`specialist ${specialistId} not found`);
  const byCase = new Map(cases.map((entry) => [entry.kase.id, entry]));
  return {
    service: office.name,
    specialist,
    date,
    actions: actionsOf(
      cases.map((entry) => entry.plan),
      specialistId,
    )
      .filter((action) => byCase.has(action.caseId))
      .map((action) => {
        const entry = byCase.get(action.caseId)!;
        const manager = lookup.users.find((user) => user.id === entry.kase.caseManagerId);
        return {
          caseNumber: entry.kase.caseNumber,
          head: headOf(entry.members),
          mahalla: entry.mahalla?.name ?? null,
          caseManager: manager ? { fullName: manager.fullName, phone: manager.phone } : null,
          goal: entry.plan.goals.find((goal) => goal.id === action.goalId)?.text ?? '',
          description: action.description,
          deadline: isIsoDate(action.deadline) ? action.deadline : null,
          status: action.status,
        };
      }),
  };
}
