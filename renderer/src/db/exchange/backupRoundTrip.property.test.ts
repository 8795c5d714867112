import type { IndexableType } from 'dexie';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DatabaseDirectory } from '../activeDatabase';
import type { WriteSession } from '../auditMiddleware';
import { HamkorlikDb } from '../db';
import { grant } from '../grants';
import { fullAccessSession } from '../repositories/accounts';
import { recordFields } from '../recordFields';
import { memoryDexieOptions } from '../testing';
import { OFFICE_PROFILE_ID } from '../../domain/office';
import { BACKUP_TABLES, backupTables, writeBackup } from './backup';
import { EXCHANGE_KEYS_SETTING, keysOf, setUpExchange, type OfficeKeys } from './exchangeKeys';
import { restoreBackup } from './restore';
import { chunksOf, memoryFile, noise, PASSPHRASE, snapshot, TEST_KDF } from './testing';

// Random offices — any table the backup carries, any value IndexedDB keeps — backed up, restored into
// an empty database beside them, and compared table by table with the office as it was. Only what a
// restore is meant to change may differ, and each such difference is checked exactly.
// BACKUP_RUNS and BACKUP_SEED replay or widen a run; fast-check prints the seed and path on failure:
//   BACKUP_RUNS=2000 BACKUP_SEED=<n> npx vitest run renderer/src/db/exchange/backupRoundTrip.property.test.ts
// Not generated, as the app never stores them and the format does not keep them: holes in arrays
// (they come back as null: JSON writes a hole as null) and binary primary keys (restore.ts refuses them).

const SEED = Number.parseInt(String(import.meta.env.BACKUP_SEED ?? '20261215'), 10);
const RUNS = Number.parseInt(String(import.meta.env.BACKUP_RUNS ?? '200'), 10);
if (!Number.isSafeInteger(SEED) || !(RUNS > 0)) throw new Error(`BACKUP_SEED and BACKUP_RUNS must be integers (got ${SEED}, ${RUNS})`);

type Row = Record<string, unknown>;
const SESSION: WriteSession = fullAccessSession('u-admin', 'inst-1');
const BACKED_UP_AT = new Date('2026-06-01T10:00:00.000Z');
const DELETED_AT = '2026-05-20T08:30:00.000Z';
// Bulk mode: one audit entry per table and batch, as an import writes, rather than a diff per record.
const WRITE_GRANT = { credentials: true, bulk: { kind: 'test' } };

/** Own data properties, `__proto__` included, as IndexedDB hands records back. */
function objectOf(entries: readonly (readonly [string, unknown])[]): Row {
  const out: Row = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

// Stored DOCX bytes run to kilobytes: compared as bytes rather than as generic objects key by key, which made the comparisons most of a run.
expect.addEqualityTesters([
  function sameBytes(a: unknown, b: unknown) {
    if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array)) return undefined;
    return a.constructor === b.constructor && a.length === b.length && a.every((byte, i) => byte === b[i]);
  },
]);

const isPlainObject = (value: unknown): value is Row => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * A value as a backup carries it: object properties holding `undefined` left out, as JSON does
 * (exchange/records.ts); `undefined` inside an array is kept. That is the one loss the format
 * accepts, so the comparison below is strict about everything else.
 */
function asCarried(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asCarried);
  if (!isPlainObject(value)) return value;
  return objectOf(Object.entries(value).flatMap(([key, item]) => (item === undefined ? [] : [[key, asCarried(item)] as const])));
}

/** IndexedDB's key equality as text: 0 and -0 are one key, dates compare by time, arrays element by element. */
function keyText(key: unknown): string {
  if (typeof key === 'number') return `n${Object.is(key, -0) ? 0 : key}`;
  if (typeof key === 'string') return `s${JSON.stringify(key)}`;
  if (key instanceof Date) return `d${key.getTime()}`;
  if (Array.isArray(key)) return `[${key.map(keyText).join(',')}]`;
  throw new Error(`not a key: ${String(key)}`);
}

