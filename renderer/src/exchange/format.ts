import { z } from 'zod';
import { type Bytes, concatBytes, crc32, fromBase64, utf8, utf8Strict } from './bytes';
import { ExchangeError } from './errors';

/**
 * The byte layout of an exchange package (backup, transfer, receipt) and its header, shared by the
 * writer and the reader. FORMAT.md beside this file describes it for people; this is the truth.
 */

/** `\x89HMKX\r\n\x1a`: non-ASCII first byte and CR LF, as PNG does, so a text-mode copy is caught. */
export const MAGIC: Bytes = Uint8Array.from([0x89, 0x48, 0x4d, 0x4b, 0x58, 0x0d, 0x0a, 0x1a]);
export const FORMAT_VERSION = 1;
/** magic (8) + version u16 + header length u32. This frame never changes between versions. */
export const PREFIX_LENGTH = 14;
export const MAX_HEADER_LENGTH = 64 * 1024;
export const DIGEST_LENGTH = 32;

/** Block frame: flags u8, ciphertext length u32, CRC-32 of those five bytes. */
export const BLOCK_FRAME_LENGTH = 9;
export const FLAG_FINAL = 0x01;
export const GCM_TAG_LENGTH = 16;
/** A block's content before compression: blocks aim at DEFAULT_BLOCK_SIZE, one huge record may take more. */
export const MAX_BLOCK_CONTENT = 64 * 1024 * 1024;
export const MAX_BLOCK_CIPHERTEXT = MAX_BLOCK_CONTENT + 1024 * 1024 + GCM_TAG_LENGTH;
export const DEFAULT_BLOCK_SIZE = 256 * 1024;

export const PACKAGE_KINDS = ['backup', 'transfer', 'receipt'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];
const KIND_CODES: Record<PackageKind, number> = { backup: 1, transfer: 2, receipt: 3 };

/** Argon2id parameters as the Argon2 spec names them: m in KiB, t passes, p lanes. */
export interface KdfParams {
  algorithm: 'argon2id';
  m: number;
  t: number;
  p: number;
}

/** What an importer accepts. The minimum is OWASP's; the maximum keeps a hostile file from hanging or exhausting an office PC. */
export const KDF_BOUNDS = {
  m: { min: 19 * 1024, max: 256 * 1024 },
  t: { min: 2, max: 10 },
  p: { min: 1, max: 4 },
} as const;

/** The cheapest accepted parameters: for tests. */
export const KDF_MIN: KdfParams = { algorithm: 'argon2id', m: KDF_BOUNDS.m.min, t: KDF_BOUNDS.t.min, p: KDF_BOUNDS.p.min };

/** What new packages use: ~0.36 s in Node on the reference machine (2 cores); typed once per export or import. */
export const EXCHANGE_KDF: KdfParams = { algorithm: 'argon2id', m: 64 * 1024, t: 3, p: 1 };

/** Refuses parameters outside KDF_BOUNDS before anything is hashed. */
export function checkKdfParams(kdf: KdfParams): void {
  for (const param of ['m', 't', 'p'] as const) {
    const { min, max } = KDF_BOUNDS[param];
    const value = kdf[param];
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new ExchangeError('kdfOutOfBounds', { param, value, min, max });
    }
  }
}

const base64Of = (min: number, max = min) =>
  z.string().refine((text) => {
    const bytes = fromBase64(text);
    return bytes !== null && bytes.length >= min && bytes.length <= max;
  });

export const SALT_LENGTH = 16;
export const FILE_SALT_LENGTH = 32;
/** A wrapped data key: AES-GCM nonce (12) + encrypted 32-byte key + tag (16). */
export const WRAPPED_KEY_LENGTH = 60;
export const TABLE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/u;
const MAX_TABLES = 256;

const kdfSchema = z.object({ algorithm: z.literal('argon2id'), m: z.number().int().positive(), t: z.number().int().positive(), p: z.number().int().positive() });
const text = (max: number) => z.string().max(max);

export const keySlotsSchema = z.object({
  passphrase: z.object({ kdf: kdfSchema, salt: base64Of(SALT_LENGTH, 64), wrapped: base64Of(WRAPPED_KEY_LENGTH) }),
  recovery: z.object({ salt: base64Of(SALT_LENGTH, 64), wrapped: base64Of(WRAPPED_KEY_LENGTH) }).optional(),
});

/** The wrapped copies of a data key, with what is needed to unwrap them. Not secret. */
export type KeySlots = z.infer<typeof keySlotsSchema>;

export const countsSchema = z
  .record(z.string().regex(TABLE_NAME), z.number().int().nonnegative())
  .refine((counts) => Object.keys(counts).length <= MAX_TABLES);

/** Exactly the same tables with the same numbers. */
export function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const tables = Object.keys(a);
  return tables.length === Object.keys(b).length && tables.every((table) => Object.hasOwn(b, table) && a[table] === b[table]);
}

export const sourceSchema = z.object({
  districtCode: text(16),
  officeName: z.object({ uzLatn: text(300), uzCyrl: text(300), ru: text(300) }),
  installationId: z.string().min(1).max(100),
});

/** The office and installation a package comes from, shown before it is unlocked. */
export type PackageSource = z.infer<typeof sourceSchema>;

