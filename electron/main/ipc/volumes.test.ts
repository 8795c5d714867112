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
// The one value electron/ takes from renderer/ here: to prove the copy matches.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { VOLUME_NAME as RENDERER_VOLUME_NAME } from '../../../renderer/src/host/hostApi';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { volumeNames } from '../../../renderer/src/features/exchange/backupFile';
import { parseVolumePath, VOLUME_NAME, VolumeWriter, volumePath } from './volumes';

const realFs = nodeFs as unknown as FsPort;
const HMK = [{ name: 'Hamkorlik', extensions: ['hmk'] }];
/** A FAT32 stick in miniature: volumes of 1,000 bytes. */
const VOLUME = 1000;

let folder: string;
let faults: Fault[];
let nextOpen: string | null;
let handlers: HostApi;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hamkorlik-volumes-'));
  faults = [];
  nextOpen = null;
  handlers = createFileHandlers({
    fs: withFaults(realFs, faults),
    registry: new FileRegistry(),
    volumeBytes: VOLUME,
    dialogs: { chooseSavePath: async (name) => join(folder, name), chooseOpenPath: async () => nextOpen },
  }) as HostApi;
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const value = <T>(result: HostResult<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
};
const pattern = (length: number, seed = 1) => new Uint8Array(length).map((_, i) => (i * 31 + seed) % 251);
const files = async () => (await readdir(folder)).sort();

/** Writes `data` in volumes through the stream handlers, in appends of `chunk` bytes. */
async function writeInVolumes(name: string, data: Uint8Array, chunk = 700) {
  const { streamId } = value(await handlers.writeStreamOpen({ suggestedName: name, filters: HMK, inVolumes: true }));
  for (let offset = 0; offset < data.byteLength; offset += chunk) value(await handlers.writeStreamAppend(streamId, data.slice(offset, offset + chunk)));
  return handlers.writeStreamCommit(streamId);
}

/** Opens `path` as the user would pick it and reads it all through the stream handlers. */
async function readPicked(path: string, chunk = 333) {
  nextOpen = path;
  const opened = value(await handlers.readStreamOpen({ filters: HMK }));
  const parts: Uint8Array[] = [];
  for (let offset = 0; offset < opened.size; offset += chunk) parts.push(value(await handlers.readStreamRead(opened.streamId, offset, chunk)));
  value(await handlers.readStreamClose(opened.streamId));
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) all.set(part, (at += part.byteLength) - part.byteLength);
  return { opened, bytes: all };
}

describe('volume names', () => {
  it('put a three-digit number before the extension, and are read back', () => {
    expect(volumePath('/usb/Hamkorlik-Chilonzor-05.12.2026.hmk', 2)).toBe('/usb/Hamkorlik-Chilonzor-05.12.2026.002.hmk');
    expect(parseVolumePath('/usb/Hamkorlik-Chilonzor-05.12.2026.002.hmk')).toEqual({ target: '/usb/Hamkorlik-Chilonzor-05.12.2026.hmk', n: 2 });
    // The date in a backup's own name is no volume number.
    expect(parseVolumePath('/usb/Hamkorlik-Chilonzor-05.12.2026.hmk')).toBeNull();
    expect(parseVolumePath('/usb/x.000.hmk')).toBeNull();
  });

  it('are recognised by the same pattern in the host and the page', () => {
    expect(VOLUME_NAME.source).toBe(RENDERER_VOLUME_NAME.source);
    expect(VOLUME_NAME.flags).toBe(RENDERER_VOLUME_NAME.flags);
  });

  it('are the ones the backup dialog announces', () => {
    for (const name of ['Hamkorlik-Chilonzor-05.12.2026.hmk', 'nusxa.hmk', 'copy']) {
      expect(volumeNames(name)).toEqual([volumePath(name, 1), volumePath(name, 2)]);
    }
  });
});

