import type { Assessment } from '../../domain/assessment';
import type { MonitoringRecord, Placement, PlacementKind } from '../../domain/caseWork';
import type { IsoDate } from '../../domain/dates';
import type { MahallaTeam, Specialist } from '../../domain/directory';
import type { CaseHistoryEntry, CustodyTransferOut, FamilyCase } from '../../domain/familyCase';
import type { Mahalla } from '../../domain/mahalla';
import type { Membership, Person, Relation } from '../../domain/person';
import type { FamilyPlan, PlanAction } from '../../domain/plan';
import type { RecordMeta } from '../../domain/record';
import { applyCaseEvent, type CaseEvent, type ClosureOutcome, type OpenStage, type StageFacts } from '../../domain/stages';
import type { User } from '../../domain/user';
import type { RiskLevel } from '../../domain/vulnerability';
import type { ReportInput } from '../reportData';

/** Builders of stored records for the reports' tests: an office at UTC+5, instants written in office time. */

export const OFFICE_OFFSET = 300;
export const d = (text: string) => text as IsoDate;

/** The instant of office time `time` (hh:mm, UTC+5) on `day`, as stored (ISO, UTC). */
export function at(day: string, time = '10:00'): string {
  const [y, m, dd] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, dd, hh, mm) - OFFICE_OFFSET * 60_000).toISOString();
}

const LONG_AGO = at('2020-01-01');

export function meta(id: string, createdAt = LONG_AGO, deleted = false): RecordMeta {
  return { id, installationId: 'inst-1', createdAt, createdBy: 'cm-1', updatedAt: createdAt, updatedBy: 'cm-1', rev: 1, deletedAt: deleted ? createdAt : null };
}

const name = (text: string) => ({ latn: text, cyrl: text, typed: 'latn' as const });

export function person(id: string, birthDate: string, deleted = false): Person {
  return {
    ...meta(id, undefined, deleted),
    surname: name(id),
    firstName: name(id),
    patronymic: null,
    sex: 'female',
    birthDate: d(birthDate),
    pinfl: null,
    pinflCheckAccepted: false,
    document: null,
    education: null,
    employment: null,
    disability: null,
    migration: null,
    healthNotes: '',
    dupKey: id,
  };
}

export function membership(caseId: string, personId: string, from: string, to: string | null = null, relation: Relation = 'child'): Membership {
  return { ...meta(`m-${caseId}-${personId}-${from}`), caseId, personId, relation, from: d(from), to: to === null ? null : d(to) };
}

export function monitoring(caseId: string, date: string, id = `mon-${caseId}-${date}`, deleted = false): MonitoringRecord {
  return { ...meta(id, at(date), deleted), caseId, date: d(date), actionReviews: [], changes: 'reviewed', planRevision: null };
}

export function placement(caseId: string, personId: string, kind: PlacementKind, from: string, id = `pl-${personId}-${from}-${kind}`, deleted = false): Placement {
  return { ...meta(id, at(from), deleted), caseId, personId, kind, from: d(from), note: '' };
}

export function action(id: string, deadline: string, status: PlanAction['status']): PlanAction {
  return { id, goalId: 'g1', description: id, responsible: { kind: 'member', personId: 'p' }, deadline: d(deadline), status, droppedReason: status === 'dropped' ? 'x' : '' };
}

export function plan(caseId: string, revision: number, actions: PlanAction[], deleted = false): FamilyPlan {
  return { ...meta(`plan-${caseId}-${revision}`, undefined, deleted), caseId, revision, status: 'approved', goals: [], actions, participants: [], approval: null };
}

/** An assessment completed and approved at the given instants (null: not yet). */
export function assessment(id: string, caseId: string, completedAt: string | null, approvedAt: string | null, deleted = false): Assessment {
  return {
    ...meta(id, undefined, deleted),
    caseId,
    version: 1,
    date: d('2020-01-01'),
    status: completedAt === null ? 'draft' : approvedAt === null ? 'completed' : 'approved',
    children: [],
    family: {},
    conclusion: '',
    completedAt,
    approval: approvedAt === null ? null : { by: 'sup', at: approvedAt, note: '' },
  };
}

export function user(id: string, roles: User['roles'] = ['caseManager'], active = true): User {
  return { ...meta(id), username: id, fullName: name(id), position: '', phone: null, roles, mahallaIds: [], active };
}

export function specialist(id: string, trainedOn: string | null, mahallaIds: string[] = [], deleted = false): Specialist {
  return { ...meta(id, undefined, deleted), fullName: name(id), agencyId: 'a', position: { uzLatn: '', uzCyrl: '', ru: '' }, phone: null, mahallaIds, trainedOn: trainedOn === null ? null : d(trainedOn), userId: null };
}

export function team(id: string, mahallaId: string, specialistIds: string[]): MahallaTeam {
  return { ...meta(id), mahallaId, members: specialistIds.map((specialistId) => ({ specialistId, role: 'other' })), coordinatorUserId: null };
}

export function mahalla(id: string): Mahalla {
  return { ...meta(id), name: { uzLatn: id, uzCyrl: id, ru: id } };
}

/** A report input being filled in: plain, writable arrays. */
export type InputArrays = { -readonly [K in keyof ReportInput]-?: NonNullable<ReportInput[K]> extends readonly (infer T)[] ? T[] : never };

