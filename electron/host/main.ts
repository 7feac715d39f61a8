import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { errorMessage } from '../../shared/issues';
import { createApiHandler } from '../services/apiHandler';
import { defaultDataDir } from '../services/dataDir';
import { createServices } from '../services/index';
import { ensureBackend } from '../services/tfjs';
import { writeLaunchPage } from './launchPage';
import { startHost } from './server';

/** `npm run web`: the browser-mode shell over the same services as the desktop app. */
const usage = 'Usage: npm run web -- [--port N] [--no-open] [--allow-dir DIR]...';

function fail(message: string): never {
  process.stderr.write(`netwright web: ${message}\n`);
  process.exit(2);
}

/** Opens a local file (never the tokened URL itself: arguments are visible to every user in `ps`). */
function openInBrowser(file: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [file], { detached: true, stdio: 'ignore' });
  child.on('error', () => console.log(`Could not open a browser (${command} missing); open the URL above yourself.`));
  child.unref();
}

async function main(): Promise<void> {
  let values: { port?: string; 'no-open'?: boolean; help?: boolean; 'allow-dir'?: string[] };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        'no-open': { type: 'boolean' },
        help: { type: 'boolean' },
        'allow-dir': { type: 'string', multiple: true },
      },
    }));
  } catch (err) {
    fail(`${errorMessage(err)}. ${usage}`);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got "${values.port}".`);
  const rendererDir = fileURLToPath(new URL('../../dist/renderer/', import.meta.url)).replace(/\/$/, '');
  if (!existsSync(`${rendererDir}/index.html`)) fail('the renderer is not built: run `npm run build` first.');

  const allowDirs = (values['allow-dir'] ?? []).map((dir) => {
    const absolute = path.resolve(dir);
    let isFolder = false;
    try {
      isFolder = statSync(absolute).isDirectory();
    } catch {}
    if (!isFolder) fail(`--allow-dir ${dir}: not a folder; give a folder that holds training data.`);
    return absolute;
  });

  let host: Awaited<ReturnType<typeof startHost>> | undefined;
  const dataDir = defaultDataDir();
  const services = createServices({
    shell: 'browser',
    dataDir,
    allowDirs,
    emit: (event, payload) => host?.broadcast(event, payload),
  });
  const handler = createApiHandler(services, (line) => console.error(line));
  try {
    host = await startHost({ rendererDir, handler, port, log: (line) => console.error(line) });
  } catch (err) {
    const code = (err as { code?: string }).code;
    fail(code === 'EADDRINUSE' ? `port ${port} is in use; pick another with --port.` : String(err));
  }
  console.log(`Netwright is running in browser mode at ${host.url}`);
  console.log(
    `Training data may be read from: ${[dataDir, ...allowDirs].join(', ')} (add folders with --allow-dir DIR)`,
  );
  ensureBackend().then(
    (report) => {
      console.log(`TensorFlow.js backend: ${report.name} (${report.reason})`);
      host.broadcast('backendSelected', report);
    },
    (err) => console.error(`TensorFlow.js: ${errorMessage(err)}`),
  );
  const launch = values['no-open'] ? null : writeLaunchPage(dataDir, host.url);
  if (launch) {
    openInBrowser(launch.file);
    process.on('exit', () => launch.remove());
  }
  const stop = () => {
    launch?.remove();
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
