import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes } from './bytes';
import { DEFAULT_BLOCK_SIZE, KDF_MIN } from './format';
import { createExchangeKeys, type ExchangeKeys } from './keys';
import { openPackage } from './reader';
import { encodeRecord } from './records';
import { layoutOf, SOURCE } from './testing';
import { createPackageWriter } from './writer';

const TOTAL = 50_000;

const WORDS = 'oila bola maktab mahalla uy-joy taʼlim sogʻliq ish nafaqa yordam suhbat reja baholash ota ona buvi семья ребёнок школа помощь ўқитувчи оила ёрдам'.split(' ');
/** Text that compresses like real notes do, not like a repeated sentence. */
function words(seed: number, count: number): string {
  let state = seed + 1;
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out.push(WORDS[(state >>> 16) % WORDS.length] as string);
  }
  return out.join(' ');
}

/** About 1 KB of JSON each, in Latin and Cyrillic Uzbek, a few with document bytes. */
const record = (i: number) => ({
  id: `case-${String(i).padStart(6, '0')}`,
  number: `GJ-2026/${i}`,
  family: i % 2 ? 'Gʻulomova Oʻgʻiloy Maʼrufovna' : 'Ғуломова Ўғилой Маъруфовна',
  mahallaId: `m-${i % 57}`,
  openedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
  note: `${i * 7919}: ${words(i, 60 + (i % 40))}`,
  needs: ['uy-joy', 'taʼlim', 'sogʻliq', 'ish'].slice(0, 1 + (i % 4)),
  ...(i % 1000 === 0 ? { attachment: Uint8Array.from({ length: 3000 }, (_, k) => (k * i) & 0xff) } : {}),
});
/** The smallest record's JSON: a block of DEFAULT_BLOCK_SIZE holds at most this many records. */
const RECORD_JSON_MIN = Math.min(...Array.from({ length: 1000 }, (_, i) => encodeRecord(record(i)).length));

let keys: ExchangeKeys;
beforeAll(async () => {
  keys = await createExchangeKeys({ passphrase: 'streaming', recoveryKey: null, kdf: KDF_MIN });
});

describe('streaming 50,000 records', () => {
  it('writes while records are still being produced, holding at most one block, and reads back block by block', async () => {
    let produced = 0;
    let producingMs = 0;
    async function* cases() {
      for (let i = 0; i < TOTAL; i += 1) {
        produced += 1;
        const started = performance.now();
        const made = record(i);
        producingMs += performance.now() - started;
        yield made;
        // Like a Dexie cursor: records arrive over time, not as one array.
        if (i % 5000 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    const chunks: Uint8Array[] = [];
    const producedAtWrite: number[] = [];
    const sink = {
      write: async (chunk: Uint8Array) => {
        producedAtWrite.push(produced);
        chunks.push(chunk);
        await Promise.resolve();
      },
    };

    const writeStarted = performance.now();
    const writer = await createPackageWriter({ kind: 'backup', source: SOURCE, keys }, sink);
    await writer.writeTable('cases', cases());
    const summary = await writer.finish();
    const writeMs = performance.now() - writeStarted - producingMs;

    expect(summary.counts).toEqual({ cases: TOTAL });
    const bodyWrites = producedAtWrite.slice(1, -1); // between the header and the final block
    expect(bodyWrites.length).toBe(summary.blocks);
    expect(bodyWrites[0]).toBeLessThan(TOTAL / 20);
    // Between two blocks the writer took in no more records than fit in one block (+1 that tipped it over).
    const perBlock = Math.ceil(DEFAULT_BLOCK_SIZE / RECORD_JSON_MIN) + 1;
    bodyWrites.forEach((count, i) => expect(count - (bodyWrites[i - 1] ?? 0)).toBeLessThanOrEqual(perBlock));
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(DEFAULT_BLOCK_SIZE + 1024);

    // Read it back from 64 KiB chunks, checking each record as it comes, keeping none.
    const { blocks } = layoutOf(concatBytes(chunks));
    let pulled = 0;
    async function* source() {
      for (const chunk of chunks) {
        for (let offset = 0; offset < chunk.length; offset += 65_536) {
          const piece = chunk.subarray(offset, offset + 65_536);
          pulled += piece.length;
          yield piece;
        }
      }
    }
    const readStarted = performance.now();
    const unlocked = await (await openPackage(source())).unlock({ passphrase: 'streaming' });
    let next = 0;
    let verifyMs = 0;
    for await (const block of unlocked.tables()) {
      const verifyStarted = performance.now();
      // The reader pulled no further than this block's end plus one source chunk.
      expect(pulled).toBeLessThanOrEqual((blocks[block.blockIndex] as { end: number }).end + 65_536);
      for (const read of block.records) {
        expect(read).toEqual(record(next));
        next += 1;
      }
      verifyMs += performance.now() - verifyStarted;
    }
    const readMs = performance.now() - readStarted - verifyMs;
    expect(next).toBe(TOTAL);

    const megabytes = (summary.bytes / 1024 / 1024).toFixed(1);
    console.info(`50k records: write ${Math.round(writeMs)} ms (+${Math.round(producingMs)} ms making records), read ${Math.round(readMs)} ms (+${Math.round(verifyMs)} ms comparing), ${summary.blocks} blocks, ${megabytes} MiB on disk`);
  });
});
