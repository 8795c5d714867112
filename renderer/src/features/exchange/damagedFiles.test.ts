import type { DexieOptions } from 'dexie';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { argon2id } from 'hash-wasm';
import type { i18n as I18n } from 'i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
// The issue asks for the right message, which features/ and app/ decide: this test crosses the layers on purpose.
import { initI18n } from '../../app/i18n';
import { familyAgreementDocx } from '../../documents/familyAgreement';
import { agreementFixture } from '../../documents/testing/fixtures';
import { ExchangeError, generateRecoveryKey, KDF_MIN, type ByteSource, type ExchangeErrorCode, type ExchangeErrorDetails, type PackageHeader } from '../../exchange';
import { concatBytes } from '../../exchange/bytes';
import { BLOCK_FRAME_LENGTH, DIGEST_LENGTH, encodeBlockFrame, encodeHeader, MAGIC, MAX_BLOCK_CIPHERTEXT, MAX_HEADER_LENGTH, PREFIX_LENGTH, sha256 } from '../../exchange/format';
import { layoutOf, type BlockSpan } from '../../exchange/testing';
import { describeFailure, describeTransferFailure, type FailureMessage } from './exchangeMessages';
import { DatabaseDirectory, META_DATABASE } from '../../db/activeDatabase';
import { HamkorlikDb } from '../../db/db';
import { memoryDexieOptions } from '../../db/testing';
import { writeBackup } from '../../db/exchange/backup';
import { setUpExchange, unlockExchange, type OfficeKeys } from '../../db/exchange/exchangeKeys';
import { restoreBackup } from '../../db/exchange/restore';
import { previewTransfer } from '../../db/exchange/receive';
import { chunksOf, databaseNames, memoryFile, noise, PASSPHRASE, seedOffice, snapshot, transferOffice } from '../../db/exchange/testing';
import { writeTransfer } from '../../db/exchange/transfer';

/**
 * The damaged-file suite: every way a file on a USB stick goes wrong — cut short, a bit
 * flipped, blocks out of order, the wrong secret, someone else's file, an absurd one — must be
 * refused with the message that tells the user what happened, and must leave the office's data, the
 * active-database pointer and the list of databases exactly as they were. Checked for every
 * variant, not once at the end: a refusal that writes something and a later one that happens to
 * undo it would otherwise pass.
 *
 * Expected codes and block indexes come from the file's layout (`layoutOf`), not from the reader.
 * DAMAGE_SEED replays another set of random cuts and flips; failures name the seed.
 */

// Counted, so the refusal of absurd Argon2id parameters can be shown to hash nothing.
vi.mock('hash-wasm', async (importOriginal) => {
  const real = await importOriginal<typeof import('hash-wasm')>();
  return { ...real, argon2id: vi.fn(real.argon2id) };
});

const SEED = Number.parseInt(String(import.meta.env.DAMAGE_SEED ?? '20261207'), 10);
if (!Number.isSafeInteger(SEED)) throw new Error(`DAMAGE_SEED must be an integer (got ${SEED})`);

const TRANSFER_KEYS = { passphrase: 'Gʻijduvon–Vobkent 2026 kelishilgan', kdf: KDF_MIN };
const TRANSFER_SECRET = { passphrase: TRANSFER_KEYS.passphrase };

type RestoreSecret = Parameters<typeof restoreBackup>[2];
type Layout = { headerEnd: number; blocks: BlockSpan[] };
type Source = () => ByteSource;

/** What a refusal must be: the code with its exact details, and what the user reads (English). */
interface Refusal {
  code: ExchangeErrorCode;
  /** Exact; left out only where more than one reason would be right. */
  details?: ExchangeErrorDetails;
  says: RegExp;
  /** A wrong secret is shown at the field so it can be typed again; damage is not. */
  secret?: boolean;
}

