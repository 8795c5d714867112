// @ts-check
// `npm start`: build, make sure Electron's binary is there (fetching it on first use where a
// network exists), then run the app. Where the binary cannot be had, say so and point to the
// browser build instead of failing with Electron's own message.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @returns {string | null} */
function electronPath() {
  try {
    const path = require('electron');
    return typeof path === 'string' ? path : null;
  } catch {
    return null;
  }
}

const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

let binary = electronPath();
if (!binary) {
  console.log('Electron is not downloaded yet; fetching it once (needs internet)…');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const install = spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'inherit', env });
  binary = install.status === 0 ? electronPath() : null;
}
if (!binary) {
  console.error(
    '\nElectron could not be downloaded on this machine (no access to its download server).\n' +
      'The same app runs in a browser: npm run start:web  (then open http://127.0.0.1:5173)\n',
  );
  process.exit(1);
}
const app = spawnSync(binary, ['.'], { stdio: 'inherit' });
process.exit(app.status ?? 0);
