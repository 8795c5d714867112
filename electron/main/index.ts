import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import * as fs from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FileFilter, UiLanguage } from '../../renderer/src/host/hostApi';
import {
  createCloseGate,
  createDispatcher,
  createHostHandlers,
  FileRegistry,
  readOrCreateInstallationId,
  registerHostHandlers,
  trustOrigin,
  type DialogPort,
  type FsPort,
  type SecretStorePort,
} from './ipc';
import { buildMenuTemplate, menuLabels } from './menu';
import { USER_DATA_FOLDER } from './paths';
import { resolveAppRequest } from './protocol';
import { APP_ORIGIN, APP_SCHEME, isPermissionAllowed, securityHeaders } from './security';
import { attachWebContentsGuards, createWindowOptions, START_URL } from './window';

// Glue only: everything with logic lives in modules that are unit-tested without Electron.

const here = __dirname; // dist/electron after the build
const rendererRoot = join(here, '..', 'renderer');
const nodeFs = fs as unknown as FsPort;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
app.setPath('userData', join(app.getPath('appData'), USER_DATA_FOLDER));

let mainWindow: BrowserWindow | null = null;
let language: UiLanguage = 'uz-Latn';
let lastFolder: string | null = null;
/** The window's unfinished writes being aborted (their temp files removed): the app quits once this is done. */
let closing: Promise<void> = Promise.resolve();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => attachWebContentsGuards(contents));
  // Quitting at once would leave a cut-off write's temp file on the stick: the window's cleanup finishes first.
  app.on('window-all-closed', () => void closing.finally(() => app.quit()));
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionAllowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => isPermissionAllowed(permission));

  protocol.handle(APP_SCHEME, async (request) => {
    const decision = resolveAppRequest(request.method, request.url, rendererRoot);
    if (decision.status !== 200) return new Response(null, { status: decision.status });
    try {
      return new Response(await readFile(decision.filePath), { headers: securityHeaders(decision.contentType) });
    } catch {
      return new Response(null, { status: 404 });
    }
  });

  const window = new BrowserWindow(
    createWindowOptions(join(here, 'preload.cjs'), !app.isPackaged),
  );
  mainWindow = window;
  const registry = new FileRegistry();
  const dataFolder = app.getPath('userData');
  const dialogs: DialogPort = {
    async chooseSavePath(suggestedName: string, filters: FileFilter[]) {
      const result = await dialog.showSaveDialog(window, {
        defaultPath: join(lastFolder ?? app.getPath('documents'), suggestedName),
        filters,
      });
      if (result.canceled || !result.filePath) return null;
      lastFolder = dirname(result.filePath);
      return result.filePath;
    },
    async chooseOpenPath(filters: FileFilter[]) {
      const result = await dialog.showOpenDialog(window, {
        defaultPath: lastFolder ?? app.getPath('documents'),
        filters,
        properties: ['openFile'],
      });
      const path = result.filePaths[0];
      if (result.canceled || !path) return null;
      lastFolder = dirname(path);
      return path;
    },
  };
  // safeStorage takes strings; the key's bytes travel through it as base64.
  const secrets: SecretStorePort = {
    available: () => safeStorage.isEncryptionAvailable(),
    encrypt: (plain) => new Uint8Array(safeStorage.encryptString(Buffer.from(plain).toString('base64'))),
    decrypt: (cipher) => new Uint8Array(Buffer.from(safeStorage.decryptString(Buffer.from(cipher)), 'base64')),
  };
  const closeGate = createCloseGate({
    closeWindow: () => window.close(),
    setTimer: (run, ms) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
  });
  // The page may hold the close while it makes the automatic backup on exit (closeGate.ts).
  window.on('close', (event) => {
    if (!closeGate.onWindowClose()) event.preventDefault();
  });
  const handlers = createHostHandlers({
    fs: nodeFs,
    closeGate,
    dialogs,
    registry,
    dataFolder,
    secrets,
    appInfo: {
      info: {
        version: app.getVersion(),
        locale: app.getLocale(),
        dataFolder,
        host: 'electron',
        platform: process.platform,
      },
      installationId: () => readOrCreateInstallationId(nodeFs, dataFolder),
      onLanguage: (next) => {
        language = next;
        setMenu();
      },
    },
    printer: {
      print: () => new Promise((resolve) => window.webContents.print({}, (success) => resolve(success))),
      printToPdf: async () => new Uint8Array(await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true })),
    },
    shell: {
      showItemInFolder: (path) => shell.showItemInFolder(path),
      openPath: (path) => shell.openPath(path),
      openExternal: (url) => shell.openExternal(url),
    },
  });
  registerHostHandlers(ipcMain, createDispatcher(handlers, trustOrigin(APP_ORIGIN)));

  function setMenu(): void {
    const labels = menuLabels(language);
    const template = buildMenuTemplate(
      labels,
      {
        print: () => void handlers.print(),
        printToPdf: () =>
          void handlers.printToPdf({ suggestedName: 'hamkorlik.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] }).then((result) => {
            // The menu has no page to show a notice in: a failure gets the OS's error box, in the UI language.
            if (!result.ok && result.error.code !== 'cancelled') dialog.showErrorBox(labels.printFailed, `${result.error.code} ${result.error.detail ?? ''}`);
          }),
        about: () =>
          void dialog.showMessageBox(window, { title: labels.about, message: `Hamkorlik ${app.getVersion()}`, detail: labels.aboutDetail }),
      },
      process.platform === 'darwin',
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }
  setMenu();

  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
    closing = registry.closeAll().catch(() => undefined);
  });
  // Streams belong to the page that opened them: a reload (after a restore) commits a page that cannot know their ids.
  // (did-navigate: the main frame's new document, not a hash change, and not a navigation security.ts refused.)
  window.webContents.on('did-navigate', () => void registry.closeAll());
  await window.loadURL(START_URL);
}