describe('a file written in volumes', () => {
  it('is cut into volumes no larger than the limit, named in order, and read back whole from any of them', async () => {
    const data = pattern(2500);
    const saved = value(await writeInVolumes('backup.hmk', data));
    expect(saved).toMatchObject({ name: 'backup.001.hmk', size: 2500, volumes: 3 });
    expect(await files()).toEqual(['backup.001.hmk', 'backup.002.hmk', 'backup.003.hmk']);
    expect((await readFile(join(folder, 'backup.001.hmk'))).byteLength).toBe(VOLUME);
    expect((await readFile(join(folder, 'backup.003.hmk'))).byteLength).toBe(500);
    for (const picked of ['backup.001.hmk', 'backup.003.hmk']) {
      const { opened, bytes } = await readPicked(join(folder, picked));
      expect(opened).toMatchObject({ name: picked, size: 2500, volumes: 3 });
      expect(bytes).toEqual(data);
    }
  });

  it('that fits one volume is one plain file under the chosen name', async () => {
    const data = pattern(VOLUME);
    const saved = value(await writeInVolumes('backup.hmk', data));
    expect(saved).toMatchObject({ name: 'backup.hmk', size: VOLUME });
    expect(saved.volumes).toBeUndefined();
    expect(await files()).toEqual(['backup.hmk']);
    const { opened, bytes } = await readPicked(join(folder, 'backup.hmk'));
    expect(opened.volumes).toBeUndefined();
    expect(bytes).toEqual(data);
  });

  it('replaces an older, longer file of the same name whole: its extra volumes go', async () => {
    value(await writeInVolumes('backup.hmk', pattern(3500, 7)));
    expect(await files()).toHaveLength(4);
    const data = pattern(1500, 9);
    value(await writeInVolumes('backup.hmk', data));
    expect(await files()).toEqual(['backup.001.hmk', 'backup.002.hmk']);
    expect((await readPicked(join(folder, 'backup.002.hmk'))).bytes).toEqual(data);
  });

  for (const step of ['write', 'sync', 'close', 'rename'] as const) {
    it(`leaves every volume of the previous file as it was when ${step} fails in the second volume`, async () => {
      const previous = pattern(2500, 3);
      value(await writeInVolumes('backup.hmk', previous));
      // A rename fails at its target's name (volume 2 put in place, after volume 1 was), every other step at the volume's temp file.
      faults.push({ step, code: 'EIO', pathIncludes: step === 'rename' ? join(folder, 'backup.002.hmk') : '.backup.002.hmk.' });
      const result = await writeInVolumes('backup.hmk', pattern(2500, 5)).catch(() => null);
      expect(result?.ok ?? false).toBe(false);
      expect(await files()).toEqual(['backup.001.hmk', 'backup.002.hmk', 'backup.003.hmk']);
      expect((await readPicked(join(folder, 'backup.001.hmk'))).bytes).toEqual(previous);
    });
  }

  it('leaves the previous file whole when moving its volumes aside fails partway', async () => {
    const previous = pattern(2500, 3);
    value(await writeInVolumes('backup.hmk', previous));
    // Volume 1 was moved aside; volume 2 cannot be: volume 1 comes back.
    faults.push({ step: 'rename', code: 'EIO', pathIncludes: '.backup.002.hmk.previous' });
    const result = await writeInVolumes('backup.hmk', pattern(2500, 5)).catch(() => null);
    expect(result?.ok ?? false).toBe(false);
    expect(await files()).toEqual(['backup.001.hmk', 'backup.002.hmk', 'backup.003.hmk']);
    expect((await readPicked(join(folder, 'backup.001.hmk'))).bytes).toEqual(previous);
  });

  it("replaces a plain file of the chosen name: the older backup does not stay beside the new volumes under the name the user picked", async () => {
    await writeFile(join(folder, 'backup.hmk'), 'OLD BACKUP');
    const data = pattern(2500, 4);
    value(await writeInVolumes('backup.hmk', data));
    expect(await files()).toEqual(['backup.001.hmk', 'backup.002.hmk', 'backup.003.hmk']);
    expect((await readPicked(join(folder, 'backup.001.hmk'))).bytes).toEqual(data);
  });

  it('written as one plain file over a file in volumes, the old volumes go', async () => {
    value(await writeInVolumes('backup.hmk', pattern(2500, 3)));
    const data = pattern(800, 6);
    value(await writeInVolumes('backup.hmk', data));
    expect(await files()).toEqual(['backup.hmk']);
    expect((await readPicked(join(folder, 'backup.hmk'))).bytes).toEqual(data);
  });

  it("leaves the previous file whole when an older file's last volume cannot be moved aside (a stick's file held open), rather than publish volumes a reader would read with it", async () => {
    const previous = pattern(3500, 3);
    value(await writeInVolumes('backup.hmk', previous));
    faults.push({ step: 'rename', code: 'EBUSY', pathIncludes: '.backup.004.hmk.previous' });
    const result = await writeInVolumes('backup.hmk', pattern(1500, 5)).catch(() => null);
    expect(result?.ok ?? false).toBe(false);
    expect(await files()).toEqual(['backup.001.hmk', 'backup.002.hmk', 'backup.003.hmk', 'backup.004.hmk']);
    expect((await readPicked(join(folder, 'backup.003.hmk'))).bytes).toEqual(previous);
  });

  it('aborted while an append is writing (the window closed), starts no further volume and leaves no temp file', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let writes = 0;
    // The first write reaches the drive, then its answer waits until the test lets it go.
    const slow: FsPort = {
      ...realFs,
      open: async (path, flags) => {
        const handle = await realFs.open(path, flags);
        return {
          write: async (...args) => {
            writes += 1;
            const written = await handle.write(...args);
            if (writes === 1) await held;
            return written;
          },
          read: (...args) => handle.read(...args),
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    const writer = await VolumeWriter.create(slow, join(folder, 'backup.hmk'), VOLUME);
    const appending = writer.append(pattern(2500)).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const aborting = writer.abort();
    release();
    await aborting;
    expect(await appending).toBeTruthy();
    expect(await files()).toEqual([]);
  });

  it('replacing a file in volumes leaves nothing set aside once it is done', async () => {
    value(await writeInVolumes('backup.hmk', pattern(2500, 3)));
    value(await writeInVolumes('backup.hmk', pattern(2500, 5)));
    expect(await files()).toEqual(['backup.001.hmk', 'backup.002.hmk', 'backup.003.hmk']);
    expect((await readPicked(join(folder, 'backup.002.hmk'))).bytes).toEqual(pattern(2500, 5));
  });

  it('a bit flipped while verifying a volume keeps the previous file and leaves no temp file', async () => {
    await writeFile(join(folder, 'backup.hmk'), 'previous');
    faults.push({ step: 'read', code: 'EIO', corrupt: true, pathIncludes: '.backup.002.hmk.' });
    const result = await writeInVolumes('backup.hmk', pattern(1800));
    expect(result.ok ? null : result.error.code).toBe('verify-failed');
    expect(await files()).toEqual(['backup.hmk']);
  });

  it('read from a folder where a middle volume is missing ends at the gap, and says how many volumes it found', async () => {
    value(await writeInVolumes('backup.hmk', pattern(2500)));
    await rm(join(folder, 'backup.002.hmk'));
    const { opened, bytes } = await readPicked(join(folder, 'backup.001.hmk'));
    expect(opened).toMatchObject({ size: VOLUME, volumes: 1 });
    expect(bytes).toEqual(pattern(2500).subarray(0, VOLUME));
  });

  it('picked by a later volume whose first is missing is read alone, as one volume', async () => {
    value(await writeInVolumes('backup.hmk', pattern(2500)));
    await rm(join(folder, 'backup.001.hmk'));
    const { opened, bytes } = await readPicked(join(folder, 'backup.002.hmk'));
    expect(opened).toMatchObject({ name: 'backup.002.hmk', size: VOLUME, volumes: 1 });
    expect(bytes).toEqual(pattern(2500).subarray(VOLUME, 2 * VOLUME));
  });

  it('a whole file renamed by hand to look like a volume, with no first volume beside it, opens whole', async () => {
    await writeFile(join(folder, 'backup.123.hmk'), pattern(2500));
    const { opened, bytes } = await readPicked(join(folder, 'backup.123.hmk'));
    expect(opened).toMatchObject({ size: 2500, volumes: 1 });
    expect(bytes).toEqual(pattern(2500));
  });

  it('a picked volume that is gone by the time it is opened is not found', async () => {
    nextOpen = join(folder, 'backup.002.hmk');
    const result = await handlers.readStreamOpen({ filters: HMK });
    expect(result.ok ? null : result.error.code).toBe('not-found');
  });

  it('a write without volumes past the drive limit is still refused as too large for the drive', async () => {
    faults.push({ step: 'write', code: 'EFBIG' });
    const { streamId } = value(await handlers.writeStreamOpen({ suggestedName: 'backup.hmk', filters: HMK }));
    const result = await handlers.writeStreamAppend(streamId, pattern(2500));
    expect(result.ok ? null : result.error.code).toBe('too-large-for-drive');
    expect(await files()).toEqual([]);
  });
});
