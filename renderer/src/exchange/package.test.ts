import fc from 'fast-check';
import { argon2id } from 'hash-wasm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { deflateSync } from 'fflate';
import { type Bytes, concatBytes, fromBase64, ownBytes } from './bytes';
import { ExchangeError, type ExchangeErrorDetails } from './errors';
import { blockAad, blockNonce, encodeBlockFrame, encodeHeader, KDF_MIN, type PackageHeader, sha256 } from './format';
import { createExchangeKeys, deriveFileKeys, type ExchangeKeys, generateRecoveryKey, type UnlockSecret } from './keys';
import { openPackage, type PackageTotals } from './reader';
import { chunked, layoutOf, memorySink, SOURCE } from './testing';
import { createPackageWriter, type PackageWriterOptions } from './writer';

vi.mock('hash-wasm', async (importOriginal) => {
  const real = await importOriginal<typeof import('hash-wasm')>();
  return { ...real, argon2id: vi.fn(real.argon2id) };
});

const PASSPHRASE = 'Buxoro viloyati, Gʻijduvon: 2026';
const CREATED_AT = new Date('2026-11-23T08:00:00.000Z');

const caseRecord = (i: number) => ({
  id: `case-${i}`,
  number: `GJ-2026/${i}`,
  family: i % 2 ? 'Gʻulomova Oʻgʻiloy Maʼrufovna' : 'Ғуломова Ўғилой Маъруфовна',
  mahallaId: `m-${i % 50}`,
  stage: ['intake', 'assessment', 'plan', 'closed'][i % 4],
  openedAt: new Date(Date.UTC(2026, 0, 1 + (i % 300))),
  note: `Maʼlumot ${i}: ${'Oila aʼzolari bilan suhbat oʻtkazildi. '.repeat(i % 7)}`,
  tags: ['uy', 'maktab', 'sogʻliq'].slice(0, i % 4),
  closedAt: i % 5 === 0 ? null : undefined,
});

