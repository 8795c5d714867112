// @ts-check
/**
 * Offline check of the electron-builder configuration.
 *
 *   node scripts/validate-builder-config.mjs [path]      (default: electron-builder.yml at the repo root)
 *
 * 1. Parses the YAML (js-yaml) and validates it with ajv against the JSON schema shipped with the
 *    installed electron-builder (node_modules/app-builder-lib/scheme.json, draft-07). Unknown keys
 *    and wrong types are errors. Unlike electron-builder, no type coercion is applied, so
 *    `asar: "true"` is reported instead of silently accepted.
 * 2. Checks that every icon the config points to exists (resolved the way electron-builder does:
 *    relative to directories.buildResources first, then to the project directory), that PNG icons
 *    are real PNGs and ICO icons real ICOs with a 256×256 entry (electron-builder rejects smaller).
 * 3. Checks that <buildResources>/icon.png is a PNG of at least 512×512 (read from its IHDR chunk).
 *
 * Prints one line "<config> valid" and exits 0, or lists every problem and exits 1.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

const require = createRequire(import.meta.url);
/**
 * Loaded through require() because js-yaml ships no type declarations; this is the one function used.
 * @type {{ load: (text: string, options?: { filename?: string }) => unknown }}
 */
const yaml = require('js-yaml');

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const schemaPath = path.join(projectDir, 'node_modules', 'app-builder-lib', 'scheme.json');
const MIN_PNG_SIZE = 512;
const MIN_ICO_SIZE = 256;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** @typedef {import('ajv').ErrorObject} AjvError */

/**
 * Path relative to the project when inside it, absolute otherwise.
 * @param {string} file absolute path
 */
function shown(file) {
  const relative = path.relative(projectDir, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

const configArg = process.argv[2];
const configPath = path.resolve(configArg ?? path.join(projectDir, 'electron-builder.yml'));
const displayName = shown(configPath);

/** @type {string[]} */
const problems = [];

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`${displayName}: ${message}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Load
// ---------------------------------------------------------------------------------------------

/** @type {unknown} */
let config;
try {
  config = yaml.load(readFileSync(configPath, 'utf8'), { filename: configPath });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

/** @type {object} */
let schema;
try {
  schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
} catch (error) {
  fail(`cannot read the electron-builder schema at ${schemaPath} (${error instanceof Error ? error.message : String(error)})`);
}

// ---------------------------------------------------------------------------------------------
// Schema validation
// ---------------------------------------------------------------------------------------------

// scheme.json is generated from TypeScript types: it uses union type arrays (["null", "string"])
// and annotation keywords ajv's strict mode rejects, hence allowUnionTypes and strict: false.
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false });
const validate = ajv.compile(schema);
if (!validate(config)) {
  problems.push(...formatAjvErrors(validate.errors ?? [], config));
}

/**
 * "/win/target/0/arch" → "win.target[0].arch"
 * @param {string} pointer
 */
function toDisplayPath(pointer) {
  if (pointer === '') return '(top level)';
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment, i) => (/^\d+$/.test(segment) ? `[${segment}]` : i === 0 ? segment : `.${segment}`))
    .join('');
}

/**
 * @param {unknown} root
 * @param {string} pointer
 * @returns {unknown}
 */
function valueAt(root, pointer) {
  /** @type {unknown} */
  let value = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    value = value !== null && typeof value === 'object' ? /** @type {Record<string, unknown>} */ (value)[key] : undefined;
  }
  return value;
}

/** @param {unknown} value */
function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return `string ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value;
}

/**
 * The schema is full of anyOf unions (e.g. `asar: AsarOptions | boolean | null`), so one mistake
 * yields an error per failed branch. Keep the actionable ones: drop the anyOf/oneOf summaries,
 * drop "wrong type" errors where another error at the same or a deeper path shows which branch
 * the value was meant for, and merge the remaining type errors of one path into one line.
 * @param {AjvError[]} errors
 * @param {unknown} data
 * @returns {string[]}
 */
function formatAjvErrors(errors, data) {
  const composite = new Set(['anyOf', 'oneOf', 'if']);
  const specific = errors.filter((e) => !composite.has(e.keyword));
  const relevant = specific.length > 0 ? specific : errors;
  const nonType = relevant.filter((e) => e.keyword !== 'type');
  const isExplained = (/** @type {string} */ at) =>
    nonType.some((e) => e.instancePath === at || e.instancePath.startsWith(`${at}/`)) ||
    relevant.some((e) => e.keyword === 'type' && e.instancePath.startsWith(`${at}/`));

  /** @type {Map<string, Set<string>>} */
  const typesByPath = new Map();
  /** @type {string[]} */
  const lines = [];
  for (const error of relevant) {
    const at = error.instancePath;
    if (error.keyword === 'type') {
      if (isExplained(at)) continue;
      const expected = String(error.params['type']).split(',');
      const set = typesByPath.get(at) ?? new Set();
      expected.forEach((t) => set.add(t));
      typesByPath.set(at, set);
      continue;
    }
    const where = toDisplayPath(at);
    if (error.keyword === 'additionalProperties') {
      const key = String(error.params['additionalProperty']);
      lines.push(`${where}: unknown property "${key}" (not in the electron-builder schema)`);
    } else if (error.keyword === 'enum') {
      const allowed = /** @type {unknown[]} */ (error.params['allowedValues']).map((v) => JSON.stringify(v)).join(', ');
      lines.push(`${where}: must be one of ${allowed}, got ${describe(valueAt(data, at))}`);
    } else {
      lines.push(`${where}: ${error.message ?? error.keyword}`);
    }
  }
  for (const [at, types] of typesByPath) {
    lines.push(`${toDisplayPath(at)}: must be ${[...types].join(' or ')}, got ${describe(valueAt(data, at))}`);
  }
  return [...new Set(lines)];
}

// ---------------------------------------------------------------------------------------------
// Icon files
// ---------------------------------------------------------------------------------------------

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isRecord(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const directories = isRecord(config) && isRecord(config['directories']) ? config['directories'] : {};
const buildResources = typeof directories['buildResources'] === 'string' ? directories['buildResources'] : 'build';
const buildResourcesDir = path.resolve(projectDir, buildResources);

/**
 * Every string under a key ending in "icon" (icon, installerIcon, uninstallerIcon, ...).
 * @param {unknown} node
 * @param {string} at
 * @param {{ at: string, file: string }[]} found
 */
function collectIcons(node, at, found) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => collectIcons(item, `${at}[${i}]`, found));
  } else if (isRecord(node)) {
    for (const [key, value] of Object.entries(node)) {
      const where = at === '' ? key : `${at}.${key}`;
      if (/icon$/i.test(key) && typeof value === 'string') found.push({ at: where, file: value });
      else collectIcons(value, where, found);
    }
  }
  return found;
}

