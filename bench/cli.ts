import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { median } from './machine';

const RUNS = 5;
const INCEPTION = 'test/fixtures/keras/inception_v3.keras22.json';
// What node_modules/.bin/netwright links to; run by its shebang, as the link would be.
const BIN = path.resolve('bin/netwright.js');

/** CPU milliseconds of this process's finished children (Linux; 10 ms ticks), or NaN elsewhere. */
function childrenCpuMs(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

/**
 * Whole-process wall time, median of RUNS after one untimed run (so every case starts with
 * warm file caches), and its CPU time, which a busy machine inflates far less than wall time.
 */
function processMs(command: string, args: string[]): { wall: number; cpu: number } {
  const once = () => {
    const cpu0 = childrenCpuMs();
    const t0 = performance.now();
    const r = spawnSync(command, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
    return { wall: performance.now() - t0, cpu: childrenCpuMs() - cpu0 };
  };
  once();
  const runs = Array.from({ length: RUNS }, once);
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) };
}

/** Median milliseconds a snippet reports for itself, each run in a fresh Node process (first-call cost). */
function inProcessMs(script: string): number {
  const once = () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`timing snippet failed: ${r.stderr.slice(0, 300)}`);
    return Number(r.stdout.trim());
  };
  once();
  return median(Array.from({ length: RUNS }, once));
}

const ms = (t: number) => `${Math.round(t)} ms`.padStart(8);
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** `npm run bench -- cli`: start-up of the compiled command line against a bare TensorFlow.js script. */
export async function benchCli(): Promise<void> {
  console.log(`\n## Command line start-up (whole process, median of ${RUNS}: wall time, CPU time)`);
  // Figures are of the current sources: the compiled CLI is rebuilt first.
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:cli failed: ${build.stderr}`);
  const node = processMs(process.execPath, ['-e', '0']);
  const version = processMs(BIN, ['--version']);
  const analyze = processMs(BIN, ['analyze', INCEPTION, '--json']);
  const tfjs = processMs(process.execPath, ['bench/tfjsCountParams.mjs', INCEPTION]);
  const ratio = tfjs.wall / analyze.wall;
  const line = (label: string, t: { wall: number; cpu: number }, goal = '') =>
    console.log(`${label.padEnd(52)}${ms(t.wall)}  cpu ${ms(t.cpu)}${goal ? `   ${goal}` : ''}`);
  line('node -e 0 (Node alone)', node);
  line('netwright --version', version, `goal < 150 ms: ${verdict(version.wall < 150)}`);
  line('netwright analyze Inception-v3 (Keras JSON) --json', analyze, `goal < 300 ms: ${verdict(analyze.wall < 300)}`);
  line('TensorFlow.js build + countParams, same JSON', tfjs);
  console.log(
    `TensorFlow.js script / analyze: ${ratio.toFixed(1)}× wall, ${(tfjs.cpu / analyze.cpu).toFixed(1)}× cpu   goal ≥ 3×: ${verdict(ratio >= 3)}`,
  );
  benchStartParts();
}

/** Where analyze's start-up goes, part by part (first call in a fresh process each). */
function benchStartParts(): void {
  console.log('\nParts of it (median of 5, each timed inside a fresh process):');
  const check = inProcessMs(
    `const { compiledCliIsCurrent } = await import('./bin/compiledCli.js'); const t = performance.now();
     compiledCliIsCurrent(new URL('file://' + process.cwd() + '/')); console.log(performance.now() - t);`,
  );
  const german = inProcessMs(
    `import { createRequire } from 'node:module'; const t = performance.now();
     createRequire(process.cwd() + '/')('./dist/cli/i18n-de.cjs'); console.log(performance.now() - t);`,
  );
  const direct = processMs(process.execPath, [
    '--input-type=module',
    '-e',
    `import { runCompiledCli } from './bin/compiledCli.js';
     await runCompiledCli('dist/cli', ['analyze', ${JSON.stringify(INCEPTION)}, '--json']);`,
  ]);
  const uncached = inProcessMs(
    `import { loadCompiledCli } from './bin/compiledCli.js'; const t = performance.now();
     loadCompiledCli('dist/cli', false); console.log(performance.now() - t);`,
  );
  const cached = inProcessMs(
    `import { loadCompiledCli } from './bin/compiledCli.js'; const t = performance.now();
     loadCompiledCli('dist/cli'); console.log(performance.now() - t);`,
  );
  const { inputs } = JSON.parse(readFileSync('dist/cli/inputs.json', 'utf8')) as { inputs: string[] };
  console.log(`${`freshness check in bin/ (${inputs.length} sources stat'ed)`.padEnd(52)}${ms(check)}`);
  console.log(`${'German catalogue (read only when LANG etc. say German)'.padEnd(52)}${ms(german)}`);
  console.log(`${'loading the bundle, with the code cache'.padEnd(52)}${ms(cached)}`);
  console.log(`${'loading the bundle, compiling it instead'.padEnd(52)}${ms(uncached)}`);
  console.log(`${'analyze --json without the freshness check'.padEnd(52)}${ms(direct.wall)}  cpu ${ms(direct.cpu)}`);
}
