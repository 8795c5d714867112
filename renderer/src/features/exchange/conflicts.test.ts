import { describe, expect, it } from 'vitest';
import type { RecordConflicts, TransferPreview } from '../../db/exchange';
import { initI18n } from '../../app/i18n';
import { describeValue } from '../cases';
import {
  caseRecordCount,
  chooseAll,
  conflictCount,
  conflictKey,
  conflictNames,
  importSummary,
  keptChoices,
  onlyLocal,
  itemTitle,
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

  it('keeps the decisions of fields still in conflict with the same values when the merge is planned again, and asks again where they moved', () => {
    const choices = { [conflictKey('cases', 'c1', ['phones'])]: 'incoming', [conflictKey('cases', 'c1', ['address', 'street'])]: 'local', [conflictKey('persons', 'p-local', ['healthNotes'])]: 'local' } as const;
    const moved: RecordConflicts[] = [
      { ...CONFLICTS[0]!, conflicts: [CONFLICTS[0]!.conflicts[0]!, { path: ['address', 'street'], base: 'a', local: 'd', incoming: 'c' }] },
      { table: 'persons', id: 'p-new', baseKnown: false, conflicts: [{ path: ['healthNotes'], base: undefined, local: 'x', incoming: 'y' }] },
    ];
    expect(keptChoices(CONFLICTS, moved, choices)).toEqual({ [conflictKey('cases', 'c1', ['phones'])]: 'incoming' });
    expect(keptChoices(CONFLICTS, CONFLICTS, choices)).toEqual(choices);
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

  it('names an item of a keyed list by its words, whose it is, or its place; an item no record holds by the fallback', () => {
    const label = (field: string) => ({ actions: 'Actions', status: 'Status', children: 'Children', domains: 'Domains', goals: 'Goals' })[field] ?? field;
    const plan = {
      goals: [{ id: 'g1', text: 'Sardor attends school every day, with the books and uniform he needs for the whole year' }],
      actions: [{ id: 'a1', description: 'Visit the school', status: 'done' }, { id: 'a2', description: '  ', status: 'planned' }],
      children: [{ id: 'c1', personId: 'p1' }],
    };
    const item = (listPath: readonly string[], id: string) => itemTitle([undefined, plan], listPath, id, (person) => (person === 'p1' ? 'Xoʻjayev Sardor' : person)) ?? 'an entry';
    expect(pathLabel(['actions', '#a1', 'status'], label, undefined, item)).toBe('Actions › Visit the school › Status');
    expect(pathLabel(['actions', '#a2'], label, undefined, item)).toBe('Actions › 2');
    expect(pathLabel(['children', '#c1', 'domains'], label, undefined, item)).toBe('Children › Xoʻjayev Sardor › Domains');
    expect(pathLabel(['goals', '#g1'], label, undefined, item)).toBe('Goals › Sardor attends school every day, with the books…');
    expect(pathLabel(['actions', '#gone', 'status'], label, undefined, item)).toBe('Actions › an entry › Status');
    // Lists keyed by person: the item step is the person's id.
    const assessment = { children: [{ personId: 'p1', domains: {} }, { personId: 'p2', domains: {} }] };
    expect(itemTitle([assessment], ['children'], 'p2', (person) => (person === 'p2' ? 'Xoʻjayev Malika' : person))).toBe('Xoʻjayev Malika');
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
  it('an id a conflict holds reads as ours by our lists, theirs by the file’s reference entries or persons, an unknown id as it is', () => {
    const refs = [
      { table: 'users' as const, id: 'u-theirs', match: 'none' as const, record: { id: 'u-theirs', fullName: name('Rahimova Gulnora') } },
      { table: 'mahallas' as const, id: 'm-theirs', match: 'none' as const, record: { id: 'm-theirs', name: { uzLatn: 'Bogʻishamol', uzCyrl: 'Боғишамол', ru: 'Богишамол' } } },
      { table: 'specialists' as const, id: 's-theirs', match: 'none' as const, record: { id: 's-theirs', fullName: name('Yoʻldosheva Nilufar') } },
    ];
    // A person the file carries under its id, and one linked by PINFL to the id it has here.
    const persons = [
      { id: 'p-theirs', surname: name('Aliyev'), firstName: name('Sardor') },
      { id: 'p-linked', surname: name('Aliyeva'), firstName: name('Malika') },
    ];
    const preview = {
      refs,
      package: { tables: { persons } } as never,
      records: [{ table: 'persons' as const, id: 'p-linked', status: 'samePerson' as const, localId: 'p-here' }],
    };
    const local = {
      users: [{ id: 'u-ours', fullName: { ...name('Karimova Dilnoza'), typed: 'latn' as const } }],
      mahallas: [{ id: 'm-ours', name: { uzLatn: 'Navroʻz', uzCyrl: 'Наврўз', ru: 'Навруз' } }],
      specialists: [{ id: 's-ours', fullName: { ...name('Toshmatov Anvar'), typed: 'latn' as const } }],
    };
    const names = conflictNames(local, preview, 'uz-Cyrl');
    expect(names.user('u-ours')).toBe('KARIMOVA DILNOZA');
    expect(names.user('u-theirs')).toBe('RAHIMOVA GULNORA');
    expect(names.user('u-nobody')).toBe('u-nobody');
    expect(names.mahalla('m-ours')).toBe('Наврўз');
    expect(names.mahalla('m-theirs')).toBe('Боғишамол');
    expect(names.mahalla('m-nobody')).toBe('m-nobody');
    expect(names.specialist('s-ours')).toBe('TOSHMATOV ANVAR');
    expect(names.specialist('s-theirs')).toBe('YOʻLDOSHEVA NILUFAR');
    expect(names.specialist('s-nobody')).toBe('s-nobody');
    expect(names.person('p-theirs')).toBe('ALIYEV SARDOR');
    expect(names.person('p-here')).toBe('ALIYEVA MALIKA');
    expect(names.person('p-nobody')).toBe('p-nobody');
  });

  it('a service’s deliverer and recipients, a conference’s attendees and a plan action’s responsible read as names', async () => {
    const i18n = await initI18n('ru');
    const t = i18n.getFixedT('ru', 'cases');
    const names = { specialist: (id: string) => `specialist ${id}`, person: (id: string) => `person ${id}` };
    expect(describeValue(t, 'deliveredBy', 's1', 'ru', names)).toBe('specialist s1');
    expect(describeValue(t, 'attendees', ['s1', 's2'], 'ru', names)).toBe('specialist s1, specialist s2');
    expect(describeValue(t, 'recipients', ['p1'], 'ru', names)).toBe('person p1');
    expect(describeValue(t, 'responsible', { kind: 'specialist', specialistId: 's3' }, 'ru', names)).toBe('specialist s3');
    expect(describeValue(t, 'responsible', { kind: 'member', personId: 'p2' }, 'ru', names)).toBe('person p2');
    expect(describeValue(t, 'nextSteps', [{ specialistId: 's4', who: '', what: 'Uchrashuv', by: '2026-12-01' }], 'ru', names)).toBe('specialist s4, Uchrashuv, 01.12.2026');
  });
});