/**
 * Same lookup order as electron-builder: build resources dir, then project dir.
 * @param {string} file
 * @returns {{ file: string, isDirectory: boolean } | null}
 */
function resolveResource(file) {
  for (const base of [buildResourcesDir, projectDir]) {
    const candidate = path.resolve(base, file);
    try {
      return { file: candidate, isDirectory: statSync(candidate).isDirectory() };
    } catch {
      // try the next base
    }
  }
  return null;
}

/**
 * @param {Buffer} bytes
 * @returns {{ width: number, height: number } | null}
 */
function readPngSize(bytes) {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Largest entry of an ICO file (a stored 0 means 256), or null if it is not an ICO.
 * @param {Buffer} bytes
 */
function readIcoMaxSize(bytes) {
  if (bytes.length < 6 || bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) return null;
  const count = bytes.readUInt16LE(4);
  if (count === 0 || bytes.length < 6 + 16 * count) return null;
  let max = 0;
  for (let i = 0; i < count; i++) {
    const entry = 6 + 16 * i;
    max = Math.max(max, bytes[entry] || 256, bytes[entry + 1] || 256);
  }
  return max;
}

/**
 * @param {string} where
 * @param {string} file
 * @param {string} shownAs
 */
function checkImage(where, file, shownAs) {
  const bytes = readFileSync(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.png') {
    if (readPngSize(bytes) === null) problems.push(`${where}: ${shownAs} is not a PNG file`);
  } else if (ext === '.ico') {
    const max = readIcoMaxSize(bytes);
    if (max === null) problems.push(`${where}: ${shownAs} is not an ICO file`);
    else if (max < MIN_ICO_SIZE) {
      problems.push(`${where}: ${shownAs} has no ${MIN_ICO_SIZE}×${MIN_ICO_SIZE} image (largest is ${max}×${max})`);
    }
  }
}

for (const { at, file } of collectIcons(config, '', [])) {
  if (file.includes('${')) continue; // macro, only known at build time
  const resolved = resolveResource(file);
  if (resolved === null) {
    problems.push(`${at}: icon "${file}" not found (looked in ${buildResources}/ and the project directory)`);
  } else if (!resolved.isDirectory) {
    checkImage(at, resolved.file, `"${file}"`);
  }
}

const mainPng = path.join(buildResourcesDir, 'icon.png');
const mainPngShown = shown(mainPng);
try {
  const size = readPngSize(readFileSync(mainPng));
  if (size === null) {
    problems.push(`${mainPngShown}: not a PNG file`);
  } else if (size.width < MIN_PNG_SIZE || size.height < MIN_PNG_SIZE) {
    problems.push(`${mainPngShown}: is ${size.width}×${size.height}, needs at least ${MIN_PNG_SIZE}×${MIN_PNG_SIZE}`);
  }
} catch {
  problems.push(`${mainPngShown}: missing (the ${MIN_PNG_SIZE}×${MIN_PNG_SIZE} application icon)`);
}

// ---------------------------------------------------------------------------------------------
// Result
// ---------------------------------------------------------------------------------------------

if (problems.length > 0) {
  console.error(`${displayName} invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`${displayName} valid`);
