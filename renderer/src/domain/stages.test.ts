import { describe, expect, it } from 'vitest';
import type { IsoDate } from './dates';
import { applyCaseEvent, availableEvents, closureOutcomesFor, STAGES, type CaseEvent, type OpenStage, type Stage, type StageFacts } from './stages';

const context = { today: '2026-11-23' as IsoDate, userId: 'u1' };
const d = (text: string) => text as IsoDate;
const eligible = { decision: 'eligible' as const, reason: 'poor family', date: d('2026-10-01'), decidedBy: 'u1' };
const signed = { signedDate: d('2026-10-05'), number: '12' };

/** A case at `stage` with every precondition met, so only the table itself decides. */
function ready(stage: Stage): StageFacts {
  const past = STAGES.indexOf(stage);
  return {
    stage,
    eligibility: past >= STAGES.indexOf('primaryAssessment') ? eligible : null,
    agreement: past >= STAGES.indexOf('inDepthAssessment') ? signed : null,
    closure: stage === 'closed' ? { outcome: 'refused', reason: 'x', date: d('2026-11-01') } : null,
  };
}

// The specification, written out by hand: from each stage, where an "advance" may go.
const ALLOWED: Record<Stage, OpenStage[]> = {
  identification: ['primaryAssessment'],
  primaryAssessment: [],
  agreement: ['inDepthAssessment'],
  inDepthAssessment: ['planning'],
  planning: ['implementation'],
  implementation: ['monitoring', 'planning'],
  monitoring: ['planning', 'implementation', 'inDepthAssessment'],
  closed: [],
};
const OPEN = STAGES.filter((s): s is OpenStage => s !== 'closed');

describe('stage machine: the whole transition table', () => {
  for (const from of STAGES) {
    for (const to of OPEN) {
      const allowed = ALLOWED[from].includes(to);
      it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused'}`, () => {
        const facts = from === 'agreement' && to === 'inDepthAssessment' ? { ...ready(from), agreement: signed } : ready(from);
        const result = applyCaseEvent(facts, { type: 'advance', to }, context);
        if (allowed) expect(result).toMatchObject({ ok: true, facts: { stage: to }, change: { kind: 'advance', from, to } });
        else expect(result).toEqual({ ok: false, refusal: from === 'closed' ? 'caseClosed' : to === 'agreement' ? 'agreementNotSigned' : 'transitionNotAllowed' });
      });
    }
  }
});

