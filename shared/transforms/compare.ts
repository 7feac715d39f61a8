import { type Analysis, analyzeGraph, type Totals } from '../analysis';
import { outermostModules } from '../graph/moduleRoots';
import type { Graph, Shape } from '../graph/types';

export interface CompareInput {
  name: string;
  graph: Graph;
  analysis?: Analysis;
}

/** The numbers every export shows, in the shape `analyze --json` prints its totals. */
export interface TotalsSummary {
  params: number;
  trainableParams: number;
  nonTrainableParams: number;
  macs: number;
  flops: number;
}

export interface NetworkSide {
  name: string;
  totals: TotalsSummary;
  outputShapes: Shape[];
}

/** b − a, and its share of a in percent (null where a is 0 or missing). */
export interface Difference {
  params: number;
  macs: number;
  paramsPct: number | null;
  macsPct: number | null;
}

export interface ModuleRow {
  /** Module (group) name; OUTSIDE_MODULES for the layers in none. */
  module: string;
  a: { params: number; macs: number } | null;
  b: { params: number; macs: number } | null;
  difference: Difference;
}

export interface Comparison {
  a: NetworkSide;
  b: NetworkSide;
  difference: Difference & { trainableParams: number; nonTrainableParams: number; flops: number };
  modules: ModuleRow[];
}

export const OUTSIDE_MODULES = '(outside modules)';

export function summarizeTotals(t: Totals): TotalsSummary {
  return {
    params: t.params,
    trainableParams: t.trainableParams,
    nonTrainableParams: t.nonTrainableParams,
    macs: t.macs,
    flops: t.flops,
  };
}

const pct = (delta: number, base: number | undefined) => (base ? Math.round((delta / base) * 10_000) / 100 : null);

/** Per top-level module (by name, in network order), plus the layers outside any module. */
function moduleCosts(graph: Graph, analysis: Analysis): Map<string, { params: number; macs: number }> {
  const outermost = outermostModules(graph.groups);
  const rows = new Map<string, { params: number; macs: number }>();
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const id of analysis.order) {
    const node = nodes.get(id);
    const result = analysis.nodes[id]!;
    const name = (node?.groupId && outermost.get(node.groupId)?.name) || OUTSIDE_MODULES;
    const row = rows.get(name) ?? { params: 0, macs: 0 };
    row.params += result.paramCount.total;
    row.macs += result.macs;
    rows.set(name, row);
  }
  return rows;
}

/** Two networks side by side: totals, each module, and the difference (b − a). */
export function compareGraphs(a: CompareInput, b: CompareInput): Comparison {
  const analysisA = a.analysis ?? analyzeGraph(a.graph);
  const analysisB = b.analysis ?? analyzeGraph(b.graph);
  const ta = analysisA.totals;
  const tb = analysisB.totals;
  const modulesA = moduleCosts(a.graph, analysisA);
  const modulesB = moduleCosts(b.graph, analysisB);
  const names = [...new Set([...modulesA.keys(), ...modulesB.keys()])];
  // The layers outside modules (stem, head) read best as the last row.
  names.sort((x, y) => Number(x === OUTSIDE_MODULES) - Number(y === OUTSIDE_MODULES));
  const modules = names.map((module): ModuleRow => {
    const ra = modulesA.get(module) ?? null;
    const rb = modulesB.get(module) ?? null;
    const dp = (rb?.params ?? 0) - (ra?.params ?? 0);
    const dm = (rb?.macs ?? 0) - (ra?.macs ?? 0);
    return {
      module,
      a: ra,
      b: rb,
      difference: { params: dp, macs: dm, paramsPct: pct(dp, ra?.params), macsPct: pct(dm, ra?.macs) },
    };
  });
  const side = (input: CompareInput, analysis: Analysis): NetworkSide => ({
    name: input.name,
    totals: summarizeTotals(analysis.totals),
    outputShapes: analysis.outputs.map((id) => analysis.nodes[id]!.outputShape ?? []),
  });
  return {
    a: side(a, analysisA),
    b: side(b, analysisB),
    difference: {
      params: tb.params - ta.params,
      trainableParams: tb.trainableParams - ta.trainableParams,
      nonTrainableParams: tb.nonTrainableParams - ta.nonTrainableParams,
      macs: tb.macs - ta.macs,
      flops: tb.flops - ta.flops,
      paramsPct: pct(tb.params - ta.params, ta.params),
      macsPct: pct(tb.macs - ta.macs, ta.macs),
    },
    modules,
  };
}
