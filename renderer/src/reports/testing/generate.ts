import type { PlacementKind } from '../../domain/caseWork';
import type { IsoDate } from '../../domain/dates';
import type { FamilyCase } from '../../domain/familyCase';
import type { PlanAction } from '../../domain/plan';
import { closureOutcomesFor, type ClosureOutcome, type OpenStage, type Stage } from '../../domain/stages';
import type { RiskLevel } from '../../domain/vulnerability';
import { action, assessment, at, CaseStory, emptyInput, type InputArrays, mahalla, membership, meta, monitoring, person, placement, plan, specialist, team, user } from './records';

/**
 * A seeded office for the reports' tests: a few hundred cases with their stage histories (through
 * the real stage machine), members, monitorings, placements, plans and assessments, with the
 * awkward parts on purpose: entries written just after midnight or late in the evening (the office
 * is UTC+5), decisions typed a few days before they were written, reopened cases, cases transferred
 * out, deleted and purged cases, children born or turning 18 in the period, children who changed
 * placement twice, shared children, deleted monitorings, placements and plan revisions.
 *
 * Beside the stored records it keeps its own log of what happened (`truth`), in office days, so a
 * test computes the expected figures from that log, not by replaying the stored records.
 */

export interface TruthEvent {
  kind: 'created' | 'advance' | 'decide' | 'sign' | 'close' | 'reopen';
  /** The office day the event was written. */
  day: IsoDate;
  /** The stage after it. */
  stage: Stage;
  /** The date the user typed (decision, signing, closure). */
  typed?: IsoDate;
  outcome?: ClosureOutcome;
}

export interface TruthCase {
  id: string;
  deleted: boolean;
  mahallaId: string;
  caseManagerId: string;
  districtCode: string;
  riskLevel: RiskLevel;
  /** The criteria the current eligibility decision confirmed, or null. */
  criteria: string[] | null;
  referralDate: IsoDate;
  events: TruthEvent[];
  transfer: IsoDate | null;
  members: { personId: string; birthDate: IsoDate; from: IsoDate; to: IsoDate | null }[];
  /** In the order written. */
  placements: { personId: string; kind: PlacementKind; from: IsoDate; deleted: boolean }[];
  monitorings: { date: IsoDate; deleted: boolean }[];
  plans: { revision: number; deleted: boolean; actions: { deadline: IsoDate; status: PlanAction['status'] }[] }[];
  assessments: { id: string; completedDay: IsoDate | null; approvedDay: IsoDate | null; deleted: boolean }[];
}

export interface GeneratedOffice {
  input: InputArrays;
  truth: TruthCase[];
  today: IsoDate;
}

/** Mulberry32: small, fast, and the same on every machine. */
function rngFrom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, int, chance: (p: number) => next() < p, pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)]! };
}
type Rng = ReturnType<typeof rngFrom>;

const DAY = 86_400_000;
const num = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY;
const iso = (n: number) => new Date(n * DAY).toISOString().slice(0, 10) as IsoDate;
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const START = num('2024-01-01');
const TODAY = num('2026-06-30');
const MAHALLAS = ['mh-0', 'mh-1', 'mh-2', 'mh-3', 'mh-4', 'mh-5'];
const MANAGERS = ['cm-0', 'cm-1', 'cm-2', 'cm-3', 'cm-old'];
const DISTRICTS = ['1703', '1706', '1709'];
const CODES = ['ECO_LOW_INCOME', 'ECO_UNEMPLOYED', 'FAM_LARGE', 'FAM_SINGLE_PARENT', 'FAM_CONFLICT', 'HLT_CHILD_DISABILITY'];
const RISKS: RiskLevel[] = ['R0', 'R1', 'R2', 'R3'];
const GAPS: Record<Stage, [number, number]> = {
  identification: [1, 10],
  primaryAssessment: [2, 20],
  agreement: [0, 10],
  inDepthAssessment: [5, 30],
  planning: [3, 20],
  implementation: [10, 60],
  monitoring: [15, 90],
  closed: [20, 200],
};

/** The office day and minute of each entry, so a case's entries are written in order. */
class Clock {
  private day = 0;
  private minute = 0;
  constructor(private readonly rng: Rng) {}
  /** An instant on `day` (or, when the day is full, the next) after the last one; returns the day used and the time. */
  stamp(day: number): { day: number; time: string } {
    if (day > this.day) {
      const r = this.rng.next();
      this.day = day;
      this.minute = r < 0.1 ? this.rng.int(0, 59) : r < 0.2 ? this.rng.int(23 * 60, 23 * 60 + 50) : this.rng.int(9 * 60, 18 * 60);
    } else if (this.minute >= 23 * 60 + 55) {
      this.day += 1;
      this.minute = this.rng.int(9 * 60, 10 * 60);
    } else this.minute = Math.min(23 * 60 + 59, this.minute + this.rng.int(1, 4));
    return { day: this.day, time: hhmm(this.minute) };
  }
}