/** Incompressible bytes, like a stored DOCX. */
function noise(seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed * 2654435761 + 1;
  for (let i = 0; i < length; i += 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}
const documentFile = (i: number) => ({ id: `doc-${i}`, bytes: noise(i, 1500 + ((i * 37) % 4000)), name: `Хулоса-${i}.docx` });

const TABLES = {
  cases: Array.from({ length: 3000 }, (_, i) => caseRecord(i)),
  persons: Array.from({ length: 4000 }, (_, i) => ({ id: `p-${i}`, pinfl: String(31_234_567_890_000 + i), name: i % 3 ? 'Oʻtkir Toʻxtayev' : 'Ўткир Тўхтаев' })),
  documentFiles: Array.from({ length: 150 }, (_, i) => documentFile(i)),
  notes: [] as unknown[],
};

let keys: ExchangeKeys;
let recoveryKey: string;
/** A package of TABLES in small blocks (about 40 of them). */
let file: Uint8Array;

type WriteOptions = Partial<PackageWriterOptions>;

async function writePackage(tables: Record<string, AsyncIterable<unknown> | Iterable<unknown>>, options: WriteOptions = {}): Promise<Uint8Array> {
  const sink = memorySink();
  const writer = await createPackageWriter({ kind: 'backup', source: SOURCE, keys, createdAt: CREATED_AT, blockSize: 64 * 1024, ...options }, sink);
  for (const [table, records] of Object.entries(tables)) await writer.writeTable(table, records);
  await writer.finish();
  return sink.bytes();
}

async function readPackage(bytes: Uint8Array, secret: UnlockSecret = { dataKey: keys.dataKey }) {
  const opened = await openPackage(chunked(bytes));
  const unlocked = await opened.unlock(secret);
  const tables: Record<string, unknown[]> = {};
  const blocks: number[] = [];
  const body = unlocked.tables();
  let totals: PackageTotals | undefined;
  for (;;) {
    const next = await body.next();
    if (next.done) {
      totals = next.value;
      break;
    }
    (tables[next.value.table] ??= []).push(...next.value.records);
    blocks.push(next.value.blockIndex);
  }
  return { header: unlocked.header, tables, blocks, totals };
}

/** The error a step throws, with the blocks read before it. */
async function failureOf(bytes: Uint8Array, secret: UnlockSecret = { dataKey: keys.dataKey }): Promise<{ code: string; details: ExchangeErrorDetails; blocks: number[] }> {
  const blocks: number[] = [];
  try {
    const unlocked = await (await openPackage(chunked(bytes))).unlock(secret);
    for await (const block of unlocked.tables()) blocks.push(block.blockIndex);
  } catch (error) {
    if (!(error instanceof ExchangeError)) throw error;
    return { code: error.code, details: error.details, blocks };
  }
  return { code: 'none', details: {}, blocks };
}

const flip = (bytes: Uint8Array, offset: number) => {
  const copy = bytes.slice();
  copy[offset] = (copy[offset] as number) ^ 0x5a;
  return copy;
};

const blocksOf = (bytes: Uint8Array) => {
  const { headerEnd, blocks } = layoutOf(bytes);
  return { header: bytes.subarray(0, headerEnd), blocks: blocks.map(({ start, end }) => bytes.subarray(start, end)) };
};

/** Rewrites the header with a valid checksum (a careless tool, or a hand-made hostile file); the MAC stays the old one. */
async function rewriteHeader(bytes: Uint8Array, change: (header: PackageHeader) => void, version?: number): Promise<Uint8Array> {
  const { headerEnd } = layoutOf(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const headerLength = view.getUint32(10, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(14, 14 + headerLength))) as PackageHeader;
  change(header);
  const encoded = encodeHeader(header);
  if (version !== undefined) new DataView(encoded.buffer).setUint16(8, version, true);
  const mac = bytes.subarray(headerEnd - 32, headerEnd);
  return concatBytes([encoded, await sha256(encoded), mac, bytes.subarray(headerEnd)]);
}

beforeAll(async () => {
  recoveryKey = generateRecoveryKey();
  keys = await createExchangeKeys({ passphrase: PASSPHRASE, recoveryKey, kdf: KDF_MIN });
  file = await writePackage(TABLES, { counts: Object.fromEntries(Object.entries(TABLES).map(([table, records]) => [table, records.length])) });
});

describe('round trip', () => {
  it('gives back every table as written, bytes and Uzbek and Cyrillic text included', async () => {
    const { header, tables, blocks, totals } = await readPackage(file, { passphrase: PASSPHRASE });
    expect(tables).toEqual({ cases: TABLES.cases, persons: TABLES.persons, documentFiles: TABLES.documentFiles });
    expect(totals).toEqual({ counts: { cases: 3000, persons: 4000, documentFiles: 150, notes: 0 }, blocks: blocks.length });
    expect(blocks).toEqual(blocks.map((_, i) => i));
    expect(blocks.length).toBeGreaterThan(10);
    expect(header).toMatchObject({ kind: 'backup', source: SOURCE, createdAt: CREATED_AT.toISOString(), counts: totals?.counts });
  });

  it('shows what the file is before it is unlocked', async () => {
    const opened = await openPackage([file]);
    expect(opened.header).toMatchObject({ kind: 'backup', source: SOURCE, counts: { cases: 3000 }, keys: { passphrase: { kdf: KDF_MIN } } });
    await opened.close();
  });

  it('opens with the recovery key however it is typed, and with the raw data key', async () => {
    const sloppy = recoveryKey.toLowerCase().replaceAll('0', 'o').replaceAll('-', ' ');
    for (const secret of [{ recoveryKey }, { recoveryKey: sloppy }, { dataKey: keys.dataKey }]) {
      expect((await readPackage(file, secret)).tables.cases).toHaveLength(3000);
    }
  });

  it('never repeats itself: the same data twice gives different bytes (a fresh salt and body key per file)', async () => {
    const [a, b] = [blocksOf(await writePackage(TABLES)).blocks[5], blocksOf(file).blocks[5]];
    expect(a?.length).toBe(b?.length);
    expect(a).not.toEqual(b);
  });

  it('round-trips any tables of any records (property)', async () => {
    const record = fc.dictionary(fc.string({ unit: 'binary', maxLength: 8 }), fc.oneof(fc.string({ unit: 'binary' }), fc.double(), fc.uint8Array({ maxLength: 40 }), fc.date({ noInvalidDate: true }), fc.constant(null)), { maxKeys: 5 });
    const tables = fc.dictionary(fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,10}$/u), fc.array(record, { maxLength: 60 }), { maxKeys: 4 });
    await fc.assert(
      fc.asyncProperty(tables, fc.integer({ min: 1, max: 2000 }), async (written, blockSize) => {
        const { tables: read, totals } = await readPackage(await writePackage(written, { blockSize }));
        expect(totals?.counts).toEqual(Object.fromEntries(Object.entries(written).map(([table, records]) => [table, records.length])));
        expect(read).toEqual(Object.fromEntries(Object.entries(written).filter(([, records]) => records.length > 0)));
      }),
      { numRuns: 25 },
    );
  });
});

