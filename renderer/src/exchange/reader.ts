import { Inflate } from 'fflate';
import { type Bytes, concatBytes, equalBytes, fromBase64, ownBytes, utf8Strict } from './bytes';
import { ExchangeError } from './errors';
import {
  blockAad,
  blockNonce,
  BLOCK_FRAME_LENGTH,
  countsSchema,
  DIGEST_LENGTH,
  FORMAT_VERSION,
  MAX_BLOCK_CONTENT,
  MAX_HEADER_LENGTH,
  type PackageHeader,
  parseBlockFrame,
  parseHeaderJson,
  parsePrefix,
  PREFIX_LENGTH,
  sameCounts,
  sha256,
  TABLE_NAME,
} from './format';
import { deriveFileKeys, unlockDataKey, type UnlockSecret } from './keys';
import { decodeRecord } from './records';
import { ChunkReader, type ByteSource } from './source';

export type { ByteSource } from './source';

/** One verified block: records of one table, in the order they were written. */
export interface PackageBlock {
  table: string;
  records: unknown[];
  blockIndex: number;
  /** The block's content before compression (bytes): what its records weigh, for a reader that gathers blocks. */
  contentLength: number;
}

/** What the final block vouches for: records per table (tables written empty included), data blocks. */
export interface PackageTotals {
  counts: Record<string, number>;
  blocks: number;
}

/** A package whose header checksum holds. Its header may be shown (office, kind, date) before it is unlocked. */
export interface OpenedPackage {
  readonly header: PackageHeader;
  /** Unwraps the data key and checks the header MAC. May be retried after a wrong passphrase. */
  unlock(secret: UnlockSecret): Promise<UnlockedPackage>;
  /** Releases the source when the package is abandoned before its body is read. */
  close(): Promise<void>;
}

export interface UnlockedPackage {
  readonly header: PackageHeader;
  /** The data key, so a restore opened with the recovery key can set a new passphrase over it. */
  readonly dataKey: Bytes;
  /**
   * The body, block by block, each one verified before it is yielded. The package is whole only
   * when the iteration ends without error (it returns the totals): an importer stages what it gets
   * and commits only then. May be iterated once.
   */
  tables(): AsyncGenerator<PackageBlock, PackageTotals, undefined>;
}

/** Reads and verifies the header: 'notAPackage', 'truncated', 'damaged' or 'unsupportedVersion'. */
export async function openPackage(source: ByteSource): Promise<OpenedPackage> {
  const reader = new ChunkReader(source);
  try {
    const prefix = await reader.read(PREFIX_LENGTH);
    const { version, headerLength } = parsePrefix(prefix);
    const rest = await reader.read(headerLength + 2 * DIGEST_LENGTH);
    if (rest.length < headerLength + 2 * DIGEST_LENGTH) {
      throw (await headerIntactAtAnotherLength(prefix, rest, headerLength)) ? new ExchangeError('damaged', { reason: 'headerLength' }) : new ExchangeError('truncated', { reason: 'header' });
    }
    const headerBytes = concatBytes([prefix, rest.subarray(0, headerLength)]);
    const checksum = rest.subarray(headerLength, headerLength + DIGEST_LENGTH);
    const mac = rest.slice(headerLength + DIGEST_LENGTH);
    if (!equalBytes(await sha256(headerBytes), checksum)) throw new ExchangeError('damaged', { reason: 'checksum' });
    // No version before 1 was ever written: such a file is not one an older app made, so not "update".
    if (version < FORMAT_VERSION) throw new ExchangeError('damaged', { reason: 'version', version });
    if (version !== FORMAT_VERSION) throw new ExchangeError('unsupportedVersion', { version });
    const header = parseHeaderJson(headerBytes.subarray(PREFIX_LENGTH));
    let bodyClaimed = false;
    const claimBody = () => {
      if (bodyClaimed) throw new ExchangeError('invalidInput', { reason: 'bodyReadTwice' });
      bodyClaimed = true;
    };
    return {
      header,
      close: () => reader.close(),
      unlock: async (secret) => {
        const dataKey = 'dataKey' in secret ? ownBytes(secret.dataKey) : await unlockDataKey(header.keys, secret);
        const { bodyKey, macKey } = await deriveFileKeys(dataKey, fromBase64(header.fileSalt) as Bytes);
        if (!(await crypto.subtle.verify('HMAC', macKey, mac, headerBytes))) {
          // The checksum held, so with a typed secret (which just unwrapped the key) a bad MAC means the
          // header was altered. With a raw data key it means the key belongs to another office — unless
          // the key opens the first block, in which case it is the right key and the header was altered.
          if ('dataKey' in secret && !(await opensFirstBlock(reader, header, bodyKey))) throw new ExchangeError('wrongKey');
          throw new ExchangeError('damaged', { reason: 'mac' });
        }
        return { header, dataKey, tables: () => readBody(reader, header, bodyKey, claimBody) };
      },
    };
  } catch (error) {
    await reader.close();
    throw error;
  }
}

