import { beforeEach, describe, expect, it } from 'vitest';
import type { PersonDraft } from '../../domain/caseDraft';
import { pinflCheckDigit } from '../../domain/pinfl';
import { HamkorlikDb } from '../db';
import { memoryDexieOptions } from '../testing';
import { addMember, applyEvent, createCase, deleteCase, getCaseFile, purgeCase, restoreCase, updatePerson, type MemberInput } from './cases';
import { facetCounts, queryCases } from './caseQueries';
import { searchCases } from './caseSearch';

const INSTALLATION = '3f1c8a4e-8d1b-4c55-9a55-0c3f1e2d3b4a';
let db: HamkorlikDb;

beforeEach(async () => {
  db = new HamkorlikDb('cases', memoryDexieOptions());
  // Each write a second later, so history keeps its order as it does on a real clock.
  let tick = 0;
  db.clock = () => new Date(Date.UTC(2026, 10, 23, 8, 0, tick++));
  await db.open();
  db.session = { userId: 'manager-1', installationId: INSTALLATION, roles: ['administrator', 'supervisor'], mahallaIds: [] };
});

function pinfl(first: number, day: string, month: string, year: string, serial: string): string {
  const body = `${first}${day}${month}${year}999${serial}`;
  return `${body}${pinflCheckDigit(body)}`;
}

function person(surname: [string, string], firstName: [string, string], sex: 'male' | 'female', birthDate: string, id?: string): PersonDraft {
  return {
    surname: { latn: surname[0], cyrl: surname[1], typed: 'cyrl' },
    firstName: { latn: firstName[0], cyrl: firstName[1], typed: 'cyrl' },
    patronymic: null,
    sex,
    birthDate,
    pinfl: id ?? null,
    pinflCheckAccepted: false,
    document: null,
    education: null,
    employment: null,
    disability: null,
    migration: null,
    healthNotes: '',
  };
}

const family: MemberInput[] = [
  { relation: 'head', person: person(['Xoʻjayev', 'Хўжаев'], ['Rustam', 'Рустам'], 'male', '1984-03-02', pinfl(3, '02', '03', '84', '001')) },
  { relation: 'spouse', person: person(['Xoʻjayeva', 'Хўжаева'], ['Dilnoza', 'Дилноза'], 'female', '1988-07-15', pinfl(4, '15', '07', '88', '002')) },
  { relation: 'child', person: person(['Xoʻjayev', 'Хўжаев'], ['Sardor', 'Сардор'], 'male', '2012-01-20', pinfl(5, '20', '01', '12', '003')) },
  { relation: 'child', person: person(['Xoʻjayeva', 'Хўжаева'], ['Madina', 'Мадина'], 'female', '2015-09-09') },
];

const draft = {
  address: { regionCode: '1727', districtCode: '1727259', mahallaId: 'm1', street: 'Navoiy', house: '12', apartment: '' },
  phones: ['90 123 45 67'],
  referral: { source: 'school' as const, who: '12-maktab', date: '2026-11-01', reason: 'Sardor misses school' },
  vulnerability: ['EDU_ABSENTEEISM'],
  riskLevel: 'R2' as const,
  consent: { date: '2026-11-02', takenBy: 'Karimova D.', paperLocation: 'Folder 3' },
  caseManagerId: 'manager-1',
};

