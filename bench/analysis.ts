import * as tf from '@tensorflow/tfjs';
import { analyzeGraph } from '../shared/analysis';
import { createProjectFile, parseProjectText, serializeProject } from '../shared/graph/projectFile';
import type { Graph } from '../shared/graph/types';
import { getTemplate } from '../shared/templates';
import { applyEverything, FACTORIZATION_RULES } from '../shared/transforms';
import { applyOneByOne } from '../shared/transforms/applyAll';
import { SavingsCache } from '../shared/transforms/savings';
import { convChain, nestedModules, syntheticGraph } from '../test/unit/analysis/synthetic';
import { compileGraph } from '../trainer/compile/compile';
import { median, timeRuns, timeTasks } from './machine';

/**
 * Analysis of a graph never seen before (no cached parameters) and of an unchanged one (the
 * editor's case), one analysis per task as in the editor; and cold back to back, where a
 * third of the runs also empty the young generation.
 */
async function analysisTimes(graph: Graph, runs: number) {
  const fresh = () => {
    const copies = Array.from({ length: runs + 3 }, () => structuredClone(graph));
    return () => analyzeGraph(copies.pop()!);
  };
  const cold = median(await timeTasks(fresh(), runs));
  const warm = median(await timeTasks(() => analyzeGraph(graph), runs));
  const backToBack = median(timeRuns(fresh(), runs));
  return { cold, warm, backToBack };
}

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 3 : 1)} ms`;

const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** Median milliseconds of `runs` runs of fn on a fresh input each (built untimed). */
function timeFresh<T>(build: () => T, fn: (input: T) => unknown, runs: number): number {
  const inputs = Array.from({ length: runs }, build);
  return median(
    inputs.map((input) => {
      const t0 = performance.now();
      fn(input);
      return performance.now() - t0;
    }),
  );
}

/**
 * factorize --all (apply everything) on conv chains: in rounds, as the CLI does, and one rewrite at
 * a time (the way before rounds, kept for this comparison and the tests), in the same run.
 */
function benchFactorize(): void {
  const oneAtATime = (graph: Graph) => applyOneByOne(graph, new SavingsCache(FACTORIZATION_RULES), {}, null);
  const inRounds = new Map<number, number>();
  for (const n of [500, 125, 250, 1000, 2000]) {
    const rounds = timeFresh(() => convChain(n), applyEverything, 3);
    inRounds.set(n, rounds);
    // One at a time is quadratic: one run where it takes seconds.
    const single = n <= 1000 ? timeFresh(() => convChain(n), oneAtATime, n <= 500 ? 3 : 1) : Number.NaN;
    const before = Number.isNaN(single) ? '' : `; one at a time ${fmt(single)}`;
    const goal = n === 500 ? ` (goal < 2 s: ${met(rounds < 2000)})` : '';
    console.log(`factorize --all on a ${n}-layer chain: ${fmt(rounds)} in rounds${goal}${before}`);
  }
  const ratio = (a: number, b: number) => (inRounds.get(b)! / inRounds.get(a)!).toFixed(2);
  console.log(
    `factorize --all scaling, in rounds: 250/125 ${ratio(125, 250)}×, 500/250 ${ratio(250, 500)}×, 1000/500 ${ratio(500, 1000)}×, 2000/1000 ${ratio(1000, 2000)}× (linear: 2×)`,
  );
}

/** The size goals of docs/limits.md: deep nesting, a very large file, factorize --all on a long chain. */
function benchSizes(): void {
  console.log('\n## Sizes (median of 3, each on a fresh copy)');
  // First, before the large cases below leave a large heap behind: as in a fresh `factorize` process.
  benchFactorize();
  const nested = timeFresh(() => nestedModules(30_000), analyzeGraph, 3);
  console.log(`30,000 nested modules, analysis: ${fmt(nested)} (goal < 1 s: ${met(nested < 1000)})`);
  const text = serializeProject(createProjectFile('big', syntheticGraph(100_000)));
  const file = timeFresh(
    () => text,
    (t) => {
      const read = parseProjectText(t);
      if (!read.ok) throw new Error(read.error);
      analyzeGraph(read.project.graph);
    },
    3,
  );
  const mb = (text.length / 2 ** 20).toFixed(0);
  console.log(`100,000-node project (${mb} MB), read + analyse: ${fmt(file)} (goal < 3 s: ${met(file < 3000)})`);
}

export async function benchAnalysis(): Promise<void> {
  console.log(
    '\n## Analysis (median, one analysis per task; cold = fresh graph, warm = unchanged graph, parameters cached)',
  );
  const inception = getTemplate('inception-v3')!.build();
  const cases: [string, Graph, number][] = [
    [`Inception-v3 (${inception.nodes.length} nodes)`, inception, 200],
    ['synthetic 1,000 nodes', syntheticGraph(1000), 200],
    ['synthetic 10,000 nodes', syntheticGraph(10_000), 30],
  ];
  const results = new Map<string, { cold: number; warm: number; backToBack: number }>();
  for (const [label, graph, runs] of cases) {
    const t = await analysisTimes(graph, runs);
    results.set(label, t);
    console.log(
      `${label.padEnd(34)} cold ${fmt(t.cold).padStart(10)}   warm ${fmt(t.warm).padStart(10)}   cold back to back ${fmt(t.backToBack).padStart(10)}`,
    );
  }
  const oneK = results.get('synthetic 1,000 nodes')!;
  const tenK = results.get('synthetic 10,000 nodes')!;
  const v3 = results.get(cases[0]![0])!;
  console.log(`goal: 1,000 nodes under 5 ms median: ${met(oneK.cold < 5)} (cold ${fmt(oneK.cold)})`);
  console.log(
    `goal: 10,000 nodes under 15 ms cold: ${met(tenK.cold < 15)} (${fmt(tenK.cold)}, ${(tenK.cold / oneK.cold).toFixed(1)}× the 1,000-node time)`,
  );
  console.log(`goal: Inception-v3 under 0.5 ms cold: ${met(v3.cold < 0.5)} (${fmt(v3.cold)})`);
  benchSizes();

  await tf.setBackend('cpu');
  const buildTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const { model } = compileGraph(tf, inception);
    model.countParams();
    buildTimes.push(performance.now() - t0);
    model.dispose();
  }
  const build = median(buildTimes);
  const ours = results.get(cases[0]![0])!.cold;
  console.log(
    `TensorFlow.js build + countParams of Inception-v3: ${fmt(build)} (median of 3) = ${Math.round(build / ours)}× our cold analysis (goal ≥ 100×)`,
  );
}