class OfficeGenerator {
  readonly input = emptyInput();
  readonly truth: TruthCase[] = [];
  private readonly rng: Rng;

  constructor(seed: number) {
    this.rng = rngFrom(seed);
  }

  run(families: number): GeneratedOffice {
    const rng = this.rng;
    this.input.mahallas.push(...MAHALLAS.map(mahalla));
    this.input.users.push(...MANAGERS.map((id) => user(id, ['caseManager'], id !== 'cm-old')), user('sup', ['supervisor']));
    for (let s = 0; s < 12; s++) {
      const trained = rng.chance(0.65) ? iso(rng.int(num('2023-06-01'), TODAY)) : null;
      this.input.specialists.push(specialist(`sp-${s}`, trained, [rng.pick(MAHALLAS), rng.pick(MAHALLAS)], s === 11));
    }
    MAHALLAS.forEach((mahallaId, index) => this.input.teams.push(team(`team-${index}`, mahallaId, [`sp-${index}`, `sp-${index + 6}`, `sp-${(index + 3) % 12}`])));
    this.input.teams.push({ ...team('team-gone', 'mh-0', ['sp-1']), deletedAt: at('2025-01-01') });
    for (let f = 0; f < families; f++) this.family(f);
    return { input: this.input, truth: this.truth, today: iso(TODAY) };
  }

  private family(f: number): void {
    const rng = this.rng;
    const id = `case-${f}`;
    const created = rng.int(START, TODAY - 3);
    const referral = created - rng.int(0, 6);
    const criteria = [...new Set([rng.pick(CODES), rng.pick(CODES), rng.pick(CODES)])].slice(0, rng.int(1, 3));
    const setup = { referralDate: iso(referral), mahallaId: rng.pick(MAHALLAS), caseManagerId: rng.chance(0.05) ? 'cm-old' : rng.pick(MANAGERS.slice(0, 4)), districtCode: rng.pick(DISTRICTS), riskLevel: rng.pick(RISKS), criteria };
    const truth: TruthCase = { id, deleted: false, ...setup, referralDate: iso(referral), criteria: null, events: [], transfer: null, members: [], placements: [], monitorings: [], plans: [], assessments: [] };
    const story = new CaseStory(id, setup);
    this.path(story, truth, created, referral, criteria);
    truth.riskLevel = story.build().riskLevel;
    this.members(truth, referral, created);
    this.caseWork(story, truth);
    this.store(story, truth);
    this.truth.push(truth);
  }

  /** The stage path, event by event, until today, a transfer or the end of the story. */
  private path(story: CaseStory, truth: TruthCase, created: number, referral: number, criteria: readonly string[]): void {
    const rng = this.rng;
    const clock = new Clock(rng);
    const log = (kind: TruthEvent['kind'], day: number, extra: Partial<TruthEvent> = {}) => truth.events.push({ kind, day: iso(day), stage: story.stage, ...extra });
    let { day, time } = clock.stamp(created);
    story.created(iso(day), time);
    log('created', day);
    let eligible: string[] | null = null;
    let signed: number | null = null;
    let decided = referral;
    let reopened = false;
    for (;;) {
      const stage = story.stage;
      const [min, max] = GAPS[stage];
      const planned = day + rng.int(min, max);
      if (planned > TODAY) break;
      // Mostly open cases move away; now and then a closed case's file follows the family.
      if (rng.chance(stage === 'closed' ? 0.1 : 0.025)) {
        truth.transfer = iso(planned);
        story.transferOut('1799', iso(planned), '12:00'); // no draw from the clock: the rest of the story stays as it was
        break;
      }
      if (stage === 'monitoring' && rng.chance(0.4)) {
        day = planned; // a month or two of monitoring without a stage event
        continue;
      }
      const previous = day;
      ({ day, time } = clock.stamp(planned));
      if (day > TODAY) break;
      const typed = (constraint: number) => Math.max(day - (rng.chance(0.6) ? 0 : rng.int(1, 3)), previous, constraint);
      const close = () => {
        const outcome = rng.pick(closureOutcomesFor(stage));
        const date = typed(signed ?? 0);
        story.close(outcome, iso(date), iso(day), time);
        log('close', day, { typed: iso(date), outcome });
      };
      const advance = (to: OpenStage) => {
        story.advance(to, iso(day), time);
        log('advance', day);
      };
      const r = rng.next();
      switch (stage) {
        case 'identification':
          if (r < 0.9) advance('primaryAssessment');
          else close();
          break;
        case 'primaryAssessment':
          if (eligible === null && r < 0.12) {
            const date = typed(0);
            story.decide(false, iso(date), iso(day), time);
            log('decide', day, { typed: iso(date), outcome: 'notEligible' });
            eligible = [];
          } else if (eligible === null && r < 0.92) {
            decided = typed(0);
            story.decide(true, iso(decided), iso(day), time);
            log('decide', day, { typed: iso(decided) });
            eligible = truth.criteria = [...criteria];
          } else if (eligible !== null && r < 0.85) {
            signed = typed(decided);
            story.sign(iso(signed), iso(day), time);
            log('sign', day, { typed: iso(signed) });
          } else close();
          break;
        case 'agreement':
          if (r < 0.9) advance('inDepthAssessment');
          else close();
          break;
        case 'inDepthAssessment':
          if (r < 0.85) advance('planning');
          else close();
          break;
        case 'planning':
          if (r < 0.9) advance('implementation');
          else close();
          break;
        case 'implementation':
          if (r < 0.7) advance('monitoring');
          else if (r < 0.8) advance('planning');
          else close();
          break;
        case 'monitoring':
          if (r < 0.3) advance('planning');
          else if (r < 0.4) advance('inDepthAssessment');
          else if (r < 0.55) advance('implementation');
          else close();
          break;
        case 'closed':
          if (reopened || r < 0.7) return;
          reopened = true;
          story.reopen(iso(day), time);
          log('reopen', day);
          eligible = truth.criteria = null;
          signed = null;
          break;
      }
    }
  }

