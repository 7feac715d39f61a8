import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import pkg from '../../../package.json' with { type: 'json' };

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('netwright CLI', () => {
  it('prints the version', async () => {
    const c = capture();
    expect(await runCli(['--version'], c.io)).toBe(0);
    expect(c.out).toEqual([pkg.version]);
  });

  it('prints help with the counting convention', async () => {
    const c = capture();
    expect(await runCli(['--help'], c.io)).toBe(0);
    expect(c.out.join('')).toMatch(/FLOPs = 2 x MACs/);
    expect(c.out.join('')).toMatch(/Exit codes/);
  });

  it('rejects an unknown command with one line and exit code 2', async () => {
    const c = capture();
    expect(await runCli(['frobnicate'], c.io)).toBe(2);
    expect(c.err).toHaveLength(1);
    expect(c.err[0]).toMatch(/Unknown command "frobnicate"/);
  });

  it('works as `npx netwright` through the real bin entry', () => {
    const out = execFileSync(process.execPath, ['bin/netwright.js', '--version'], { encoding: 'utf8' });
    expect(out.trim()).toBe(pkg.version);
    const bad = spawnSync(process.execPath, ['bin/netwright.js', 'nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('netwright template', () => {
  it('lists the templates and writes one that analyze reads back with the reference numbers', async () => {
    const list = capture();
    expect(await runCli(['template'], list.io)).toBe(0);
    expect(list.out.join('\n')).toMatch(/inception-v3-unfactorized/);
    // Each with its counts: params and multiply-adds, as analyze gives them.
    const lines = list.out.join('\n').split('\n');
    expect(lines[0]).toMatch(/^id +kind +params +MACs +name$/);
    expect(lines.find((l) => l.startsWith('alexnet '))).toMatch(/ 61,100,840 +714,188,480 +AlexNet$/);
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = `${mkdtempSync(`${tmpdir()}/nw-template-`)}/iv3.netwright`;
    expect(await runCli(['template', 'inception-v3', '--out', file], capture().io)).toBe(0);
    const analyzed = capture();
    expect(await runCli(['analyze', file, '--json'], analyzed.io)).toBe(0);
    expect(JSON.parse(analyzed.out[0]!).totals.params).toBe(23_851_784);
  });

  it('names the known templates when the ID is wrong', async () => {
    const c = capture();
    expect(await runCli(['template', 'lenet'], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/No template "lenet".*inception-v3/);
  });
});
