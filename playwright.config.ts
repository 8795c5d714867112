import { defineConfig } from '@playwright/test';

// The renderer runs in Debian's Chromium with the e2e host playing Electron's main process
// (project "chromium"); project "electron" runs the real shell where an Electron binary exists.
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/e2e',
  fullyParallel: false,
  // Spec files on both of CI's cores (E2E_WORKERS=1 runs them one after another); the tests of one file share a worker.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: './test-results/e2e.json' }]],
  use: {
    viewport: { width: 1366, height: 860 },
    locale: 'uz-UZ',
    timezoneId: 'Asia/Tashkent',
    // A failed test keeps its trace with DOM snapshots; the screencast is left out: it made every
    // test about a third slower on CI's two cores (caseFiles.spec 2.2 -> 1.5 min, 06.12.2026).
    trace: { mode: 'retain-on-failure', snapshots: true, screenshots: false, sources: true },
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testDir: './e2e/specs',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
    { name: 'electron', testDir: './e2e/electron' },
  ],
});
