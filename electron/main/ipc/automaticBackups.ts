import { basename, join } from 'node:path';
import type { AutomaticBackup, HostApi } from '../../../renderer/src/host/hostApi';
import { writeFileAtomic } from './atomicFile';
import type { FileRegistry } from './fileRegistry';
import { openReader, openWriter, readRange } from './files';
import type { FsPort } from './fsPort';
import { catching, fail, fromNodeError, HostFailure, ok } from './result';

/**
 * The operating system's protection for secrets of this user, injected: Electron's safeStorage
 * (DPAPI on Windows) in the app, a test substitute in the e2e host. `decrypt` throws when it cannot.
 */
export interface SecretStorePort {
  available(): boolean;
  encrypt(plain: Uint8Array): Uint8Array;
  decrypt(cipher: Uint8Array): Uint8Array;
}

export interface AutomaticBackupDeps {
  fs: FsPort;
  registry: FileRegistry;
  /** The app's own data folder; automatic backups go to its `backups/` folder. */
  dataFolder: string;
  secrets: SecretStorePort;
}

type AutomaticBackupHandlers = Pick<
  HostApi,
  | 'automaticBackupList'
  | 'automaticBackupWriteOpen'
  | 'automaticBackupReadOpen'
  | 'automaticBackupRemove'
  | 'keepDataKey'
  | 'keptDataKey'
>;

/**
 * The only names allowed in the backups folder: the same pattern as `AUTOMATIC_BACKUP_NAME` in
 * renderer/src/host/hostApi.ts. electron/ may only `import type` from renderer/ (eslint), so it is
 * spelled again here; automaticBackups.test.ts fails if the two ever differ.
 */
export const AUTOMATIC_BACKUP_NAME = /^auto-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.hmk$/u;

/** The temp file an automatic backup is written into before it is renamed (atomicFile.ts). */
const AUTOMATIC_BACKUP_TEMP = /^\.(auto-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.hmk)\.[0-9a-f]{12}\.tmp$/u;

const BACKUPS_FOLDER = 'backups';
const KEY_FILE = 'office-key.bin';
/** A kept key is a few hundred bytes at most; anything larger is not ours and is not read. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

/**
 * Backups the app makes by itself into its data folder, without a dialog, and the office's data
 * key kept encrypted by the OS so they need no passphrase. Only names matching
 * {@link AUTOMATIC_BACKUP_NAME} are ever touched: the renderer cannot reach any other path.
 */
export function createAutomaticBackupHandlers({ fs, registry, dataFolder, secrets }: AutomaticBackupDeps): AutomaticBackupHandlers {
  const folder = join(dataFolder, BACKUPS_FOLDER);
  const keyPath = join(dataFolder, KEY_FILE);
  const invalidName = () => fail('invalid-argument', 'automatic backup name');

  return catching({
    async automaticBackupList() {
      let names: string[];
      try {
        names = await fs.readdir(folder);
      } catch (error) {
        if (isMissing(error)) return ok([]);
        throw fromNodeError(error, 'readdir');
      }
      const backups: AutomaticBackup[] = [];
      for (const name of names.filter((n) => AUTOMATIC_BACKUP_NAME.test(n))) {
        let stats;
        try {
          stats = await fs.stat(join(folder, name));
        } catch (error) {
          if (isMissing(error)) continue; // removed while we listed
          throw fromNodeError(error, 'stat');
        }
        if (!stats.isFile()) continue;
        backups.push({ name, size: stats.size, modifiedAt: new Date(stats.mtimeMs).toISOString() });
      }
      // The names carry the time stamp, so their order is the order in time.
      backups.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
      return ok(backups);
    },

    async automaticBackupWriteOpen({ name, expectedBytes }) {
      if (!AUTOMATIC_BACKUP_NAME.test(name)) return invalidName();
      try {
        await fs.mkdir(folder, { recursive: true });
      } catch (error) {
        throw fromNodeError(error, 'mkdir');
      }
      await removeLeftTempFiles(fs, registry, folder);
      return ok({ streamId: await openWriter(fs, registry, join(folder, name), expectedBytes), name });
    },

    async automaticBackupReadOpen(name) {
      if (!AUTOMATIC_BACKUP_NAME.test(name)) return invalidName();
      const { streamId, size } = await openReader(fs, registry, join(folder, name));
      return ok({ streamId, name, size });
    },

    async automaticBackupRemove(name) {
      if (!AUTOMATIC_BACKUP_NAME.test(name)) return invalidName();
      await unlinkIfPresent(fs, join(folder, name));
      return ok(undefined);
    },

    async keepDataKey(key) {
      if (key === null) {
        await unlinkIfPresent(fs, keyPath);
        return ok(undefined);
      }
      if (!secrets.available()) return fail('unsupported', 'safeStorage');
      await writeFileAtomic(fs, keyPath, secrets.encrypt(key));
      return ok(undefined);
    },

    async keptDataKey() {
      const cipher = await readSmallFile(fs, keyPath);
      if (!cipher || !secrets.available()) return ok(null);
      try {
        return ok(secrets.decrypt(cipher));
      } catch {
        return ok(null); // another user, another machine, or a damaged file: the key is gone
      }
    },
  });
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

async function unlinkIfPresent(fs: FsPort, path: string): Promise<void> {
  try {
    await fs.unlink(path);
  } catch (error) {
    if (!isMissing(error)) throw fromNodeError(error, 'unlink');
  }
}

/** The whole file, or null when there is none (or it is too large to be a kept key). */
async function readSmallFile(fs: FsPort, path: string): Promise<Uint8Array | null> {
  let size: number;
  try {
    const stats = await fs.stat(path);
    if (!stats.isFile() || stats.size > MAX_KEY_FILE_BYTES) return null;
    size = stats.size;
  } catch (error) {
    if (isMissing(error)) return null;
    throw fromNodeError(error, 'stat');
  }
  try {
    return await readRange(fs, path, size);
  } catch (error) {
    // Removed between the stat and the read.
    if (error instanceof HostFailure && error.code === 'not-found') return null;
    throw error;
  }
}

/**
 * The temp files of automatic backups cut off by a crash or a power cut (up to gigabytes each),
 * removed before the next one is written; one being written now is left alone. Best effort: a temp
 * file that cannot be removed only waits for the next time.
 */
async function removeLeftTempFiles(fs: FsPort, registry: FileRegistry, folder: string): Promise<void> {
  const writing = new Set([...registry.writers.values()].map((writer) => basename(writer.target)));
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const match = AUTOMATIC_BACKUP_TEMP.exec(name);
    if (match && !writing.has(match[1]!)) await fs.unlink(join(folder, name)).catch(() => undefined);
  }
}