describe('telling the failures apart', () => {
  it('a wrong passphrase is a wrong passphrase, and the same package can be unlocked after it', async () => {
    const opened = await openPackage(chunked(file));
    await expect(opened.unlock({ passphrase: `${PASSPHRASE} ` })).rejects.toMatchObject({ code: 'wrongPassphrase' });
    const unlocked = await opened.unlock({ passphrase: PASSPHRASE });
    let records = 0;
    for await (const block of unlocked.tables()) records += block.records.length;
    expect(records).toBe(7150);
  });

  it('wrong and mistyped recovery keys, and a data key of another office', async () => {
    expect((await failureOf(file, { recoveryKey: generateRecoveryKey() })).code).toBe('wrongRecoveryKey');
    expect(await failureOf(file, { recoveryKey: `${recoveryKey.slice(0, -1)}${recoveryKey.endsWith('A') ? 'B' : 'A'}` })).toMatchObject({
      code: 'recoveryKeyMalformed',
      details: { problem: 'checksum' },
    });
    expect((await failureOf(file, { dataKey: new Uint8Array(32) })).code).toBe('wrongKey');
  });

  it('a damaged header byte is damage, whichever byte, before any passphrase is asked', async () => {
    const { headerEnd } = layoutOf(file);
    for (const offset of [9, 12, 20, 100, headerEnd - 70, headerEnd - 40]) {
      const opening = openPackage(chunked(flip(file, offset)));
      await expect(opening, `byte ${offset}`).rejects.toMatchObject({ code: 'damaged' });
    }
  });

  it('a header changed with its checksum recomputed fails the MAC, though the passphrase is right', async () => {
    const altered = await rewriteHeader(file, (header) => {
      header.kind = 'transfer';
    });
    const opened = await openPackage(chunked(altered));
    expect(opened.header.kind).toBe('transfer');
    await expect(opened.unlock({ passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'damaged', details: { reason: 'mac' } });
    await expect(opened.unlock({ passphrase: 'not it' })).rejects.toMatchObject({ code: 'wrongPassphrase' });
  });

  it('another file is not a package; a newer version says so', async () => {
    for (const other of [new Uint8Array(0), new TextEncoder().encode('PK\u0003\u0004 a DOCX'), flip(file, 0)]) {
      await expect(openPackage([other])).rejects.toMatchObject({ code: 'notAPackage' });
    }
    await expect(openPackage([await rewriteHeader(file, () => undefined, 2)])).rejects.toMatchObject({ code: 'unsupportedVersion', details: { version: 2 } });
    // Version 1 is the first: a lower one, its checksum intact, was never written by any version of the app.
    await expect(openPackage([await rewriteHeader(file, () => undefined, 0)])).rejects.toMatchObject({ code: 'damaged', details: { reason: 'version', version: 0 } });
  });

  it('a file demanding 4 GiB for Argon2id is refused at once, without hashing', async () => {
    const hostile = await rewriteHeader(file, (header) => {
      header.keys.passphrase.kdf.m = 4 * 1024 * 1024;
    });
    const opened = await openPackage([hostile]);
    vi.mocked(argon2id).mockClear();
    const started = performance.now();
    await expect(opened.unlock({ passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'kdfOutOfBounds', details: { param: 'm', value: 4 * 1024 * 1024 } });
    expect(performance.now() - started).toBeLessThan(250);
    expect(argon2id).not.toHaveBeenCalled();
  });

  it('a damaged byte inside block 3 is damage at block 3, after blocks 0–2 were read', async () => {
    const { blocks } = layoutOf(file);
    const block3 = blocks[3] as { start: number; end: number };
    for (const offset of [block3.start + 9, Math.floor((block3.start + block3.end) / 2), block3.end - 1]) {
      expect(await failureOf(flip(file, offset))).toMatchObject({ code: 'damagedAt', details: { blockIndex: 3, reason: 'tag' }, blocks: [0, 1, 2] });
    }
    // Its frame (flags, length, CRC): still damage at block 3, not a misleading "truncated".
    for (const offset of [block3.start, block3.start + 2, block3.start + 4, block3.start + 7]) {
      expect(await failureOf(flip(file, offset))).toMatchObject({ code: 'damagedAt', details: { blockIndex: 3, reason: 'frame' } });
    }
  });

  it('the final block damaged is damage at its index', async () => {
    const { blocks } = layoutOf(file);
    const last = blocks.at(-1) as { start: number; end: number };
    expect(await failureOf(flip(file, last.end - 3))).toMatchObject({ code: 'damagedAt', details: { blockIndex: blocks.length - 1 } });
  });

  it('a file cut short is truncated, wherever the cut', async () => {
    const { headerEnd, blocks } = layoutOf(file);
    const final = blocks.length - 1;
    const cuts: Array<[number, string, number | undefined]> = [
      [(blocks[final] as { start: number }).start, 'truncated', final],
      [(blocks[final] as { end: number }).end - 1, 'truncated', final],
      [(blocks[5] as { start: number }).start + 100, 'truncated', 5],
      [(blocks[5] as { start: number }).start + 4, 'truncated', 5],
      [headerEnd, 'truncated', 0],
      [headerEnd - 10, 'truncated', undefined],
      [10, 'truncated', undefined],
    ];
    for (const [length, code, blockIndex] of cuts) {
      const failure = await failureOf(file.subarray(0, length));
      expect(failure.code, `cut at ${length}`).toBe(code);
      expect(failure.details.blockIndex).toBe(blockIndex);
    }
  });

  it('reordered, duplicated, missing and foreign blocks are caught at the first one out of place', async () => {
    const { header, blocks } = blocksOf(file);
    const assemble = (order: Uint8Array[]) => concatBytes([header, ...order]);
    const b = (i: number) => blocks[i] as Uint8Array;
    const rest = (from: number) => blocks.slice(from);
    const other = blocksOf(await writePackage(TABLES)).blocks;
    const cases: Array<[string, Uint8Array[], number]> = [
      ['blocks 2 and 3 swapped', [b(0), b(1), b(3), b(2), ...rest(4)], 2],
      ['block 2 twice', [b(0), b(1), b(2), b(2), ...rest(3)], 3],
      ['block 2 missing', [b(0), b(1), ...rest(3)], 2],
      ['the final block moved up', [b(0), b(1), blocks.at(-1) as Uint8Array], 2],
      ['block 4 from another file with the same keys', [b(0), b(1), b(2), b(3), other[4] as Uint8Array, ...rest(5)], 4],
    ];
    for (const [name, order, blockIndex] of cases) {
      expect(await failureOf(assemble(order)), name).toMatchObject({ code: 'damagedAt', details: { blockIndex } });
    }
  });

  it('a data block marked final (its frame CRC redone) fails its tag', async () => {
    const { blocks } = layoutOf(file);
    const span = blocks[2] as { start: number; end: number };
    const forged = file.slice();
    forged.set(encodeBlockFrame(true, span.end - span.start - 9), span.start);
    expect(await failureOf(forged)).toMatchObject({ code: 'damagedAt', details: { blockIndex: 2, reason: 'tag' } });
  });

  it('a block that decrypts but holds bad content is damage at that block; a decompression bomb stops at 64 MiB', async () => {
    const { header } = blocksOf(file);
    const opened = await openPackage([file]);
    const { bodyKey } = await deriveFileKeys(keys.dataKey, fromBase64(opened.header.fileSalt) as Bytes);
    await opened.close();
    const sealed = async (compressed: Uint8Array) => {
      const iv = blockNonce(0);
      const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: blockAad('backup', false, 0) }, bodyKey, ownBytes(compressed)));
      return concatBytes([header, encodeBlockFrame(false, ciphertext.length), ciphertext]);
    };
    const cases: Array<[string, Uint8Array, string]> = [
      ['not deflate', Uint8Array.from([0xff, 0xff, 0xff, 0xff]), 'inflate'],
      ['not JSON lines', deflateSync(new TextEncoder().encode('"cases"\n{not json')), 'content'],
      ['no table line', deflateSync(new TextEncoder().encode('{"id":1}\n{"id":2}')), 'content'],
      ['a table and no records', deflateSync(new TextEncoder().encode('"cases"')), 'content'],
      ['65 MiB of zeros', deflateSync(new Uint8Array(65 * 1024 * 1024)), 'tooLarge'],
    ];
    for (const [name, compressed, reason] of cases) {
      expect(await failureOf(await sealed(compressed)), name).toMatchObject({ code: 'damagedAt', details: { blockIndex: 0, reason } });
    }
  });

  it('bytes after the final block are damage', async () => {
    expect(await failureOf(concatBytes([file, new Uint8Array([0])]))).toMatchObject({ code: 'damaged', details: { reason: 'trailingData' } });
  });
});

