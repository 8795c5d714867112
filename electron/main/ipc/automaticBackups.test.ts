import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as nodeFs from 'node:fs/promises';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostResult } from '../../../renderer/src/host/hostApi';
// The one value electron/ takes from renderer/, and only here: to prove the copy matches.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { AUTOMATIC_BACKUP_NAME as RENDERER_AUTOMATIC_BACKUP_NAME } from '../../../renderer/src/host/hostApi';
import { AUTOMATIC_BACKUP_NAME, createAutomaticBackupHandlers, type SecretStorePort } from './automaticBackups';
import { FileRegistry } from './fileRegistry';
import { createFileHandlers } from './files';
import type { FsPort } from './fsPort';
import { withFaults, type Fault } from './faultyFs';

const realFs = nodeFs as unknown as FsPort;

const OLDER = 'auto-2026-12-04T18-00-00.hmk';
const NEWER = 'auto-2026-12-05T07-53-12.hmk';
const NEWEST = 'auto-2027-01-01T00-00-00.hmk';

let dataFolder: string;
let backups: string;
let faults: Fault[];
let secrets: SecretStorePort & { isAvailable: boolean; failDecrypt: boolean };
let handlers: ReturnType<typeof createAutomaticBackupHandlers> & ReturnType<typeof createFileHandlers>;

/** A stand-in for safeStorage: reverses the bytes behind a marker byte; no protection, only the shape. */
function fakeSecrets() {
  const port = {
    isAvailable: true,
    failDecrypt: false,
    available: () => port.isAvailable,
    encrypt: (plain: Uint8Array) => Uint8Array.from([0xee, ...[...plain].reverse()]),
    decrypt: (cipher: Uint8Array) => {
      if (port.failDecrypt || cipher[0] !== 0xee) throw new Error('cannot decrypt');
      return Uint8Array.from([...cipher.subarray(1)].reverse());
    },
  };
  return port;
}

beforeEach(async () => {
  dataFolder = await mkdtemp(join(tmpdir(), 'hamkorlik-auto-'));
  backups = join(dataFolder, 'backups');
  faults = [];
  secrets = fakeSecrets();
  const fs = withFaults(realFs, faults);
  const registry = new FileRegistry();
  handlers = {
    ...createFileHandlers({ fs, registry, dialogs: { chooseSavePath: async () => null, chooseOpenPath: async () => null } }),
    ...createAutomaticBackupHandlers({ fs, registry, dataFolder, secrets }),
  };
});
afterEach(() => rm(dataFolder, { recursive: true, force: true }));

const value = <T>(result: HostResult<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
};
const code = (result: HostResult<unknown>) => (result.ok ? 'ok' : result.error.code);

async function writeBackup(name: string, data: Uint8Array): Promise<HostResult<unknown>> {
  const opened = await handlers.automaticBackupWriteOpen({ name, expectedBytes: data.byteLength });
  if (!opened.ok) return opened;
  const appended = await handlers.writeStreamAppend(opened.value.streamId, data);
  if (!appended.ok) return appended;
  return handlers.writeStreamCommit(opened.value.streamId);
}

describe('automatic backup names', () => {
  it('the host checks the very pattern the renderer documents', () => {
    expect(AUTOMATIC_BACKUP_NAME.source).toBe(RENDERER_AUTOMATIC_BACKUP_NAME.source);
    expect(AUTOMATIC_BACKUP_NAME.flags).toBe(RENDERER_AUTOMATIC_BACKUP_NAME.flags);
  });
});

