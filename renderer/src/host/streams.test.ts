import { describe, expect, it } from 'vitest';
import { createExchangeKeys, createPackageWriter, KDF_MIN, openPackage, type ByteSource } from '../exchange';
import { SOURCE } from '../exchange/testing';
import type { HostApi } from './hostApi';
import { createMemoryHost } from './memoryHost';
import { droppedFileSource, droppedVolumes, HostStreamError, MAX_STREAM_CHUNK, openHostSink, openHostSource, writeThroughHost } from './streams';

const REQUEST = { suggestedName: 'Hamkorlik-test.hmk', filters: [{ name: 'Hamkorlik', extensions: ['hmk'] }] };

function bytes(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) out[i] = (i * 31 + seed) & 0xff;
  return out;
}

async function collect(source: ByteSource): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return chunks;
}

const joined = (chunks: Uint8Array[]) => {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
};

/** Records the size of every append the host receives. */
function spyAppends(host: HostApi): number[] {
  const sizes: number[] = [];
  const append = host.writeStreamAppend.bind(host);
  host.writeStreamAppend = (streamId, chunk) => {
    // What crosses IPC is the whole underlying buffer: it must be the chunk's own.
    expect(chunk.buffer.byteLength).toBe(chunk.byteLength);
    sizes.push(chunk.byteLength);
    return append(streamId, chunk);
  };
  return sizes;
}