const NOT_OURS: Refusal = { code: 'notAPackage', details: {}, says: /^This is not a Hamkorlik/u };
const damaged = (reason: string): Refusal => ({ code: 'damaged', details: { reason }, says: /^The file is damaged and cannot be read\./u });
// People count blocks from 1; the reader from 0.
const damagedAt = (blockIndex: number, reason: string): Refusal => ({ code: 'damagedAt', details: { blockIndex, reason }, says: new RegExp(`^The file is damaged at block ${blockIndex + 1}\\.`, 'u') });
const truncatedAt = (blockIndex: number): Refusal => ({ code: 'truncated', details: { blockIndex }, says: new RegExp(`^The file is incomplete: it ends before block ${blockIndex + 1}\\.`, 'u') });
const TRUNCATED_HEADER: Refusal = { code: 'truncated', details: { reason: 'header' }, says: /^The file is incomplete: it ends before block 1\./u };
const WRONG_PASSPHRASE: Refusal = { code: 'wrongPassphrase', details: {}, says: /^Wrong passphrase\.$/u, secret: true };

/** Where a file cut to `length` bytes stops being readable, from its layout alone. */
function cutRefusal(layout: Layout, length: number): Refusal {
  if (length < MAGIC.length) return NOT_OURS;
  if (length < layout.headerEnd) return TRUNCATED_HEADER;
  return truncatedAt(layout.blocks.findIndex((block) => length < block.end));
}

/**
 * One bit flipped in the header: the signature makes it another program's file; the checksum
 * catches the version, the length, the JSON and itself; only the MAC (not under the checksum) is
 * caught after the key check. A length flipped out of bounds is caught before anything is read; one
 * flipped in bounds is assumed to still end within the file (a small file has its own cases below).
 */
function headerFlipRefusal(bytes: Uint8Array, offset: number, bit: number): Refusal {
  const headerLength = headerLengthOf(bytes);
  if (offset < MAGIC.length) return NOT_OURS;
  if (offset >= 10 && offset < PREFIX_LENGTH) {
    const flipped = flipLength(headerLength, 8 * (offset - 10) + bit);
    return flipped < 2 || flipped > MAX_HEADER_LENGTH ? damaged('headerLength') : damaged('checksum');
  }
  return offset < PREFIX_LENGTH + headerLength + DIGEST_LENGTH ? damaged('checksum') : damaged('mac');
}

/** One bit flipped in the body: the block it falls in, at its frame (CRC) or its ciphertext (GCM tag). */
function bodyFlipRefusal(layout: Layout, offset: number): Refusal {
  const blockIndex = layout.blocks.findIndex((block) => offset < block.end);
  const block = layout.blocks[blockIndex]!;
  return damagedAt(blockIndex, offset - block.start < BLOCK_FRAME_LENGTH ? 'frame' : 'tag');
}

const headerLengthOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(10, true);
/** The u32 header length with one of its 32 bits flipped. */
const flipLength = (length: number, bit: number) => (length ^ (1 << bit)) >>> 0;
/** Whether a header of `length` bytes, its checksum and MAC end within a file of `fileLength` bytes. */
const headerFits = (length: number, fileLength: number) => PREFIX_LENGTH + length + 2 * DIGEST_LENGTH <= fileLength;
/** The byte and bit of the header length field that hold bit `bit` of the u32 (little-endian). */
const lengthBit = (bit: number) => ({ offset: 10 + (bit >> 3), bit: bit & 7 });

/** A single bit, not a byte: the smallest damage a stick or a cable does. */
function flipBit(bytes: Uint8Array, offset: number, bit: number): Uint8Array {
  const copy = bytes.slice();
  copy[offset] = copy[offset]! ^ (1 << bit);
  return copy;
}

/** Cuts 1 byte before, at and 1 byte after the start of every block, and 1 byte short of the end. */
function boundaryCuts(bytes: Uint8Array, layout: Layout): number[] {
  return [...new Set([...layout.blocks.flatMap((block) => [block.start - 1, block.start, block.start + 1]), bytes.length - 1])];
}

/** The header and each block as separate byte strings, to reassemble in another order. */
function piecesOf(bytes: Uint8Array, layout: Layout) {
  return { header: bytes.subarray(0, layout.headerEnd), blocks: layout.blocks.map(({ start, end }) => bytes.subarray(start, end)) };
}

/** Seeded offsets in [min, max) with a bit each, the same on every run with the same seed. */
function seededFlips(min: number, max: number, runs: number, salt: number): Array<{ offset: number; bit: number }> {
  return fc.sample(fc.record({ offset: fc.integer({ min, max: max - 1 }), bit: fc.integer({ min: 0, max: 7 }) }), { seed: SEED + salt, numRuns: runs });
}

