import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Kill -9 at random moments while saving: the target is always a complete old or new copy. */

const trials = 20;
const root = mkdtempSync(path.join(os.tmpdir(), 'netwright-kill-'));
const child = path.join(root, 'saveLoop.mjs');
const work = path.join(root, 'work');
const dataDir = path.join(root, 'data');
const target = path.join(work, 'model.netwright');

beforeAll(async () => {
  mkdirSync(work);
  // Bundled once: a child started with plain node is up in tens of milliseconds.
  await build({
    entryPoints: [path.join(import.meta.dirname, 'saveLoop.child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: child,
    logLevel: 'silent',
  });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The sequence number of a complete copy; throws on a torn or mixed one. */
function checkedSeq(text: string): number {
  const [seq, body, sum, rest] = text.split('\n');
  if (rest !== '' || sum !== createHash('sha256').update(`${seq}\n${body}`).digest('hex')) {
    throw new Error(`torn file: ${text.length} characters, starting ${JSON.stringify(text.slice(0, 20))}`);
  }
  return Number(seq);
}

function startChild(...args: string[]): { proc: ChildProcess; ready: Promise<string> } {
  const proc = spawn(process.execPath, [child, target, dataDir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr!.on('data', (d) => {
    err += d;
  });
  const ready = new Promise<string>((resolve, reject) => {
    proc.stdout!.on('data', (d) => {
      out += d;
      if (out.endsWith('\n')) resolve(out);
    });
    proc.on('exit', (code, signal) => {
      if (code !== 0 || signal) reject(new Error(`child exited ${code ?? signal}: ${err}`));
      else resolve(out);
    });
  });
  return { proc, ready };
}

const exited = (proc: ChildProcess) => new Promise((resolve) => proc.once('exit', resolve));
const temps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

describe('kill -9 while saving', () => {
  it(`leaves the old or the new complete file in ${trials} trials, and the next start cleans up`, async () => {
    let lastSeq = 0;
    for (let trial = 0; trial < trials; trial++) {
      const { proc, ready } = startChild();
      await ready;
      await new Promise((r) => setTimeout(r, Math.random() * 80));
      const gone = exited(proc);
      proc.kill('SIGKILL');
      await gone;
      // A restarted child counts from 1 again; what matters is that each copy is whole.
      lastSeq = checkedSeq(readFileSync(target, 'utf8'));
      const recovery = JSON.parse(readFileSync(path.join(dataDir, 'recovery.json'), 'utf8'));
      checkedSeq(recovery.contents);
    }
    expect(lastSeq).toBeGreaterThan(0);

    const left = [...temps(work).map((n) => path.join(work, n)), ...temps(dataDir).map((n) => path.join(dataDir, n))];
    console.log(`${left.length} temporary files left by ${trials} killed saves`);
    // Most kills land mid-write (11 and 15 of 20 in two runs); none would mean the trials proved nothing.
    expect(left.length).toBeGreaterThan(0);
    // As if the next start came 10 minutes later; plus one temporary of a save in flight now.
    const then = (Date.now() - 10 * 60_000) / 1000;
    for (const f of left) utimesSync(f, then, then);
    const inFlight = path.join(work, '.model.netwright.0123456789ab.tmp');
    writeFileSync(inFlight, 'in flight');

    const next = startChild('start');
    await next.ready;
    expect(temps(dataDir)).toEqual([]);
    expect(temps(work)).toEqual([path.basename(inFlight)]);
    expect(checkedSeq(readFileSync(target, 'utf8'))).toBe(0);
  }, 120_000);
});
