import { describe, expect, it } from 'vitest';
import { demoOffice } from '../devtools/demoOffice';
import { unknownCode } from './recordCodes';

describe('the codes a transfer import checks', () => {
  it("knows every code of a generated office's records", () => {
    const { set } = demoOffice({ families: 40, seed: 7 });
    for (const [table, records] of Object.entries(set)) {
      if (!Array.isArray(records)) continue;
      for (const record of records) expect(unknownCode(table, record as object), `${table} ${(record as { id?: string }).id}`).toBeUndefined();
    }
  });

  it('names the first unknown code with where it sits: at the top, inside an object, in each item of a list, in a map of domains', () => {
    expect(unknownCode('cases', { stage: 'aftercare' })).toEqual({ field: 'stage', value: 'aftercare' });
    expect(unknownCode('cases', { stage: 'closed', closure: { outcome: 'emigrated', reason: '', date: '2026-11-01' } })).toEqual({ field: 'closure.outcome', value: 'emigrated' });
    expect(unknownCode('cases', { closure: null, eligibility: null, vulnerability: ['ECO_LOW_INCOME', 'nope'] })).toMatchObject({ field: 'vulnerability[]', value: 'nope' });
    expect(unknownCode('plans', { status: 'draft', actions: [{ status: 'done', deadline: '2026-12-01' }, { status: 'postponed', deadline: '2026-12-01' }] })).toEqual({ field: 'actions[].status', value: 'postponed' });
    expect(unknownCode('assessments', { family: { housing: { rating: 5 } } })).toMatchObject({ field: expect.stringMatching(/^family/u) });
    expect(unknownCode('assessments', { children: [{ domains: { spaceTravel: { rating: 2 } } }] })).toEqual({ field: 'children[].domains', value: 'spaceTravel' });
    expect(unknownCode('memberships', { relation: 'head', from: '2026-02-30', to: null })).toEqual({ field: 'from', value: '2026-02-30' });
    // A list where one was expected, an object where a code was: named too.
    expect(unknownCode('cases', { vulnerability: 'ECO_LOW_INCOME' })).toEqual({ field: 'vulnerability[]', value: 'ECO_LOW_INCOME' });
    expect(unknownCode('assessments', { children: { domains: {} } })).toEqual({ field: 'children[].domains', value: '{"domains":{}}' });
    expect(unknownCode('persons', { sex: { latn: 'male' } })).toEqual({ field: 'sex', value: '{"latn":"male"}' });
  });

  it('leaves absent fields to the record schema, allows null where the type does, and knows nothing of other tables', () => {
    expect(unknownCode('cases', {})).toBeUndefined();
    expect(unknownCode('persons', { sex: 'female', birthDate: '2015-12-31', disability: null })).toBeUndefined();
    expect(unknownCode('caseHistory', { kind: 'created', from: null, to: 'identification' })).toBeUndefined();
    // A draft plan's new action may have no deadline yet; a wrong one is still refused.
    expect(unknownCode('plans', { status: 'draft', actions: [{ status: 'planned', deadline: '' }] })).toBeUndefined();
    expect(unknownCode('plans', { status: 'draft', actions: [{ status: 'planned', deadline: '20.12.2026' }] })).toEqual({ field: 'actions[].deadline', value: '20.12.2026' });
    expect(unknownCode('caseHistory', { kind: 'created', from: 'identification', to: null })).toEqual({ field: 'to', value: 'null' });
    expect(unknownCode('users', { roles: ['astronaut'] })).toBeUndefined();
  });
});