/** The header changed with its checksum redone, as a hostile or careless tool would; the MAC stays the old one. */
async function withHeader(bytes: Uint8Array, change: (header: PackageHeader) => void): Promise<Uint8Array> {
  const { headerEnd } = layoutOf(bytes);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREFIX_LENGTH, PREFIX_LENGTH + headerLengthOf(bytes)))) as PackageHeader;
  change(header);
  const encoded = encodeHeader(header);
  return concatBytes([encoded, await sha256(encoded), bytes.subarray(headerEnd - DIGEST_LENGTH, headerEnd), bytes.subarray(headerEnd)]);
}

/**
 * A huge file read lazily: `prefix`, then 1 MiB of junk again and again up to `size` bytes. Counts
 * what the reader pulled and whether it let the file go, so a refusal can be shown to stop early.
 */
function hugeFile(prefix: Uint8Array, size: number) {
  const junk = noise(97, 1024 * 1024);
  const read = { bytes: 0, closed: false };
  async function* source(): AsyncGenerator<Uint8Array> {
    try {
      read.bytes += prefix.length;
      yield prefix;
      for (let sent = prefix.length; sent < size; sent += junk.length) {
        read.bytes += junk.length;
        yield junk;
      }
    } finally {
      read.closed = true;
    }
  }
  return { open: () => source(), read };
}

const GiB = 1024 * 1024 * 1024;
const chunked = (bytes: Uint8Array): Source => () => chunksOf(bytes);

let i18n: I18n;

function expectRefusal(error: unknown, expected: Refusal, describe: (error: unknown) => FailureMessage, label: string): void {
  expect(error, label).toBeInstanceOf(ExchangeError);
  const { code, details } = error as ExchangeError;
  expect(code, label).toBe(expected.code);
  if (expected.details) expect(details, label).toEqual(expected.details);
  const message = describe(error);
  expect(i18n.t(message.key, message.values), label).toMatch(expected.says);
  expect(message.secret ?? false, `${label}: shown at the secret field`).toBe(expected.secret ?? false);
}

// ---------------------------------------------------------------------------------------------------
// The office that restores: its live database behind the directory's pointer, and a backup of it.

let dexie: DexieOptions;
let directory: DatabaseDirectory;
let live: HamkorlikDb;
let backup: Uint8Array;
let backupLayout: Layout;
let recoveryKey: string;
/** The same office's backup made again: same data key, another file. */
let otherBackup: Uint8Array;
/** A transfer from the sending office below, to be picked for a restore by mistake. */
let transferFile: Uint8Array;
let docx: Uint8Array;
let zip: Uint8Array;

/** Everything a failed restore could have changed: the live data, the pointer, the databases that exist. */
async function officeState() {
  return { active: await directory.activeName(), databases: await databaseNames(dexie), tables: await snapshot(live) };
}

/**
 * A restore that must be refused. The recovery key is the default secret: a typed secret like the
 * passphrase (so a bad MAC still reads as damage), but HKDF instead of Argon2id, so a hundred
 * refusals stay cheap. The passphrase is used where the case is about it.
 */
async function expectRestoreRefused(label: string, open: Source, expected: Refusal, secret: RestoreSecret = { recoveryKey }): Promise<void> {
  const before = await officeState();
  expect(before.active).toBe(live.name);
  expect(before.databases).toEqual([META_DATABASE, live.name].sort());
  const error = await restoreBackup(directory, open, secret, {}).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expectRefusal(error, expected, describeFailure, label);
  expect(await officeState(), `${label}: the office's data, pointer and databases`).toEqual(before);
}

// ---------------------------------------------------------------------------------------------------
// Two offices for transfers: A sends a case, B receives it.

let sender: Awaited<ReturnType<typeof transferOffice>>;
let receiver: Awaited<ReturnType<typeof transferOffice>>;
let transferLayout: Layout;
/** A transfer between PCs of one office, made with the office key rather than an agreed passphrase. */
let officeKeyTransfer: Uint8Array;
let officeKeys: OfficeKeys;

