// `npm start`: build, then the desktop app; where Electron cannot run here, browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const electronDir = path.join(root, 'node_modules', 'electron');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Electron's own lookup downloads on demand and throws; this only looks. */
function installedElectron() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function downloadElectron() {
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: root,
    stdio: 'pipe',
    timeout: 180_000,
  });
  return result.status === 0 ? installedElectron() : null;
}

function startBrowserMode(why) {
  console.log(`Electron cannot start here: ${why} Starting browser mode instead (npm run web).`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/main.ts', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

run(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
run(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs')]);

const hasDisplay = process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
const binary = installedElectron() ?? (existsSync(electronDir) ? downloadElectron() : null);
if (!binary) {
  startBrowserMode(
    'its binary is not installed and could not be downloaded (offline?); fix: run `npx install-electron` where the network works.',
  );
} else if (!hasDisplay) {
  startBrowserMode('no display (DISPLAY/WAYLAND_DISPLAY unset); fix: run it in a desktop session.');
} else {
  const child = spawn(binary, [root], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
