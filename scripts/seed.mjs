// @ts-check
// `npm run seed -- --families 2000`: starts the development server (the browser build of the app)
// with a generated office of that many families (deterministic: the same every time). The data
// is loaded into a browser's empty database on first open; to start over, clear the site's data
// in the browser or open it in a new private window.
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const at = args.indexOf('--families');
const families = at >= 0 ? Number(args[at + 1]) : 2000;
if (!Number.isInteger(families) || families < 1 || families > 200_000) {
  console.error('Usage: npm run seed -- --families <1..200000>');
  process.exit(2);
}
console.log(`Open http://127.0.0.1:5173 — an empty browser profile gets ${families} generated families.`);
const child = spawn('npx', ['vite'], { stdio: 'inherit', env: { ...process.env, VITE_DEMO_FAMILIES: String(families) }, shell: process.platform === 'win32' });
child.on('exit', (code) => process.exit(code ?? 0));