describe('automaticBackupList', () => {
  it('lists only automatic backups, newest first, with size and time', async () => {
    await mkdir(backups);
    await writeFile(join(backups, OLDER), 'a');
    await writeFile(join(backups, NEWEST), 'abc');
    await writeFile(join(backups, NEWER), 'ab');
    await writeFile(join(backups, `.${NEWER}.0a1b2c3d4e5f.tmp`), 'half written');
    await writeFile(join(backups, 'notes.txt'), 'foreign');
    await writeFile(join(backups, 'auto-x.hmk'), 'foreign');
    await mkdir(join(backups, 'auto-2028-01-01T00-00-00.hmk'));
    const when = new Date('2026-12-05T07:53:12.000Z');
    await utimes(join(backups, NEWER), when, when);

    const list = value(await handlers.automaticBackupList());
    expect(list.map((b) => [b.name, b.size])).toEqual([
      [NEWEST, 3],
      [NEWER, 2],
      [OLDER, 1],
    ]);
    expect(list[1]!.modifiedAt).toBe('2026-12-05T07:53:12.000Z');
  });

  it('is empty when the folder does not exist yet', async () => {
    expect(await handlers.automaticBackupList()).toEqual({ ok: true, value: [] });
  });

  it('reports a folder it cannot read as an error', async () => {
    faults.push({ step: 'readdir', code: 'EACCES' });
    expect(await handlers.automaticBackupList()).toEqual({ ok: false, error: { code: 'not-allowed', detail: 'readdir:EACCES' } });
  });
});

describe('automaticBackupWriteOpen', () => {
  it('writes through the ordinary stream handlers into a folder it makes', async () => {
    const data = new Uint8Array(60_000).map((_, i) => i % 253);
    const opened = value(await handlers.automaticBackupWriteOpen({ name: NEWER, expectedBytes: data.byteLength }));
    expect(opened.name).toBe(NEWER);
    value(await handlers.writeStreamAppend(opened.streamId, data.subarray(0, 30_000)));
    value(await handlers.writeStreamAppend(opened.streamId, data.subarray(30_000)));
    expect(value(await handlers.automaticBackupList())).toEqual([]); // nothing shows until commit
    expect(value(await handlers.writeStreamCommit(opened.streamId))).toMatchObject({ name: NEWER, size: 60_000 });

    expect(value(await handlers.automaticBackupList())).toEqual([expect.objectContaining({ name: NEWER, size: 60_000 })]);
    expect(new Uint8Array(await readFile(join(backups, NEWER)))).toEqual(data);
    expect(await readdir(backups)).toEqual([NEWER]);
  });

  it("removes what a backup cut off by a power cut left (its temp file), but not one being written now nor other files", async () => {
    await mkdir(backups, { recursive: true });
    const leftover = `.${OLDER}.0123456789ab.tmp`;
    await writeFile(join(backups, leftover), 'half a backup');
    await writeFile(join(backups, 'notes.txt'), 'not ours');
    const writing = value(await handlers.automaticBackupWriteOpen({ name: NEWER, expectedBytes: 10 }));
    value(await handlers.writeStreamAppend(writing.streamId, new Uint8Array(10)));
    expect((await readdir(backups)).filter((name) => name.endsWith('.tmp'))).toHaveLength(1); // NEWER's own
    expect(await readdir(backups)).not.toContain(leftover);
    // Another backup opened meanwhile leaves NEWER's temp file as it is; NEWER still commits.
    value(await writeBackup(NEWEST, new Uint8Array(5)));
    value(await handlers.writeStreamCommit(writing.streamId));
    expect((await readdir(backups)).sort()).toEqual([NEWER, NEWEST, 'notes.txt']);
  });

  it('refuses any other name before touching the disk', async () => {
    for (const name of ['../x.hmk', 'auto-x.hmk', `../${NEWER}`, `${NEWER}.exe`, 'auto-2026-12-05T07-53-12.HMK', '']) {
      expect(code(await handlers.automaticBackupWriteOpen({ name }))).toBe('invalid-argument');
      expect(code(await handlers.automaticBackupReadOpen(name))).toBe('invalid-argument');
      expect(code(await handlers.automaticBackupRemove(name))).toBe('invalid-argument');
    }
    expect(await readdir(dataFolder)).toEqual([]);
  });

  it('a failed rename at commit leaves no backup and no temp file', async () => {
    faults.push({ step: 'rename', code: 'EIO', pathIncludes: NEWER });
    expect(code(await writeBackup(NEWER, new TextEncoder().encode('backup')))).toBe('io');
    expect(value(await handlers.automaticBackupList())).toEqual([]);
    expect(await readdir(backups)).toEqual([]);
  });

  it('a full disk is said up front', async () => {
    const tiny: FsPort = { ...realFs, statfs: async () => ({ bavail: 10, bsize: 4096 }) };
    const cramped = createAutomaticBackupHandlers({ fs: tiny, registry: new FileRegistry(), dataFolder, secrets });
    expect(code(await cramped.automaticBackupWriteOpen({ name: NEWER, expectedBytes: 1024 }))).toBe('disk-full');
  });
});

