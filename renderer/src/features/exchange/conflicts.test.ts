import { describe, expect, it } from 'vitest';
import type { RecordConflicts, TransferPreview } from '../../db/exchange';
import { initI18n } from '../../app/i18n';
import {
  caseRecordCount,
  chooseAll,
  conflictCount,
  conflictKey,
  conflictNames,
  importSummary,
  onlyLocal,
  pathLabel,
  recordDecisions,
  recordName,
  refName,
  undecidedCount,
  WORK_FIELD_LABEL_KEYS,
  workFieldLabelKey,
} from './conflicts';

const CONFLICTS: RecordConflicts[] = [
  { table: 'cases', id: 'c1', baseKnown: true, conflicts: [{ path: ['phones'], base: [], local: ['1'], incoming: ['2'] }, { path: ['address', 'street'], base: 'a', local: 'b', incoming: 'c' }] },
  { table: 'persons', id: 'p-local', baseKnown: false, conflicts: [{ path: ['healthNotes'], base: undefined, local: 'ours', incoming: 'theirs' }] },
];

const name = (latn: string) => ({ latn, cyrl: latn.toUpperCase() });
const PREVIEW = {
  records: [{ table: 'persons', id: 'p-file', status: 'samePerson', localId: 'p-local' }],
  package: {
    tables: {
      cases: [{ id: 'c1', caseNumber: 'GJ-2026-0007' }],
      persons: [{ id: 'p-file', surname: name('Karimova'), firstName: name('Dilnoza') }],
      memberships: [{ id: 'm1', caseId: 'c1', personId: 'p-file' }],
      plans: [{ id: 'pl1', caseId: 'c1' }],
    },
  },
} as unknown as Pick<TransferPreview, 'package' | 'records'>;

describe('conflict decisions', () => {
  it('counts what is undecided; Apply can go once every field of every record is decided', () => {
    expect(conflictCount(CONFLICTS)).toBe(3);
    expect(undecidedCount(CONFLICTS, {})).toBe(3);
    const partly = { [conflictKey('cases', 'c1', ['phones'])]: 'incoming' as const };
    expect(undecidedCount(CONFLICTS, partly)).toBe(2);
    expect(recordDecisions(CONFLICTS, partly)).toEqual([{ table: 'cases', id: 'c1', decisions: [{ path: ['phones'], take: 'incoming' }] }]);
    const all = { ...chooseAll(CONFLICTS, 'local'), ...partly };
    expect(undecidedCount(CONFLICTS, all)).toBe(0);
    expect(recordDecisions(CONFLICTS, all)).toEqual([
      { table: 'cases', id: 'c1', decisions: [{ path: ['phones'], take: 'incoming' }, { path: ['address', 'street'], take: 'local' }] },
      { table: 'persons', id: 'p-local', decisions: [{ path: ['healthNotes'], take: 'local' }] },
    ]);
  });

  it('"take theirs everywhere" keeps ours for a PINFL another person here holds, and only there', () => {
    const taken: RecordConflicts = {
      table: 'persons',
      id: 'p2',
      baseKnown: true,
      conflicts: [{ path: ['pinfl'], base: null, local: null, incoming: '31503880123456' }, { path: ['healthNotes'], base: '', local: 'a', incoming: 'b' }],
      pinflTakenBy: { personId: 'p9', surname: name('Karimov'), firstName: name('Aziz') },
    };
    expect(onlyLocal(taken, ['pinfl'])).toBe(true);
    expect(onlyLocal(taken, ['healthNotes'])).toBe(false);
    expect(onlyLocal(CONFLICTS[1]!, ['pinfl'])).toBe(false);
    expect(chooseAll([...CONFLICTS, taken], 'incoming')).toEqual({
      [conflictKey('cases', 'c1', ['phones'])]: 'incoming',
      [conflictKey('cases', 'c1', ['address', 'street'])]: 'incoming',
      [conflictKey('persons', 'p-local', ['healthNotes'])]: 'incoming',
      [conflictKey('persons', 'p2', ['pinfl'])]: 'local',
      [conflictKey('persons', 'p2', ['healthNotes'])]: 'incoming',
    });
  });

  it('keys a path unambiguously', () => {
    expect(conflictKey('cases', 'c1', ['a.b'])).not.toBe(conflictKey('cases', 'c1', ['a', 'b']));
  });
});

