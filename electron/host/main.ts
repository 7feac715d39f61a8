import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { errorMessage } from '../../shared/issues';
import { createApiHandler } from '../services/apiHandler';
import { defaultDataDir } from '../services/dataDir';
import { createServices } from '../services/index';
import { ensureBackend } from '../services/tfjs';
import { startHost } from './server';

/** `npm run web`: the browser-mode shell over the same services as the desktop app. */
const usage = 'Usage: npm run web -- [--port N] [--no-open]';

function fail(message: string): never {
  process.stderr.write(`netwright web: ${message}\n`);
  process.exit(2);
}

function openInBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
  child.on('error', () => console.log(`Could not open a browser (${command} missing); open the URL above yourself.`));
  child.unref();
}

async function main(): Promise<void> {
  let values: { port?: string; 'no-open'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string' }, 'no-open': { type: 'boolean' }, help: { type: 'boolean' } },
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

  let host: Awaited<ReturnType<typeof startHost>> | undefined;
  const services = createServices({
    shell: 'browser',
    dataDir: defaultDataDir(),
    emit: (event, payload) => host?.broadcast(event, payload),
  });
  const handler = createApiHandler(services, (line) => console.error(line));
  try {
    host = await startHost({ rendererDir, handler, port });
  } catch (err) {
    const code = (err as { code?: string }).code;
    fail(code === 'EADDRINUSE' ? `port ${port} is in use; pick another with --port.` : String(err));
  }
  console.log(`Netwright is running in browser mode at ${host.url}`);
  ensureBackend().then(
    (report) => {
      console.log(`TensorFlow.js backend: ${report.name} (${report.reason})`);
      host.broadcast('backendSelected', report);
    },
    (err) => console.error(`TensorFlow.js: ${errorMessage(err)}`),
  );
  if (!values['no-open']) openInBrowser(host.url);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
