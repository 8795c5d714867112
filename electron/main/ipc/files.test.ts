import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as nodeFs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostApi, HostResult } from '../../../renderer/src/host/hostApi';
import { FileRegistry } from './fileRegistry';
import { createFileHandlers } from './files';
import type { FsPort } from './fsPort';
import { withFaults, type Fault } from './faultyFs';

const realFs = nodeFs as unknown as FsPort;
const PDF = [{ name: 'PDF', extensions: ['pdf'] }];

let folder: string;
let faults: Fault[];
let nextOpen: string | null;
let handlers: Pick<HostApi, 'saveFile' | 'openFile' | 'writeStreamOpen' | 'writeStreamAppend' | 'writeStreamCommit' | 'writeStreamAbort' | 'readStreamOpen' | 'readStreamRead' | 'readStreamClose'>;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hamkorlik-files-'));
  faults = [];
  nextOpen = null;
  handlers = createFileHandlers({
    fs: withFaults(realFs, faults),
    registry: new FileRegistry(),
    dialogs: {
      chooseSavePath: async (name) => join(folder, name),
      chooseOpenPath: async () => nextOpen,
    },
  });
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const bytes = (text: string) => new TextEncoder().encode(text);
const value = <T>(result: HostResult<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
};
const leftovers = async () => (await readdir(folder)).filter((name) => name.endsWith('.tmp'));

describe('saveFile', () => {
  it('writes exactly the bytes sent', async () => {
    const data = new Uint8Array(300_000).map((_, i) => (i * 31) % 256);
    const saved = value(await handlers.saveFile({ suggestedName: 'a.bin', filters: PDF, bytes: data }));
    expect(saved).toMatchObject({ name: 'a.bin', size: data.byteLength });
    expect(new Uint8Array(await readFile(join(folder, 'a.bin')))).toEqual(data);
    expect(await leftovers()).toEqual([]);
  });

  for (const step of ['open', 'write', 'sync', 'close', 'rename'] as const) {
    it(`keeps the previous file intact when ${step} fails`, async () => {
      await writeFile(join(folder, 'report.pdf'), 'previous version');
      faults.push({ step, code: step === 'write' ? 'ENOSPC' : 'EIO', partialBytes: 3 });
      const result = await handlers.saveFile({ suggestedName: 'report.pdf', filters: PDF, bytes: bytes('new version') });
      expect(result.ok).toBe(false);
      expect(await readFile(join(folder, 'report.pdf'), 'utf8')).toBe('previous version');
      expect(await leftovers()).toEqual([]);
    });
  }

  it('refuses to replace the file when the read-back differs from what was sent', async () => {
    await writeFile(join(folder, 'report.pdf'), 'previous version');
    faults.push({ step: 'read', code: 'EIO', corrupt: true, pathIncludes: '.tmp' });
    const result = await handlers.saveFile({ suggestedName: 'report.pdf', filters: PDF, bytes: bytes('new version') });
    expect(result).toEqual({ ok: false, error: { code: 'verify-failed', detail: 'verify:hash-mismatch' } });
    expect(await readFile(join(folder, 'report.pdf'), 'utf8')).toBe('previous version');
  });

  it('says the disk is full before writing anything', async () => {
    const tiny: FsPort = { ...realFs, statfs: async () => ({ bavail: 10, bsize: 4096 }) };
    const cramped = createFileHandlers({ fs: tiny, registry: new FileRegistry(), dialogs: { chooseSavePath: async (n) => join(folder, n), chooseOpenPath: async () => null } });
    const result = await cramped.saveFile({ suggestedName: 'big.bin', filters: PDF, bytes: new Uint8Array(1024) });
    expect(result.ok ? null : result.error.code).toBe('disk-full');
    expect(await readdir(folder)).toEqual([]);
  });

  it('maps errno codes to codes the UI translates', async () => {
    faults.push({ step: 'write', code: 'ENOSPC' });
    const result = await handlers.saveFile({ suggestedName: 'x.pdf', filters: PDF, bytes: bytes('x') });
    expect(result).toEqual({ ok: false, error: { code: 'disk-full', detail: 'write:ENOSPC' } });
  });

  it('a streamed backup that outgrows a FAT32 stick (EFBIG past 4 GB) is refused as too large for the drive; the previous file stays', async () => {
    await writeFile(join(folder, 'backup.hmk'), 'last week');
    const opened = value(await handlers.writeStreamOpen({ suggestedName: 'backup.hmk', filters: PDF }));
    expect((await handlers.writeStreamAppend(opened.streamId, bytes('first chunk'))).ok).toBe(true);
    faults.push({ step: 'write', code: 'EFBIG' });
    const result = await handlers.writeStreamAppend(opened.streamId, bytes('the chunk past 4 GB'));
    expect(result).toEqual({ ok: false, error: { code: 'too-large-for-drive', detail: 'write:EFBIG' } });
    expect(await readdir(folder)).toEqual(['backup.hmk']);
    expect(await readFile(join(folder, 'backup.hmk'), 'utf8')).toBe('last week');
  });
});

