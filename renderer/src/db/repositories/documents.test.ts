import { beforeEach, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../domain/dates';
import { DEFAULT_NUMBERING, documentTextId } from '../../domain/documentRegister';
import { HamkorlikDb } from '../db';
import { memoryDexieOptions, NO_PERSON_DETAILS } from '../testing';
import { applyEvent, createCase, deleteCase, purgeCase } from './cases';
import { documentBytes, getNumbering, listDocuments, previewRegisterNumber, registerDocument, saveNumbering, saveTextOverride, textOverrides, type NewDocument } from './documents';

const INSTALLATION = '5d1c8a4e-8d1b-4c55-9a55-0c3f1e2d3b4a';
const SUPERVISOR = { userId: 'sup-1', installationId: INSTALLATION, roles: ['administrator', 'supervisor'] as const, mahallaIds: [] };
let db: HamkorlikDb;

beforeEach(async () => {
  db = new HamkorlikDb('documents', memoryDexieOptions());
  let tick = 0;
  db.clock = () => new Date(Date.UTC(2026, 10, 23, 8, 0, tick++));
  await db.open();
  db.session = { ...SUPERVISOR, roles: [...SUPERVISOR.roles] };
});

const person = (latn: string, cyrl: string, sex: 'male' | 'female', birthDate: string) => ({
  surname: { latn, cyrl, typed: 'latn' as const },
  firstName: { latn: 'Ali', cyrl: 'Али', typed: 'latn' as const },
  patronymic: null,
  sex,
  birthDate,
  ...NO_PERSON_DETAILS,
});

/** An eligible family's case, managed by `caseManagerId`: the only kind an agreement is printed for. */
async function newCase(caseManagerId: string, mahallaId: string) {
  const kase = await createCase(
    db,
    {
      address: { regionCode: '1727', districtCode: '1727259', mahallaId, street: 'Navoiy', house: '1', apartment: '' },
      phones: [],
      referral: { source: 'school', who: 'school', date: '2026-11-01', reason: 'absent' },
      vulnerability: ['EDU_ABSENTEEISM'],
      riskLevel: 'R2',
      consent: { date: '2026-11-02', takenBy: 'K', paperLocation: 'F' },
      caseManagerId,
    },
    [
      { relation: 'head', person: person('Karimov', 'Каримов', 'male', '1980-01-01') },
      { relation: 'child', person: person('Karimov', 'Каримов', 'male', '2015-01-01') },
    ],
    '1727259',
  );
  await applyEvent(db, kase.id, { type: 'advance', to: 'primaryAssessment' });
  await applyEvent(db, kase.id, { type: 'decideEligibility', decision: 'eligible', reason: 'criteria met', date: '2026-11-10' as IsoDate, criteria: ['EDU_ABSENTEEISM'] });
  return kase;
}

const agreement = (caseId: string | null, date = '2026-11-20'): NewDocument => ({
  kind: 'familyAgreement',
  number: 'K-1',
  date: date as IsoDate,
  caseId,
  language: 'uz-Latn',
  title: 'Kelishuv',
  fileName: 'Kelishuv K-1 (uz-Latn).docx',
  params: { months: 6 },
});

describe('the document register', () => {
  it('numbers documents per kind and year by the office scheme, and keeps the exact bytes', async () => {
    const kase = await newCase('sup-1', 'm1');
    const bytes = new Uint8Array([80, 75, 3, 4, 1, 2, 3]);
    expect(await previewRegisterNumber(db, 'familyAgreement', '2026-11-20' as IsoDate)).toBe('K-001/2026');
    const first = await registerDocument(db, agreement(kase.id), bytes);
    const second = await registerDocument(db, agreement(kase.id), new Uint8Array([9]));
    const decision = await registerDocument(db, { ...agreement(null), kind: 'hokimDecision' }, new Uint8Array([1]));
    const nextYear = await registerDocument(db, agreement(kase.id, '2027-01-05'), new Uint8Array([2]));
    expect([first.registerNumber, second.registerNumber, decision.registerNumber, nextYear.registerNumber]).toEqual(['K-001/2026', 'K-002/2026', 'Q-001/2026', 'K-001/2027']);
    expect(first).toMatchObject({ createdBy: 'sup-1', language: 'uz-Latn', caseId: kase.id, size: 7 });
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/u);
    const reopened = await documentBytes(db, first.id);
    expect(reopened.bytes).toEqual(bytes);
    expect((await listDocuments(db, { caseId: kase.id })).map((d) => d.registerNumber)).toEqual(['K-001/2027', 'K-002/2026', 'K-001/2026']);

    await saveNumbering(db, { template: '{year}/{prefix}{seq}', pad: 0, prefixes: { ...DEFAULT_NUMBERING.prefixes, hokimDecision: 'QR', familyAgreement: 'A' } });
    expect((await registerDocument(db, agreement(kase.id), new Uint8Array([3]))).registerNumber).toBe('2026/A3');
    // Schemes whose numbers could repeat are refused: no year, no sequence, no prefix, or one prefix for two kinds.
    for (const template of ['{prefix}-{seq}', '{prefix}-{year}', '{seq}/{year}']) {
      await expect(saveNumbering(db, { template, pad: 0, prefixes: DEFAULT_NUMBERING.prefixes })).rejects.toMatchObject({ code: 'invalid' });
    }
    await expect(saveNumbering(db, { template: '{prefix}-{seq}/{year}', pad: 0, prefixes: { ...DEFAULT_NUMBERING.prefixes, hokimDecision: 'K', familyAgreement: 'K' } })).rejects.toMatchObject({ code: 'invalid' });
    expect((await getNumbering(db)).template).toBe('{year}/{prefix}{seq}');
    // Back to the first scheme mid-year: the numbers it gave are not given again.
    await saveNumbering(db, { template: '{prefix}-{seq}/{year}', pad: 3, prefixes: DEFAULT_NUMBERING.prefixes });
    expect((await registerDocument(db, agreement(kase.id), new Uint8Array([4]))).registerNumber).toBe('K-004/2026');
  });

  it("a case manager registers documents of their own cases only; a specialist none; the decision is the supervisor's", async () => {
    const mine = await newCase('cm-1', 'm1');
    const theirs = await newCase('cm-2', 'm2');
    db.session = { userId: 'cm-1', installationId: INSTALLATION, roles: ['caseManager'], mahallaIds: ['m1'] };
    await registerDocument(db, agreement(mine.id), new Uint8Array([1]));
    await expect(registerDocument(db, agreement(theirs.id), new Uint8Array([1]))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(registerDocument(db, { ...agreement(null), kind: 'hokimDecision' }, new Uint8Array([1]))).rejects.toMatchObject({ code: 'forbidden' });
    db.session = { userId: 'sp-1', installationId: INSTALLATION, roles: ['specialist'], mahallaIds: ['m1'] };
    await expect(registerDocument(db, agreement(mine.id), new Uint8Array([1]))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it("lists only documents of cases the user may read, and refuses another mahalla's document bytes", async () => {
    const mine = await newCase('cm-1', 'm1');
    const theirs = await newCase('cm-2', 'm2');
    const own = await registerDocument(db, agreement(mine.id), new Uint8Array([1]));
    const other = await registerDocument(db, agreement(theirs.id), new Uint8Array([2]));
    await registerDocument(db, { ...agreement(null), kind: 'hokimDecision' }, new Uint8Array([3]));
    db.session = { userId: 'cm-1', installationId: INSTALLATION, roles: ['caseManager'], mahallaIds: ['m1'] };
    expect((await listDocuments(db)).map((d) => d.kind).sort()).toEqual(['familyAgreement', 'hokimDecision']);
    expect((await documentBytes(db, own.id)).bytes).toEqual(new Uint8Array([1]));
    await expect(documentBytes(db, other.id)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('keeps the office wording of a standard text per language; an empty text returns to the standard', async () => {
    await saveTextOverride(db, 'uz-Latn', 'decision.formula', ' QAROR QILAMIZ: ');
    expect(await textOverrides(db)).toEqual({ 'uz-Latn': { 'decision.formula': 'QAROR QILAMIZ:' } });
    await saveTextOverride(db, 'uz-Latn', 'decision.formula', '');
    expect(await textOverrides(db)).toEqual({});
    expect((await db.documentTexts.get(documentTextId('uz-Latn', 'decision.formula')))?.deletedAt).not.toBeNull();
    // Only texts the documents print, with no part the documents cannot fill in.
    await expect(saveTextOverride(db, 'uz-Latn', 'decision.nonexistent', 'X')).rejects.toMatchObject({ code: 'invalid' });
    await saveTextOverride(db, 'ru', 'decision.points.control', 'Контроль за исполнением настоящего решения оставляю за собой.');
    await expect(saveTextOverride(db, 'ru', 'decision.points.control', 'Контроль возложить на {{deputy}} и {{someone}}.')).rejects.toMatchObject({ code: 'invalid' });
    await saveTextOverride(db, 'ru', 'decision.points.control', 'Контроль за исполнением возложить на {{deputy}}.');
    db.session = { userId: 'sup-2', installationId: INSTALLATION, roles: ['supervisor'], mahallaIds: [] };
    await expect(saveTextOverride(db, 'ru', 'decision.formula', 'ПОСТАНОВЛЯЮ:')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('an agreement belongs to an eligible family; a purged case takes its documents and their bytes with it', async () => {
    const kase = await newCase('sup-1', 'm1');
    await expect(registerDocument(db, agreement(null), new Uint8Array([1]))).rejects.toMatchObject({ code: 'notFound' });
    const undecided = await newCase('sup-1', 'm1');
    await db.cases.update(undecided.id, { eligibility: null }); // as before the eligibility decision
    await expect(registerDocument(db, agreement(undecided.id), new Uint8Array([1]))).rejects.toMatchObject({ code: 'stageRefused' });
    const printed = await registerDocument(db, agreement(kase.id), new Uint8Array([7, 7, 7]));
    await deleteCase(db, kase.id);
    await purgeCase(db, kase.id);
    expect(await db.documentFiles.get(printed.id)).toBeUndefined();
    expect(await db.documents.get(printed.id)).toMatchObject({ id: printed.id, purgedAt: expect.any(String) });
    expect((await db.documents.get(printed.id)) as object).not.toHaveProperty('params');
    await expect(documentBytes(db, printed.id)).rejects.toMatchObject({ code: 'notFound' });
    db.session = { userId: 'cm-1', installationId: INSTALLATION, roles: ['caseManager'], mahallaIds: ['m1'] };
    expect(await listDocuments(db)).toEqual([]);
  });
});

describe('the case-work documents in the register', () => {
  const document = (kind: NewDocument['kind'], caseId: string | null, caseIds?: string[]): NewDocument => ({ ...agreement(caseId), kind, ...(caseIds ? { caseIds } : {}) });

  it('a scheme saved before the case-work kinds loads with their default prefixes, a prefix already in use getting a number', async () => {
    await db.settings.put({ key: 'documentNumbering', value: { template: '{year}/{prefix}{seq}', pad: 0, prefixes: { hokimDecision: 'QR', familyAgreement: 'R' } } });
    expect(await getNumbering(db)).toEqual({
      template: '{year}/{prefix}{seq}',
      pad: 0,
      prefixes: { hokimDecision: 'QR', familyAgreement: 'R', familyPlan: 'R2', assessmentSummary: 'B', monitoringReport: 'M', closureAct: 'D', conferenceMinutes: 'Y', taskSheet: 'T', monthlyReport: 'H' },
    });
    const kase = await newCase('sup-1', 'm1');
    expect((await registerDocument(db, document('familyPlan', kase.id), new Uint8Array([1]))).registerNumber).toBe('2026/R21');
    await db.settings.put({ key: 'documentNumbering', value: { template: '{prefix}-{seq}/{year}', pad: 3, prefixes: { hokimDecision: 'Q', familyAgreement: 'K' } } });
    expect(await getNumbering(db)).toEqual(DEFAULT_NUMBERING);
    expect(new Set(Object.values(DEFAULT_NUMBERING.prefixes)).size).toBe(Object.keys(DEFAULT_NUMBERING.prefixes).length);
    // A new kind's prefix the office set equal to another's is refused like any other pair.
    await expect(saveNumbering(db, { ...DEFAULT_NUMBERING, prefixes: { ...DEFAULT_NUMBERING.prefixes, taskSheet: 'Q' } })).rejects.toMatchObject({ code: 'invalid' });
  });

  it("numbers each kind on its own; a case's document needs its case, the closure act a closed one", async () => {
    const kase = await newCase('sup-1', 'm1');
    const numbers = [];
    for (const kind of ['familyPlan', 'assessmentSummary', 'monitoringReport'] as const) numbers.push((await registerDocument(db, document(kind, kase.id), new Uint8Array([1]))).registerNumber);
    expect(numbers).toEqual(['R-001/2026', 'B-001/2026', 'M-001/2026']);
    await expect(registerDocument(db, document('familyPlan', null), new Uint8Array([1]))).rejects.toMatchObject({ code: 'notFound' });
    await expect(registerDocument(db, document('closureAct', kase.id), new Uint8Array([1]))).rejects.toMatchObject({ code: 'stageRefused' });
    await applyEvent(db, kase.id, { type: 'close', outcome: 'refused', reason: 'Oila voz kechdi', date: '2026-11-20' as IsoDate });
    expect((await registerDocument(db, document('closureAct', kase.id), new Uint8Array([1]))).registerNumber).toBe('D-001/2026');
    // Minutes and task sheets are of several cases, never of one.
    await expect(registerDocument(db, document('conferenceMinutes', kase.id), new Uint8Array([1]))).rejects.toMatchObject({ code: 'invalid' });
    await expect(registerDocument(db, document('familyPlan', kase.id, [kase.id]), new Uint8Array([1]))).rejects.toMatchObject({ code: 'invalid' });
  });

  it('minutes and task sheets are generated and read again only by those who read every case they cover', async () => {
    const mine = await newCase('cm-1', 'm1');
    const theirs = await newCase('cm-2', 'm2');
    db.session = { userId: 'cm-1', installationId: INSTALLATION, roles: ['caseManager'], mahallaIds: ['m1'] };
    await expect(registerDocument(db, document('conferenceMinutes', null, [mine.id, theirs.id]), new Uint8Array([1]))).rejects.toMatchObject({ code: 'forbidden' });
    const minutes = await registerDocument(db, document('conferenceMinutes', null, [mine.id, mine.id]), new Uint8Array([1]));
    expect(minutes).toMatchObject({ caseId: null, caseIds: [mine.id], registerNumber: 'Y-001/2026' });
    const sheet = await registerDocument(db, document('taskSheet', null, []), new Uint8Array([2]));
    db.session = { userId: 'cm-2', installationId: INSTALLATION, roles: ['caseManager'], mahallaIds: ['m2'] };
    expect((await listDocuments(db)).map((d) => d.id)).toEqual([sheet.id]);
    await expect(documentBytes(db, minutes.id)).rejects.toMatchObject({ code: 'forbidden' });
    db.session = { ...SUPERVISOR, roles: [...SUPERVISOR.roles] };
    await deleteCase(db, mine.id);
    await purgeCase(db, mine.id);
    // The minutes still name the purged family: nobody is given them again.
    await expect(documentBytes(db, minutes.id)).rejects.toMatchObject({ code: 'notFound' });
  });
});
