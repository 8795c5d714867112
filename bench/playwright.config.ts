import { defineConfig } from '@playwright/test';

// `npm run bench`: one long test in Debian's Chromium; sizes from BENCH_SIZES (default 20000,100000).
export default defineConfig({
  testDir: '.',
  testMatch: 'bench.spec.ts',
  timeout: 4 * 60 * 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--js-flags=--max-old-space-size=6144'],
    },
  },
});