  private members(truth: TruthCase, referral: number, created: number): void {
    const rng = this.rng;
    const add = (personId: string, birth: number, from: number, to: number | null) => {
      truth.members.push({ personId, birthDate: iso(birth), from: iso(from), to: to === null ? null : iso(to) });
    };
    add(`${truth.id}-head`, rng.int(num('1970-01-01'), num('1995-12-31')), referral - rng.int(0, 3000), null);
    const children = rng.int(1, 4);
    for (let c = 0; c < children; c++) {
      // From before the window (some turn 18 in it) to babies born in it.
      const birth = rng.int(num('2005-06-01'), TODAY - 1);
      const joined = rng.chance(0.05) ? rng.int(created, TODAY) : referral - rng.int(0, 3000);
      const from = Math.max(birth, joined);
      // Some leave the family, often on the last day of a month (a period's end: still a member that day).
      const left = rng.chance(0.12) && from < TODAY ? rng.int(from, TODAY) : null;
      const to = left !== null && rng.chance(0.5) ? Math.max(from, num(`${iso(left).slice(0, 8)}01`) - 1) : left;
      add(`${truth.id}-c${c}`, birth, from, to);
    }
    // A child shared with the previous family (moved to relatives).
    const previous = this.truth.at(-1)?.members.find((m) => m.personId.endsWith('-c0'));
    if (previous && rng.chance(0.05)) truth.members.push({ ...previous, from: iso(Math.max(num(previous.birthDate), rng.int(created, TODAY))), to: null });
  }

  /** The agreements' stretches: signed date as the case holds it, and the day the episode ended. */
  private agreements(truth: TruthCase): { signed: number; end: number }[] {
    const spans: { signed: number; end: number }[] = [];
    truth.events.forEach((event, index) => {
      if (event.kind !== 'sign') return;
      const ending = truth.events.slice(index).find((e) => e.stage === 'closed');
      const ends = [ending ? num(ending.day) : TODAY, truth.transfer ? num(truth.transfer) : TODAY];
      spans.push({ signed: num(event.typed!), end: Math.min(...ends, TODAY) });
    });
    return spans;
  }