describe('openFile', () => {
  it('returns the bytes of the picked file and refuses files over the limit', async () => {
    await writeFile(join(folder, 'list.csv'), 'a;b\n1;2\n');
    nextOpen = join(folder, 'list.csv');
    expect(value(await handlers.openFile({ filters: PDF, maxBytes: 1000 }))).toMatchObject({ name: 'list.csv', size: 8, bytes: bytes('a;b\n1;2\n') });
    const tooLarge = await handlers.openFile({ filters: PDF, maxBytes: 4 });
    expect(tooLarge.ok ? null : tooLarge.error.code).toBe('too-large');
  });

  it('reports cancel as data', async () => {
    expect(await handlers.openFile({ filters: PDF, maxBytes: 4 })).toEqual({ ok: false, error: { code: 'cancelled' } });
  });
});

describe('streamed files', () => {
  it('appends chunks and commits them verified, leaving the target untouched until commit', async () => {
    await writeFile(join(folder, 'backup.hmk'), 'old backup');
    const { streamId } = value(await handlers.writeStreamOpen({ suggestedName: 'backup.hmk', filters: PDF }));
    const chunks = Array.from({ length: 5 }, (_, i) => new Uint8Array(100_000).fill(i + 1));
    for (const chunk of chunks) value(await handlers.writeStreamAppend(streamId, chunk));
    expect(await readFile(join(folder, 'backup.hmk'), 'utf8')).toBe('old backup');
    const saved = value(await handlers.writeStreamCommit(streamId));
    expect(saved.size).toBe(500_000);
    const written = new Uint8Array(await readFile(join(folder, 'backup.hmk')));
    expect(written.byteLength).toBe(500_000);
    expect(written[0]).toBe(1);
    expect(written[499_999]).toBe(5);
    expect(await leftovers()).toEqual([]);
  });

  it('a write that dies mid-chunk ends the stream and keeps the old file', async () => {
    await writeFile(join(folder, 'backup.hmk'), 'old backup');
    const { streamId } = value(await handlers.writeStreamOpen({ suggestedName: 'backup.hmk', filters: PDF }));
    value(await handlers.writeStreamAppend(streamId, bytes('first chunk')));
    faults.push({ step: 'write', code: 'EIO', partialBytes: 4 });
    expect((await handlers.writeStreamAppend(streamId, bytes('second chunk'))).ok).toBe(false);
    expect(await handlers.writeStreamCommit(streamId)).toEqual({ ok: false, error: { code: 'unknown-stream' } });
    expect(await readFile(join(folder, 'backup.hmk'), 'utf8')).toBe('old backup');
    expect(await leftovers()).toEqual([]);
  });

  it('abort removes the temp file', async () => {
    const { streamId } = value(await handlers.writeStreamOpen({ suggestedName: 'b.hmk', filters: PDF }));
    value(await handlers.writeStreamAppend(streamId, bytes('partial')));
    value(await handlers.writeStreamAbort(streamId));
    expect(await readdir(folder)).toEqual([]);
  });

  it('reads byte ranges of a picked file', async () => {
    const data = new Uint8Array(70_000).map((_, i) => i % 251);
    await writeFile(join(folder, 'in.hmk'), data);
    nextOpen = join(folder, 'in.hmk');
    const { streamId, size } = value(await handlers.readStreamOpen({ filters: PDF }));
    expect(size).toBe(70_000);
    expect(value(await handlers.readStreamRead(streamId, 1000, 500))).toEqual(data.subarray(1000, 1500));
    expect(value(await handlers.readStreamRead(streamId, 69_990, 500))).toEqual(data.subarray(69_990));
    expect(value(await handlers.readStreamRead(streamId, 80_000, 10)).byteLength).toBe(0);
    value(await handlers.readStreamClose(streamId));
    expect(await handlers.readStreamRead(streamId, 0, 1)).toEqual({ ok: false, error: { code: 'unknown-stream' } });
  });
});
