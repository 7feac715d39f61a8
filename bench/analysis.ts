import * as tf from '@tensorflow/tfjs';
import { compileGraph } from '../electron/services/compile/compile';
import { analyzeGraph } from '../shared/analysis';
import type { Graph } from '../shared/graph/types';
import { getTemplate } from '../shared/templates';
import { syntheticGraph } from '../test/unit/analysis/synthetic';
import { median, timeRuns } from './machine';

/** Analysis of a graph never seen before (no cached parameters) and of an unchanged one (the editor's case). */
function analysisTimes(graph: Graph, runs: number) {
  const copies = Array.from({ length: runs + 3 }, () => structuredClone(graph));
  let i = 0;
  const cold = median(timeRuns(() => analyzeGraph(copies[i++]!), runs));
  const warm = median(timeRuns(() => analyzeGraph(graph), runs));
  return { cold, warm };
}

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 3 : 1)} ms`;

export async function benchAnalysis(): Promise<void> {
  console.log('\n## Analysis (median; cold = fresh graph, warm = unchanged graph, parameters cached)');
  const inception = getTemplate('inception-v3')!.build();
  const cases: [string, Graph, number][] = [
    [`Inception-v3 (${inception.nodes.length} nodes)`, inception, 200],
    ['synthetic 1,000 nodes', syntheticGraph(1000), 200],
    ['synthetic 10,000 nodes', syntheticGraph(10_000), 30],
  ];
  const results = new Map<string, { cold: number; warm: number }>();
  for (const [label, graph, runs] of cases) {
    const t = analysisTimes(graph, runs);
    results.set(label, t);
    console.log(`${label.padEnd(34)} cold ${fmt(t.cold).padStart(10)}   warm ${fmt(t.warm).padStart(10)}`);
  }
  const oneK = results.get('synthetic 1,000 nodes')!;
  console.log(`goal: 1,000 nodes under 5 ms median: ${oneK.cold < 5 ? 'met' : 'NOT met'} (cold ${fmt(oneK.cold)})`);

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