describe('writer contract', () => {
  it('a one-off passphrase package has its own data key and no recovery slot unless given one', async () => {
    const sink = memorySink();
    const writer = await createPackageWriter({ kind: 'transfer', source: SOURCE, keys: { passphrase: 'bir martalik', kdf: KDF_MIN } }, sink);
    await writer.writeTable('cases', TABLES.cases.slice(0, 10));
    await writer.finish();
    expect(writer.header.keys.recovery).toBeUndefined();
    expect((await readPackage(sink.bytes(), { passphrase: 'bir martalik' })).tables.cases).toEqual(TABLES.cases.slice(0, 10));
    expect((await failureOf(sink.bytes(), { recoveryKey })).code).toBe('noRecoveryKey');
    expect((await failureOf(sink.bytes(), { dataKey: keys.dataKey })).code).toBe('wrongKey');
  });

  it('counts announced up front must be what was written; otherwise the file never gets its final block', async () => {
    const sink = memorySink();
    const writer = await createPackageWriter({ kind: 'backup', source: SOURCE, keys, counts: { cases: 5 } }, sink);
    await writer.writeTable('cases', TABLES.cases.slice(0, 4));
    await expect(writer.finish()).rejects.toMatchObject({ code: 'invalidInput', details: { reason: 'countsMismatch' } });
    expect((await failureOf(sink.bytes())).code).toBe('truncated');
  });

  it('refuses bad table names, unsupported values, overlapping calls and writing after finish', async () => {
    const writer = await createPackageWriter({ kind: 'backup', source: SOURCE, keys }, memorySink());
    await expect(writer.writeTable('../cases', [])).rejects.toMatchObject({ code: 'invalidInput' });
    const fresh = await createPackageWriter({ kind: 'backup', source: SOURCE, keys }, memorySink());
    const first = fresh.writeTable('cases', TABLES.cases.slice(0, 100));
    await expect(fresh.writeTable('persons', [])).rejects.toMatchObject({ code: 'invalidInput', details: { reason: 'writerBusy' } });
    await first;
    await fresh.finish();
    await expect(fresh.writeTable('persons', [])).rejects.toMatchObject({ code: 'invalidInput', details: { reason: 'writerFinished' } });
    const broken = await createPackageWriter({ kind: 'backup', source: SOURCE, keys }, memorySink());
    await expect(broken.writeTable('cases', [{ when: new Map() }])).rejects.toMatchObject({ code: 'invalidInput' });
    await expect(broken.finish()).rejects.toMatchObject({ details: { reason: 'writerFailed' } });
  });

  it('refuses a header it could not read back', async () => {
    await expect(createPackageWriter({ kind: 'backup', source: { ...SOURCE, installationId: '' }, keys }, memorySink())).rejects.toMatchObject({ code: 'invalidInput' });
    await expect(createPackageWriter({ kind: 'backup', source: SOURCE, keys: { passphrase: PASSPHRASE, kdf: { ...KDF_MIN, t: 1 } } }, memorySink())).rejects.toMatchObject({ code: 'kdfOutOfBounds' });
    const oldSlots = { ...keys.slots, passphrase: { ...keys.slots.passphrase, kdf: { ...KDF_MIN, m: 1024 } } };
    await expect(createPackageWriter({ kind: 'backup', source: SOURCE, keys: { dataKey: keys.dataKey, slots: oldSlots } }, memorySink())).rejects.toMatchObject({ code: 'kdfOutOfBounds' });
    await expect(createPackageWriter({ kind: 'backup', source: SOURCE, keys: { dataKey: new Uint8Array(16), slots: keys.slots } }, memorySink())).rejects.toMatchObject({ code: 'invalidInput' });
  });

  it('lets the body be read once', async () => {
    const unlocked = await (await openPackage([file])).unlock({ dataKey: keys.dataKey });
    let blocks = 0;
    for await (const block of unlocked.tables()) blocks += block.records.length > 0 ? 1 : 0;
    expect(blocks).toBe(layoutOf(file).blocks.length - 1);
    await expect(unlocked.tables().next()).rejects.toMatchObject({ code: 'invalidInput' });
  });
});
