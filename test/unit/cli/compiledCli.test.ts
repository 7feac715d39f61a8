import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledCliIsCurrent } from '../../../bin/compiledCli.js';
import pkg from '../../../package.json' with { type: 'json' };
import { cli } from './cliHelpers';

const INCEPTION = 'test/fixtures/keras/inception_v3.keras22.json';

// Inside the repository, so the bundle finds node_modules as dist/cli does.
mkdirSync('.netwright-test', { recursive: true });
const work = mkdtempSync(path.resolve('.netwright-test/cli-build-'));
const out = path.join(work, 'cli');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the compiled entry, logging every module Node resolves (hooks in a loader thread). */
function runCompiled(...args: string[]) {
  const log = path.join(work, `resolved-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(log, '');
  const hooks = path.join(work, 'hooks.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, r.url + '\\n');
  return r;
}`,
  );
  const register = path.join(work, 'register.mjs');
  writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});`,
  );
  const r = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(register).href, path.join(out, 'netwright.js'), ...args],
    {
      encoding: 'utf8',
    },
  );
  return { ...r, resolved: readFileSync(log, 'utf8').trim().split('\n') };
}

describe('the compiled CLI (scripts/build-cli.mjs, run by prepare)', () => {
  beforeAll(() => {
    const build = spawnSync(process.execPath, ['scripts/build-cli.mjs', out], { encoding: 'utf8' });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
  }, 60_000);

  it('lists the sources it was built from, relative to the repository', () => {
    const { inputs } = JSON.parse(readFileSync(path.join(out, 'inputs.json'), 'utf8'));
    expect(inputs).toContain('electron/cli.ts');
    expect(inputs).toContain('electron/cli/dispatch.ts');
    expect(inputs).toContain('electron/services/train/worker.ts');
    expect(inputs.some((f: string) => f.startsWith('shared/'))).toBe(true);
    expect(inputs.filter((f: string) => f.includes('node_modules'))).toEqual([]);
  });

  it('prints the version loading no command and nothing from node_modules', () => {
    const r = runCompiled('--version');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
    expect(
      r.resolved.filter((u) => u.includes('node_modules') || /\/chunks\/(dispatch|io|export|train|tfjs)-/.test(u)),
    ).toEqual([]);
  });

  it('analyzes as the sources do, without loading TensorFlow.js or the exporters', async () => {
    const r = runCompiled('analyze', INCEPTION, '--json');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe((await cli('analyze', INCEPTION, '--json')).out);
    expect(r.resolved.filter((u) => /tensorflow|\/chunks\/(export|train|tfjs)-/.test(u))).toEqual([]);
  });

  it('reads the German catalogue only for German output', () => {
    const run = (lang: string) =>
      spawnSync(process.execPath, [path.join(out, 'netwright.js'), 'analyze', INCEPTION], {
        encoding: 'utf8',
        env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: lang, NODE_DEBUG: 'module' },
      });
    const english = run('en_US.UTF-8');
    expect(english.status).toBe(0);
    expect(english.stdout).toContain('receptive field');
    expect(english.stderr).not.toContain('i18n-de.cjs');
    const german = run('de_DE.UTF-8');
    expect(german.status).toBe(0);
    expect(german.stdout).toContain('rezeptives Feld');
    expect(german.stderr).toContain('i18n-de.cjs');
  });

  it('loads i18next only for text written for a person, never for --json', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(out, 'netwright.js'), 'analyze', INCEPTION, ...args], {
        encoding: 'utf8',
        env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8', NODE_DEBUG: 'module' },
      });
    const json = run('--json');
    expect(json.status).toBe(0);
    expect(json.stderr).not.toContain('i18next.cjs');
    const text = run();
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('receptive field');
    expect(text.stderr).toContain('i18next.cjs');
  });

  it('keeps errors to one line and exit code 2', () => {
    const r = runCompiled('analyze', 'no-such-file.json');
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
    writeFileSync(at('dist/cli/netwright.js'), '');
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
