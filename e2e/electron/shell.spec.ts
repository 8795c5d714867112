import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The same journeys as the Chromium project, against the real Electron shell. Electron's binary
// cannot be downloaded on the project's build machines; where it is missing these tests are
// skipped and the reason is printed, never silently.
function findElectron(): { path: string } | { reason: string } {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { reason: `the electron package points to ${String(path)}, which does not exist` };
  } catch (error) {
    return { reason: `Electron's binary is not installed (${(error as Error).message.split('\n')[0]}); run \`node node_modules/electron/install.js\` on a machine with internet` };
  }
}

const electronBinary = findElectron();
const MAIN = fileURLToPath(new URL('../../dist/electron/main.cjs', import.meta.url));
if ('reason' in electronBinary) console.log(`[electron] not run: ${electronBinary.reason}`);

test.describe('the Electron shell', () => {
  test.skip('reason' in electronBinary, 'reason' in electronBinary ? `not run: ${electronBinary.reason}` : '');

  test('opens one secured window on app:// with the preload host, and first-run setup', async () => {
    const home = await mkdtemp(join(tmpdir(), 'hamkorlik-electron-'));
    const app = await electron.launch({
      args: [MAIN],
      env: { ...process.env, XDG_CONFIG_HOME: home, APPDATA: home, ELECTRON_ENABLE_LOGGING: '1' },
    });
    try {
      const win = await app.firstWindow();
      await expect(win.getByTestId('setup-title')).toBeVisible();
      expect(new URL(win.url()).protocol).toBe('app:');
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
      const seen = await win.evaluate(async () => {
        const w = window as unknown as { host: { appInfo(): Promise<{ ok: boolean; value: { host: string } }> }; require?: unknown; process?: unknown };
        const info = await w.host.appInfo();
        const opened = window.open('https://example.com/');
        return { host: info.value.host, require: typeof w.require, process: typeof w.process, opened: opened === null };
      });
      expect(seen).toEqual({ host: 'electron', require: 'undefined', process: 'undefined', opened: true });
    } finally {
      await app.close();
      await rm(home, { recursive: true, force: true });
    }
  });
});
