import type { Page } from '@playwright/test';
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import {
  createCloseGate,
  createDispatcher,
  createHostHandlers,
  FileRegistry,
  readOrCreateInstallationId,
  trustOrigin,
  type FsPort,
  type SecretStorePort,
} from '../../electron/main/ipc';
import { withFaults, type Fault } from '../../electron/main/ipc/faultyFs';
import { createHostBridge } from '../../electron/preload/bridge';
import type { UiLanguage } from '../../renderer/src/host/hostApi';

/** What a test can see of, and do to, the host the page talks to. */
export interface E2eHost {
  /** The folder that stands in for wherever the user would pick in a dialog. */
  folder: string;
  /** The app's data folder (Electron's userData): the installation id, automatic backups. */
  dataFolder: string;
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
   * Whether the stand-in for the OS's secret protection (Electron's safeStorage) is available;
   * default true. Set false to see the app where the OS cannot keep the data key.
   */
  secretsAvailable: boolean;
  /**
   * Called before each call from the page is handled, with its channel and arguments; what it
   * returns is awaited first. A test holds a call here to stop the page at a chosen point.
   */
  beforeCall?: (channel: string, args: unknown[]) => Promise<void> | void;
  /**
   * The user clicks the window's close button: true when the window closes at once, false when the
   * page holds it (see `closed`). The page stays loaded either way: only the host's record changes.
   */
  requestClose(): boolean;
  /** Whether the window has closed (at once, on the page's `ready`, or when the page did not answer). */
  closed: boolean;
}

/**
 * The drive the e2e host writes to is a FAT32 stick in miniature where volumes are concerned: a
 * file written in volumes is cut every 4 KiB, so a test office of a few families makes several.
 * (A single file past FAT32's limit is played with an `EFBIG` write fault.)
 */
export const E2E_VOLUME_BYTES = 4 * 1024;

/**
 * Plays Electron's main process for a page in plain Chromium: the very handler functions of
 * electron/main/ipc, with a temp folder for dialogs and injectable faults, behind the glue's
 * checks, exposed to the page as `window.host` with the shape the preload gives.
 */
export async function attachE2eHost(page: Page, options: { folder: string; dataFolder: string; origin: string }): Promise<E2eHost> {
  const state: E2eHost = {
    folder: options.folder,
    dataFolder: options.dataFolder,
    faults: [],
    openQueue: [],
    cancelSave: false,
    shown: [],
    opened: [],
    languages: [],
    secretsAvailable: true,
    requestClose: () => {
      const now = closeGate.onWindowClose();
      if (now) state.closed = true;
      return now;
    },
    closed: false,
  };
  const closeGate = createCloseGate({
    closeWindow: () => {
      state.closed = true;
    },
    setTimer: (run, ms) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
  });
  const fs = withFaults(nodeFs as unknown as FsPort, state.faults);
  const registry = new FileRegistry();
  // As Electron's shell does (electron/main/index.ts): a closed window or a new page lets the old page's streams go.
  page.on('close', () => void registry.closeAll());
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) void registry.closeAll();
  });
  const handlers = createHostHandlers({
    fs,
    registry,
    volumeBytes: E2E_VOLUME_BYTES,
    dataFolder: options.dataFolder,
    secrets: testSecrets(() => state.secretsAvailable),
    closeGate,
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

/** Marks what {@link testSecrets} wrote, so a file it did not write fails to "decrypt". */
const TEST_SECRETS_MARKER = [0x48, 0x4b, 0x45, 0x32]; // "HKE2"
/** A fixed pad, written out in the source: anyone can undo it. */
const TEST_SECRETS_PAD = Uint8Array.from({ length: 32 }, (_, i) => (i * 73 + 41) % 256);

/**
 * TEST SUBSTITUTE for Electron's safeStorage, which needs the OS keychain/DPAPI of a real Electron
 * process. It XORs with a fixed pad behind a 4-byte marker: this is NOT protection of any kind,
 * only the same shape (available / encrypt / decrypt, decrypt throwing on bytes it did not write),
 * so e2e tests exercise the app's handling of a kept data key. Never use it outside the e2e host.
 */
function testSecrets(available: () => boolean): SecretStorePort {
  const xor = (bytes: Uint8Array) => bytes.map((byte, i) => byte ^ TEST_SECRETS_PAD[i % TEST_SECRETS_PAD.length]!);
  return {
    available,
    encrypt: (plain) => Uint8Array.from([...TEST_SECRETS_MARKER, ...xor(plain)]),
    decrypt: (cipher) => {
      if (cipher.byteLength < TEST_SECRETS_MARKER.length || TEST_SECRETS_MARKER.some((byte, i) => cipher[i] !== byte)) {
        throw new Error('test secrets: not written by this substitute');
      }
      return xor(cipher.subarray(TEST_SECRETS_MARKER.length));
    },
  };
}
