import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const resultsDir = path.join(repoRoot, 'test-results');
mkdirSync(resultsDir, { recursive: true });

/** docs/conventions.md: Debian's Chromium with the flags this offline machine needs; Playwright gives it a fresh profile. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface HostProcess {
  url: string;
  origin: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts `npm run web`'s host (renderer already built) and waits for the URL it prints. */
export async function startHostProcess(extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<HostProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/host/main.ts', '--no-open', '--port', '0', ...extraArgs],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (c) => {
    output += c;
  });
  child.stderr!.on('data', (c) => {
    output += c;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 30_000);
    const check = () => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The toolbar's Export menu item with this label (e.g. "Export PNG"), after opening the menu. */
export async function exportMenuItem(page: Page, label: string): Promise<Locator> {
  await page
    .getByRole('toolbar')
    .getByRole('button', { name: /^Export/ })
    .click();
  return page.getByRole('menuitem', { name: label, exact: true });
}

export interface HostAndBrowser {
  readonly host: HostProcess;
  readonly browser: Browser;
}

/**
 * A browser-mode host and a Chromium for one test file: started before its tests, stopped after
 * them. `dataDirPrefix` gives the host a data folder of its own, so settings a test chooses
 * (the language, say) stay out of other files' way.
 */
export function hostAndBrowser(options: { dataDirPrefix?: string } = {}): HostAndBrowser {
  let host: HostProcess | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const env = options.dataDirPrefix
      ? { NETWRIGHT_DATA_DIR: mkdtempSync(path.join(tmpdir(), options.dataDirPrefix)) }
      : {};
    host = await startHostProcess([], env);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });
  return {
    get host() {
      if (!host) throw new Error('the host starts in beforeAll');
      return host;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
  };
}
