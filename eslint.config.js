// @ts-check
import tseslint from 'typescript-eslint';

// One rule, many scopes: which layer may import which (see ../shared/STYLE.md and README "Architecture").
// The per-runtime tsconfigs already make Node-in-renderer fail to compile; this catches the rest.
const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'stream', 'url', 'util', 'worker_threads'];
const NOT_IN_RENDERER = [
  { group: ['electron', 'electron/*'], message: 'The renderer reaches the machine only through the host interface (src/host).' },
  { group: ['node:*', ...nodeBuiltins], message: 'The renderer runs in a browser: no Node.js modules.' },
  { group: ['**/electron/**'], message: 'The renderer never imports the Electron shell.' },
];

/** @param {string[]} layers @param {string} who */
const notLayers = (layers, who) =>
  layers.map((layer) => ({ group: [`**/${layer}`, `**/${layer}/**`], message: `${who} must not depend on ${layer}/.` }));

/**
 * @param {Array<{group?: string[], regex?: string, message: string}>} patterns
 * @param {boolean} [allowTypeImports]
 * @returns {import('eslint').Linter.RulesRecord}
 */
const restrict = (patterns, allowTypeImports = false) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns.map((p) => ({ ...p, allowTypeImports })) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e/artifacts/**', 'bench/results/**'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    rules: restrict(NOT_IN_RENDERER),
  },
  {
    files: ['renderer/src/domain/**/*.ts'],
    rules: restrict([
      ...NOT_IN_RENDERER,
      ...notLayers(['app', 'db', 'documents', 'exchange', 'reports', 'host', 'features', 'ui'], 'The domain'),
      { group: ['react', 'react-*', 'react/*', '@mui/*', 'dexie', 'dexie-*', '@reduxjs/*', 'i18next', 'docx'], message: 'The domain is pure TypeScript.' },
    ]),
  },
  {
    files: ['renderer/src/{db,documents,exchange,reports}/**/*.ts'],
    rules: restrict([
      ...NOT_IN_RENDERER,
      ...notLayers(['app', 'features', 'ui'], 'Storage, documents, exchange and reports'),
      { group: ['react', 'react-*', '@mui/*'], message: 'No UI code below the features.' },
    ]),
  },
  {
    files: ['renderer/src/features/*/**/*.{ts,tsx}'],
    rules: restrict([
      ...NOT_IN_RENDERER,
      { regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index$).+', message: 'A feature reaches another only through its index.ts.' },
    ]),
  },
  {
    files: ['electron/**/*.ts'],
    rules: restrict(
      [{ group: ['**/renderer/**'], message: 'electron/ may only `import type` the host interface from renderer/.' }],
      true,
    ),
  },
);