describe('case repository', () => {
  it('opens a case with its members, numbered per installation and year, with a first history entry', async () => {
    const kase = await createCase(db, draft, family, '1727259');
    expect(kase.caseNumber).toBe('1727259-3F1C-2026-0001');
    expect(kase.summary).toMatchObject({ members: 4, children: 2, head: { surname: { latn: 'Xoʻjayev' } } });
    const second = await createCase(db, draft, [{ relation: 'head', person: person(['Aliyev', 'Алиев'], ['Vali', 'Вали'], 'male', '1980-01-01') }], '1727259');
    expect(second.caseNumber).toBe('1727259-3F1C-2026-0002');
    const file = await getCaseFile(db, kase.id);
    expect(file?.members).toHaveLength(4);
    expect(file?.history.map((h) => h.kind)).toEqual(['created']);
    expect(await db.audit.where('userId').equals('manager-1').count()).toBeGreaterThan(8);
  });

  it('refuses a PINFL that is already in the database, and stores nothing of the new case', async () => {
    await createCase(db, draft, family, '1727259');
    const again = [{ relation: 'head' as const, person: person(['Boshqa', 'Бошқа'], ['Kishi', 'Киши'], 'male', '1984-03-02', pinfl(3, '02', '03', '84', '001')) }];
    await expect(createCase(db, draft, again, '1727259')).rejects.toMatchObject({ code: 'duplicatePinfl' });
    expect(await db.cases.count()).toBe(1);
    expect(await db.persons.count()).toBe(4);
  });

  it('finds the family by any member in any spelling, by PINFL prefix and by case number', async () => {
    const kase = await createCase(db, draft, family, '1727259');
    await createCase(db, draft, [{ relation: 'head', person: person(['Karimov', 'Каримов'], ['Sherzod', 'Шерзод'], 'male', '1980-01-01') }], '1727259');
    const ids = async (text: string) => (await searchCases(db, text)).hits.map((hit) => hit.kase.id);
    for (const text of ['Xojayev', 'Ходжаев', 'Хўжаев', 'Xoʻjayev rustam', 'Рустам Ходжаев', 'madina', 'Мадина Хужаева', '3020384', '2026-0001', '0001']) {
      expect(await ids(text), text).toEqual([kase.id]);
    }
    expect(await ids('Nobody')).toEqual([]);
  });

  it('re-indexes the case when a member is renamed or added', async () => {
    const kase = await createCase(db, draft, family, '1727259');
    const file = await getCaseFile(db, kase.id);
    const madina = file!.members.find((m) => m.person.firstName.latn === 'Madina')!;
    await updatePerson(db, madina.person.id, { ...person(['Xoʻjayeva', 'Хўжаева'], ['Malika', 'Малика'], 'female', '2015-09-09') });
    expect((await searchCases(db, 'malika')).hits).toHaveLength(1);
    expect((await searchCases(db, 'madina')).hits).toHaveLength(0);
    await addMember(db, kase.id, { relation: 'grandparent', person: person(['Xoʻjayeva', 'Хўжаева'], ['Oydin', 'Ойдин'], 'female', '1950-02-02') });
    expect((await searchCases(db, 'Ойдин')).hits).toHaveLength(1);
    expect((await db.cases.get(kase.id))?.summary.members).toBe(5);
  });

  it('moves the case through the stages with history, refusing illegal steps', async () => {
    const kase = await createCase(db, draft, family, '1727259');
    await expect(applyEvent(db, kase.id, { type: 'advance', to: 'agreement' })).rejects.toMatchObject({ code: 'stageRefused' });
    await applyEvent(db, kase.id, { type: 'advance', to: 'primaryAssessment' });
    await expect(applyEvent(db, kase.id, { type: 'signAgreement', signedDate: '2026-11-12' as never, number: '7' })).rejects.toMatchObject({ code: 'stageRefused' });
    await applyEvent(db, kase.id, { type: 'decideEligibility', decision: 'eligible', reason: 'meets criteria', date: '2026-11-10' as never, criteria: ['EDU_ABSENTEEISM'] });
    await applyEvent(db, kase.id, { type: 'signAgreement', signedDate: '2026-11-12' as never, number: '7' });
    const file = await getCaseFile(db, kase.id);
    expect(file?.kase).toMatchObject({ stage: 'agreement', agreement: { signedDate: '2026-11-12', number: '7' }, eligibility: { decidedBy: 'manager-1' } });
    expect(file?.history.map((h) => [h.kind, h.from, h.to])).toEqual([
      ['created', null, 'identification'],
      ['advance', 'identification', 'primaryAssessment'],
      ['decideEligibility', 'primaryAssessment', 'primaryAssessment'],
      ['signAgreement', 'primaryAssessment', 'agreement'],
    ]);
  });

  it('records urgent actions before the agreement, and refuses advancing a case without a child', async () => {
    const kase = await createCase(db, draft, family, '1727259');
    await applyEvent(db, kase.id, { type: 'urgentAction', reason: 'child left alone' }, { description: 'Place with grandmother', responsible: 'Inspector', dueDate: '2026-11-24' as never });
    const history = (await getCaseFile(db, kase.id))!.history;
    expect(history.at(-1)).toMatchObject({ kind: 'urgentAction', action: { description: 'Place with grandmother' }, to: 'identification' });
    const adults = await createCase(db, draft, [{ relation: 'head', person: person(['Aliyev', 'Алиев'], ['Vali', 'Вали'], 'male', '1980-01-01') }], '1727259');
    await expect(applyEvent(db, adults.id, { type: 'advance', to: 'primaryAssessment' })).rejects.toMatchObject({ code: 'stageRequirement', message: 'childRequired' });
  });

  it('soft-deletes and restores; deleted cases leave lists and search', async () => {
    const kase = await createCase(db, draft, family, '1727259');
    await deleteCase(db, kase.id);
    expect((await queryCases(db, {}, { field: 'updatedAt', direction: 'desc' }, 0, 50)).total).toBe(0);
    expect((await searchCases(db, 'Xojayev')).hits).toHaveLength(0);
    await restoreCase(db, kase.id);
    expect((await queryCases(db, {}, { field: 'updatedAt', direction: 'desc' }, 0, 50)).rows.map((r) => r.id)).toEqual([kase.id]);
  });
});

