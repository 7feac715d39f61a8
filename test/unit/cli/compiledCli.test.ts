import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE, CODE_CACHE, compiledCliIsCurrent } from '../../../bin/compiledCli.js';
import pkg from '../../../package.json' with { type: 'json' };
import { cli } from './cliHelpers';

const INCEPTION = 'test/fixtures/keras/inception_v3.keras22.json';

// Inside the repository, so the bundle finds node_modules as dist/cli does.
mkdirSync('.netwright-test', { recursive: true });
const work = mkdtempSync(path.resolve('.netwright-test/cli-build-'));
const out = path.join(work, 'cli');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Runs the compiled CLI as bin/netwright.js does, with Node logging every CommonJS module it
 * loads (the bundle requires its packages; an import() in it became a require()).
 */
function runCompiled(args: string[], env: Record<string, string> = {}) {
  const runner = path.join(work, 'runner.mjs');
  writeFileSync(
    runner,
    `import { runCompiledCli } from ${JSON.stringify(pathToFileURL(path.resolve('bin/compiledCli.js')).href)};
await runCompiledCli(${JSON.stringify(out)}, process.argv.slice(2));`,
  );
  const r = spawnSync(process.execPath, [runner, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env, NODE_DEBUG: 'module' },
  });
  const loaded = [...r.stderr.matchAll(/^MODULE \d+: load "([^"]+)"/gm)].map((m) => m[1]!);
  const stderr = r.stderr
    .split('\n')
    .filter((line) => !line.startsWith('MODULE '))
    .join('\n');
  return { ...r, stderr, loaded };
}

/** Whether V8 refused the code cache, asked in a process of its own (the bundle sets zod's global config). */
function cacheRefused(): boolean {
  const script = `import { loadCompiledCli } from ${JSON.stringify(pathToFileURL(path.resolve('bin/compiledCli.js')).href)};
process.stdout.write(String(loadCompiledCli(${JSON.stringify(out)}).cacheRefused));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as boolean;
}

describe('the compiled CLI (scripts/build-cli.mjs, run by prepare)', () => {
  beforeAll(() => {
    const build = spawnSync(process.execPath, ['scripts/build-cli.mjs', out], { encoding: 'utf8' });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
  }, 60_000);

  it('lists the sources it was built from, relative to the repository', () => {
    const { inputs } = JSON.parse(readFileSync(path.join(out, 'inputs.json'), 'utf8'));
    expect(inputs).toContain('electron/cli/bundleEntry.ts');
    expect(inputs).toContain('electron/cli/dispatch.ts');
    expect(inputs).toContain('electron/services/train/worker.ts');
    expect(inputs.some((f: string) => f.startsWith('shared/'))).toBe(true);
    expect(inputs.filter((f: string) => f.includes('node_modules'))).toEqual([]);
  });

  it('is written in ASCII, which the loader reads as latin1', () => {
    const bundle = readFileSync(path.join(out, BUNDLE), 'latin1');
    expect(bundle.match(/[^\0-\x7f]/g)).toBeNull();
    // A non-ASCII character in a regular expression, escaped by the build, still matches.
    const r = runCompiled(['analyze', INCEPTION, '--input-shape', '150×150×3', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).nodes[0].outputShape).toEqual([150, 150, 3]);
  });

  it('prints the version loading nothing from node_modules', () => {
    const r = runCompiled(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
    expect(r.loaded.filter((file) => file.includes('node_modules'))).toEqual([]);
  });

  it('analyzes as the sources do, without loading TensorFlow.js', async () => {
    const r = runCompiled(['analyze', INCEPTION, '--json']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe((await cli('analyze', INCEPTION, '--json')).out);
    expect(r.loaded.filter((file) => /tensorflow/.test(file))).toEqual([]);
  });

  it('starts from the code the build compiled, and without it when V8 refuses it', async () => {
    expect(cacheRefused()).toBe(false);
    const cache = path.join(out, CODE_CACHE);
    const good = readFileSync(cache);
    try {
      // Another Node version, or a cache from another build: V8 checks and compiles the source.
      writeFileSync(cache, good.subarray(0, good.length >> 1));
      expect(cacheRefused()).toBe(true);
      const r = runCompiled(['analyze', INCEPTION, '--json']);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout.trim()).toBe((await cli('analyze', INCEPTION, '--json')).out);
    } finally {
      writeFileSync(cache, good);
    }
  });

  it('reads the German catalogue only for German output', () => {
    const run = (lang: string) => runCompiled(['analyze', INCEPTION], { LC_ALL: '', LC_MESSAGES: '', LANG: lang });
    const english = run('en_US.UTF-8');
    expect(english.status).toBe(0);
    expect(english.stdout).toContain('receptive field');
    expect(english.loaded.filter((file) => file.includes('i18n-de.cjs'))).toEqual([]);
    const german = run('de_DE.UTF-8');
    expect(german.status).toBe(0);
    expect(german.stdout).toContain('rezeptives Feld');
    expect(german.loaded.filter((file) => file.includes('i18n-de.cjs'))).toHaveLength(1);
  });

  it('loads i18next only for text written for a person, never for --json', () => {
    const run = (...args: string[]) =>
      runCompiled(['analyze', INCEPTION, ...args], { LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8' });
    const json = run('--json');
    expect(json.status).toBe(0);
    expect(json.loaded.filter((file) => file.includes('i18next.cjs'))).toEqual([]);
    const text = run();
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('receptive field');
    expect(text.loaded.filter((file) => file.includes('i18next.cjs'))).toHaveLength(1);
  });

  it('keeps errors to one line and exit code 2', () => {
    const r = runCompiled(['analyze', 'no-such-file.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('netwright: no-such-file.json does not exist.\n');
  });
});

describe('bin/netwright.js runs the compiled CLI only while it is current', () => {
  const root = mkdtempSync(path.join(work, 'root-'));
  const at = (file: string) => path.join(root, file);
  const url = pathToFileURL(`${root}/`);
  const old = new Date('2024-01-01T00:00:00Z');

  beforeAll(() => {
    mkdirSync(at('dist/cli'), { recursive: true });
    mkdirSync(at('src'));
    writeFileSync(at('src/a.ts'), '');
    utimesSync(at('src/a.ts'), old, old);
    writeFileSync(at(`dist/cli/${BUNDLE}`), '');
  });

  it('is missing until inputs.json, written last by the build, exists', () => {
    expect(compiledCliIsCurrent(url)).toBe(false);
    writeFileSync(at('dist/cli/inputs.json'), JSON.stringify({ inputs: ['src/a.ts'] }));
    expect(compiledCliIsCurrent(url)).toBe(true);
  });

  it('is stale once a source is newer than the build, or gone', () => {
    utimesSync(at('src/a.ts'), new Date(), new Date(Date.now() + 60_000));
    expect(compiledCliIsCurrent(url)).toBe(false);
    utimesSync(at('src/a.ts'), old, old);
    expect(compiledCliIsCurrent(url)).toBe(true);
    rmSync(at('src/a.ts'));
    expect(compiledCliIsCurrent(url)).toBe(false);
  });
});