// The schema's primary keys, read from an unopened database: a table added later is generated too.
const KEY_PATHS = new Map(
  new HamkorlikDb('schema', memoryDexieOptions()).tables.map((table) => {
    const keyPath = table.schema.primKey.keyPath;
    if (typeof keyPath !== 'string') throw new Error(`${table.name}: the generator knows single-field primary keys only`);
    return [table.name, keyPath] as const;
  }),
);
// caseStats is not carried (rebuilt from the cases), so it is never written directly: its counters come from the cases written.
const CARRIED = [...KEY_PATHS.keys()].filter((name) => BACKUP_TABLES[name] === 'included' || BACKUP_TABLES[name] === 'optional');

const SAMPLES = [
  '',
  'Gʻijduvon tumani',
  'Oʻgʻiloy Toʻxtayeva',
  'Ғиждувон тумани',
  'Ҳамкорлик',
  'Қўшработ',
  'ўқувчи қиз',
  'Ёқубова Шаҳноза',
  'oila boʻlimi',
  '👨‍👩‍👧‍👦',
  '🇺🇿 Oʻzbekiston',
  'a\u0000b',
  'line\r\nbreak\ttab',
  // A lone surrogate: the JSON line must escape it, not turn it into U+FFFD when encoded as UTF-8.
  'x\uD83Dy',
  '{"$t":"date","v":0}',
];
const text = fc.oneof(
  fc.constantFrom(...SAMPLES),
  fc.string({ unit: fc.constantFrom(...'aoʻgʼshchngҒғҲҳҚқЎўЁёЖжЪъ 🙂👶'), maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const number = fc.oneof(
  fc.constantFrom(0, -0, 0.1, -1.5, 1e21, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE, Number.NaN, Infinity, -Infinity),
  fc.integer(),
  fc.double(),
);
const date = fc.oneof(
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(8.64e15, -8.64e15, 0, Number.NaN).map((time) => new Date(time)),
);
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 40 }),
  // A view into a larger buffer: only its own bytes are the value.
  fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.nat(), fc.nat()).map(([all, a, b]) => all.subarray(a % all.length, a % all.length + (b % (all.length - (a % all.length) + 1)))),
  // Incompressible kilobytes, like a stored DOCX.
  fc.nat({ max: 1000 }).map((seed) => noise(seed, 1500 + seed * 3)),
);
const leaf = fc.oneof(text, number, fc.boolean(), fc.constant(null), date, bytes);

/** A value, or now and then `undefined`: kept inside arrays, left out as a property (see `asCarried`). */
const maybe = (arbitrary: fc.Arbitrary<unknown>) => fc.oneof({ weight: 4, arbitrary }, { weight: 1, arbitrary: fc.constant(undefined) });
// Field names inside values: some the schema indexes (so random values land in indexes, valid keys
// or not), the format's own tag names, `__proto__`, the empty name and Uzbek names. A record's own
// fields are its table's (recordFields.ts): a restore refuses any other.
const FIELDS = ['caseId', 'name', 'note', 'value', 'at', 'date', 'year', 'seq', 'kind', 'status', 'pinfl', 'updatedAt', 'mahallaIds', 'caseIds', 'ratings', '$t', 'v', '__proto__', '', 'Исм-шариф', 'oʻrin'];
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(maybe(tie('value')), { maxLength: 4 }),
  object: fc.array(fc.tuple(fc.constantFrom(...FIELDS), maybe(tie('value'))), { maxLength: 4 }).map(objectOf),
}));

// Primary keys: mostly strings as the app writes them, sometimes the other kinds IndexedDB and the restore accept.
const primaryKey: fc.Arbitrary<IndexableType> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.double({ noNaN: true }) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(text, fc.integer()), { maxLength: 3 }) },
);
const iso = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());

/** What happens to a record after it is written: most stay, some become tombstones, some are purged. */
type Fate = 'keep' | 'tombstone' | 'delete';
const fate = fc.constantFrom<Fate>('keep', 'keep', 'keep', 'keep', 'tombstone', 'delete');
const ABSENT = Symbol('absent');