describe('host sink', () => {
  it('gathers small writes into chunks and writes exactly the bytes given', async () => {
    const host = createMemoryHost();
    const sizes = spyAppends(host);
    const opened = await openHostSink(host, REQUEST, { chunkSize: 1000 });
    if (!opened.ok) throw new Error('not opened');
    const parts = Array.from({ length: 50 }, (_, i) => bytes(97, i));
    for (const part of parts) await opened.value.write(part);
    const saved = await opened.value.commit();
    expect(saved.ok && saved.value).toMatchObject({ name: 'Hamkorlik-test.hmk', size: 4850 });
    expect(host.saved.get('Hamkorlik-test.hmk')).toEqual(joined(parts));
    expect(sizes.slice(0, -1).every((size) => size >= 1000 - 97 && size <= 1000)).toBe(true);
    expect(sizes.length).toBeLessThanOrEqual(6);
  });

  it('cuts a write larger than the host limit into appends of at most 16 MiB', async () => {
    const host = createMemoryHost();
    const sizes = spyAppends(host);
    const big = bytes(MAX_STREAM_CHUNK + 5);
    const result = await writeThroughHost(host, REQUEST, async (sink) => {
      await sink.write(bytes(10));
      await sink.write(big);
    });
    expect(result.ok).toBe(true);
    expect(sizes).toEqual([10, MAX_STREAM_CHUNK, 5]);
    expect(host.saved.get(REQUEST.suggestedName)?.byteLength).toBe(MAX_STREAM_CHUNK + 15);
  });

  it('aborts when the producer fails or is cancelled: nothing is committed and the error is rethrown', async () => {
    const host = createMemoryHost();
    const controller = new AbortController();
    const run = writeThroughHost(host, REQUEST, async (sink) => {
      await sink.write(bytes(10));
      controller.abort();
      controller.signal.throwIfAborted();
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(host.saved.size).toBe(0);
    expect(host.calls).toContain('writeStreamAbort');
    expect(host.calls).not.toContain('writeStreamCommit');
  });

  it('turns a failed append into the host error, once, and does not commit', async () => {
    const host = createMemoryHost();
    host.writeStreamAppend = async () => ({ ok: false, error: { code: 'disk-full', detail: 'write:ENOSPC' } });
    let writesAfterFailure = 0;
    const result = await writeThroughHost(
      host,
      REQUEST,
      async (sink) => {
        await sink.write(bytes(10));
        await expect(sink.write(bytes(10))).rejects.toBeInstanceOf(HostStreamError);
        writesAfterFailure += 1;
        await sink.write(bytes(1)); // still refused
      },
      { chunkSize: 16 },
    );
    expect(writesAfterFailure).toBe(1);
    expect(result).toEqual({ ok: false, error: { code: 'disk-full', detail: 'write:ENOSPC' } });
    expect(host.saved.size).toBe(0);
  });

  it('passes the dialog being cancelled through without calling the producer', async () => {
    const host = createMemoryHost();
    host.writeStreamOpen = async () => ({ ok: false, error: { code: 'cancelled' } });
    let called = false;
    const result = await writeThroughHost(host, REQUEST, async () => void (called = true));
    expect(result).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(called).toBe(false);
  });
});

describe('host source', () => {
  it('asks for the file once and reads it from the start on every pass', async () => {
    const host = createMemoryHost();
    const content = bytes(10_000);
    host.toOpen.push({ name: 'backup.hmk', bytes: content });
    const opened = await openHostSource(host, { filters: [] }, { chunkSize: 4096 });
    if (!opened.ok) throw new Error('not opened');
    const source = opened.value;
    expect(source).toMatchObject({ name: 'backup.hmk', size: 10_000 });
    const first = await collect(source.open());
    expect(first.map((c) => c.byteLength)).toEqual([4096, 4096, 1808]);
    expect(joined(await collect(source.open()))).toEqual(content);
    expect(host.calls.filter((c) => c === 'readStreamOpen')).toHaveLength(1);
    await source.close();
    await source.close();
    await expect(collect(source.open())).rejects.toBeInstanceOf(HostStreamError);
  });

  it('a pass left early does not leave an unhandled read behind, and a failed read throws the host error', async () => {
    const host = createMemoryHost();
    host.toOpen.push({ name: 'backup.hmk', bytes: bytes(100) });
    const opened = await openHostSource(host, { filters: [] }, { chunkSize: 10 });
    if (!opened.ok) throw new Error('not opened');
    for await (const chunk of opened.value.open()) {
      expect(chunk.byteLength).toBe(10);
      break;
    }
    host.readStreamRead = async () => ({ ok: false, error: { code: 'io', detail: 'read:EIO' } });
    await expect(collect(opened.value.open())).rejects.toMatchObject({ error: { code: 'io', detail: 'read:EIO' } });
  });

  it('an empty file gives an empty pass, and a cancelled dialog comes back as cancelled', async () => {
    const host = createMemoryHost();
    host.toOpen.push({ name: 'empty.hmk', bytes: new Uint8Array() });
    const opened = await openHostSource(host, { filters: [] });
    expect(opened.ok && (await collect(opened.value.open()))).toEqual([]);
    expect(await openHostSource(host, { filters: [] })).toEqual({ ok: false, error: { code: 'cancelled' } });
  });
});

describe('an exchange package through the host', () => {
  it('is written through the sink and read back through the source, twice', async () => {
    const host = createMemoryHost();
    const keys = await createExchangeKeys({ passphrase: 'uzoq-parol-iborasi', recoveryKey: null, kdf: KDF_MIN });
    const records = Array.from({ length: 500 }, (_, i) => ({ id: `case-${i}`, note: `Oila ${i} — ${'maʼlumot '.repeat(i % 20)}` }));
    const written = await writeThroughHost(
      host,
      REQUEST,
      async (sink) => {
        const writer = await createPackageWriter({ kind: 'backup', source: SOURCE, keys, blockSize: 4096 }, sink);
        await writer.writeTable('cases', records);
        return writer.finish();
      },
      { chunkSize: 3000 },
    );
    if (!written.ok) throw new Error(written.error.code);
    host.toOpen.push({ name: 'copy.hmk', bytes: host.saved.get(REQUEST.suggestedName)! });
    const opened = await openHostSource(host, { filters: [] }, { chunkSize: 1111 });
    if (!opened.ok) throw new Error('not opened');

    const first = await openPackage(opened.value.open());
    expect(first.header.kind).toBe('backup');
    await first.close();

    const unlocked = await (await openPackage(opened.value.open())).unlock({ passphrase: 'uzoq-parol-iborasi' });
    const read: unknown[] = [];
    for await (const block of unlocked.tables()) read.push(...block.records);
    expect(read).toEqual(records);
    await opened.value.close();
  });
});

describe('a file dropped onto the window', () => {
  it('reads the whole file in chunks on every pass, and not after it is closed', async () => {
    const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => i % 251);
    const source = droppedFileSource(new File([bytes], 'Hamkorlik-transfer.hmk'), { chunkSize: 4096 });
    expect(source).toMatchObject({ name: 'Hamkorlik-transfer.hmk', size: 10_000 });
    const read = async () => {
      const chunks: Uint8Array[] = [];
      for await (const chunk of source.open()) chunks.push(chunk);
      return chunks;
    };
    const first = await read();
    expect(first.map((chunk) => chunk.byteLength)).toEqual([4096, 4096, 1808]);
    expect(Uint8Array.from(first.flatMap((chunk) => [...chunk]))).toEqual(bytes);
    expect((await read()).length).toBe(3);
    await source.close();
    await expect(read()).rejects.toMatchObject({ error: { code: 'unknown-stream' } });
  });

  it('that names a volume says so, so that a package ending early can be explained', () => {
    expect(droppedFileSource(new File([new Uint8Array(bytes(10))], 'Hamkorlik-Chilonzor-05.12.2026.002.hmk')).volumes).toBe(1);
    expect(droppedFileSource(new File([new Uint8Array(bytes(10))], 'Hamkorlik-Chilonzor-05.12.2026.hmk')).volumes).toBeUndefined();
  });
});

describe('the volumes of one backup dropped together', () => {
  const name = 'Hamkorlik-Chilonzor-05.12.2026';
  const whole = bytes(2500, 3);
  const volume = (n: number, from: number, to: number) => new File([whole.slice(from, to)], `${name}.00${n}.hmk`);

  it('are read as one file from the first volume on, whatever order they were dropped in', async () => {
    const source = droppedVolumes([volume(3, 2000, 2500), volume(1, 0, 1000), volume(2, 1000, 2000)], { chunkSize: 700 })!;
    expect(source).toMatchObject({ name: `${name}.001.hmk`, size: 2500, volumes: 3 });
    expect(Uint8Array.from((await collect(source.open())).flatMap((chunk) => [...chunk]))).toEqual(whole);
  });

  it('stop at the first volume missing, and say how many were read', async () => {
    const source = droppedVolumes([volume(1, 0, 1000), volume(3, 2000, 2500)])!;
    expect(source).toMatchObject({ size: 1000, volumes: 1 });
  });

  it('are not taken without the first volume, nor mixed with other files', () => {
    expect(droppedVolumes([volume(2, 1000, 2000), volume(3, 2000, 2500)])).toBeNull();
    expect(droppedVolumes([volume(1, 0, 1000), new File([new Uint8Array(bytes(5))], 'Hamkorlik-Yunusobod-05.12.2026.002.hmk')])).toBeNull();
    expect(droppedVolumes([volume(1, 0, 1000), new File([new Uint8Array(bytes(5))], 'notes.docx')])).toBeNull();
  });
});