async function expectTransferRefused(label: string, bytes: Uint8Array, expected: Refusal, secret: Parameters<typeof previewTransfer>[2] = TRANSFER_SECRET): Promise<void> {
  const before = await snapshot(receiver.db);
  const error = await previewTransfer(receiver.db, chunked(bytes), secret).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expectRefusal(error, expected, (failure) => describeTransferFailure(failure), label);
  expect(await snapshot(receiver.db), `${label}: the receiving office's data`).toEqual(before);
}

beforeAll(async () => {
  i18n = await initI18n('en');

  dexie = memoryDexieOptions();
  directory = new DatabaseDirectory(dexie);
  live = new HamkorlikDb('hamkorlik-data-live', dexie);
  live.clock = () => new Date('2026-06-01T10:00:00Z');
  await live.open();
  await directory.activate(live.name);
  ({ recoveryKey } = await seedOffice(live));
  const keys = await unlockExchange(live, { passphrase: PASSPHRASE });
  const file = memoryFile();
  await writeBackup(live, keys, file, { includeDocumentBytes: true });
  backup = file.bytes();
  backupLayout = layoutOf(backup);
  const again = memoryFile();
  await writeBackup(live, keys, again, { includeDocumentBytes: true });
  otherBackup = again.bytes();

  sender = await transferOffice('A', 11);
  receiver = await transferOffice('B', 12);
  const caseId = (await sender.db.cases.toCollection().first())!.id;
  const transfer = memoryFile();
  await writeTransfer(sender.db, TRANSFER_KEYS, transfer, { caseIds: [caseId], mode: 'copy' });
  transferFile = transfer.bytes();
  transferLayout = layoutOf(transferFile);
  ({ keys: officeKeys } = await setUpExchange(sender.db, 'Gʻijduvon oila boʻlimi kaliti', { kdf: KDF_MIN }));
  const ownPcs = memoryFile();
  await writeTransfer(sender.db, officeKeys, ownPcs, { caseIds: [caseId], mode: 'copy' });
  officeKeyTransfer = ownPcs.bytes();

  // What an office PC holds besides backups: the family agreement the app itself prints, and a zip of scans.
  docx = await familyAgreementDocx(agreementFixture(), 'uz-Latn');
  zip = zipSync({ 'hisobot-2026.csv': strToU8('tuman;oilalar\nGʻijduvon;412\n'), 'skan/oila-0042.jpg': noise(5, 40_000) });
}, 60_000);

