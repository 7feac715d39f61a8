import { type Analysis, analyzeGraph, formatInt, formatPercent, formatShape } from '../analysis';
import type { Graph, Shape } from '../graph/types';
import type { Conv2DParams } from '../layers';
import { applyRule } from './rules';
import type { RewriteReport, RuleId } from './types';

export type PrincipleCode = 'representational-bottleneck' | 'large-kernel' | 'width-without-reduction';

/** A design-principle warning: what the network does, which principle it bends, and the fix. */
export interface PrincipleWarning {
  nodeId: string;
  severity: 'warning';
  code: PrincipleCode;
  /** The principle, with where the paper states it. */
  principle: string;
  fix: string;
  /** The whole warning in one paragraph a student can read. */
  message: string;
  /** The rewrite that implements the fix, where there is one. */
  rule?: RuleId;
}

export interface PrincipleOptions {
  /** Warn when one step keeps this share of the activation values or less (default 0.25). */
  bottleneckThreshold?: number;
  /** Warn when the channels grow by more than this factor at one grid size (default 2). */
  widthGrowthThreshold?: number;
}

const PRINCIPLES = {
  bottleneck:
    'Avoid representational bottlenecks, especially early in the network: the representation should shrink gently from input to output (Inception v3 §2, principle 1)',
  largeKernel:
    'Factorize convolutions with large filters: stacks of small or asymmetric convolutions see the same window for less (Inception v3 §3)',
  width:
    'Widen the network where the grid shrinks, so the representation shrinks gently and the cost stays balanced (Inception v3 §2, principles 1 and 4; §5)',
} as const;

const elements = (shape: Shape) => shape.reduce((a, b) => a * b, 1);
const isImage = (shape: Shape | null | undefined): shape is Shape => shape?.length === 3;

/**
 * The design-principle warnings of the Inception v3 paper for a whole network.
 * Steps are measured between "cut points": nodes every path from the input passes
 * through (a module's output, a stem layer), so the parallel branches inside a module
 * are judged by what the module as a whole produces. Empty when the network has errors.
 */
export function checkPrinciples(
  graph: Graph,
  options: PrincipleOptions = {},
  analysis: Analysis = analyzeGraph(graph),
): PrincipleWarning[] {
  if (analysis.diagnostics.some((d) => d.severity === 'error')) return [];
  const cuts = cutPoints(graph, analysis).filter((id) => isImage(analysis.nodes[id]!.outputShape));
  return [
    ...bottlenecks(analysis, cuts, options.bottleneckThreshold ?? 0.25),
    ...widthGrowth(analysis, cuts, options.widthGrowthThreshold ?? 2),
    ...largeKernels(graph, analysis),
  ].sort((a, b) => analysis.order.indexOf(a.nodeId) - analysis.order.indexOf(b.nodeId));
}

/** Nodes in topological order that no edge jumps over: everything after them reads only them. */
function cutPoints(graph: Graph, analysis: Analysis): string[] {
  const position = new Map(analysis.order.map((id, i) => [id, i]));
  const reach = new Array<number>(analysis.order.length).fill(-1);
  for (const e of graph.edges) {
    const from = position.get(e.source)!;
    reach[from] = Math.max(reach[from]!, position.get(e.target)!);
  }
  const cuts: string[] = [];
  let furthest = -1;
  analysis.order.forEach((id, i) => {
    if (i === 0 || furthest <= i) cuts.push(id);
    furthest = Math.max(furthest, reach[i]!);
  });
  return cuts;
}

