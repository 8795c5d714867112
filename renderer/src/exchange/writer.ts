import { deflateSync } from 'fflate';
import { type Bytes, concatBytes, randomBytes, toBase64, utf8 } from './bytes';
import { ExchangeError } from './errors';
import {
  blockAad,
  blockNonce,
  checkKdfParams,
  DEFAULT_BLOCK_SIZE,
  DIGEST_LENGTH,
  encodeBlockFrame,
  encodeHeader,
  FILE_SALT_LENGTH,
  headerSchema,
  type KdfParams,
  MAX_BLOCK_CONTENT,
  type PackageHeader,
  type PackageKind,
  type PackageSource,
  sameCounts,
  sha256,
  TABLE_NAME,
} from './format';
import { createExchangeKeys, DATA_KEY_LENGTH, deriveFileKeys, type ExchangeKeys } from './keys';
import { encodeRecord } from './records';

/**
 * Where a package's bytes go: a file on a USB stick through the host, memory in tests. The writer
 * awaits each write before producing more, so a slow stick holds the writer back rather than
 * letting blocks pile up in memory.
 */
export interface ByteSink {
  write(chunk: Uint8Array): Promise<void> | void;
}

export interface PackageWriterOptions {
  kind: PackageKind;
  source: PackageSource;
  /** Records per table, when known before writing. They must match what is written, or finish() refuses. */
  counts?: Record<string, number>;
  /** Records per table when writing began, where they may still change (header `countsAtStart`): not checked against what is written. */
  countsAtStart?: Record<string, number>;
  /** The office's keys, or a passphrase (and recovery key) for a package with its own fresh data key. */
  keys: ExchangeKeys | { passphrase: string; recoveryKey?: string | null; kdf?: KdfParams };
  /** Defaults to now. */
  createdAt?: Date;
  /** Backups and transfers: the schema version of the database the records come from (header `schemaVersion`). */
  schemaVersion?: number;
  /** Transfers and receipts: the header's `transfer` (the transfer's id and mode). */
  transfer?: { id: string; mode: 'custody' | 'copy' };
  /** Target size of a block's JSON (in UTF-16 units, ~bytes for Latin text) before compression. Tests make it small to get many blocks. */
  blockSize?: number;
}

export interface PackageSummary {
  counts: Record<string, number>;
  /** Data blocks written (the final block not included). */
  blocks: number;
  bytes: number;
}

export interface PackageWriter {
  readonly header: PackageHeader;
  /** The JSON of the records taken so far, all tables (UTF-16 units): what a caller reading pages sizes them by. */
  readonly recordsLength: number;
  /** Streams one table's records into blocks. A table may be written in several calls; they add up. */
  writeTable(table: string, records: AsyncIterable<unknown> | Iterable<unknown>): Promise<void>;
  /** Writes the final block with the record totals. Until then the file reads as truncated. */
  finish(): Promise<PackageSummary>;
}

/**
 * Deflate level. Measured on 50k case-like records (40 MB of JSON, Node, 2 cores): level 6 takes
 * ~1.4 s and gives 5.5 MiB, level 3 ~0.9 s and 6.5 MiB, level 2 ~0.7 s and 7.0 MiB. Smaller files
 * win: a slow USB stick costs more than the CPU. Readers do not care which level was used.
 */
const COMPRESSION_LEVEL = 6;

/**
 * Starts a package: derives this file's keys, writes the header, and returns the writer for the
 * body. Memory stays at about one block whatever the number of records.
 */
