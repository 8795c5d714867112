import { describe, expect, it } from 'vitest';
import { canDo, canOnCase, canStoreCase, tableAccess, type Actor } from './access';

const actor = (roles: Actor['roles'], mahallaIds: string[] = [], userId = 'me'): Actor => ({ userId, roles, mahallaIds });
const mine = { caseManagerId: 'me', address: { mahallaId: 'm1' } };
const colleagues = { caseManagerId: 'other', address: { mahallaId: 'm1' } };
const elsewhere = { caseManagerId: 'other', address: { mahallaId: 'm2' } };

describe('the permission table', () => {
  it('a case manager changes the cases they manage and reads their mahallas’ others', () => {
    const cm = actor(['caseManager'], ['m1']);
    expect([mine, colleagues, elsewhere].map((kase) => canOnCase(cm, 'read', kase))).toEqual([true, true, false]);
    expect([mine, colleagues, elsewhere].map((kase) => canOnCase(cm, 'change', kase))).toEqual([true, false, false]);
    // Their own case in another mahalla stays theirs.
    expect(canOnCase(actor(['caseManager'], ['m2']), 'read', mine)).toBe(true);
    expect(canOnCase(cm, 'close', mine)).toBe(false);
  });

  it('a case manager cannot hand a case on nor open one for someone else; a supervisor can', () => {
    const cm = actor(['caseManager'], ['m1']);
    expect(canStoreCase(cm, null, mine)).toBe(true);
    expect(canStoreCase(cm, null, colleagues)).toBe(false);
    expect(canStoreCase(cm, mine, colleagues)).toBe(false);
    expect(canStoreCase(actor(['supervisor']), mine, colleagues)).toBe(true);
  });

  it('roles add up', () => {
    const both = actor(['specialist', 'caseManager'], ['m1']);
    expect(canOnCase(both, 'change', mine)).toBe(true);
    expect(canDo(actor(['viewer']), 'listCases')).toBe(false);
    expect(canDo(actor(['viewer']), 'readReports')).toBe(true);
    expect(canDo(actor([]), 'readReports')).toBe(false);
  });

  it('administrators set up exchange and restore; administrators and supervisors write backups', () => {
    const roles = ['administrator', 'supervisor', 'caseManager', 'specialist', 'viewer'] as const;
    expect(roles.map((role) => canDo(actor([role]), 'manageExchange'))).toEqual([true, false, false, false, false]);
    expect(roles.map((role) => canDo(actor([role]), 'backup'))).toEqual([true, true, false, false, false]);
    expect(roles.map((role) => canDo(actor([role]), 'transferCases'))).toEqual([true, true, false, false, false]);
    expect(roles.map((role) => tableAccess(actor([role]), 'exchangeBases', 'read'))).toEqual([true, true, false, false, false]);
    expect(roles.map((role) => tableAccess(actor([role]), 'exchangeLog', 'write'))).toEqual([true, true, false, false, false]);
  });

  it('the middleware’s table check: specialists and viewers never write case tables; only administrators write accounts and office', () => {
    expect(tableAccess(actor(['specialist']), 'cases', 'write')).toBe(false);
    expect(tableAccess(actor(['specialist']), 'cases', 'read')).toBe(true);
    expect(tableAccess(actor(['viewer']), 'persons', 'read')).toBe(false);
    expect(tableAccess(actor(['caseManager']), 'users', 'write')).toBe(false);
    expect(tableAccess(actor(['administrator']), 'mahallas', 'write')).toBe(true);
    expect(tableAccess(actor(['caseManager']), 'audit', 'write')).toBe(true);
    expect(tableAccess(actor(['caseManager']), 'audit', 'read')).toBe(false);
  });
});
