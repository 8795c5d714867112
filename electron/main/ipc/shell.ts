import { extname } from 'node:path';
import type { HostApi } from '../../../renderer/src/host/hostApi';
import { isAllowedExternalUrl } from '../security';
import type { FileRegistry } from './fileRegistry';
import { catching, fail, ok } from './result';

/** The OS shell, injected: Electron's `shell` in the app, a recorder in tests. */
export interface ShellPort {
  showItemInFolder(path: string): void;
  /** Resolves to an error message, or '' when the file opened (Electron's `shell.openPath`). */
  openPath(path: string): Promise<string>;
  openExternal(url: string): Promise<void>;
}

/** The files "Open" hands to the system: the documents, reports and printouts the app writes. */
const OPENABLE: ReadonlySet<string> = new Set(['.docx', '.pdf', '.xlsx']);

export function createShellHandlers(shell: ShellPort, registry: FileRegistry): Pick<HostApi, 'showInFolder' | 'openWithSystem' | 'openExternal'> {
  return catching({
    async showInFolder(fileId) {
      const path = registry.pathOf(fileId);
      if (!path) return fail('unknown-file');
      shell.showItemInFolder(path);
      return ok(undefined);
    },
    async openWithSystem(fileId) {
      const path = registry.pathOf(fileId);
      if (!path) return fail('unknown-file');
      // The page names the files it saves: only documents are handed to the system, never a program it named `.exe`.
      if (!OPENABLE.has(extname(path).toLowerCase())) return fail('not-allowed', extname(path).slice(0, 20));
      const problem = await shell.openPath(path);
      return problem ? fail('io', problem.slice(0, 200)) : ok(undefined);
    },
    async openExternal(url) {
      if (!isAllowedExternalUrl(url)) return fail('not-allowed', url.slice(0, 200));
      await shell.openExternal(url);
      return ok(undefined);
    },
  });
}