describe('automaticBackupReadOpen', () => {
  it('reads a backup through the ordinary read stream', async () => {
    const data = new Uint8Array(5000).map((_, i) => i % 251);
    value(await writeBackup(NEWER, data));
    const { streamId, name, size } = value(await handlers.automaticBackupReadOpen(NEWER));
    expect([name, size]).toEqual([NEWER, 5000]);
    expect(value(await handlers.readStreamRead(streamId, 100, 50))).toEqual(data.subarray(100, 150));
    value(await handlers.readStreamClose(streamId));
  });

  it('a missing backup is not-found', async () => {
    expect(await handlers.automaticBackupReadOpen(NEWER)).toEqual({ ok: false, error: { code: 'not-found', detail: 'stat:ENOENT' } });
  });
});

describe('automaticBackupRemove', () => {
  it('removes a backup, and a missing one is fine', async () => {
    value(await writeBackup(OLDER, new Uint8Array([1])));
    value(await writeBackup(NEWER, new Uint8Array([2])));
    value(await handlers.automaticBackupRemove(OLDER));
    expect(value(await handlers.automaticBackupList()).map((b) => b.name)).toEqual([NEWER]);
    expect(await handlers.automaticBackupRemove(OLDER)).toEqual({ ok: true, value: undefined });
    expect(await handlers.automaticBackupRemove(NEWEST)).toEqual({ ok: true, value: undefined });
  });
});

describe('keepDataKey / keptDataKey', () => {
  const key = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
  const keyFile = () => join(dataFolder, 'office-key.bin');

  it('keeps the key encrypted and gives it back', async () => {
    value(await handlers.keepDataKey(key));
    const onDisk = new Uint8Array(await readFile(keyFile()));
    expect(onDisk).toEqual(secrets.encrypt(key));
    expect(value(await handlers.keptDataKey())).toEqual(key);
  });

  it('is null when nothing is kept', async () => {
    expect(await handlers.keptDataKey()).toEqual({ ok: true, value: null });
  });

  it('is null when the OS can no longer decrypt, or offers no protection at all', async () => {
    value(await handlers.keepDataKey(key));
    secrets.failDecrypt = true;
    expect(value(await handlers.keptDataKey())).toBeNull();
    secrets.failDecrypt = false;
    secrets.isAvailable = false;
    expect(value(await handlers.keptDataKey())).toBeNull();
  });

  it('a damaged file is no key', async () => {
    await writeFile(keyFile(), 'not written by the secret store');
    expect(value(await handlers.keptDataKey())).toBeNull();
  });

  it('refuses to keep a key where the OS offers no protection', async () => {
    secrets.isAvailable = false;
    expect(code(await handlers.keepDataKey(key))).toBe('unsupported');
    expect(await readdir(dataFolder)).toEqual([]);
  });

  it('null forgets the kept key, and forgetting twice is fine', async () => {
    value(await handlers.keepDataKey(key));
    value(await handlers.keepDataKey(null));
    expect(value(await handlers.keptDataKey())).toBeNull();
    expect(await readdir(dataFolder)).toEqual([]);
    expect(await handlers.keepDataKey(null)).toEqual({ ok: true, value: undefined });
  });

  it('a failed write keeps the previous key', async () => {
    value(await handlers.keepDataKey(key));
    faults.push({ step: 'rename', code: 'EIO', pathIncludes: 'office-key.bin' });
    expect(code(await handlers.keepDataKey(new Uint8Array(32).fill(1)))).toBe('io');
    expect(value(await handlers.keptDataKey())).toEqual(key);
  });
});
