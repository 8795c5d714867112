import { beforeEach, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../domain/dates';
import { documentTextId } from '../../domain/documentRegister';
import { HamkorlikDb } from '../db';
import { memoryDexieOptions } from '../testing';
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
  pinfl: null,
  pinflCheckAccepted: false,
  document: null,
  education: null,
  employment: null,
  disability: null,
  migration: null,
  healthNotes: '',
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

    await saveNumbering(db, { template: '{year}/{prefix}{seq}', pad: 0, prefixes: { hokimDecision: 'QR', familyAgreement: 'A' } });
    expect((await registerDocument(db, agreement(kase.id), new Uint8Array([3]))).registerNumber).toBe('2026/A3');
    // Schemes whose numbers could repeat are refused: no year, no sequence, no prefix, or one prefix for two kinds.
    for (const template of ['{prefix}-{seq}', '{prefix}-{year}', '{seq}/{year}']) {
      await expect(saveNumbering(db, { template, pad: 0, prefixes: { hokimDecision: 'Q', familyAgreement: 'K' } })).rejects.toMatchObject({ code: 'invalid' });
    }
    await expect(saveNumbering(db, { template: '{prefix}-{seq}/{year}', pad: 0, prefixes: { hokimDecision: 'K', familyAgreement: 'K' } })).rejects.toMatchObject({ code: 'invalid' });
    expect((await getNumbering(db)).template).toBe('{year}/{prefix}{seq}');
    // Back to the first scheme mid-year: the numbers it gave are not given again.
    await saveNumbering(db, { template: '{prefix}-{seq}/{year}', pad: 3, prefixes: { hokimDecision: 'Q', familyAgreement: 'K' } });
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
