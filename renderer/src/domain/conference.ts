import { normalizeApostrophes } from './apostrophes';
import type { CaseConference, ConferenceNextStep } from './caseWork';
import { isIsoDate, type IsoDate } from './dates';

/**
 * The rules of a case conference record (the interagency team's meeting), pure, so the repository
 * refuses what the form warns about, with the same codes: `<field>:<code>`, where a next step's
 * field is `nextSteps.<row>.<who|what|by>`. The form translates each code.
 */

/** What a user enters: dates as typed (validated here), texts untrimmed. */
export interface ConferenceInput {
  date: string;
  mahallaId: string | null;
  attendees: readonly string[];
  caseIds: readonly string[];
  decisions: string;
  nextSteps: readonly { specialistId: string | null; who: string; what: string; by: string | null }[];
}

export type ConferenceFields = Pick<CaseConference, 'date' | 'mahallaId' | 'attendees' | 'caseIds' | 'decisions' | 'nextSteps'>;

const text = (value: string) => normalizeApostrophes(value).trim();
const unique = (ids: readonly string[]) => [...new Set(ids.filter(Boolean))];

/** A next-step row with nothing in it: the form's empty row, dropped rather than refused. */
export function isBlankStep(step: ConferenceInput['nextSteps'][number]): boolean {
  return !step.specialistId && !step.who.trim() && !step.what.trim() && !step.by;
}

/**
 * The input tidied: texts trimmed with Uzbek apostrophes written the official way, ids once each,
 * a typed name dropped when an attendee is chosen, and rows left wholly blank dropped (the form
 * offers an empty row to start from).
 */
export function tidyConference(input: ConferenceInput): ConferenceInput {
  const nextSteps = input.nextSteps
    .filter((step) => !isBlankStep(step))
    .map((step) => ({ specialistId: step.specialistId || null, who: step.specialistId ? '' : text(step.who), what: text(step.what), by: step.by || null }));
  return { date: input.date, mahallaId: input.mahallaId || null, attendees: unique(input.attendees), caseIds: unique(input.caseIds), decisions: text(input.decisions), nextSteps };
}

/** The problems of a tidied input, as `<field>:<code>`; none when it may be saved. */
export function conferenceProblems(input: ConferenceInput, today: IsoDate): string[] {
  const problems: string[] = [];
  if (!isIsoDate(input.date)) problems.push('date:invalidDate');
  else if (input.date > today) problems.push('date:dateInFuture');
  if (input.attendees.length === 0) problems.push('attendees:required');
  if (input.caseIds.length === 0) problems.push('caseIds:required');
  if (!input.decisions) problems.push('decisions:required');
  input.nextSteps.forEach((step, row) => {
    if (step.specialistId && !input.attendees.includes(step.specialistId)) problems.push(`nextSteps.${row}.who:notAttendee`);
    else if (!step.specialistId && !step.who) problems.push(`nextSteps.${row}.who:required`);
    if (!step.what) problems.push(`nextSteps.${row}.what:required`);
    if (step.by !== null && !isIsoDate(step.by)) problems.push(`nextSteps.${row}.by:invalidDate`);
    else if (step.by !== null && isIsoDate(input.date) && step.by < input.date) problems.push(`nextSteps.${row}.by:beforeConference`);
  });
  return problems;
}

/** The stored fields of a tidied input that has no problems. */
export function conferenceFields(input: ConferenceInput): ConferenceFields {
  return {
    date: input.date as IsoDate,
    mahallaId: input.mahallaId,
    attendees: [...input.attendees],
    caseIds: [...input.caseIds],
    decisions: input.decisions,
    nextSteps: input.nextSteps.map((step): ConferenceNextStep => ({ specialistId: step.specialistId, who: step.who, what: step.what, by: step.by as IsoDate | null })),
  };
}

/** Splits a problem code into its field (a next step's row apart) and its code, for translating. */
export function parseProblem(problem: string): { field: string; row: number | null; code: string } {
  const [path = '', code = ''] = problem.split(':');
  const match = /^nextSteps\.(\d+)\.(\w+)$/u.exec(path);
  return match ? { field: `nextSteps.${match[2]}`, row: Number(match[1]), code } : { field: path, row: null, code };
}