describe('restoring a damaged backup: refused with the right message, the current data untouched', () => {
  it('has enough blocks for the block-by-block cases to mean something (the control)', () => {
    expect(backupLayout.blocks.length).toBeGreaterThan(5);
    expect(backupLayout.blocks.at(-1)!.end).toBe(backup.length);
    // Any header length in bounds ends within this file, so no flip of it can pass for a cut.
    expect(headerFits(MAX_HEADER_LENGTH, backup.length)).toBe(true);
    expect(docx.subarray(0, 4)).toEqual(Uint8Array.from([0x50, 0x4b, 0x03, 0x04]));
  });

  it('a file cut at any block boundary, or a byte either side, is incomplete from that block on', async () => {
    for (const length of boundaryCuts(backup, backupLayout)) {
      await expectRestoreRefused(`cut to ${length} bytes`, chunked(backup.subarray(0, length)), cutRefusal(backupLayout, length));
    }
  });

  it(`a file cut at 20 random places (seed ${SEED}) is incomplete at the block the cut falls in`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: backup.length - 1 }), async (length) => {
        await expectRestoreRefused(`seed ${SEED}: cut to ${length} bytes`, chunked(backup.subarray(0, length)), cutRefusal(backupLayout, length));
      }),
      { seed: SEED, numRuns: 20 },
    );
  });

  it(`one bit flipped in the header says the file is damaged, before any block is read (seed ${SEED})`, async () => {
    const headerLength = headerLengthOf(backup);
    const { headerEnd } = backupLayout;
    // One in each part of the header, then seeded ones anywhere in it.
    const fixed = [
      { offset: 8, bit: 0 }, // version
      { offset: 10, bit: 3 }, // length, still in bounds
      { offset: 12, bit: 1 }, // length, out of bounds
      { offset: PREFIX_LENGTH + 2, bit: 5 }, // JSON
      { offset: PREFIX_LENGTH + headerLength + 7, bit: 7 }, // checksum
      { offset: headerEnd - 1, bit: 2 }, // MAC
    ];
    const flips = [...fixed, ...seededFlips(MAGIC.length, headerEnd, 12, 1)];
    expect(new Set(flips.map(({ offset, bit }) => headerFlipRefusal(backup, offset, bit).details?.reason))).toEqual(new Set(['checksum', 'headerLength', 'mac']));
    for (const { offset, bit } of flips) {
      await expectRestoreRefused(`seed ${SEED}: header byte ${offset} bit ${bit}`, chunked(flipBit(backup, offset, bit)), headerFlipRefusal(backup, offset, bit));
    }
    // The MAC is checked after the key: with the passphrase as well, it is damage, not a wrong passphrase.
    await expectRestoreRefused('MAC bit, passphrase', chunked(flipBit(backup, headerEnd - 20, 4)), damaged('mac'), { passphrase: PASSPHRASE });
  });

  it('one bit flipped in the signature makes it another program’s file (the signature is what says it is ours)', async () => {
    for (const offset of [0, 3, 7]) {
      await expectRestoreRefused(`signature byte ${offset}`, chunked(flipBit(backup, offset, 6)), NOT_OURS);
    }
  });

  it(`one bit flipped in block k, in its frame or its contents, says damaged at block k (seed ${SEED})`, async () => {
    const flips = [
      ...backupLayout.blocks.flatMap((block, k) => [
        ...seededFlips(block.start, block.start + BLOCK_FRAME_LENGTH, 1, 100 + k),
        ...seededFlips(block.start + BLOCK_FRAME_LENGTH, block.end, 1, 200 + k),
      ]),
      ...seededFlips(backupLayout.headerEnd, backup.length, 10, 2),
    ];
    for (const { offset, bit } of flips) {
      await expectRestoreRefused(`seed ${SEED}: body byte ${offset} bit ${bit}`, chunked(flipBit(backup, offset, bit)), bodyFlipRefusal(backupLayout, offset));
    }
    const middle = backupLayout.blocks[3]!;
    await expectRestoreRefused('block 3, passphrase', chunked(flipBit(backup, middle.end - 5, 0)), damagedAt(3, 'tag'), { passphrase: PASSPHRASE });
  });

  it('a wrong passphrase or recovery key is a wrong secret, not damage — and damage in the header is not a wrong passphrase', async () => {
    await expectRestoreRefused('wrong passphrase', chunked(backup), WRONG_PASSPHRASE, { passphrase: `${PASSPHRASE}!` });
    await expectRestoreRefused('wrong recovery key', chunked(backup), { code: 'wrongRecoveryKey', details: {}, says: /^Wrong recovery key\.$/u, secret: true }, { recoveryKey: generateRecoveryKey() });
    // The key is checked before the body: the user learns of the wrong passphrase first.
    await expectRestoreRefused('wrong passphrase, block 2 damaged', chunked(flipBit(backup, backupLayout.blocks[2]!.start + 30, 1)), WRONG_PASSPHRASE, { passphrase: 'not the passphrase at all' });
    // The checksum is checked before the key: a damaged header never blames the passphrase.
    await expectRestoreRefused('wrong passphrase, header damaged', chunked(flipBit(backup, PREFIX_LENGTH + 40, 3)), damaged('checksum'), { passphrase: 'not the passphrase at all' });
  });

  it('blocks swapped, duplicated or removed are damage at the first block out of place', async () => {
    const { header, blocks } = piecesOf(backup, backupLayout);
    const final = blocks.length - 1;
    const assemble = (order: Uint8Array[]) => chunked(concatBytes([header, ...order]));
    for (let k = 0; k < final; k += 1) {
      const swapped = [...blocks];
      [swapped[k], swapped[k + 1]] = [swapped[k + 1]!, swapped[k]!];
      await expectRestoreRefused(`blocks ${k} and ${k + 1} swapped`, assemble(swapped), damagedAt(k, 'tag'));
    }
    for (let k = 0; k <= final; k += 1) {
      const twice = [...blocks.slice(0, k + 1), blocks[k]!, ...blocks.slice(k + 1)];
      // The final block twice: the file is whole at the first one, so the second is bytes past the end.
      await expectRestoreRefused(`block ${k} twice`, assemble(twice), k === final ? damaged('trailingData') : damagedAt(k + 1, 'tag'));
      const without = blocks.filter((_, i) => i !== k);
      // Without its final block the file simply ends early.
      await expectRestoreRefused(`block ${k} missing`, assemble(without), k === final ? truncatedAt(final) : damagedAt(k, 'tag'));
    }
  });

  it('a file put together from two backups of the same office (volumes mixed up) is damage at the first foreign block', async () => {
    const otherLayout = layoutOf(otherBackup);
    expect(otherLayout.blocks.length).toBe(backupLayout.blocks.length);
    for (const k of [1, Math.floor(backupLayout.blocks.length / 2), backupLayout.blocks.length - 1]) {
      const mixed = concatBytes([backup.subarray(0, backupLayout.blocks[k]!.start), otherBackup.subarray(otherLayout.blocks[k]!.start)]);
      await expectRestoreRefused(`another backup from block ${k}`, chunked(mixed), damagedAt(k, 'tag'));
    }
  });

  it('bytes after the final block are damage, however many', async () => {
    await expectRestoreRefused('one zero byte', chunked(concatBytes([backup, new Uint8Array(1)])), damaged('trailingData'));
    await expectRestoreRefused('a zip after it', chunked(concatBytes([backup, zip])), damaged('trailingData'));
    await expectRestoreRefused('the whole backup again', chunked(concatBytes([backup, backup])), damaged('trailingData'));
    // Endless junk: refused at the first byte past the end, not after reading it all.
    const endless = hugeFile(backup, 4 * GiB);
    await expectRestoreRefused('4 GiB of junk after it', endless.open, damaged('trailingData'));
    expect(endless.read.bytes).toBeLessThanOrEqual(backup.length + 1024 * 1024);
    expect(endless.read.closed).toBe(true);
  });

  it('not a Hamkorlik file: a zip, the DOCX the app printed, an empty file, a 3-byte file', async () => {
    await expectRestoreRefused('a zip', chunked(zip), NOT_OURS);
    await expectRestoreRefused('a DOCX', chunked(docx), NOT_OURS);
    await expectRestoreRefused('an empty file', () => [], NOT_OURS);
    await expectRestoreRefused('an empty chunk', chunked(new Uint8Array(0)), NOT_OURS);
    await expectRestoreRefused('3 bytes of a backup', chunked(backup.subarray(0, 3)), NOT_OURS);
    await expectRestoreRefused('a text-mode copy (CR LF turned to LF)', chunked(concatBytes([backup.subarray(0, 5), backup.subarray(6)])), NOT_OURS);
  });

  it('a transfer file picked for a restore says it is not a backup', async () => {
    await expectRestoreRefused('a transfer', chunked(transferFile), { code: 'wrongKind', details: { reason: 'transfer' }, says: /is not a backup/u });
  });

  it('huge or absurd files are refused at once, without reading them through', async () => {
    const movie = hugeFile(Uint8Array.from([0, 0, 0, 0x20, ...strToU8('ftypisom'), 0, 0, 2, 0]), 4 * GiB);
    await expectRestoreRefused('a 4 GiB video', movie.open, NOT_OURS);
    expect(movie.read.bytes).toBeLessThanOrEqual(1024 * 1024 + 16);
    expect(movie.read.closed).toBe(true);

    // A header length field claiming 4 GiB, or one byte over the limit: refused before it is read.
    for (const claimed of [0xffff_ffff, MAX_HEADER_LENGTH + 1, 1]) {
      const absurd = backup.slice();
      new DataView(absurd.buffer).setUint32(10, claimed, true);
      await expectRestoreRefused(`a header of ${claimed} bytes`, chunked(absurd), damaged('headerLength'));
    }

    // A header as long as allowed, past the end of a file made of nothing but closing braces: refused
    // as cut short at once (trying each brace as the header's end took 19 s).
    const braces = concatBytes([backup.slice(0, PREFIX_LENGTH), new Uint8Array(MAX_HEADER_LENGTH).fill(0x7d)]);
    new DataView(braces.buffer).setUint32(10, MAX_HEADER_LENGTH, true);
    await expectRestoreRefused('a header of closing braces', chunked(braces), TRUNCATED_HEADER);

    // A sound header, then a block frame (its CRC right) claiming 4 GiB: refused by its frame.
    const { header } = piecesOf(backup, backupLayout);
    const giant = hugeFile(concatBytes([header, encodeBlockFrame(false, 0xffff_ffff)]), 4 * GiB);
    await expectRestoreRefused('a block of 4 GiB', giant.open, damagedAt(0, 'frame'));
    expect(giant.read.bytes).toBeLessThanOrEqual(header.length + BLOCK_FRAME_LENGTH + 1024 * 1024);
    expect(giant.read.closed).toBe(true);
    // A sound header, then 4 GiB of junk: its first "frame" fails its CRC.
    const junk = hugeFile(header, 4 * GiB);
    await expectRestoreRefused('a sound header, then 4 GiB of junk', junk.open, damagedAt(0, 'frame'));
    expect(junk.read.bytes).toBeLessThanOrEqual(header.length + 1024 * 1024);
    // The largest block the format allows, of junk: read once (about 65 MiB), then refused by its tag.
    const largest = hugeFile(concatBytes([header, encodeBlockFrame(false, MAX_BLOCK_CIPHERTEXT)]), 4 * GiB);
    await expectRestoreRefused('a block of the largest size, of junk', largest.open, damagedAt(0, 'tag'));
    expect(largest.read.bytes).toBeLessThanOrEqual(header.length + BLOCK_FRAME_LENGTH + MAX_BLOCK_CIPHERTEXT + 1024 * 1024);
    expect(largest.read.closed).toBe(true);

    // A header claiming a trillion records (checksum redone): its MAC fails before any block is read.
    const trillion = await withHeader(backup, (h) => {
      h.counts = { cases: 1_000_000_000_000, persons: 1_000_000_000_000 };
    });
    await expectRestoreRefused('a trillion records claimed', chunked(trillion), damaged('mac'), { passphrase: PASSPHRASE });

    // A header asking Argon2id for 4 GiB of memory: refused with nothing hashed.
    const greedy = await withHeader(backup, (h) => {
      h.keys.passphrase.kdf.m = 4 * 1024 * 1024;
    });
    vi.mocked(argon2id).mockClear();
    await expectRestoreRefused('Argon2id with 4 GiB', chunked(greedy), { code: 'kdfOutOfBounds', details: { param: 'm', value: 4 * 1024 * 1024, min: 19 * 1024, max: 256 * 1024 }, says: /unusual protection settings/u }, { passphrase: PASSPHRASE });
    expect(argon2id).not.toHaveBeenCalled();
  });

  it('after all of it, the intact file still restores with the same secrets (the refusals were about the damage)', async () => {
    const { databaseName, counts } = await restoreBackup(directory, chunked(backup), { recoveryKey }, {});
    expect(await directory.activeName()).toBe(databaseName);
    expect(counts.cases).toBe(30);
  });
});