/** The fields the case counters read: within their domain, so the counters mean something. Live, tombstoned, purged and transferred-away cases alike. */
const caseFields = fc.record(
  {
    stage: fc.constantFrom('intake', 'assessment', 'planning', 'monitoring', 'closed'),
    riskLevel: fc.constantFrom('R1', 'R2', 'R3'),
    address: fc.record({ mahallaId: fc.constantFrom('m-1', 'm-2', 'Navroʻz'), street: text }, { requiredKeys: ['mahallaId'] }),
    caseManagerId: fc.constantFrom('u-1', 'u-2'),
    vulnerability: fc.array(fc.constantFrom('V01', 'V02', 'V03'), { maxLength: 3 }),
    searchKeys: fc.array(text, { maxLength: 3 }),
    custody: fc.oneof(fc.constant({}), fc.record({ transferredOut: fc.option(fc.record({ transferId: text, at: iso }), { nil: null }) })),
    purgedAt: iso,
    monitoringDue: fc.oneof(iso, date),
  },
  { requiredKeys: ['riskLevel', 'address', 'caseManagerId', 'vulnerability'] },
);

/** A table's own fields but its primary key and the unique username, which are placed below. */
function ownFields(table: string): string[] {
  return [...recordFields(table)!].filter((field) => field !== KEY_PATHS.get(table) && field !== 'username');
}

function rowsOf(table: string) {
  const keyPath = KEY_PATHS.get(table)!;
  const names = ownFields(table);
  const tombstones = names.includes('deletedAt');
  // The office's own profile and the exchange keys are placed by the office itself (see `officeContents`).
  const key = table === 'officeProfile' ? primaryKey.filter((k) => k !== OFFICE_PROFILE_ID) : table === 'settings' ? primaryKey.filter((k) => k !== EXCHANGE_KEYS_SETTING) : primaryKey;
  const row = fc
    .record({
      key,
      fields: fc.array(fc.tuple(fc.constantFrom(...names), maybe(value)), { maxLength: 5 }),
      deletedAt: tombstones ? fc.oneof(fc.constant(ABSENT), fc.constant(null), iso) : fc.constant(ABSENT),
      own: table === 'cases' ? caseFields : fc.constant({}),
      // Usernames are a unique index: made unique by position when the record is built.
      username: table === 'users' ? fc.constantFrom('unique', 'null', 'absent') : fc.constant('absent'),
      // A table without tombstones only keeps or deletes.
      fate: tombstones ? fate : fate.map((f) => (f === 'tombstone' ? 'keep' : f)),
    })
    .map(({ key, fields, deletedAt, own, username, fate }) => ({
      key,
      fate,
      username,
      entries: [...fields, ...(deletedAt === ABSENT ? [] : [['deletedAt', deletedAt] as const]), ...Object.entries(own)] as [string, unknown][],
    }));
  return fc.uniqueArray(row, { maxLength: 4, selector: (r) => keyText(r.key) }).map((list) =>
    list.map(({ key, fate, username, entries }, index) => {
      const named: [string, unknown][] = username === 'unique' ? [['username', `${index}·${keyText(key)}`]] : username === 'null' ? [['username', null]] : [];
      return { row: objectOf([...entries, ...named, [keyPath, key]]), fate };
    }),
  );
}

const officeContents = fc.record({
  tables: fc.record(Object.fromEntries(CARRIED.map((name) => [name, rowsOf(name)])), { requiredKeys: [] }),
  office: fc.record({
    districtCode: fc.constantFrom('1703209', '1726', ''),
    name: fc.record({ uzLatn: text, uzCyrl: text, ru: text }),
    extra: fc.array(fc.tuple(fc.constantFrom(...ownFields('officeProfile')), value), { maxLength: 3 }),
  }),
  // Exchange set up as setUpExchange leaves it, as an older setup left it (no key id, a changed passphrase), or not at all.
  exchangeKeys: fc.constantFrom('setUp', 'older', 'absent'),
  includeDocumentBytes: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  // Small pages make the backup page through a table by primary key across key types.
  pageSize: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
  // The file handed over in chunks that split blocks, records and UTF-8 sequences anywhere.
  chunkSize: fc.oneof({ weight: 1, arbitrary: fc.integer({ min: 1, max: 64 }) }, { weight: 3, arbitrary: fc.integer({ min: 65, max: 20_000 }) }),
  fileName: fc.option(text, { nil: undefined }),
});
type OfficeContents = typeof officeContents extends fc.Arbitrary<infer C> ? C : never;

