import { analyzeGraph } from '../shared/analysis';
import type { Graph } from '../shared/graph/types';
import { getTemplate } from '../shared/templates';
import { syntheticGraph } from '../test/unit/analysis/synthetic';
import { median, timeRuns, timeTasks } from './machine';

export interface AnalysisTimes {
  cold: number;
  warm: number;
  backToBack: number;
}

export const INCEPTION = 'Inception-v3';
export const ONE_K = 'synthetic 1,000 nodes';
export const TEN_K = 'synthetic 10,000 nodes';

/**
 * Analysis of a graph never seen before (no cached parameters) and of an unchanged one (the
 * editor's case), one analysis per task as in the editor; and cold back to back, where a
 * third of the runs also empty the young generation.
 */
async function analysisTimes(graph: Graph, runs: number): Promise<AnalysisTimes> {
  const fresh = () => {
    const copies = Array.from({ length: runs + 3 }, () => structuredClone(graph));
    return () => analyzeGraph(copies.pop()!);
  };
  const cold = median(await timeTasks(fresh(), runs));
  const warm = median(await timeTasks(() => analyzeGraph(graph), runs));
  const backToBack = median(timeRuns(fresh(), runs));
  return { cold, warm, backToBack };
}

/** Medians of each case, in this process. */
export async function analysisCases(): Promise<Record<string, AnalysisTimes>> {
  const cases: [string, Graph, number][] = [
    [INCEPTION, getTemplate('inception-v3')!.build(), 200],
    [ONE_K, syntheticGraph(1000), 200],
    [TEN_K, syntheticGraph(10_000), 30],
  ];
  const times: Record<string, AnalysisTimes> = {};
  for (const [label, graph, runs] of cases) times[label] = await analysisTimes(graph, runs);
  return times;
}