/**
 * Whether a header that runs past the end of the file is whole at another length: its JSON object
 * closes somewhere and the checksum after it matches with the prefix's length set there. Then it is
 * the length field that was damaged, not the file that was cut short inside its header. One place
 * is tried, where the object's braces balance: trying every `}` costs a hash each, seconds on a
 * file made of them.
 */
async function headerIntactAtAnotherLength(prefix: Bytes, rest: Bytes, claimed: number): Promise<boolean> {
  const end = jsonObjectEnd(rest, MAX_HEADER_LENGTH);
  // At the length claimed, a whole header means the file was cut in its MAC: truncated indeed.
  if (end === null || end + 1 === claimed || end + 1 + DIGEST_LENGTH > rest.length) return false;
  const original = prefix.slice();
  new DataView(original.buffer).setUint32(10, end + 1, true);
  return equalBytes(await sha256(concatBytes([original, rest.subarray(0, end + 1)])), rest.subarray(end + 1, end + 1 + DIGEST_LENGTH));
}

/** The index of the `}` that closes the JSON object `bytes` starts with, within `limit` bytes; null if none. */
function jsonObjectEnd(bytes: Bytes, limit: number): number | null {
  if (bytes[0] !== OPENING_BRACE) return null;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let at = 0; at < Math.min(bytes.length, limit); at += 1) {
    const byte = bytes[at]!;
    // UTF-8 continuation bytes are all above 0x7f: no multi-byte character reads as a quote or a brace.
    if (inString) {
      if (escaped) escaped = false;
      else if (byte === BACKSLASH) escaped = true;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPENING_BRACE || byte === OPENING_BRACKET) depth += 1;
    else if (byte === CLOSING_BRACE || byte === CLOSING_BRACKET) {
      depth -= 1;
      if (depth === 0) return at;
    }
  }
  return null;
}
const [OPENING_BRACE, CLOSING_BRACE, OPENING_BRACKET, CLOSING_BRACKET, QUOTE, BACKSLASH] = [0x7b, 0x7d, 0x5b, 0x5d, 0x22, 0x5c];

/** Whether the body key authenticates block 0: read only to tell a wrong key from an altered header, the file being refused either way. */
async function opensFirstBlock(reader: ChunkReader, header: PackageHeader, bodyKey: CryptoKey): Promise<boolean> {
  try {
    const frame = await reader.read(BLOCK_FRAME_LENGTH);
    if (frame.length < BLOCK_FRAME_LENGTH) return false;
    const { final, length } = parseBlockFrame(frame, 0);
    const ciphertext = await reader.read(length);
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv: blockNonce(0), additionalData: blockAad(header.kind, final, 0) }, bodyKey, ciphertext);
    return true;
  } catch {
    return false;
  }
}

