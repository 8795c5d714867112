import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../domain/dates';
import type { FamilyCase } from '../domain/familyCase';
import { caseTimeline, episodeEnd, episodeOn, isOpenOn, officeDay, stageOn, stateOn } from './stageOn';
import { at, CaseStory, d, meta, OFFICE_OFFSET } from './testing/records';

const dayOf = officeDay(OFFICE_OFFSET);

function fullStory() {
  return new CaseStory('c1', { referralDate: '2026-01-02' })
    .created('2026-01-05')
    .advance('primaryAssessment', '2026-01-06')
    .decide(true, '2026-01-10')
    .work('conference', '2026-01-12')
    .sign('2026-01-31', '2026-02-02')
    .advance('inDepthAssessment', '2026-02-03')
    .advance('planning', '2026-02-20')
    .advance('implementation', '2026-03-01')
    .advance('monitoring', '2026-03-31')
    .close('selfSufficient', '2026-05-29', '2026-06-01');
}

describe('office days', () => {
  it('read an instant at UTC+5: just after midnight is the next day, late evening is the same day', () => {
    expect(dayOf('2026-03-31T18:59:59.000Z')).toBe('2026-03-31');
    expect(dayOf('2026-03-31T19:00:00.000Z')).toBe('2026-04-01');
    expect(dayOf(at('2026-04-01', '00:30'))).toBe('2026-04-01');
    expect(dayOf(at('2026-03-31', '23:30'))).toBe('2026-03-31');
    expect(dayOf('2026-12-31T20:00:00.000Z')).toBe('2027-01-01');
  });

  it('without an offset, take the machine’s calendar as toIsoDate does', () => {
    const lateEvening = new Date(2026, 2, 31, 23, 30);
    expect(officeDay()(lateEvening.toISOString())).toBe('2026-03-31');
    expect(officeDay()(lateEvening.toISOString())).toBe(toIsoDate(lateEvening));
  });
});

describe('a case replayed from its history', () => {
  const story = fullStory();
  const timeline = caseTimeline(story.build(), story.history, dayOf);

  it('answers the stage at the end of any day, nothing before the case was made', () => {
    expect(stageOn(timeline, d('2026-01-04'))).toBeNull();
    expect(stageOn(timeline, d('2026-01-05'))).toBe('identification');
    expect(stageOn(timeline, d('2026-01-31'))).toBe('primaryAssessment'); // signed on the 31st, written on 2 February
    expect(stageOn(timeline, d('2026-02-02'))).toBe('agreement');
    expect(stageOn(timeline, d('2026-03-30'))).toBe('implementation');
    expect(stageOn(timeline, d('2026-03-31'))).toBe('monitoring');
    expect(stageOn(timeline, d('2026-05-31'))).toBe('monitoring');
    expect(stageOn(timeline, d('2026-06-01'))).toBe('closed');
    expect(isOpenOn(timeline, d('2026-05-31'))).toBe(true);
    expect(isOpenOn(timeline, d('2026-06-01'))).toBe(false);
  });

  it('keeps the dates typed on the case beside the days the entries were written', () => {
    expect(timeline.episodes).toEqual([
      {
        openedOn: '2026-01-05',
        identifiedOn: '2026-01-02',
        agreement: { on: '2026-02-02', signed: '2026-01-31' },
        closure: { on: '2026-06-01', recorded: '2026-05-29', outcome: 'selfSufficient' },
      },
    ]);
    expect(episodeEnd(timeline, timeline.episodes[0]!)).toBe('2026-06-01');
  });

  it('ignores case-work entries and deleted entries', () => {
    const kinds = timeline.steps.map((step) => step.kind);
    expect(kinds).not.toContain('conference');
    const tombstone = { ...story.history.at(-1)!, id: 'gone', deletedAt: at('2026-06-02'), createdAt: at('2026-06-02'), kind: 'reopen' as const, from: 'closed' as const, to: 'primaryAssessment' as const };
    expect(stageOn(caseTimeline(story.build(), [...story.history, tombstone], dayOf), d('2026-06-10'))).toBe('closed');
  });

  it('takes entries in the order they were written, whatever order they come in', () => {
    const shuffled = [...story.history].reverse();
    expect(caseTimeline(story.build(), shuffled, dayOf)).toEqual(timeline);
  });

  it('orders entries written in the same instant by how their stages chain', () => {
    const same = new CaseStory('c2', { referralDate: '2026-01-02' }).created('2026-01-05').advance('primaryAssessment', '2026-01-05', '10:00').decide(false, '2026-01-05', '2026-01-05', '10:00');
    const history = same.history.map((entry) => (entry.kind === 'created' ? entry : { ...entry, createdAt: at('2026-01-05', '10:00') })).reverse();
    const replayed = caseTimeline(same.build(), history, dayOf);
    expect(replayed.steps.map((step) => step.stage)).toEqual(['identification', 'primaryAssessment', 'closed']);
  });
});