export async function createPackageWriter(options: PackageWriterOptions, sink: ByteSink): Promise<PackageWriter> {
  const keys = 'dataKey' in options.keys ? options.keys : await createExchangeKeys({ ...options.keys, recoveryKey: options.keys.recoveryKey ?? null });
  if (keys.dataKey.length !== DATA_KEY_LENGTH) throw new ExchangeError('invalidInput', { reason: 'dataKeyLength' });
  checkKdfParams(keys.slots.passphrase.kdf); // never write what an importer would refuse
  const fileSalt = randomBytes(FILE_SALT_LENGTH);
  const parsed = headerSchema.safeParse({
    kind: options.kind,
    source: options.source,
    createdAt: (options.createdAt ?? new Date()).toISOString(),
    counts: options.counts,
    ...(options.countsAtStart === undefined ? {} : { countsAtStart: options.countsAtStart }),
    ...(options.schemaVersion === undefined ? {} : { schemaVersion: options.schemaVersion }),
    ...(options.transfer === undefined ? {} : { transfer: options.transfer }),
    fileSalt: toBase64(fileSalt),
    keys: keys.slots,
  });
  if (!parsed.success) throw new ExchangeError('invalidInput', { reason: `header: ${parsed.error.issues[0]?.path.join('.')}` });
  const header = parsed.data;
  const blockSize = Math.min(options.blockSize ?? DEFAULT_BLOCK_SIZE, MAX_BLOCK_CONTENT);
  const { bodyKey, macKey } = await deriveFileKeys(keys.dataKey, fileSalt);

  const headerBytes = encodeHeader(header);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', macKey, headerBytes));
  let bytes = headerBytes.length + 2 * DIGEST_LENGTH;
  await sink.write(concatBytes([headerBytes, await sha256(headerBytes), mac]));

  const counts: Record<string, number> = {};
  let blockIndex = 0;
  let recordsLength = 0;
  let state: 'ready' | 'busy' | 'failed' | 'finished' = 'ready';

  async function writeBlock(content: Bytes, final: boolean): Promise<void> {
    const compressed = deflateSync(content, { level: COMPRESSION_LEVEL });
    const ciphertext = new Uint8Array(
      await crypto.subtle.encrypt({ name: 'AES-GCM', iv: blockNonce(blockIndex), additionalData: blockAad(options.kind, final, blockIndex) }, bodyKey, compressed),
    );
    const frame = concatBytes([encodeBlockFrame(final, ciphertext.length), ciphertext]);
    bytes += frame.length;
    blockIndex += 1;
    await sink.write(frame);
  }

  /** Runs one step, refusing overlapping calls and any call after a failure (the file is then unusable). */
  async function step<T>(run: () => Promise<T>): Promise<T> {
    if (state !== 'ready') throw new ExchangeError('invalidInput', { reason: `writer${state[0]?.toUpperCase()}${state.slice(1)}` });
    state = 'busy';
    try {
      const result = await run();
      if (state === 'busy') state = 'ready';
      return result;
    } catch (error) {
      state = 'failed';
      throw error;
    }
  }

  return {
    header,
    get recordsLength() {
      return recordsLength;
    },
    writeTable: (table, records) =>
      step(async () => {
        if (!TABLE_NAME.test(table)) throw new ExchangeError('invalidInput', { reason: 'tableName' });
        counts[table] ??= 0;
        // Lines are kept as strings and encoded once per block: one TextEncoder call per record costs
        // more than the encryption. Sizes are counted in UTF-16 units, which bound UTF-8 bytes by 3.
        const tableLine = JSON.stringify(table);
        let lines: string[] = [tableLine];
        let size = tableLine.length;
        const flush = async () => {
          await writeBlock(utf8.encode(lines.join('\n')), false);
          lines = [tableLine];
          size = tableLine.length;
        };
        for await (const record of records) {
          const line = encodeRecord(record);
          if (lines.length > 1 && (size + 1 + line.length) * 3 > MAX_BLOCK_CONTENT) await flush();
          if ((tableLine.length + 1 + line.length) * 3 > MAX_BLOCK_CONTENT && utf8.encode(`${tableLine}\n${line}`).length > MAX_BLOCK_CONTENT) {
            throw new ExchangeError('invalidInput', { reason: 'recordTooLarge' });
          }
          lines.push(line);
          size += 1 + line.length;
          recordsLength += line.length;
          counts[table] = (counts[table] ?? 0) + 1;
          if (size >= blockSize) await flush();
        }
        if (lines.length > 1) await flush();
      }),
    finish: () =>
      step(async () => {
        if (options.counts && !sameCounts(options.counts, counts)) throw new ExchangeError('invalidInput', { reason: 'countsMismatch' });
        const dataBlocks = blockIndex;
        await writeBlock(utf8.encode(JSON.stringify({ counts })), true);
        state = 'finished';
        return { counts: { ...counts }, blocks: dataBlocks, bytes };
      }),
  };
}