async function* readBody(
  reader: ChunkReader,
  header: PackageHeader,
  bodyKey: CryptoKey,
  claimBody: () => void,
): AsyncGenerator<PackageBlock, PackageTotals, undefined> {
  claimBody();
  const seen: Record<string, number> = {};
  try {
    for (let blockIndex = 0; ; blockIndex += 1) {
      const frame = await reader.read(BLOCK_FRAME_LENGTH);
      if (frame.length < BLOCK_FRAME_LENGTH) throw new ExchangeError('truncated', { blockIndex });
      const { final, length } = parseBlockFrame(frame, blockIndex);
      const ciphertext = await reader.read(length);
      if (ciphertext.length < length) throw new ExchangeError('truncated', { blockIndex });
      const damaged = (reason: string) => new ExchangeError('damagedAt', { blockIndex, reason });
      let compressed: Bytes;
      try {
        const additionalData = blockAad(header.kind, final, blockIndex);
        compressed = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: blockNonce(blockIndex), additionalData }, bodyKey, ciphertext));
      } catch {
        throw damaged('tag');
      }
      const content = inflateBounded(compressed, damaged);
      if (final) {
        const counts = parseFinalBlock(content, damaged);
        if (!countsAgree(seen, counts) || (header.counts && !sameCounts(header.counts, counts))) {
          throw new ExchangeError('damaged', { reason: 'counts' });
        }
        if (!(await reader.atEnd())) throw new ExchangeError('damaged', { reason: 'trailingData' });
        return { counts, blocks: blockIndex };
      }
      const block = parseDataBlock(content, blockIndex, damaged);
      seen[block.table] = (seen[block.table] ?? 0) + block.records.length;
      yield block;
    }
  } finally {
    await reader.close();
  }
}

function inflateBounded(compressed: Bytes, damaged: (reason: string) => ExchangeError): Bytes {
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    const inflate = new Inflate((chunk) => {
      total += chunk.length;
      if (total > MAX_BLOCK_CONTENT) throw damaged('tooLarge');
      parts.push(chunk);
    });
    // Pushed in slices: DEFLATE expands at most ~1032:1, so one 32 KiB slice yields at most ~33 MiB
    // before the limit is checked, instead of the whole block expanding first.
    const step = 32 * 1024;
    for (let offset = 0; offset < compressed.length; offset += step) {
      inflate.push(compressed.subarray(offset, offset + step), offset + step >= compressed.length);
    }
  } catch (error) {
    throw error instanceof ExchangeError ? error : damaged('inflate');
  }
  return concatBytes(parts);
}

function parseDataBlock(content: Bytes, blockIndex: number, damaged: (reason: string) => ExchangeError): PackageBlock {
  try {
    const lines = utf8Strict.decode(content).split('\n');
    const table: unknown = JSON.parse(lines[0] ?? '');
    if (typeof table !== 'string' || !TABLE_NAME.test(table) || lines.length < 2) throw damaged('content');
    return { table, records: lines.slice(1).map(decodeRecord), blockIndex, contentLength: content.length };
  } catch (error) {
    throw error instanceof ExchangeError ? error : damaged('content');
  }
}

function parseFinalBlock(content: Bytes, damaged: (reason: string) => ExchangeError): Record<string, number> {
  try {
    const parsed = countsSchema.safeParse((JSON.parse(utf8Strict.decode(content)) as { counts?: unknown }).counts);
    if (parsed.success) return parsed.data;
  } catch {
    // reported below
  }
  throw damaged('content');
}

/** Same tables and numbers; a table in `expected` with 0 records may have no blocks at all. */
function countsAgree(seen: Record<string, number>, expected: Record<string, number>): boolean {
  const tables = new Set([...Object.keys(seen), ...Object.keys(expected)]);
  return [...tables].every((table) => Object.hasOwn(expected, table) && (seen[table] ?? 0) === expected[table]);
}
