import { describe, expect, it } from 'vitest';
import { conferenceProblems, parseProblem, tidyConference, type ConferenceInput } from './conference';
import type { IsoDate } from './dates';

const today = '2026-11-23' as IsoDate;
const input = (changes: Partial<ConferenceInput>): ConferenceInput => ({ date: '2026-11-20', mahallaId: 'm1', attendees: ['s1'], caseIds: ['c1'], decisions: 'Agreed', nextSteps: [], ...changes });

describe('case conference rules', () => {
  it('a deadline on the day of the meeting is fine; a step may name someone who was not there as text', () => {
    expect(conferenceProblems(tidyConference(input({ nextSteps: [{ specialistId: null, who: 'Maktab', what: 'Davomat', by: '2026-11-20' }] })), today)).toEqual([]);
  });

  it('the meeting may be held today, not tomorrow', () => {
    expect(conferenceProblems(tidyConference(input({ date: today })), today)).toEqual([]);
    expect(conferenceProblems(tidyConference(input({ date: '2026-11-24' })), today)).toEqual(['date:dateInFuture']);
  });

  it('problem codes split into the field the form translates and the row it shows', () => {
    expect(parseProblem('nextSteps.2.by:beforeConference')).toEqual({ field: 'nextSteps.by', row: 2, code: 'beforeConference' });
    expect(parseProblem('decisions:required')).toEqual({ field: 'decisions', row: null, code: 'required' });
  });
});