function bottlenecks(analysis: Analysis, cuts: string[], threshold: number): PrincipleWarning[] {
  const warnings: PrincipleWarning[] = [];
  // The network's outputs are the final representation, free to be as small as the task needs.
  const outputs = new Set(analysis.outputs);
  for (let i = 1; i < cuts.length; i++) {
    const before = analysis.nodes[cuts[i - 1]!]!;
    const after = analysis.nodes[cuts[i]!]!;
    if (outputs.has(after.id)) continue;
    const kept = elements(after.outputShape!) / elements(before.outputShape!);
    if (kept > threshold) continue;
    const fix =
      'Reduce the grid with a stride-2 conv and the pool side by side, concatenated (rule grid-reduction), or expand the channels in the same step that shrinks the grid.';
    warnings.push({
      nodeId: after.id,
      severity: 'warning',
      code: 'representational-bottleneck',
      principle: PRINCIPLES.bottleneck,
      fix,
      rule: 'grid-reduction',
      message: `Representational bottleneck: '${after.name}' shrinks the activation from ${formatShape(before.outputShape)} (${formatInt(elements(before.outputShape!))} values) to ${formatShape(after.outputShape)} (${formatInt(elements(after.outputShape!))}), keeping ${formatPercent(kept, 1)} in one step (threshold ${formatPercent(threshold)}). ${PRINCIPLES.bottleneck}. Fix: ${fix}`,
    });
  }
  return warnings;
}

function widthGrowth(analysis: Analysis, cuts: string[], threshold: number): PrincipleWarning[] {
  const warnings: PrincipleWarning[] = [];
  let start: Shape | null = null;
  for (const id of cuts) {
    const node = analysis.nodes[id]!;
    const shape = node.outputShape!;
    // The first layer after the input always widens the raw channels: not a design choice.
    if (node.kind === 'Input') continue;
    if (!start || shape[0]! * shape[1]! * 2 <= start[0]! * start[1]!) {
      start = shape;
      continue;
    }
    const growth = shape[2]! / start[2]!;
    if (growth <= threshold) continue;
    const fix =
      'Add the channels where the grid is reduced (for example with parallel stride-2 conv and pool branches, rule grid-reduction), and keep the width until then.';
    warnings.push({
      nodeId: id,
      severity: 'warning',
      code: 'width-without-reduction',
      principle: PRINCIPLES.width,
      fix,
      rule: 'grid-reduction',
      message: `Channel width grows from ${start[2]} to ${shape[2]} (${Math.round(growth * 10) / 10}×) at ${shape[0]}×${shape[1]} without reducing the grid, at '${node.name}'. ${PRINCIPLES.width}. Fix: ${fix}`,
    });
    start = shape;
  }
  return warnings;
}

function largeKernels(graph: Graph, analysis: Analysis): PrincipleWarning[] {
  const warnings: PrincipleWarning[] = [];
  for (const node of graph.nodes) {
    if (node.kind !== 'Conv2D') continue;
    const [kh, kw] = (analysis.nodes[node.id]!.params as Conv2DParams).kernelSize;
    if (kh !== kw || kh < 5) continue;
    const options: { rule: RuleId; report: RewriteReport }[] = [];
    for (const rule of ['stack', 'asymmetric'] as const) {
      const result = applyRule(rule, graph, node.id, {}, analysis);
      if (result.ok && result.report.macs.saved > 0) options.push({ rule, report: result.report });
    }
    if (options.length === 0) continue;
    const best = options.reduce((a, b) => (b.report.macs.saved > a.report.macs.saved ? b : a));
    const ways = options
      .map(
        (o) =>
          `${o.report.replacement} for ${formatPercent(o.report.macs.savedPct / 100, 1)} fewer multiply-adds (rule ${o.rule})`,
      )
      .join('; ');
    const fix = `Apply ${options.map((o) => o.rule).join(' or ')}: the receptive field and output shape stay the same.`;
    warnings.push({
      nodeId: node.id,
      severity: 'warning',
      code: 'large-kernel',
      principle: PRINCIPLES.largeKernel,
      fix,
      rule: best.rule,
      message: `Large kernel: '${node.name}' is a ${kh}×${kh} convolution. The same ${kh}×${kh} window costs less as ${ways}. ${PRINCIPLES.largeKernel}. Fix: ${fix}`,
    });
  }
  return warnings;
}