// Key derivation (Argon2id) is the slow part of a backup's keys: done once, the holder reused by every run.
let KEYS: OfficeKeys;
let KEY_SETTING: Row;

beforeAll(async () => {
  const db = new HamkorlikDb('keys', memoryDexieOptions());
  db.session = SESSION;
  db.clock = () => new Date('2026-01-15T09:00:00.000Z');
  KEYS = (await setUpExchange(db, PASSPHRASE, TEST_KDF)).keys;
  KEY_SETTING = (await db.settings.get(EXCHANGE_KEYS_SETTING))!.value as Row;
  db.close();
});

function exchangeKeysSetting(kind: OfficeContents['exchangeKeys']): Row | null {
  if (kind === 'absent') return null;
  if (kind === 'setUp') return KEY_SETTING;
  return { slots: KEY_SETTING.slots, setUpAt: KEY_SETTING.setUpAt, changedAt: '2026-03-10T12:00:00.000Z' };
}

/** The office: a fresh directory with its database active, the records written, then some tombstoned or purged. */
async function sourceOffice(contents: OfficeContents) {
  const dexie = memoryDexieOptions();
  const directory = new DatabaseDirectory(dexie);
  const source = new HamkorlikDb('hamkorlik-data-source', dexie);
  source.clock = () => BACKED_UP_AT;
  source.session = SESSION;
  await source.open();
  await directory.activate(source.name);

  const rows = new Map<string, { row: Row; fate: Fate }[]>(Object.entries(contents.tables).flatMap(([name, list]) => (list ? [[name, [...list]] as const] : [])));
  const { office } = contents;
  rows.set('officeProfile', [...(rows.get('officeProfile') ?? []), { row: objectOf([...office.extra, ['districtCode', office.districtCode], ['name', office.name], ['id', OFFICE_PROFILE_ID]]), fate: 'keep' }]);
  const keySetting = exchangeKeysSetting(contents.exchangeKeys);
  if (keySetting) rows.set('settings', [...(rows.get('settings') ?? []), { row: { key: EXCHANGE_KEYS_SETTING, value: keySetting }, fate: 'keep' }]);

  const tables = [...rows.keys()].map((name) => source.table(name));
  await source.transaction('rw', tables, async (tx) => {
    grant(tx, WRITE_GRANT);
    for (const [name, list] of rows) await source.table(name).bulkPut(list.map(({ row }) => row));
  });
  // Later work, in a transaction of its own: counters go down (to 0 for some), tombstones keep their contents.
  await source.transaction('rw', tables, async (tx) => {
    grant(tx, WRITE_GRANT);
    for (const [name, list] of rows) {
      const keyPath = KEY_PATHS.get(name)!;
      const tombstones = list.filter((r) => r.fate === 'tombstone').map(({ row }) => objectOf([...Object.entries(row), ['deletedAt', DELETED_AT]]));
      if (tombstones.length) await source.table(name).bulkPut(tombstones);
      const purged = list.filter((r) => r.fate === 'delete').map(({ row }) => row[keyPath] as IndexableType);
      if (purged.length) await source.table(name).bulkDelete(purged);
    }
  });
  return { dexie, directory, source, rows };
}