describe('purge', () => {
  it('removes a deleted case’s contents for good, keeps tombstones, and scrubs values from the audit', async () => {
    const kase = await createCase(db, draft, family, '1727259');
    const other = await createCase(db, draft, [{ relation: 'head', person: person(['Aliyev', 'Алиев'], ['Vali', 'Вали'], 'male', '1980-01-01') }], '1727259');
    await expect(purgeCase(db, kase.id)).rejects.toMatchObject({ code: 'notFound' }); // only deleted cases
    await deleteCase(db, kase.id);
    await purgeCase(db, kase.id);

    const tombstone = await db.cases.get(kase.id);
    expect(tombstone).toMatchObject({ id: kase.id, purgedAt: expect.any(String), deletedAt: expect.any(String) });
    expect(tombstone).not.toHaveProperty('summary');
    expect(await getCaseFile(db, kase.id)).toBeUndefined();
    expect((await db.persons.where('pinfl').equals(pinfl(3, '02', '03', '84', '001')).count())).toBe(0);
    const everything = JSON.stringify(await db.audit.toArray());
    expect(everything).not.toContain('Xoʻjayev');
    expect(everything).not.toContain('Rustam');
    expect((await queryCases(db, {}, { field: 'updatedAt', direction: 'desc' }, 0, 50)).rows.map((r) => r.id)).toEqual([other.id]);
    // The PINFL is free again: the person is gone.
    await expect(createCase(db, draft, family, '1727259')).resolves.toBeDefined();
  });
});

describe('filter counts', () => {
  it('follow every write: create, stage change, criteria edit, delete, restore and purge', async () => {
    const kase = await createCase(db, draft, family, '1727259');
    await createCase(db, { ...draft, riskLevel: 'R1', vulnerability: ['FAM_LARGE', 'EDU_ABSENTEEISM'] }, [{ relation: 'head', person: person(['Aliyev', 'Алиев'], ['Vali', 'Вали'], 'male', '1980-01-01') }], '1727259');
    let counts = await facetCounts(db);
    expect(counts).toMatchObject({ all: 2, stage: { identification: 2 }, riskLevel: { R2: 1, R1: 1 }, vulnerability: { EDU_ABSENTEEISM: 2, FAM_LARGE: 1 }, mahallaId: { m1: 2 } });
    await applyEvent(db, kase.id, { type: 'advance', to: 'primaryAssessment' });
    counts = await facetCounts(db);
    expect(counts.stage).toMatchObject({ identification: 1, primaryAssessment: 1 });
    await deleteCase(db, kase.id);
    counts = await facetCounts(db);
    expect(counts).toMatchObject({ all: 1, stage: { primaryAssessment: 0 }, riskLevel: { R2: 0 } });
    await restoreCase(db, kase.id);
    expect((await facetCounts(db)).all).toBe(2);
    await deleteCase(db, kase.id);
    await purgeCase(db, kase.id);
    expect((await facetCounts(db)).all).toBe(1);
  });
});

describe('case list queries', () => {
  it('pages, sorts and combines filters, leaving deleted cases out', async () => {
    const head = (surname: [string, string]) => [{ relation: 'head' as const, person: person(surname, ['Vali', 'Вали'], 'male', '1980-01-01') }];
    const a = await createCase(db, draft, head(['Aliyev', 'Алиев']), '1727259');
    const b = await createCase(db, { ...draft, riskLevel: 'R1' }, head(['Botirov', 'Ботиров']), '1727259');
    const c = await createCase(db, { ...draft, vulnerability: ['FAM_LARGE'] }, head(['Valiyev', 'Валиев']), '1727259');
    await deleteCase(db, c.id);
    const byDate = { field: 'updatedAt' as const, direction: 'desc' as const };
    expect((await queryCases(db, {}, byDate, 0, 10)).rows.map((r) => r.id)).toEqual([b.id, a.id]);
    expect((await queryCases(db, {}, { field: 'sortName', direction: 'asc' }, 0, 1)).rows.map((r) => r.id)).toEqual([a.id]);
    expect(await queryCases(db, { riskLevel: 'R2' }, byDate, 0, 10)).toMatchObject({ total: 1, rows: [{ id: a.id }] });
    expect(await queryCases(db, { stage: 'identification', riskLevel: 'R1' }, byDate, 0, 10)).toMatchObject({ total: 1, rows: [{ id: b.id }] });
    expect(await queryCases(db, { stage: 'identification', vulnerability: 'EDU_ABSENTEEISM' }, byDate, 0, 10)).toMatchObject({ total: 2 });
    expect(await queryCases(db, { vulnerability: 'FAM_LARGE' }, byDate, 0, 10)).toMatchObject({ total: 0, rows: [] });
  });
});

describe('member rules', () => {
  it('one current head per family, and a person is not added twice', async () => {
    const kase = await createCase(db, draft, family, '1727259');
    await expect(addMember(db, kase.id, { relation: 'head', person: person(['Boshqa', 'Бошқа'], ['Ota', 'Ота'], 'male', '1960-01-01') })).rejects.toMatchObject({ code: 'invalid', message: 'relation:oneHead' });
    const file = await getCaseFile(db, kase.id);
    const sardor = file!.members.find((m) => m.person.firstName.latn === 'Sardor')!;
    await expect(addMember(db, kase.id, { relation: 'child', personId: sardor.person.id })).rejects.toMatchObject({ code: 'duplicate' });
    await expect(createCase(db, draft, [{ relation: 'head', person: person(['A', 'А'], ['B', 'Б'], 'male', '1980-01-01') }, { relation: 'head', person: person(['C', 'С'], ['D', 'Д'], 'male', '1981-01-01') }], '1727259')).rejects.toMatchObject({ message: 'relation:oneHead' });
  });
});
