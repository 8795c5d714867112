import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { attachE2eHost, type E2eHost } from './host/e2eHost';
import { startRendererServer, type RendererServer } from './host/server';

export const RENDERER_DIST = fileURLToPath(new URL('../dist/renderer', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('./artifacts', import.meta.url));

interface Fixtures {
  host: E2eHost;
  /** Opens the app at a route; the page has the e2e host and the CSP checks in place. */
  openApp: (route?: string) => Promise<void>;
  /** Set true in a test that provokes a CSP violation on purpose. */
  allowCspViolations: { value: boolean };
}

/**
 * A fresh browser context per test (so a fresh IndexedDB), the built renderer served with the
 * users' CSP, and the e2e host. Every CSP violation or uncaught page error fails the test.
 */
export const test = base.extend<Fixtures, { server: RendererServer }>({
  server: [
    async ({}, use) => {
      const server = await startRendererServer(RENDERER_DIST);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  allowCspViolations: async ({}, use) => use({ value: false }),
  host: async ({ page, server }, use) => {
    const root = await mkdtemp(join(tmpdir(), 'hamkorlik-e2e-'));
    const folder = join(root, 'files');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder));
    const host = await attachE2eHost(page, { folder, dataFolder: root, origin: server.origin });
    await use(host);
    await rm(root, { recursive: true, force: true });
  },
  openApp: async ({ page, server, host, allowCspViolations }, use) => {
    void host; // the host must be attached before the first navigation
    const violations: string[] = [];
    const errors: string[] = [];
    await page.exposeBinding('__reportCspViolation', (_source, text: string) => void violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation(
          `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
        );
      });
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(async (route = '/') => {
      await page.goto(`${server.origin}/index.html#${route}`);
    });
    if (!allowCspViolations.value) expect(violations, 'CSP violations').toEqual([]);
    expect(errors, 'uncaught page errors').toEqual([]);
  },
});

export { expect };

/** Saves a screenshot under e2e/artifacts for people to look at; a dialog still fading in is shown as it ends. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), animations: 'disabled' });
}
