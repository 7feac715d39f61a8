import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { median } from './machine';

const RUNS = 5;
const INCEPTION = 'test/fixtures/keras/inception_v3.keras22.json';
// What node_modules/.bin/netwright links to; run by its shebang, as the link would be.
const BIN = path.resolve('bin/netwright.js');

/** Whole-process wall time, median of RUNS after one untimed run (so every case starts with warm file caches). */
function processMs(command: string, args: string[]): number {
  const once = () => {
    const t0 = performance.now();
    const r = spawnSync(command, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
    return performance.now() - t0;
  };
  once();
  return median(Array.from({ length: RUNS }, once));
}

const ms = (t: number) => `${Math.round(t)} ms`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** `npm run bench -- cli`: start-up of the compiled command line against a bare TensorFlow.js script. */
export async function benchCli(): Promise<void> {
  console.log(`\n## Command line start-up (whole process, median of ${RUNS})`);
  // Figures are of the current sources: the compiled CLI is rebuilt first.
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:cli failed: ${build.stderr}`);
  const node = processMs(process.execPath, ['-e', '0']);
  const version = processMs(BIN, ['--version']);
  const analyze = processMs(BIN, ['analyze', INCEPTION, '--json']);
  const tfjs = processMs(process.execPath, ['bench/tfjsCountParams.mjs', INCEPTION]);
  const ratio = tfjs / analyze;
  console.log(`node -e 0 (Node alone)                              ${ms(node).padStart(8)}`);
  console.log(
    `netwright --version                                 ${ms(version).padStart(8)}   goal < 150 ms: ${verdict(version < 150)}`,
  );
  console.log(
    `netwright analyze Inception-v3 (Keras JSON) --json  ${ms(analyze).padStart(8)}   goal < 300 ms: ${verdict(analyze < 300)}`,
  );
  console.log(`TensorFlow.js build + countParams, same JSON        ${ms(tfjs).padStart(8)}`);
  console.log(
    `above Node alone: --version +${ms(version - node)}, analyze +${ms(analyze - node)}, TensorFlow.js script +${ms(tfjs - node)}`,
  );
  console.log(`TensorFlow.js script / analyze: ${ratio.toFixed(1)}×   goal ≥ 3×: ${verdict(ratio >= 3)}`);
}
