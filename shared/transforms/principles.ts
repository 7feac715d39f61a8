import { type Analysis, analyzeGraph, formatPercent, formatShape } from '../analysis';
import type { Graph, Shape } from '../graph/types';
import { type Language, translator } from '../i18n';
import type { Conv2DParams } from '../layers';
import { reportText } from './rewrite';
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
  /** The language of the texts (default English, as --json prints them). */
  language?: Language;
}

type Texts = ReturnType<typeof translator<'rewrites'>>;

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
  const text = translator('rewrites', options.language ?? 'en');
  return [
    ...bottlenecks(analysis, cuts, options.bottleneckThreshold ?? 0.25, text),
    ...widthGrowth(analysis, cuts, options.widthGrowthThreshold ?? 2, text),
    ...largeKernels(graph, analysis, text),
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

function bottlenecks(analysis: Analysis, cuts: string[], threshold: number, text: Texts): PrincipleWarning[] {
  const { t, int, decimal } = text;
  const principle = t('principles.bottleneck');
  const warnings: PrincipleWarning[] = [];
  // The network's outputs are the final representation, free to be as small as the task needs.
  const outputs = new Set(analysis.outputs);
  for (let i = 1; i < cuts.length; i++) {
    const before = analysis.nodes[cuts[i - 1]!]!;
    const after = analysis.nodes[cuts[i]!]!;
    if (outputs.has(after.id)) continue;
    const kept = elements(after.outputShape!) / elements(before.outputShape!);
    if (kept > threshold) continue;
    const fix = t('principles.bottleneckFix');
    warnings.push({
      nodeId: after.id,
      severity: 'warning',
      code: 'representational-bottleneck',
      principle,
      fix,
      rule: 'grid-reduction',
      message: t('principles.bottleneckMessage', {
        name: after.name,
        from: formatShape(before.outputShape),
        fromValues: int(elements(before.outputShape!)),
        to: formatShape(after.outputShape),
        toValues: int(elements(after.outputShape!)),
        kept: decimal(formatPercent(kept, 1)),
        threshold: decimal(formatPercent(threshold)),
        principle,
        fix,
      }),
    });
  }
  return warnings;
}

function widthGrowth(analysis: Analysis, cuts: string[], threshold: number, { t, decimal }: Texts): PrincipleWarning[] {
  const principle = t('principles.width');
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
    const fix = t('principles.widthFix');
    warnings.push({
      nodeId: id,
      severity: 'warning',
      code: 'width-without-reduction',
      principle,
      fix,
      rule: 'grid-reduction',
      message: t('principles.widthMessage', {
        from: start[2]!,
        to: shape[2]!,
        growth: decimal(String(Math.round(growth * 10) / 10)),
        grid: `${shape[0]}×${shape[1]}`,
        name: node.name,
        principle,
        fix,
      }),
    });
    start = shape;
  }
  return warnings;
}

function largeKernels(graph: Graph, analysis: Analysis, { t, decimal, language }: Texts): PrincipleWarning[] {
  const principle = t('principles.largeKernel');
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
      .map((o) =>
        t('principles.largeKernelWay', {
          replacement: reportText(o.report, language).replacement,
          saved: decimal(formatPercent(o.report.macs.savedPct / 100, 1)),
          rule: o.rule,
        }),
      )
      .join('; ');
    const fix = t('principles.largeKernelFix', { rules: options.map((o) => o.rule).join(t('principles.or')) });
    warnings.push({
      nodeId: node.id,
      severity: 'warning',
      code: 'large-kernel',
      principle,
      fix,
      rule: best.rule,
      message: t('principles.largeKernelMessage', { name: node.name, kernel: `${kh}×${kh}`, ways, principle, fix }),
    });
  }
  return warnings;
}