describe('reopening, ineligibility, transfers', () => {
  it('a reopened case: two episodes; the first closure keeps its outcome from the history entry', () => {
    const story = new CaseStory('c1', { referralDate: '2025-12-20' })
      .created('2026-01-05')
      .advance('primaryAssessment', '2026-01-06')
      .close('refused', '2026-01-20')
      .reopen('2026-03-10')
      .decide(true, '2026-03-15')
      .sign('2026-03-20');
    const timeline = caseTimeline(story.build(), story.history, dayOf);
    expect(timeline.episodes).toEqual([
      { openedOn: '2026-01-05', identifiedOn: '2025-12-20', agreement: null, closure: { on: '2026-01-20', recorded: '2026-01-20', outcome: 'refused' } },
      { openedOn: '2026-03-10', identifiedOn: '2026-03-10', agreement: { on: '2026-03-20', signed: '2026-03-20' }, closure: null },
    ]);
    expect([d('2026-01-19'), d('2026-01-20'), d('2026-03-09'), d('2026-03-10')].map((day) => isOpenOn(timeline, day))).toEqual([true, false, false, true]);
    expect(stageOn(timeline, d('2026-03-10'))).toBe('primaryAssessment');
    expect(episodeOn(timeline, d('2026-02-01'))).toBe(timeline.episodes[0]);
    expect(episodeOn(timeline, d('2026-03-10'))).toBe(timeline.episodes[1]);
  });

  it('a closure written before its entry kept the outcome, then reopened: the outcome reads as unrecorded', () => {
    const story = new CaseStory('c1', { referralDate: '2025-12-20' }).created('2026-01-05').advance('primaryAssessment', '2026-01-06').close('refused', '2026-01-20').reopen('2026-03-10');
    const legacy = story.history.map(({ outcome: _outcome, ...entry }) => entry);
    expect(caseTimeline(story.build(), legacy, dayOf).episodes[0]!.closure!.outcome).toBe('unrecorded');
  });

  it('found not eligible: closed by the decision, on its date', () => {
    const story = new CaseStory('c1', { referralDate: '2026-01-01' }).created('2026-01-05').advance('primaryAssessment', '2026-01-06').decide(false, '2026-01-09', '2026-01-12');
    const timeline = caseTimeline(story.build(), story.history, dayOf);
    expect(timeline.episodes[0]!.closure).toEqual({ on: '2026-01-12', recorded: '2026-01-09', outcome: 'notEligible' });
    expect(stageOn(timeline, d('2026-01-11'))).toBe('primaryAssessment');
  });

  it('a case transferred out is not held (nor open) from the end of the transfer day', () => {
    // Sent at 23:30 office time on 15 February: 18:30 UTC, still the 15th at the office.
    const story = new CaseStory('c1', { referralDate: '2026-01-01' }).created('2026-01-05').advance('primaryAssessment', '2026-01-06').transferOut('1706', '2026-02-15', '23:30');
    const timeline = caseTimeline(story.build(), story.history, dayOf);
    expect(timeline.transferredOut).toEqual({ on: '2026-02-15', toDistrict: '1706' });
    expect(stateOn(timeline, d('2026-02-14'))).toEqual({ stage: 'primaryAssessment', held: true, open: true });
    expect(stateOn(timeline, d('2026-02-15'))).toEqual({ stage: 'primaryAssessment', held: false, open: false });
    expect(episodeEnd(timeline, timeline.episodes[0]!)).toBe('2026-02-15');
  });

  it('a case without stage history is taken as it stands, from the day it was made', () => {
    const kase: FamilyCase = { ...new CaseStory('c1', { referralDate: '2025-01-01' }).build(), ...meta('c1', at('2025-02-01')), stage: 'planning', agreement: { signedDate: d('2025-01-20'), number: '1' } };
    const timeline = caseTimeline(kase, [], dayOf);
    expect(stageOn(timeline, d('2025-01-31'))).toBeNull();
    expect(stageOn(timeline, d('2025-02-01'))).toBe('planning');
    expect(timeline.episodes[0]!.agreement).toEqual({ on: '2025-02-01', signed: '2025-01-20' });
  });
});