describe('readable names', () => {
  it('labels a field path with the form labels, list positions from 1', () => {
    const label = (field: string) => ({ address: 'Address', street: 'Street', members: 'Members' })[field] ?? field;
    expect(pathLabel(['address', 'street'], label)).toBe('Address › Street');
    expect(pathLabel(['members', '1', 'street'], label)).toBe('Members › 2 › Street');
    expect(pathLabel([], label)).toBe('—');
    expect(pathLabel(['firstName', 'latn'], label, (script) => (script === 'latn' ? 'lotin' : 'kirill'))).toBe('firstName — lotin');
  });

  it('names a case by its number, a linked person by name, a case record by its case and person', () => {
    expect(recordName(PREVIEW, 'cases', 'c1', 'uz-Latn')).toBe('GJ-2026-0007');
    expect(recordName(PREVIEW, 'persons', 'p-local', 'uz-Latn')).toBe('Karimova Dilnoza');
    expect(recordName(PREVIEW, 'persons', 'p-local', 'uz-Cyrl')).toBe('KARIMOVA DILNOZA');
    expect(recordName(PREVIEW, 'memberships', 'm1', 'en')).toBe('GJ-2026-0007 · Karimova Dilnoza');
    expect(recordName(PREVIEW, 'plans', 'pl1', 'en')).toBe('GJ-2026-0007');
    expect(recordName(PREVIEW, 'services', 'nowhere', 'en')).toBeNull();
  });

  it('names reference entries by full name or name, else by id', () => {
    expect(refName({ id: 'u1', fullName: name('Aliyev Bobur'), position: 'x' }, 'uz-Cyrl')).toBe('ALIYEV BOBUR');
    expect(refName({ id: 'm1', name: { uzLatn: 'Navbahor', uzCyrl: 'Навбаҳор', ru: 'Навбахор' } }, 'ru')).toBe('Навбахор');
    expect(refName({ id: 't1' }, 'en')).toBe('t1');
  });

  it('sums an import’s outcomes for its summary', () => {
    expect(importSummary({ outcomes: { new: 5, same: 2, keepLocal: 1, takeIncoming: 1, merged: 2, conflict: 1 }, decisions: [{} as never, {} as never] })).toEqual({ added: 5, updated: 4, unchanged: 3, decided: 2 });
    expect(importSummary({})).toEqual({ added: 0, updated: 0, unchanged: 0, decided: 0 });
    expect(caseRecordCount({ transfer: 1, cases: 2, persons: 7, ref_users: 3, ref_mahallas: 1 })).toBe(9);
  });
});

describe('case-work fields in the conflict list', () => {
  it('read as their own forms label them, in every language; case fields keep the case form’s labels', async () => {
    expect(workFieldLabelKey('services', 'result')).toBe('cases:service.result');
    expect(workFieldLabelKey('assessments', 'conclusion')).toBe('cases:triangle.conclusion');
    expect(workFieldLabelKey('cases', 'phones')).toBeUndefined();
    for (const language of ['uz-Latn', 'uz-Cyrl', 'ru', 'en'] as const) {
      const i18n = await initI18n(language);
      for (const key of WORK_FIELD_LABEL_KEYS) expect(i18n.exists(key, { lng: language, fallbackLng: false }), `${language} ${key}`).toBe(true);
    }
  });
});

describe('names in the conflict list', () => {
  it('a case manager or mahalla id reads as ours by our lists, theirs by the file’s reference entries, an unknown id as it is', () => {
    const refs = [
      { table: 'users' as const, id: 'u-theirs', match: 'none' as const, record: { id: 'u-theirs', fullName: name('Rahimova Gulnora') } },
      { table: 'mahallas' as const, id: 'm-theirs', match: 'none' as const, record: { id: 'm-theirs', name: { uzLatn: 'Bogʻishamol', uzCyrl: 'Боғишамол', ru: 'Богишамол' } } },
    ];
    const names = conflictNames({ users: [{ id: 'u-ours', fullName: { ...name('Karimova Dilnoza'), typed: 'latn' } }], mahallas: [{ id: 'm-ours', name: { uzLatn: 'Navroʻz', uzCyrl: 'Наврўз', ru: 'Навруз' } }] }, refs, 'uz-Cyrl');
    expect(names.user('u-ours')).toBe('KARIMOVA DILNOZA');
    expect(names.user('u-theirs')).toBe('RAHIMOVA GULNORA');
    expect(names.user('u-nobody')).toBe('u-nobody');
    expect(names.mahalla('m-ours')).toBe('Наврўз');
    expect(names.mahalla('m-theirs')).toBe('Боғишамол');
    expect(names.mahalla('m-nobody')).toBe('m-nobody');
  });
});
