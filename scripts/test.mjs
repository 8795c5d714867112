// @ts-check
// `npm test`: every check the project has, in the order a failure is cheapest to see, ending
// with one line "N passed, N failed". Each step runs even if an earlier one failed, so one run
// shows everything that is wrong; only the e2e suite needs the build to have succeeded.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
mkdirSync(results, { recursive: true });

/** @type {{ name: string, ok: boolean }[]} */
const checks = [];
let passed = 0;
let failed = 0;
/** @type {string[]} */
const skipped = [];

/** @param {string} name @param {string} command @param {string[]} args */
function run(name, command, args) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  const ok = result.status === 0;
  checks.push({ name, ok });
  return ok;
}

for (const project of ['electron', 'renderer', 'e2e', 'scripts', 'bench']) run(`typecheck ${project}`, 'npx', ['tsc', '-p', project]);
run('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
run('electron-builder.yml', 'node', ['scripts/validate-builder-config.mjs']);
const built = run('build', 'npm', ['run', '--silent', 'build']);

rmSync(`${results}/unit.json`, { force: true });
run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/unit.json`]);
if (existsSync(`${results}/unit.json`)) {
  const unit = JSON.parse(readFileSync(`${results}/unit.json`, 'utf8'));
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  if (unit.numPendingTests || unit.numTodoTests) skipped.push(`${unit.numPendingTests + unit.numTodoTests} unit tests skipped`);
} else failed += 1;

rmSync(`${results}/e2e.json`, { force: true });
if (built) {
  run('e2e', 'npx', ['playwright', 'test']);
  if (existsSync(`${results}/e2e.json`)) {
    const e2e = JSON.parse(readFileSync(`${results}/e2e.json`, 'utf8'));
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected;
    collectSkipped(e2e.suites ?? []);
  } else failed += 1;
} else {
  console.log('\n✘ e2e not run: the build failed');
  failed += 1;
}

/** @param {any[]} suites */
function collectSkipped(suites) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'skipped') continue;
        const reason = (t.annotations ?? []).find((/** @type {any} */ a) => a.type === 'skip')?.description ?? 'no reason given';
        skipped.push(`[${t.projectName}] ${spec.title}: ${reason}`);
      }
    }
    collectSkipped(suite.suites ?? []);
  }
}

console.log('\nChecks:');
for (const check of checks) console.log(`  ${check.ok ? '✓' : '✘'} ${check.name}`);
const checkFailures = checks.filter((check) => !check.ok && check.name !== 'unit tests' && check.name !== 'e2e').length;
passed += checks.filter((check) => check.ok && check.name !== 'unit tests' && check.name !== 'e2e').length;
failed += checkFailures;
if (skipped.length) {
  console.log('Skipped:');
  for (const line of skipped) console.log(`  - ${line}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