export function emptyInput(): InputArrays {
  return { cases: [], history: [], persons: [], memberships: [], monitorings: [], plans: [], planRevisions: [], assessments: [], placements: [], users: [], specialists: [], teams: [], mahallas: [] };
}

export interface CaseSetup {
  referralDate: string;
  mahallaId?: string;
  caseManagerId?: string;
  districtCode?: string;
  riskLevel?: RiskLevel;
  criteria?: string[];
}

/**
 * A case told event by event through the real stage machine: each step is written at an office
 * day and time (the history entry), and may carry the date the user typed (decision, signing,
 * closure). `build()` gives the stored case and its history.
 */
export class CaseStory {
  private facts: StageFacts = { stage: 'identification', eligibility: null, agreement: null, closure: null };
  private riskLevel: RiskLevel;
  private createdAt = '';
  private transferredOut: CustodyTransferOut | undefined;
  readonly history: CaseHistoryEntry[] = [];

  constructor(
    readonly id: string,
    private readonly setup: CaseSetup,
  ) {
    this.riskLevel = setup.riskLevel ?? 'R1';
  }

  get stage() {
    return this.facts.stage;
  }

  created(day: string, time?: string): this {
    this.createdAt = at(day, time);
    return this.write('created', null, 'identification', this.createdAt);
  }

  private write(kind: CaseHistoryEntry['kind'], from: CaseHistoryEntry['from'], to: CaseHistoryEntry['to'], createdAt: string, extra: Partial<CaseHistoryEntry> = {}): this {
    this.history.push({ ...meta(`h-${this.id}-${this.history.length}`, createdAt), caseId: this.id, kind, from, to, reason: kind, ...extra });
    return this;
  }

  /** Applies an event written on `day` at `time`; refusals throw (a test's story must be legal). */
  event(event: CaseEvent, day: string, time?: string): this {
    const result = applyCaseEvent(this.facts, event, { today: d(day), userId: 'cm-1' });
    if (!result.ok) throw new Error(`${this.id}: ${event.type} refused (${result.refusal}) at ${this.facts.stage}`);
    if (event.type === 'decideEligibility' && event.riskLevel) this.riskLevel = event.riskLevel;
    const closing = result.facts.stage === 'closed' && this.facts.stage !== 'closed' && result.facts.closure;
    this.facts = result.facts;
    // As the cases repository writes it: a closure's entry keeps its outcome, which a reopening clears from the case.
    return this.write(result.change.kind, result.change.from, result.change.to, at(day, time), closing ? { outcome: closing.outcome } : {});
  }

  advance(to: OpenStage, day: string, time?: string): this {
    return this.event({ type: 'advance', to }, day, time);
  }

  /** Decided on `date`, written on `day` (the same day unless given). */
  decide(eligible: boolean, date: string, day = date, time?: string): this {
    const criteria = this.setup.criteria ?? ['ECO_LOW_INCOME'];
    return this.event({ type: 'decideEligibility', decision: eligible ? 'eligible' : 'notEligible', reason: 'decided', date: d(date), ...(eligible ? { criteria } : {}) }, day, time);
  }

  sign(date: string, day = date, time?: string): this {
    return this.event({ type: 'signAgreement', signedDate: d(date), number: '1' }, day, time);
  }

  close(outcome: Exclude<ClosureOutcome, 'notEligible'>, date: string, day = date, time?: string): this {
    return this.event({ type: 'close', outcome, reason: 'closed', date: d(date) }, day, time);
  }

  /** Sent in custody to another district on `day` at `time`, as the exchange marks it. */
  transferOut(toDistrict: string | null, day: string, time?: string): this {
    this.transferredOut = { transferId: `t-${this.id}`, at: at(day, time), to: toDistrict ? { districtCode: toDistrict } : null, receivedAt: null };
    return this;
  }

  reopen(day: string, time?: string): this {
    return this.event({ type: 'reopen', reason: 'again' }, day, time);
  }

  /** A case-work entry (it does not move the stage). */
  work(kind: 'monitoring' | 'placement' | 'assessmentCompleted' | 'conference', day: string, time?: string): this {
    return this.write(kind, this.facts.stage, this.facts.stage, at(day, time));
  }

  build(): FamilyCase {
    const s = this.setup;
    return {
      ...meta(this.id, this.createdAt),
      ...this.facts,
      caseNumber: this.id,
      address: { regionCode: '17', districtCode: s.districtCode ?? '1703', mahallaId: s.mahallaId ?? 'mh-1', street: '', house: '', apartment: '' },
      phones: [],
      referral: { source: 'mahalla', who: '', date: d(s.referralDate), reason: '' },
      vulnerability: s.criteria ?? ['ECO_LOW_INCOME'],
      riskLevel: this.riskLevel,
      consent: null,
      caseManagerId: s.caseManagerId ?? 'cm-1',
      custody: { districtCode: s.districtCode ?? '1703', since: this.createdAt, ...(this.transferredOut ? { transferredOut: this.transferredOut } : {}) },
      summary: { head: null, members: 0, children: 0 },
      sortName: '',
      searchKeys: [],
    };
  }
}