async function roundTrip(contents: OfficeContents): Promise<void> {
  const { dexie, directory, source, rows } = await sourceOffice(contents);
  const reopened = new DatabaseDirectory(dexie);
  let restored: HamkorlikDb | undefined;
  try {
    const before = await snapshot(source);
    // The generator wrote what it meant to: no record lost on the way in (else the property would hold vacuously).
    // (The audit also holds the entries of these writes.)
    for (const [name, list] of rows) if (name !== 'audit') expect(before[name], name).toHaveLength(list.filter((r) => r.fate !== 'delete').length);

    const file = memoryFile();
    await writeBackup(source, KEYS, file, { includeDocumentBytes: contents.includeDocumentBytes, ...(contents.pageSize ? { pageSize: contents.pageSize } : {}) });
    expect(await snapshot(source), 'the office after its backup').toStrictEqual(before);
    const written = file.bytes();

    const actor = { ...SESSION, roles: ['administrator' as const] };
    const result = await restoreBackup(directory, () => chunksOf(written, contents.chunkSize), { dataKey: KEYS }, { actor, ...(contents.fileName === undefined ? {} : { fileName: contents.fileName }) });
    expect(await directory.activeName()).toBe(result.databaseName);
    restored = await reopened.openActive();
    expect(restored.name).toBe(result.databaseName);
    restored.session = SESSION;
    const after = await snapshot(restored);

    const carried = backupTables(source, contents.includeDocumentBytes).map((table) => table.name);
    const counts = Object.fromEntries(carried.map((name) => [name, before[name]!.length]));
    expect(result.counts).toStrictEqual(counts);

    // Every table as it was, but: the counters rebuilt from the cases (a counter that went down to 0 is
    // not rebuilt), document bytes only when asked for, and the audit and exchange keys checked below.
    const { audit: auditAfter, settings: settingsAfter, ...restAfter } = after;
    const expected = Object.fromEntries(
      Object.entries(before)
        .filter(([name]) => name !== 'audit' && name !== 'settings')
        .map(([name, records]) => {
          if (name === 'caseStats') return [name, records.filter((stat) => (stat as { count: number }).count !== 0)];
          return [name, carried.includes(name) ? asCarried(records) : []];
        }),
    );
    expect(restAfter).toStrictEqual(expected);

    // The audit: the backed-up trail, untouched, and exactly one entry for the restore itself.
    const known = new Set(before.audit!.map((entry) => keyText((entry as Row).id)));
    const added = auditAfter!.filter((entry) => !known.has(keyText((entry as Row).id)));
    expect(auditAfter!.filter((entry) => known.has(keyText((entry as Row).id)))).toStrictEqual(asCarried(before.audit));
    const createdAt = BACKED_UP_AT.toISOString();
    expect(added).toStrictEqual([
      {
        id: expect.any(String),
        at: expect.any(String),
        userId: actor.userId,
        installationId: actor.installationId,
        table: '*',
        recordId: '*',
        op: 'bulk',
        changes: [],
        bulk: { kind: 'restore', count: Object.values(counts).reduce((a, b) => a + b, 0), recordIds: [] },
        detail: contents.fileName ? `${contents.fileName} (${createdAt})` : createdAt,
      },
    ]);

    // The settings as they were; the exchange keys are the slots of the key holder it was restored with,
    // keeping the backed-up dates, and set up from the backup's date when the office had none.
    const isKeys = (setting: unknown) => (setting as Row).key === EXCHANGE_KEYS_SETTING;
    expect(settingsAfter!.filter((s) => !isKeys(s))).toStrictEqual(asCarried(before.settings!.filter((s) => !isKeys(s))));
    const backedUpKeys = (before.settings!.find(isKeys) as Row | undefined)?.value as Row | undefined;
    // With the id of the key it was restored with, so this PC's automatic backups go on after it.
    expect((settingsAfter!.find(isKeys) as Row).value).toStrictEqual({
      slots: keysOf(KEYS).slots,
      setUpAt: backedUpKeys?.setUpAt ?? createdAt,
      changedAt: backedUpKeys?.changedAt ?? null,
      dataKeyId: KEY_SETTING.dataKeyId,
    });

    // Restoring reads the file, never the office it came from.
    expect(await snapshot(source), 'the office after the restore').toStrictEqual(before);
  } finally {
    source.close();
    restored?.close();
    directory.close();
    reopened.close();
  }
}

describe('backing up and restoring an office (property)', () => {
  it(`a restored office is the backed-up office, record for record, whatever it holds (${RUNS} runs, seed ${SEED})`, async () => {
    await fc.assert(fc.asyncProperty(officeContents, roundTrip), { seed: SEED, numRuns: RUNS });
  }, Math.max(120_000, RUNS * 1_000));

  it('reports the seed and path on failure, so a failing run can be replayed with BACKUP_SEED', async () => {
    await expect(fc.assert(fc.asyncProperty(officeContents, async () => false), { seed: SEED, numRuns: 1 })).rejects.toThrow(`seed: ${SEED}, path: "0`);
  });
});