export const transferHeaderSchema = z.object({ id: z.string().min(1).max(100), mode: z.enum(['custody', 'copy']) });

/** Unknown fields are ignored, so optional fields may be added without a new format version. */
export const headerSchema = z.object({
  kind: z.enum(PACKAGE_KINDS),
  source: sourceSchema,
  createdAt: z.iso.datetime(),
  /** Records per table when known before writing; the final block always carries the totals. */
  counts: countsSchema.optional(),
  /**
   * Backups: records per table when writing began. A backup reads in pages while the office may go
   * on working, so they are shown before unlocking and drive the progress bar, but only the final
   * block's totals say what the file holds; they are never checked against it.
   */
  countsAtStart: countsSchema.optional(),
  /** Per-file HKDF salt: every file gets its own body and MAC keys from the office's data key. */
  fileSalt: base64Of(FILE_SALT_LENGTH),
  keys: keySlotsSchema,
  /** Backups: the database schema version the records were read at, so a restore stages them there and upgrades. */
  schemaVersion: z.number().int().positive().max(65_535).optional(),
  /** Transfers and receipts: the transfer's id (a receipt names the transfer it answers) and its mode. */
  transfer: transferHeaderSchema.optional(),
});

export type PackageHeader = z.infer<typeof headerSchema>;

/** Prefix and header JSON: the bytes the checksum and the MAC cover. */
export function encodeHeader(header: PackageHeader): Bytes {
  const json = utf8.encode(JSON.stringify(header));
  if (json.length > MAX_HEADER_LENGTH) throw new ExchangeError('invalidInput', { reason: 'headerTooLarge' });
  const prefix = new Uint8Array(PREFIX_LENGTH);
  prefix.set(MAGIC);
  const view = new DataView(prefix.buffer);
  view.setUint16(8, FORMAT_VERSION, true);
  view.setUint32(10, json.length, true);
  return concatBytes([prefix, json]);
}

/** Reads the fixed prefix. Checks only what is needed to know how many bytes to read next. */
export function parsePrefix(prefix: Uint8Array): { version: number; headerLength: number } {
  if (prefix.length < MAGIC.length || MAGIC.some((byte, i) => prefix[i] !== byte)) throw new ExchangeError('notAPackage');
  if (prefix.length < PREFIX_LENGTH) throw new ExchangeError('truncated', { reason: 'header' });
  const view = new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength);
  const headerLength = view.getUint32(10, true);
  if (headerLength < 2 || headerLength > MAX_HEADER_LENGTH) throw new ExchangeError('damaged', { reason: 'headerLength' });
  return { version: view.getUint16(8, true), headerLength };
}

/** Parses header JSON whose checksum has already been verified. */
export function parseHeaderJson(json: Uint8Array): PackageHeader {
  let value: unknown;
  try {
    value = JSON.parse(utf8Strict.decode(json));
  } catch {
    throw new ExchangeError('damaged', { reason: 'headerJson' });
  }
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) throw new ExchangeError('damaged', { reason: 'headerInvalid' });
  return parsed.data;
}

export async function sha256(bytes: Bytes): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

export function encodeBlockFrame(final: boolean, ciphertextLength: number): Bytes {
  const frame = new Uint8Array(BLOCK_FRAME_LENGTH);
  const view = new DataView(frame.buffer);
  view.setUint8(0, final ? FLAG_FINAL : 0);
  view.setUint32(1, ciphertextLength, true);
  view.setUint32(5, crc32(frame.subarray(0, 5)), true);
  return frame;
}

/** Reads a block frame; a frame that fails its CRC or bounds is damage at this block, not truncation. */
export function parseBlockFrame(frame: Uint8Array, blockIndex: number): { final: boolean; length: number } {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const flags = view.getUint8(0);
  const length = view.getUint32(1, true);
  const valid =
    view.getUint32(5, true) === crc32(frame.subarray(0, 5)) &&
    (flags & ~FLAG_FINAL) === 0 &&
    length > GCM_TAG_LENGTH &&
    length <= MAX_BLOCK_CIPHERTEXT;
  if (!valid) throw new ExchangeError('damagedAt', { blockIndex, reason: 'frame' });
  return { final: (flags & FLAG_FINAL) !== 0, length };
}

/** Per-file keys make a counter nonce safe: index as u32 big-endian in the last four bytes. */
export function blockNonce(blockIndex: number): Bytes {
  const nonce = new Uint8Array(12);
  new DataView(nonce.buffer).setUint32(8, blockIndex, false);
  return nonce;
}

const AAD_LABEL = utf8.encode('hamkorlik-exchange/block');

/** label, version u16, kind u8, flags u8, index u32 (little-endian): moving a block anywhere else fails its tag. */
export function blockAad(kind: PackageKind, final: boolean, blockIndex: number): Bytes {
  const aad = new Uint8Array(AAD_LABEL.length + 8);
  aad.set(AAD_LABEL);
  const view = new DataView(aad.buffer, AAD_LABEL.length);
  view.setUint16(0, FORMAT_VERSION, true);
  view.setUint8(2, KIND_CODES[kind]);
  view.setUint8(3, final ? FLAG_FINAL : 0);
  view.setUint32(4, blockIndex, true);
  return aad;
}
