import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { AppInfo, HostApi, UiLanguage } from '../../../renderer/src/host/hostApi';
import { writeFileAtomic } from './atomicFile';
import type { FsPort } from './fsPort';
import { catching, ok } from './result';

export interface AppInfoDeps {
  info: Omit<AppInfo, 'installationId'>;
  installationId(): Promise<string>;
  /** Called when the UI language changes, so the native menu follows it. */
  onLanguage(language: UiLanguage): void;
}

/** App facts and the UI language. */
export function createAppInfoHandlers(deps: AppInfoDeps): Pick<HostApi, 'appInfo' | 'setLanguage'> {
  return catching({
    async appInfo() {
      return ok({ ...deps.info, installationId: await deps.installationId() });
    },
    async setLanguage(language) {
      deps.onLanguage(language);
      return ok(undefined);
    },
  });
}

const INSTALLATION_FILE = 'installation-id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Reads this installation's id from the data folder, making it on first run. It belongs to the
 * machine, not to the data: a database restored onto a new PC gets the new PC's id on new records.
 */
export async function readOrCreateInstallationId(fs: FsPort, dataFolder: string): Promise<string> {
  const path = join(dataFolder, INSTALLATION_FILE);
  try {
    const handle = await fs.open(path, 'r');
    const buffer = new Uint8Array(64);
    try {
      const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, 0);
      const text = new TextDecoder().decode(buffer.subarray(0, bytesRead)).trim();
      if (UUID.test(text)) return text;
    } finally {
      await handle.close();
    }
  } catch {
    // first run, or the file was damaged: make a new one below
  }
  const id = randomUUID();
  await writeFileAtomic(fs, path, new TextEncoder().encode(`${id}\n`));
  return id;
}
