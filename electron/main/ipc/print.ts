import { basename } from 'node:path';
import type { HostApi } from '../../../renderer/src/host/hostApi';
import { writeFileAtomic } from './atomicFile';
import type { FileDeps } from './files';
import { catching, fail, ok } from './result';

/** The printing the window can do: Electron's webContents in the app, Playwright's page in e2e. */
export interface PrinterPort {
  /** Opens the system print dialog; resolves false when the user cancels. */
  print(): Promise<boolean>;
  /** Renders the current view as an A4 PDF. */
  printToPdf(): Promise<Uint8Array>;
}

export function createPrintHandlers(
  printer: PrinterPort,
  { fs, dialogs, registry }: FileDeps,
): Pick<HostApi, 'print' | 'printToPdf'> {
  return catching({
    async print() {
      return (await printer.print()) ? ok(undefined) : fail('cancelled');
    },
    async printToPdf({ suggestedName, filters }) {
      const path = await dialogs.chooseSavePath(suggestedName, filters);
      if (!path) return fail('cancelled');
      const pdf = await printer.printToPdf();
      const { size } = await writeFileAtomic(fs, path, pdf);
      return ok({ fileId: registry.rememberFile(path), name: basename(path), size });
    },
  });
}
