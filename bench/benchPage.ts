import '../renderer/src/app/zodSetup';
import Dexie from 'dexie';
import { exportDB, importDB } from 'dexie-export-import';
import MiniSearch from 'minisearch';
import { DatabaseDirectory } from '../renderer/src/db/activeDatabase';
import { loadRecordSet, type RecordSet } from '../renderer/src/db/bulkLoad';
import { HamkorlikDb } from '../renderer/src/db/db';
import { SCHEMA_VERSIONS } from '../renderer/src/db/versions';
import { facetCounts, queryCases } from '../renderer/src/db/repositories/caseQueries';
import { getCaseFile } from '../renderer/src/db/repositories/cases';
import { fullAccessSession, login, needsFirstPassword, setFirstPassword } from '../renderer/src/db/repositories/accounts';
import { DEMO_LOGIN, makeDemoAdministrator } from '../renderer/src/devtools/seedDemo';
import { searchCases } from '../renderer/src/db/repositories/caseSearch';
import { buildCaseIndex, personDupKey } from '../renderer/src/domain/caseIndex';
import { demoOffice } from '../renderer/src/devtools/demoOffice';
import { GENERATOR_TODAY } from '../renderer/src/devtools/generator';
import { writeDocx } from '../renderer/src/documents/docxWriter';
import { agreementModel } from '../renderer/src/documents/familyAgreement';
import { decisionModel } from '../renderer/src/documents/hokimDecision';
import { documentTexts } from '../renderer/src/documents/texts';
import { agreementFixture, decisionFixture } from '../renderer/src/documents/testing/fixtures';
import { initI18n } from '../renderer/src/app/i18n';
import { readReportInput } from '../renderer/src/db/repositories/reports';
import { computeIndicators, localizeTables, monthlyTrend, monthsEnding, prepareReport, quarter, reportTables, type Translate } from '../renderer/src/reports';
import { reportWorkbook } from '../renderer/src/reports/export/workbook';
import { generateOffice } from '../renderer/src/reports/testing/generate';
import { exchangeStatus, previewTransfer, restoreBackup, setUpExchange, unlockExchange, writeBackup, writeTransfer, type TransferPreview } from '../renderer/src/db/exchange';
import { grant } from '../renderer/src/db/grants';
import type { ByteSource } from '../renderer/src/exchange';

// The benchmark's side in the page: it uses the app's own database, loader, queries and search,
// and reports raw timings; the Playwright runner (bench.spec.ts) measures heap and prints the table.

let db: HamkorlikDb | null = null;
let lastSet: RecordSet | null = null;
/** The last backup written, as blobs: their bytes live outside the JS heap, as a file on disk would. */
let backupParts: Blob[] = [];
/** The last transfer written, as blobs (its preview is held on `window.keepTransfer`, as the receive dialog holds it). */
let transferParts: Blob[] = [];
/** The office that previews the transfers (an office refuses to open its own). */
let receiver: HamkorlikDb | null = null;
/** dexie-export-import's export, between its two timed halves. */
let dexieBlob: Blob | null = null;
const BENCH_PASSPHRASE = 'bench office passphrase';

