import { beforeEach, describe, expect, it } from 'vitest';
import { HamkorlikDb } from '../../db/db';
import { createCase } from '../../db/repositories/cases';
import { readReportInput } from '../../db/repositories/reports';
import { memoryDexieOptions, NO_PERSON_DETAILS } from '../../db/testing';
import type { CaseDraft } from '../../domain/caseDraft';
import { biScriptFrom } from '../../domain/names';
import { computeIndicators } from '../../reports';
import { createReportJob, type ReportReply, type ReportRequest } from './reportJob';

const INSTALLATION = '5d2e7a10-4b3c-4d5e-8f60-718293a4b5c6';
const HEAD = { userId: 'head-1', installationId: INSTALLATION, roles: ['administrator' as const, 'supervisor' as const], mahallaIds: [] };
const VIEWER = { userId: 'viewer-1', installationId: INSTALLATION, roles: ['viewer' as const], mahallaIds: [] };
let db: HamkorlikDb;

beforeEach(async () => {
  db = new HamkorlikDb(`report-job-${Math.random()}`, memoryDexieOptions());
  db.clock = () => new Date(Date.UTC(2026, 10, 23, 8, 0, 0));
  await db.open();
  db.session = HEAD;
});

const draft: CaseDraft = {
  address: { regionCode: '1727', districtCode: '1727259', mahallaId: 'm1', street: 'Navoiy', house: '12', apartment: '' },
  phones: ['90 123 45 67'],
  referral: { source: 'school', who: '12-maktab', date: '2026-11-01', reason: 'Misses school' },
  vulnerability: ['EDU_ABSENTEEISM'],
  riskLevel: 'R2',
  consent: { date: '2026-11-02', takenBy: 'Karimova D.', paperLocation: 'Folder 3' },
  caseManagerId: 'cm-1',
};
const seed = async () => {
  for (const surname of ['Aliyev', 'Qodirov']) await createCase(db, draft, [{ relation: 'head', person: { surname: biScriptFrom(surname), firstName: biScriptFrom('Vali'), patronymic: null, sex: 'male', birthDate: '1980-01-01', ...NO_PERSON_DETAILS } }], '1727259');
};

describe('the report job (the worker\'s work)', () => {
  const request = (id: number, refresh: boolean): ReportRequest => ({ id, dbName: db.name, session: HEAD, period: { from: '2026-11-01', to: '2026-11-30' } as ReportRequest['period'], options: {}, refresh });

  it('reads once per visit, recomputes on a new period, and says why it failed as a code', async () => {
    await seed();
    const replies: ReportReply[] = [];
    let reads = 0;
    const run = createReportJob(async (_request, progress) => {
      reads += 1;
      progress(1, 1);
      return readReportInput(db, HEAD);
    }, (reply) => replies.push(reply));
    await run(request(1, true));
    await run({ ...request(2, false), period: { from: '2026-10-01', to: '2026-10-31' } as ReportRequest['period'] });
    expect(reads).toBe(1);
    const results = replies.filter((r) => r.kind === 'result');
    expect(results.map((r) => r.kind === 'result' && r.indicators.families.new.families)).toEqual([2, 0]);
    expect(replies.filter((r) => r.kind === 'trend')).toHaveLength(2);
    expect(replies.find((r) => r.kind === 'progress')).toEqual({ id: 1, kind: 'progress', read: 1, of: 1 });

    const failing = createReportJob(() => readReportInput(db, { ...VIEWER, roles: [] }), (reply) => replies.push(reply));
    await failing(request(3, true));
    expect(replies.at(-1)).toEqual({ id: 3, kind: 'error', code: 'forbidden' });
  });
});

describe('the report job keeps the indexed records per filter', () => {
  it('gives the same figures from the kept index as from a fresh computation, for another period and another filter', async () => {
    await seed();
    const replies: ReportReply[] = [];
    const run = createReportJob(() => readReportInput(db, HEAD), (reply) => replies.push(reply));
    const base: Omit<ReportRequest, 'id'> = { dbName: db.name, session: HEAD, period: { from: '2026-11-01', to: '2026-11-30' } as ReportRequest['period'], options: {}, refresh: true };
    await run({ id: 1, ...base });
    await run({ id: 2, ...base, refresh: false, period: { from: '2026-10-01', to: '2026-12-31' } as ReportRequest['period'] });
    await run({ id: 3, ...base, refresh: false, options: { mahallaId: 'elsewhere' } });
    await run({ id: 4, ...base, refresh: false });
    const results = replies.flatMap((r) => (r.kind === 'result' ? [r.indicators] : []));
    const input = await readReportInput(db, HEAD);
    expect(results[1]).toEqual(computeIndicators(input, base.period && { from: '2026-10-01', to: '2026-12-31' } as ReportRequest['period']));
    expect(results[2]!.families.new.families).toBe(0);
    expect(results[3]).toEqual(results[0]);
    expect(results[0]).toEqual(computeIndicators(input, base.period));
  });
});