describe('receiving a damaged transfer: refused with the right message, nothing written', () => {
  it('reads the intact file (the control)', async () => {
    expect(transferLayout.blocks.length).toBeGreaterThan(3);
    const preview = await previewTransfer(receiver.db, chunked(transferFile), TRANSFER_SECRET);
    expect(preview.cases).toHaveLength(1);
    expect((await previewTransfer(receiver.db, chunked(officeKeyTransfer), { dataKey: officeKeys })).cases).toHaveLength(1);
  });

  it('a file cut at any block boundary, or a byte either side, is incomplete from that block on', async () => {
    for (const length of boundaryCuts(transferFile, transferLayout)) {
      await expectTransferRefused(`cut to ${length} bytes`, transferFile.subarray(0, length), cutRefusal(transferLayout, length));
    }
  });

  it(`one bit flipped in the header or in block k says damaged, or damaged at block k (seed ${SEED})`, async () => {
    const { headerEnd } = transferLayout;
    // The length field has its own case below: a flip there can point past the end of a small file.
    const headerFlips = seededFlips(MAGIC.length, headerEnd, 10, 3).filter(({ offset }) => offset < 10 || offset >= PREFIX_LENGTH);
    for (const { offset, bit } of [...headerFlips, { offset: headerEnd - 3, bit: 6 }]) {
      await expectTransferRefused(`seed ${SEED}: header byte ${offset} bit ${bit}`, flipBit(transferFile, offset, bit), headerFlipRefusal(transferFile, offset, bit));
    }
    const bodyFlips = transferLayout.blocks.flatMap((block, k) => [
      ...seededFlips(block.start, block.start + BLOCK_FRAME_LENGTH, 1, 300 + k),
      ...seededFlips(block.start + BLOCK_FRAME_LENGTH, block.end, 1, 400 + k),
    ]);
    for (const { offset, bit } of bodyFlips) {
      await expectTransferRefused(`seed ${SEED}: body byte ${offset} bit ${bit}`, flipBit(transferFile, offset, bit), bodyFlipRefusal(transferLayout, offset));
    }
  });

  it('one bit flipped in the header length, kept within the file, says damaged', async () => {
    const headerLength = headerLengthOf(transferFile);
    const inBounds = (length: number) => length >= 2 && length <= MAX_HEADER_LENGTH;
    const within = Array.from({ length: 32 }, (_, bit) => bit).filter((bit) => {
      const flipped = flipLength(headerLength, bit);
      return !inBounds(flipped) || headerFits(flipped, transferFile.length);
    });
    expect(within.length).toBeGreaterThan(20);
    for (const bit of within) {
      const { offset, bit: byteBit } = lengthBit(bit);
      await expectTransferRefused(`header length bit ${bit}`, flipBit(transferFile, offset, byteBit), headerFlipRefusal(transferFile, offset, byteBit));
    }
  });

  // The header length cannot be checked before that many bytes are read: in a file smaller than the
  // flipped length, the header is found whole at its real length (reader.ts), so the flip is damage,
  // not a file cut short. For a transfer of a few KB that is 3 of its 32 length bits.
  it('one bit flipped in the header length, pointing past the end of a small file, says damaged (not incomplete)', async () => {
    const headerLength = headerLengthOf(transferFile);
    const beyond = Array.from({ length: 32 }, (_, bit) => bit).filter((bit) => {
      const flipped = flipLength(headerLength, bit);
      return flipped >= 2 && flipped <= MAX_HEADER_LENGTH && !headerFits(flipped, transferFile.length);
    });
    expect(beyond.length).toBeGreaterThan(0);
    for (const bit of beyond) {
      const { offset, bit: byteBit } = lengthBit(bit);
      await expectTransferRefused(`header length bit ${bit}`, flipBit(transferFile, offset, byteBit), { code: 'damaged', says: /^The file is damaged and cannot be read\./u });
    }
  });

  // Opened with the office key (a transfer between the office's own PCs), a bad MAC alone cannot tell
  // an altered header from another office's key: the reader tries block 0 under the key first.
  it('a transfer between this office’s PCs with one bit flipped in its header MAC says damaged, not “another office’s file”', async () => {
    const { headerEnd } = layoutOf(officeKeyTransfer);
    await expectTransferRefused('MAC bit, office key', flipBit(officeKeyTransfer, headerEnd - 9, 2), damaged('mac'), { dataKey: officeKeys });
  });

  it('a wrong passphrase is a wrong passphrase; a damaged header is never one', async () => {
    await expectTransferRefused('wrong passphrase', transferFile, WRONG_PASSPHRASE, { passphrase: 'Gʻijduvon–Vobkent 2025 kelishilgan' });
    await expectTransferRefused('wrong passphrase, header damaged', flipBit(transferFile, PREFIX_LENGTH + 10, 0), damaged('checksum'), { passphrase: 'not the agreed one' });
  });

  it('a DOCX, a zip, an empty file: not a Hamkorlik file', async () => {
    await expectTransferRefused('a DOCX', docx, NOT_OURS);
    await expectTransferRefused('a zip', zip, NOT_OURS);
    await expectTransferRefused('an empty file', new Uint8Array(0), NOT_OURS);
  });

  it('a transfer claiming an impossible number of records is refused from its header, before the passphrase is tried', async () => {
    const absurd = await withHeader(transferFile, (h) => {
      h.counts = { ...h.counts, cases: 1_000_000_000_000 };
    });
    vi.mocked(argon2id).mockClear();
    await expectTransferRefused('a trillion cases', absurd, { code: 'damaged', details: { reason: 'tooManyRecords' }, says: /impossible number of records/u });
    expect(argon2id).not.toHaveBeenCalled();
  });
});