  private caseWork(story: CaseStory, truth: TruthCase): void {
    const rng = this.rng;
    for (const { signed, end } of this.agreements(truth)) {
      let last = signed;
      for (let k = 1; ; k++) {
        const due = num(addMonthsPlain(iso(signed), k));
        if (due - 30 > end) break;
        const r = rng.next();
        const dates = r < 0.5 ? [due - rng.int(0, 10)] : r < 0.6 ? [due] : r < 0.8 ? [due + rng.int(1, 12)] : r < 0.9 ? [] : [due - rng.int(5, 10), due - rng.int(0, 4)];
        for (const date of dates) {
          const clamped = Math.max(date, last, signed);
          if (clamped > end) continue;
          last = clamped;
          truth.monitorings.push({ date: iso(clamped), deleted: rng.chance(0.03) });
        }
      }
      const kids = truth.members.filter((m) => m.personId.includes('-c') && num(m.birthDate) > signed - 17 * 365);
      if (kids.length && rng.chance(0.35)) this.placements(truth, rng.pick(kids).personId, signed, end);
    }
    if (truth.events.some((e) => e.stage === 'planning')) {
      const from = num(truth.events.find((e) => e.stage === 'planning')!.day);
      const revisions = rng.int(1, 3);
      for (let revision = 1; revision <= revisions; revision++) {
        const actions = Array.from({ length: rng.int(1, 4) }, () => ({ deadline: iso(rng.int(from, TODAY + 90)), status: rng.pick(['planned', 'inProgress', 'done', 'dropped'] as const) }));
        truth.plans.push({ revision, deleted: revision > 1 && revision === revisions && rng.chance(0.2), actions });
      }
    }
    const assessed = truth.events.find((e) => e.stage === 'inDepthAssessment');
    const versions = assessed ? rng.int(1, 2) : 0;
    for (let version = 1; version <= versions; version++) {
      const completed = rng.chance(0.8) ? rng.int(num(assessed!.day), TODAY) : null;
      const approved = completed !== null && rng.chance(0.6) ? completed + rng.int(0, 30) : null;
      truth.assessments.push({ id: `${truth.id}-as${version}`, completedDay: completed === null ? null : iso(completed), approvedDay: approved === null || approved > TODAY ? null : iso(approved), deleted: rng.chance(0.05) });
    }
    if (rng.chance(0.2)) story.work('conference', truth.events.at(-1)!.day, '23:59');
  }

  /** A child's placements during an agreement: placed and returned, placed with guardians, moved, or placed long before. */
  private placements(truth: TruthCase, personId: string, start: number, end: number): void {
    const rng = this.rng;
    const t1 = rng.int(start, end);
    const t2 = rng.int(t1, end);
    const plans: [PlacementKind, number][][] = [
      [['institution', t1], ['returnedFromInstitution', t2]],
      [['family', start], ['institution', t1], ['returnedFromInstitution', t2]],
      [['fosterOrGuardian', t1]],
      [['institution', t1], ['institution', t2]],
      [['institution', start - rng.int(30, 400)], ['returnedFromInstitution', t1]],
      [['institution', end + rng.int(1, 60)]],
    ];
    for (const [kind, day] of rng.pick(plans)) if (day <= TODAY) truth.placements.push({ personId, kind, from: iso(day), deleted: rng.chance(0.05) });
  }

  private store(story: CaseStory, truth: TruthCase): void {
    const rng = this.rng;
    const input = this.input;
    const id = truth.id;
    const r = rng.next();
    truth.deleted = r < 0.05;
    const purged = r < 0.015;
    const kase: FamilyCase = story.build();
    const records = {
      history: story.history,
      persons: truth.members.map((m) => person(m.personId, m.birthDate)),
      memberships: truth.members.map((m) => membership(id, m.personId, m.from, m.to)),
      monitorings: truth.monitorings.map((m, i) => monitoring(id, m.date, `${id}-mon${i}`, m.deleted)),
      placements: truth.placements.map((p, i) => placement(id, p.personId, p.kind, p.from, `${id}-pl${i}`, p.deleted)),
      plans: truth.plans.map((p) => plan(id, p.revision, p.actions.map((a, i) => action(`${id}-r${p.revision}-a${i}`, a.deadline, a.status)), p.deleted)),
      assessments: truth.assessments.map((a) =>
        assessment(a.id, id, a.completedDay === null ? null : at(a.completedDay, rng.pick(['00:20', '12:00', '23:40'])), a.approvedDay === null ? null : at(a.approvedDay, rng.pick(['00:10', '15:00', '23:50'])), a.deleted),
      ),
    };
    if (purged) {
      // A purged case leaves tombstones only: identity and deletion, no contents.
      const tomb = <T>(record: { id: string }) => ({ ...meta(record.id, at('2026-06-01'), true), purgedAt: at('2026-06-01') }) as unknown as T;
      input.cases.push(tomb(kase));
      for (const key of Object.keys(records) as (keyof typeof records)[]) (input[key] as unknown[]).push(...records[key].map((record) => tomb(record)));
      return;
    }
    input.cases.push(truth.deleted ? { ...kase, deletedAt: at('2026-06-01') } : kase);
    for (const key of Object.keys(records) as (keyof typeof records)[]) (input[key] as unknown[]).push(...records[key]);
  }
}

/** `date` plus `months` months, the day kept or the month's last day (written here so the generator does not lean on the code under test). */
export function addMonthsPlain(date: string, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}` as IsoDate;
}

/** Generates the office; the same seed gives the same office. */
export function generateOffice(seed: number, families = 400): GeneratedOffice {
  return new OfficeGenerator(seed).run(families);
}
