import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

// Builds the main process and the preload as CommonJS bundles into dist/electron.
// The preload must be one self-contained file: a sandboxed preload cannot require other modules.
const external = ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default defineConfig({
  build: {
    outDir: fileURLToPath(new URL('../dist/electron', import.meta.url)),
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: true,
    ssr: true,
    lib: {
      entry: {
        main: fileURLToPath(new URL('./main/index.ts', import.meta.url)),
        preload: fileURLToPath(new URL('./preload/index.ts', import.meta.url)),
      },
      formats: ['cjs'],
      fileName: (_format, name) => `${name}.cjs`,
    },
    rollupOptions: { external },
  },
  ssr: { noExternal: true },
});
