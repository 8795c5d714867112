import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ORIGIN } from './security';

/** The page the window loads. */
export const START_URL = `${APP_ORIGIN}/index.html`;

/**
 * The window's options, in one place so a unit test can assert the security settings users get:
 * an isolated, sandboxed renderer with no Node.js, web security on, no webviews.
 */
export function createWindowOptions(preloadPath: string, devTools: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#f5f7f8',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools,
    },
  };
}

/** The slice of Electron's webContents the guards use, so a test can drive them with a fake. */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Denies every navigation away from the loaded page and every new window. The app is one page
 * with hash routing, so a legitimate navigation never happens; links to legal texts go through
 * `host.openExternal` and its allow-list instead.
 */
export function attachWebContentsGuards(contents: GuardedContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
