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
  /** One row per top-level module, or per layer (with a cost) where that would be a single row. */
  modules: ModuleRow[];
  rowsBy: 'module' | 'layer';
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

/** Per layer with a cost (by name, in network order). */
function layerCosts(graph: Graph, analysis: Analysis): Map<string, { params: number; macs: number }> {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const rows = new Map<string, { params: number; macs: number }>();
  for (const id of analysis.order) {
    const result = analysis.nodes[id]!;
    if (result.paramCount.total === 0 && result.macs === 0) continue;
    rows.set(names.get(id) ?? id, { params: result.paramCount.total, macs: result.macs });
  }
  return rows;
}

/**
 * A's names in order, each of B's own placed after the name B has before it and after the
 * layers only A has there: a rewrite's new layers follow the one they replaced.
 */
function mergedOrder(a: readonly string[], b: readonly string[]): string[] {
  const out = [...a];
  const inA = new Set(a);
  const inB = new Set(b);
  let after: string | null = null;
  for (const name of b) {
    if (inA.has(name)) {
      after = name;
      continue;
    }
    let at = after === null ? 0 : out.indexOf(after) + 1;
    while (at < out.length && inA.has(out[at]!) && !inB.has(out[at]!)) at += 1;
    out.splice(at, 0, name);
    after = name;
  }
  return out;
}

/** Two networks side by side: totals, each module (or each layer, without modules), and the difference (b − a). */
export function compareGraphs(a: CompareInput, b: CompareInput): Comparison {
  const analysisA = a.analysis ?? analyzeGraph(a.graph);
  const analysisB = b.analysis ?? analyzeGraph(b.graph);
  const ta = analysisA.totals;
  const tb = analysisB.totals;
  let modulesA = moduleCosts(a.graph, analysisA);
  let modulesB = moduleCosts(b.graph, analysisB);
  const moduleNames = new Set([...modulesA.keys(), ...modulesB.keys()].filter((n) => n !== OUTSIDE_MODULES));
  const outsideCosts = [modulesA, modulesB].some((rows) => {
    const outside = rows.get(OUTSIDE_MODULES);
    return outside !== undefined && (outside.params > 0 || outside.macs > 0);
  });
  // One bar pair (a lone module, or "(outside modules)" without any) says nothing: compare layer by layer.
  const rowsBy = moduleNames.size >= 2 || (moduleNames.size === 1 && outsideCosts) ? 'module' : 'layer';
  if (rowsBy === 'layer') {
    modulesA = layerCosts(a.graph, analysisA);
    modulesB = layerCosts(b.graph, analysisB);
  }
  const names =
    rowsBy === 'layer'
      ? mergedOrder([...modulesA.keys()], [...modulesB.keys()])
      : [...new Set([...modulesA.keys(), ...modulesB.keys()])];
  // The layers outside modules (stem, head) read best as the last row.
  if (rowsBy === 'module') names.sort((x, y) => Number(x === OUTSIDE_MODULES) - Number(y === OUTSIDE_MODULES));
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
    rowsBy,
  };
}