describe('stage machine: guards', () => {
  it('no agreement before eligibility is decided, and no way into the agreement stage but signing it', () => {
    const undecided = { ...ready('primaryAssessment'), eligibility: null };
    const sign: CaseEvent = { type: 'signAgreement', signedDate: d('2026-10-05'), number: '1' };
    expect(applyCaseEvent(undecided, sign, context)).toEqual({ ok: false, refusal: 'eligibilityNotDecided' });
    expect(applyCaseEvent(ready('primaryAssessment'), { type: 'advance', to: 'agreement' }, context)).toEqual({ ok: false, refusal: 'agreementNotSigned' });
  });

  it('no in-depth assessment or plan before the agreement is signed', () => {
    expect(applyCaseEvent({ ...ready('agreement'), agreement: null }, { type: 'advance', to: 'inDepthAssessment' }, context)).toEqual({ ok: false, refusal: 'agreementNotSigned' });
    expect(applyCaseEvent({ ...ready('inDepthAssessment'), agreement: null }, { type: 'advance', to: 'planning' }, context)).toEqual({ ok: false, refusal: 'agreementNotSigned' });
  });

  it('"not eligible" closes the case with that outcome and who decided', () => {
    const result = applyCaseEvent({ ...ready('primaryAssessment'), eligibility: null }, { type: 'decideEligibility', decision: 'notEligible', reason: 'income above threshold', date: d('2026-11-20') }, context);
    expect(result).toMatchObject({
      ok: true,
      facts: { stage: 'closed', closure: { outcome: 'notEligible', date: '2026-11-20' }, eligibility: { decision: 'notEligible', decidedBy: 'u1' } },
      change: { kind: 'decideEligibility', from: 'primaryAssessment', to: 'closed', reason: 'income above threshold' },
    });
  });

  it('eligibility is decided in primary assessment only, with a reason, not in the future', () => {
    const event: CaseEvent = { type: 'decideEligibility', decision: 'eligible', reason: 'ok', date: d('2026-11-20'), criteria: ['EDU_ABSENTEEISM'] };
    expect(applyCaseEvent(ready('identification'), event, context)).toEqual({ ok: false, refusal: 'wrongStage' });
    expect(applyCaseEvent(ready('primaryAssessment'), { ...event, reason: '  ' }, context)).toEqual({ ok: false, refusal: 'reasonRequired' });
    expect(applyCaseEvent(ready('primaryAssessment'), { ...event, date: d('2026-11-24') }, context)).toEqual({ ok: false, refusal: 'dateInFuture' });
    expect(applyCaseEvent(ready('primaryAssessment'), event, context)).toMatchObject({ ok: true, facts: { stage: 'primaryAssessment', eligibility: { decision: 'eligible' } } });
  });

  it('an eligible family is eligible for confirmed criteria of the reference list; the decision keeps them and the risk level', () => {
    const event: CaseEvent = { type: 'decideEligibility', decision: 'eligible', reason: 'ok', date: d('2026-11-20') };
    expect(applyCaseEvent(ready('primaryAssessment'), event, context)).toEqual({ ok: false, refusal: 'criteriaRequired' });
    expect(applyCaseEvent(ready('primaryAssessment'), { ...event, criteria: [] }, context)).toEqual({ ok: false, refusal: 'criteriaRequired' });
    expect(applyCaseEvent(ready('primaryAssessment'), { ...event, criteria: ['NO_SUCH_CODE'] }, context)).toEqual({ ok: false, refusal: 'unknownCriterion' });
    expect(applyCaseEvent(ready('primaryAssessment'), { ...event, criteria: ['EDU_ABSENTEEISM', 'EDU_ABSENTEEISM'], riskLevel: 'R3' }, context)).toMatchObject({
      ok: true,
      facts: { eligibility: { confirmedCriteria: ['EDU_ABSENTEEISM'], riskLevel: 'R3' } },
    });
    // Not eligible needs no criteria.
    expect(applyCaseEvent({ ...ready('primaryAssessment'), eligibility: null }, { ...event, decision: 'notEligible' }, context)).toMatchObject({ ok: true, facts: { stage: 'closed' } });
  });

  it('the agreement is signed at the agreement stage, not before eligibility nor in the future', () => {
    const facts = { ...ready('agreement'), agreement: null };
    expect(applyCaseEvent(facts, { type: 'signAgreement', signedDate: d('2026-09-30'), number: '1' }, context)).toEqual({ ok: false, refusal: 'dateBeforeEligibility' });
    expect(applyCaseEvent(facts, { type: 'signAgreement', signedDate: d('2026-12-01'), number: '1' }, context)).toEqual({ ok: false, refusal: 'dateInFuture' });
    expect(applyCaseEvent(facts, { type: 'signAgreement', signedDate: d('2026-10-05'), number: ' 17/2026 ' }, context)).toMatchObject({ ok: true, facts: { agreement: { number: '17/2026' }, stage: 'agreement' } });
    expect(applyCaseEvent(ready('inDepthAssessment'), { type: 'signAgreement', signedDate: d('2026-10-05'), number: '1' }, context)).toEqual({ ok: false, refusal: 'wrongStage' });
  });

  it('signing the agreement is what brings an eligible family from primary assessment to the agreement stage', () => {
    const sign: CaseEvent = { type: 'signAgreement', signedDate: d('2026-10-05'), number: '3/2026' };
    expect(applyCaseEvent(ready('primaryAssessment'), sign, context)).toMatchObject({ ok: true, facts: { stage: 'agreement', agreement: { number: '3/2026' } }, change: { from: 'primaryAssessment', to: 'agreement' } });
    expect(applyCaseEvent({ ...ready('primaryAssessment'), eligibility: null }, sign, context)).toEqual({ ok: false, refusal: 'eligibilityNotDecided' });
    expect(applyCaseEvent({ ...ready('primaryAssessment'), eligibility: { ...eligible, decision: 'notEligible' } }, sign, context)).toEqual({ ok: false, refusal: 'notEligible' });
    expect(applyCaseEvent(ready('identification'), sign, context)).toEqual({ ok: false, refusal: 'wrongStage' });
  });

  it('closing needs a reason; "self-sufficient" only after help was delivered', () => {
    const close = (stage: Stage, outcome: 'selfSufficient' | 'refused', reason = 'why') =>
      applyCaseEvent(ready(stage), { type: 'close', outcome, reason, date: d('2026-11-20') }, context);
    for (const stage of OPEN) {
      expect(close(stage, 'selfSufficient').ok, stage).toBe(stage === 'implementation' || stage === 'monitoring');
      expect(close(stage, 'refused').ok, stage).toBe(true);
      expect(close(stage, 'refused', '')).toEqual({ ok: false, refusal: 'reasonRequired' });
    }
    expect(close('closed', 'refused')).toEqual({ ok: false, refusal: 'caseClosed' });
  });

  it('reopening needs a reason and starts again at primary assessment', () => {
    expect(applyCaseEvent(ready('closed'), { type: 'reopen', reason: '' }, context)).toEqual({ ok: false, refusal: 'reasonRequired' });
    expect(applyCaseEvent(ready('monitoring'), { type: 'reopen', reason: 'x' }, context)).toEqual({ ok: false, refusal: 'transitionNotAllowed' });
    expect(applyCaseEvent(ready('closed'), { type: 'reopen', reason: 'new referral from school' }, context)).toMatchObject({
      ok: true,
      facts: { stage: 'primaryAssessment', closure: null, eligibility: null, agreement: null },
      change: { kind: 'reopen', from: 'closed', to: 'primaryAssessment', reason: 'new referral from school' },
    });
  });

  it('refuses empty or impossible dates and a blank agreement number', () => {
    expect(applyCaseEvent(ready('primaryAssessment'), { type: 'decideEligibility', decision: 'eligible', reason: 'ok', date: d('') }, context)).toEqual({ ok: false, refusal: 'invalidDate' });
    expect(applyCaseEvent(ready('monitoring'), { type: 'close', outcome: 'refused', reason: 'x', date: d('2026-02-30') }, context)).toEqual({ ok: false, refusal: 'invalidDate' });
    const facts = { ...ready('agreement'), agreement: null };
    expect(applyCaseEvent(facts, { type: 'signAgreement', signedDate: d(''), number: '1' }, context)).toEqual({ ok: false, refusal: 'invalidDate' });
    expect(applyCaseEvent(facts, { type: 'signAgreement', signedDate: d('2026-10-05'), number: ' ' }, context)).toEqual({ ok: false, refusal: 'numberRequired' });
  });

  it('offers closure outcomes and event dialogs that fit the stage', () => {
    expect(closureOutcomesFor('identification')).not.toContain('selfSufficient');
    expect(closureOutcomesFor('monitoring')).toContain('selfSufficient');
    expect(availableEvents({ ...ready('primaryAssessment'), eligibility: null })).toEqual(['advance', 'decideEligibility', 'urgentAction', 'close']);
    expect(availableEvents(ready('primaryAssessment'))).toContain('signAgreement');
    expect(availableEvents({ ...ready('agreement'), agreement: null })).toContain('signAgreement');
    expect(availableEvents({ ...ready('agreement'), agreement: signed })).not.toContain('signAgreement');
    expect(availableEvents(ready('closed'))).toEqual(['reopen']);
  });

  it('the emergency path records urgent actions before any agreement, with a reason', () => {
    const facts = ready('identification');
    expect(applyCaseEvent(facts, { type: 'urgentAction', reason: '' }, context)).toEqual({ ok: false, refusal: 'reasonRequired' });
    expect(applyCaseEvent(facts, { type: 'urgentAction', reason: 'child left alone, no food' }, context)).toMatchObject({
      ok: true,
      facts: { stage: 'identification', agreement: null },
      change: { kind: 'urgentAction', from: 'identification', to: 'identification' },
    });
    expect(applyCaseEvent(ready('closed'), { type: 'urgentAction', reason: 'x' }, context)).toEqual({ ok: false, refusal: 'caseClosed' });
  });
});