async function* blobSource(parts: Blob[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield new Uint8Array(await part.arrayBuffer());
}

/** A sink that keeps what is written as blobs: their bytes live outside the JS heap, as a file on disk would. */
function blobSink() {
  const parts: Blob[] = [];
  let written = 0;
  const sink = {
    write(chunk: Uint8Array) {
      parts.push(new Blob([chunk.slice()]));
      written += chunk.byteLength;
    },
  };
  return { parts, sink, bytes: () => written };
}

/** Raw IndexedDB puts, 4,000 to a transaction, durability strict: the references' way of writing. */
async function putInBatches(raw: IDBDatabase, store: string, values: readonly unknown[]): Promise<void> {
  for (let i = 0; i < values.length; i += 4000) {
    await new Promise<void>((resolve, reject) => {
      const tx = raw.transaction(store, 'readwrite', { durability: 'strict' });
      const os = tx.objectStore(store);
      for (const value of values.slice(i, i + 4000)) os.put(value);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
}

/** Every record of every table of `source`, read with the credentials opened (for the raw reference only). */
async function allRecords(source: HamkorlikDb): Promise<[string, unknown[]][]> {
  const out: [string, unknown[]][] = [];
  for (const table of source.tables) {
    const records = await source.transaction('r', table, (tx) => {
      grant(tx, { credentials: true });
      return table.toArray();
    });
    out.push([table.name, records]);
  }
  return out;
}
const now = () => performance.now();

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = now();
  const result = await run();
  return [result, now() - start];
}

/** Logs in as the demo administrator; a profile loaded before passwords existed gets its first password here. */
async function logIn(opened: HamkorlikDb): Promise<void> {
  opened.installationId = 'bench';
  if (await needsFirstPassword(opened)) await setFirstPassword(opened, DEMO_LOGIN.username, DEMO_LOGIN.password, DEMO_LOGIN.password);
  else await login(opened, DEMO_LOGIN.username, DEMO_LOGIN.password);
}

const bench = {
  /**
   * The documents kit in the page, as the app runs it: model and DOCX bytes of one agreement (after
   * warm-up), of a decision with 50 mahalla teams, and 500 agreements one after another.
   */
  async documents() {
    const agreement = agreementFixture();
    const decision = decisionFixture(50);
    const texts = documentTexts('uz-Cyrl');
    const oneAgreement = async () => (await writeDocx(agreementModel(agreement, texts))).byteLength;
    for (let i = 0; i < 5; i++) await oneAgreement();
    const agreements: number[] = [];
    for (let i = 0; i < 30; i++) agreements.push((await timed(oneAgreement))[1]);
    const decisions: number[] = [];
    let decisionBytes = 0;
    for (let i = 0; i < 10; i++) {
      const [bytes, ms] = await timed(async () => (await writeDocx(decisionModel(decision, texts))).byteLength);
      decisions.push(ms);
      decisionBytes = bytes;
    }
    const [, batchMs] = await timed(async () => {
      for (let i = 0; i < 500; i++) await writeDocx(agreementModel({ ...agreement, number: `K-${i + 1}/2026` }, texts));
    });
    return { agreements, decisions, decisionBytes, batchMs };
  },
  /**
   * The reports over a generated office held in memory (the report generator: histories, members,
   * monitorings, plans, placements), as the worker computes them: the indicators for a quarter, the
   * 12-month trend, the tables in words, and the Excel workbook of the full set.
   */
  async reports(families: number) {
    const [office, generateMs] = await timed(async () => generateOffice(20261204, families));
    const records = Object.values(office.input).reduce((total, list) => total + (Array.isArray(list) ? list.length : 0), 0);
    const [year, month] = office.today.split('-').map(Number) as [number, number];
    const period = quarter(year, Math.ceil(month / 3));
    // As the reports worker does it: the records indexed once per filter, then each period computed
    // over the index, the figures posted first and the 12-month trend after them.
    const [prepared, prepareMs] = await timed(async () => prepareReport(office.input));
    const computeRuns: number[] = [];
    let indicators = computeIndicators(prepared, period);
    for (let i = 0; i < 3; i++) {
      const [result, ms] = await timed(async () => computeIndicators(prepared, period));
      indicators = result;
      computeRuns.push(ms);
    }
    const [, trendMs] = await timed(async () => monthlyTrend(prepared, monthsEnding(period.to, 12)));
    const i18n = await initI18n('uz-Cyrl');
    const t = i18n.t.bind(i18n) as Translate;
    const [groups, localizeMs] = await timed(async () => localizeTables(reportTables(indicators), t, 'uz-Cyrl', { mahallas: office.input.mahallas, users: office.input.users, teams: office.input.teams }));
    const heading = { office: 'Bench', period: 'Q', generated: '', labelColumn: 'Кўрсаткич' };
    const [bytes, excelMs] = await timed(() => reportWorkbook(groups, heading));
    // Kept until the runner has read the heap with the office's records in it (like the worker holds them).
    (window as unknown as { keepOffice: unknown }).keepOffice = office;
    return { families, cases: office.input.cases.length, records, generateMs, prepareMs, computeRuns, trendMs, localizeMs, excelMs, excelKb: Math.round(bytes.byteLength / 1024), openAtEnd: indicators.families.openAtEnd.families };
  },

  dropOffice() {
    (window as unknown as { keepOffice: unknown }).keepOffice = null;
    return Promise.resolve();
  },

  /** The worker's reading of an office database (the loaded bench profile), then the indicators over what it read. */
  async reportRead() {
    const session = db!.session!;
    const [input, readMs] = await timed(() => readReportInput(db!, session));
    const records = Object.values(input).reduce((total, list) => total + (Array.isArray(list) ? list.length : 0), 0);
    const [, computeMs] = await timed(async () => computeIndicators(input, quarter(2026, 3)));
    return { readMs, computeMs, records };
  },

  async generateAndLoad(families: number, districts: number) {
    const startGenerate = now();
    const { set, userId, installationId } = demoOffice({ families, seed: 7, districts });
    const generateMs = now() - startGenerate;
    const directory = new DatabaseDirectory();
    db = await directory.openActive();
    db.session = fullAccessSession(userId, installationId);
    let lastTable = '';
    const [, loadMs] = await timed(() =>
      loadRecordSet(db!, set, GENERATOR_TODAY, {
        kind: 'bench',
        onProgress: ({ table, done, total }) => {
          if (table !== lastTable || done === total) console.log(`load ${table} ${done}/${total} at ${Math.round(now() - startGenerate)} ms`);
          lastTable = table;
        },
      }).catch((error: unknown) => {
        const e = error as { name?: string; message?: string; inner?: { name?: string; message?: string } };
        throw new Error(`load failed: ${e.name}: ${e.message} ${e.inner ? `(${e.inner.name}: ${e.inner.message})` : ''}`);
      }),
    );
    await db.settings.put({ key: 'setupCompletedAt', value: new Date().toISOString() });
    await makeDemoAdministrator(db, userId);
    lastSet = set;
    const records = set.cases.length + set.persons.length + set.memberships.length + set.history.length + set.users.length + set.mahallas.length;
    return { generateMs, loadMs, records, cases: set.cases.length, persons: set.persons.length };
  },

  /** The same records as `generateAndLoad` makes, kept for the references only (the database is already loaded). */
  async generateOnly(families: number, districts: number) {
    lastSet = demoOffice({ families, seed: 7, districts }).set;
    return { cases: lastSet.cases.length };
  },

  /** After a reload: open the existing database. Nothing is built; the first search runs straight away. */
  async openExisting(firstQuery: string) {
    const [opened, openMs] = await timed(() => new DatabaseDirectory().openActive());
    db = opened;
    await logIn(opened);
    const [result, firstSearchMs] = await timed(() => searchCases(opened, firstQuery));
    return { openMs, firstSearchMs, firstSearchHits: result.hits.length };
  },

  /**
   * A profile an earlier exchange run loaded (BENCH_EXCHANGE_PROFILE): what a cut-off run left beside
   * the office — a raw reference, an import, a staged restore — is deleted; the office is opened and
   * logged into. The load of 100,000 families takes an hour here; this lets a later run skip it.
   */
  async openForExchange() {
    const directory = new DatabaseDirectory();
    db = await directory.openActive();
    for (const { name } of await indexedDB.databases()) {
      if (name && (name.startsWith('raw-restore-') || name.startsWith('dexie-import-'))) await Dexie.delete(name);
    }
    await logIn(db);
    return { cases: await db.cases.count() };
  },

  /** Types each query one character at a time and times every search, as the list does. */
  async searchAsYouType(queries: string[]) {
    const latencies: number[] = [];
    const slowest: { text: string; ms: number }[] = [];
    for (const query of queries) {
      for (let length = 1; length <= query.length; length += 1) {
        const text = query.slice(0, length);
        const [, ms] = await timed(() => searchCases(db!, text));
        latencies.push(ms);
        slowest.push({ text, ms });
      }
    }
    slowest.sort((a, b) => b.ms - a.ms);
    console.log(`slowest keystrokes: ${slowest.slice(0, 12).map((s) => `"${s.text}" ${Math.round(s.ms)}`).join(', ')}`);
    return latencies;
  },

  async hasData() {
    const opened = await new DatabaseDirectory().openActive();
    opened.session = fullAccessSession('bench', 'bench');
    const count = await opened.cases.count();
    opened.close();
    return count;
  },

  async openCards(count: number) {
    const ids = (await db!.cases.limit(20_000).primaryKeys()).filter((_, i) => i % Math.max(1, Math.floor(20_000 / count)) === 0).slice(0, count);
    const latencies: number[] = [];
    for (const id of ids) latencies.push((await timed(() => getCaseFile(db!, id)))[1]);
    return latencies;
  },

  /** The list page as navigation shows it: the first page with its total, then the filter counts. */
  async firstListPage() {
    const [page, ms] = await timed(() => queryCases(db!, {}, { field: 'updatedAt', direction: 'desc' }, 0, 50));
    const [, countsMs] = await timed(() => facetCounts(db!));
    return { ms, countsMs, rows: page.rows.length, total: page.total };
  },

  async filterChange() {
    const [page, ms] = await timed(() => queryCases(db!, { stage: 'monitoring' }, { field: 'updatedAt', direction: 'desc' }, 0, 50));
    const [, twoFiltersMs] = await timed(async () => queryCases(db!, { stage: 'monitoring', riskLevel: 'R2' }, { field: 'updatedAt', direction: 'desc' }, 0, 50));
    return { ms, twoFiltersMs, rows: page.rows.length, total: page.total };
  },

  /**
   * Backs up the loaded database as the app does — pages per table, compressed, encrypted, then read
   * back in full and verified — into blobs. The office keys are set up first with the production
   * Argon2id parameters; unlocking is timed apart.
   */
  async backupWrite() {
    // A reused profile (openForExchange) was set up by the run that loaded it.
    if (!(await exchangeStatus(db!)).configured) await setUpExchange(db!, BENCH_PASSPHRASE);
    const [keys, unlockMs] = await timed(() => unlockExchange(db!, { passphrase: BENCH_PASSPHRASE }));
    const { parts, sink, bytes } = blobSink();
    const [result, ms] = await timed(() => writeBackup(db!, keys, sink, { includeDocumentBytes: true, verify: () => blobSource(parts) as ByteSource }));
    backupParts = parts;
    return { ms, unlockMs, bytes: bytes(), records: Object.values(result.counts).reduce((a, b) => a + b, 0) };
  },

  /** The app's restore of that backup: verify the whole file, stage, write, upgrade, switch the pointer. */
  async restore() {
    const directory = new DatabaseDirectory();
    // When each phase began and the last progress: verifying the file, writing it, then upgrading and switching.
    const phases: Record<string, number> = {};
    let lastProgress = 0;
    const start = now();
    const onProgress = ({ phase, table }: { phase: string; table: string }) => {
      // Read by the bench's heap sampling, to name the table a sample was taken in.
      (window as unknown as { benchProgress: string }).benchProgress = `${phase}:${table}`;
      phases[phase] ??= now() - start;
      lastProgress = now() - start;
    };
    const [result, ms] = await timed(() => restoreBackup(directory, () => blobSource(backupParts) as ByteSource, { passphrase: BENCH_PASSPHRASE }, { actor: db!.session!, onProgress }));
    directory.close();
    backupParts = [];
    const writeStart = phases.restoring ?? NaN;
    return { ms, verifyMs: writeStart, writeMs: lastProgress - writeStart, finishMs: ms - lastProgress, records: Object.values(result.counts).reduce((a, b) => a + b, 0), databaseName: result.databaseName };
  },

  /**
   * The restore's physical limit: the same records as the backup holds, put with raw IndexedDB into a
   * database with the app's stores and indexes (created by Dexie, then written without it), 4,000 to
   * a transaction, durability strict. Reading the records first is not timed.
   */
  async rawPutOfDatabase() {
    const tables = await allRecords(db!);
    const name = `raw-restore-${Date.now()}`;
    const shape = new HamkorlikDb(name);
    await shape.open();
    shape.close();
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const start = now();
    let records = 0;
    for (const [store, values] of tables) {
      await putInBatches(raw, store, values);
      records += values.length;
    }
    const ms = now() - start;
    raw.close();
    await Dexie.delete(name);
    return { ms, records };
  },

  /**
   * A copy transfer of the first `families` cases of the loaded office, written as the app writes
   * one (collected in one read, packaged, read back and verified) into blobs. A transfer is held
   * whole on both sides (transfer.ts, receive.ts), bounded by MAX_TRANSFER_RECORDS: this and
   * `transferPreview` are where the heap grows with its size.
   */
  async transferWrite(families: number) {
    if (!(await exchangeStatus(db!)).configured) await setUpExchange(db!, BENCH_PASSPHRASE);
    const keys = await unlockExchange(db!, { passphrase: BENCH_PASSPHRASE });
    const caseIds = (await db!.cases.limit(families).primaryKeys()) as string[];
    const { parts, sink, bytes } = blobSink();
    const [written, ms] = await timed(() => writeTransfer(db!, keys, sink, { caseIds, mode: 'copy', verify: () => blobSource(parts) as ByteSource }));
    transferParts = parts;
    return { ms, bytes: bytes(), cases: caseIds.length, records: Object.values(written.counts).reduce((a, b) => a + b, 0) };
  },

  /**
   * The receiving side's preview of that transfer, in a second, empty office in the same page (an
   * office refuses its own transfers): the file read, verified and held whole with each record's
   * status (all new). The preview is kept afterwards, as the dialog keeps it, so the heap after it
   * is what the open dialog holds.
   */
  async transferPreview() {
    const keys = await unlockExchange(db!, { passphrase: BENCH_PASSPHRASE });
    if (!receiver) {
      receiver = new HamkorlikDb('bench-receiving-office');
      await receiver.open();
      receiver.session = fullAccessSession('bench-receiver', 'bench-receiving-installation');
    }
    const office = receiver;
    const [preview, ms] = await timed(() => previewTransfer(office, () => blobSource(transferParts) as ByteSource, { dataKey: keys }));
    (window as unknown as { keepTransfer: TransferPreview | null }).keepTransfer = preview;
    return { ms, cases: preview.cases.length, records: preview.records.length };
  },

  dropTransfer() {
    (window as unknown as { keepTransfer: TransferPreview | null }).keepTransfer = null;
    transferParts = [];
    return Promise.resolve();
  },

  /** dexie-export-import's export of the same database, opened without our middleware, to one blob kept for `dexieImport`. */
  async dexieExport() {
    const plain = new Dexie(db!.name);
    await plain.open();
    const [blob, exportMs] = await timed(() => exportDB(plain));
    plain.close();
    dexieBlob = blob;
    return { exportMs, bytes: blob.size };
  },

  /** dexie-export-import's import of that blob into a new database, deleted afterwards. */
  async dexieImport() {
    const name = `dexie-import-${Date.now()}`;
    const [imported, importMs] = await timed(() => importDB(dexieBlob!, { name }));
    imported.close();
    dexieBlob = null;
    await Dexie.delete(name);
    return { importMs };
  },

  /** The physical limit: the same records put with raw IndexedDB and the same indexes, no Dexie, no audit. */
  async rawBulkPut() {
    const set = lastSet!;
    const persons = new Map(set.persons.map((p) => [p.id, p]));
    const byCase = new Map<string, { membership: (typeof set.memberships)[number]; person: (typeof set.persons)[number] }[]>();
    for (const m of set.memberships) byCase.set(m.caseId, [...(byCase.get(m.caseId) ?? []), { membership: m, person: persons.get(m.personId)! }]);
    const cases = set.cases.map((k) => ({ ...k, ...buildCaseIndex(k, byCase.get(k.id) ?? [], GENERATOR_TODAY) }));
    const people = set.persons.map((p) => ({ ...p, dupKey: personDupKey(p) }));
    const name = `raw-bench-${Date.now()}`;
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        const d = request.result;
        const c = d.createObjectStore('cases', { keyPath: 'id' });
        for (const index of ['caseNumber', 'stage', 'riskLevel', 'caseManagerId', 'updatedAt', 'sortName', 'deletedAt']) c.createIndex(index, index);
        c.createIndex('address.mahallaId', 'address.mahallaId');
        c.createIndex('searchKeys', 'searchKeys', { multiEntry: true });
        c.createIndex('vulnerability', 'vulnerability', { multiEntry: true });
        for (const compound of ['stage', 'riskLevel', 'caseManagerId']) c.createIndex(`[${compound}+updatedAt]`, [compound, 'updatedAt']);
        c.createIndex('[address.mahallaId+updatedAt]', ['address.mahallaId', 'updatedAt']);
        const p = d.createObjectStore('persons', { keyPath: 'id' });
        p.createIndex('pinfl', 'pinfl');
        p.createIndex('dupKey', 'dupKey');
        p.createIndex('updatedAt', 'updatedAt');
        const m = d.createObjectStore('memberships', { keyPath: 'id' });
        for (const index of ['caseId', 'personId', 'updatedAt']) m.createIndex(index, index);
        const h = d.createObjectStore('caseHistory', { keyPath: 'id' });
        for (const index of ['caseId', 'updatedAt']) h.createIndex(index, index);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const start = now();
    let records = 0;
    for (const [store, values] of [['persons', people], ['memberships', set.memberships], ['cases', cases], ['caseHistory', set.history]] as const) {
      await putInBatches(raw, store, values);
      records += values.length;
    }
    const ms = now() - start;
    raw.close();
    indexedDB.deleteDatabase(name);
    return { ms, records };
  },

  /** A well-known search library over the same names, for comparison: build, then the same typing. */
  async miniSearch(queries: string[]) {
    const set = lastSet!;
    const persons = new Map(set.persons.map((p) => [p.id, p]));
    const names = new Map<string, string[]>();
    for (const m of set.memberships) {
      const p = persons.get(m.personId)!;
      const list = names.get(m.caseId) ?? [];
      list.push(p.surname.latn, p.surname.cyrl, p.firstName.latn, p.firstName.cyrl);
      names.set(m.caseId, list);
    }
    const buildStart = now();
    const index = new MiniSearch<{ id: string; names: string; caseNumber: string }>({ fields: ['names', 'caseNumber'], storeFields: [], searchOptions: { prefix: true, combineWith: 'AND' } });
    index.addAll(set.cases.map((k) => ({ id: k.id, names: (names.get(k.id) ?? []).join(' '), caseNumber: k.caseNumber })));
    const buildMs = now() - buildStart;
    const latencies: number[] = [];
    const hits: Record<string, number> = {};
    for (const query of queries) {
      for (let length = 1; length <= query.length; length += 1) {
        const start = now();
        const result = index.search(query.slice(0, length));
        latencies.push(now() - start);
        if (length === query.length) hits[query] = result.length;
      }
    }
    (window as unknown as { keepIndex: unknown }).keepIndex = index; // keep it alive for the heap reading
    return { buildMs, latencies, hits };
  },

  dropMiniSearch() {
    (window as unknown as { keepIndex: unknown }).keepIndex = null;
    lastSet = null;
  },

  /**
   * What an office waits for on the first start after an update: the generated office loaded at
   * schema v004 (the oldest an office in the field may hold), then opened at each later version in
   * turn, each open timed (Dexie runs that version's upgrade function inside it).
   */
  async upgrades(families: number, districts: number) {
    const { set, userId, installationId } = demoOffice({ families, seed: 7, districts });
    const name = `upgrade-bench-${Date.now()}`;
    const first = 4;
    const old = new HamkorlikDb(name, {}, SCHEMA_VERSIONS.slice(0, first));
    old.session = fullAccessSession(userId, installationId);
    const [, loadMs] = await timed(() => loadRecordSet(old, set, GENERATOR_TODAY, { kind: 'bench' }));
    old.close();
    const openMs: Record<string, number> = {};
    for (let version = first + 1; version <= SCHEMA_VERSIONS.length; version++) {
      const next = new HamkorlikDb(name, {}, SCHEMA_VERSIONS.slice(0, version));
      const [, ms] = await timed(() => next.open());
      openMs[`v${String(version).padStart(3, '0')}`] = ms;
      next.close();
    }
    await Dexie.delete(name);
    return { loadMs, openMs, cases: set.cases.length };
  },

  async ourHits(queries: string[]) {
    const hits: Record<string, number> = {};
    for (const query of queries) hits[query] = (await searchCases(db!, query, 100_000)).hits.length;
    return hits;
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
(window as unknown as { benchReady: boolean }).benchReady = true;
