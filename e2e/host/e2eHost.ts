import type { Page } from '@playwright/test';
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { createDispatcher, createHostHandlers, FileRegistry, readOrCreateInstallationId, trustOrigin, type FsPort } from '../../electron/main/ipc';
import { withFaults, type Fault } from '../../electron/main/ipc/faultyFs';
import { createHostBridge } from '../../electron/preload/bridge';
import type { UiLanguage } from '../../renderer/src/host/hostApi';

/** What a test can see of, and do to, the host the page talks to. */
export interface E2eHost {
  /** The folder that stands in for wherever the user would pick in a dialog. */
  folder: string;
  /** Faults to inject into the next file operations (see electron/main/ipc/faultyFs.ts). */
  faults: Fault[];
  /** Paths the open dialog will "pick", in order; empty means the user cancels. */
  openQueue: string[];
  /** Set to make the save dialog answer "cancel". */
  cancelSave: boolean;
  /** Everything the page asked the OS shell to do, and the languages it set for the menu. */
  shown: string[];
  /** Files the page asked the system to open (a DOCX in the word processor). */
  opened: string[];
  languages: UiLanguage[];
  /**
   * Called before each call from the page is handled, with its channel and arguments; what it
   * returns is awaited first. A test holds a call here to stop the page at a chosen point.
   */
  beforeCall?: (channel: string, args: unknown[]) => Promise<void> | void;
}

/**
 * Plays Electron's main process for a page in plain Chromium: the very handler functions of
 * electron/main/ipc, with a temp folder for dialogs and injectable faults, behind the glue's
 * checks, exposed to the page as `window.host` with the shape the preload gives.
 */
export async function attachE2eHost(page: Page, options: { folder: string; dataFolder: string; origin: string }): Promise<E2eHost> {
  const state: E2eHost = { folder: options.folder, faults: [], openQueue: [], cancelSave: false, shown: [], opened: [], languages: [] };
  const fs = withFaults(nodeFs as unknown as FsPort, state.faults);
  const handlers = createHostHandlers({
    fs,
    registry: new FileRegistry(),
    dialogs: {
      chooseSavePath: async (name) => (state.cancelSave ? null : join(state.folder, name)),
      chooseOpenPath: async () => state.openQueue.shift() ?? null,
    },
    appInfo: {
      info: { version: 'e2e', locale: 'uz-UZ', dataFolder: options.dataFolder, host: 'e2e', platform: process.platform },
      installationId: () => readOrCreateInstallationId(nodeFs as unknown as FsPort, options.dataFolder),
      onLanguage: (language) => state.languages.push(language),
    },
    printer: {
      print: async () => true,
      printToPdf: async () => new Uint8Array(await page.pdf({ format: 'A4', printBackground: true })),
    },
    shell: {
      showItemInFolder: (path) => state.shown.push(path),
      openPath: async (path) => (state.opened.push(path), ''),
      openExternal: async (url) => void state.shown.push(url),
    },
  });
  const dispatch = createDispatcher(handlers, trustOrigin(options.origin));
  await page.exposeBinding('__hamkorlikInvoke', async (source, channel: string, args: unknown[]) => {
    await state.beforeCall?.(channel, args);
    return dispatch({ url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() }, channel, args);
  });
  await page.addInitScript(
    `window.host = (${createHostBridge.toString()})((channel, ...args) => window.__hamkorlikInvoke(channel, args));`,
  );
  return state;
}
