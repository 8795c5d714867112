import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The benchmark page: the app's own database, repositories and search, driven from Playwright.
// Built apart from the app so nothing of it ships.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  define: { __APP_VERSION__: JSON.stringify('bench') },
  build: {
    outDir: fileURLToPath(new URL('../dist/bench', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
  },
});
