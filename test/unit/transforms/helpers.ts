import { vi } from 'vitest';
import { type Analysis, analyzeGraph } from '../../../shared/analysis';
import { GraphBuilder, type NodeRef } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';
import { type RewriteResult, stackRule } from '../../../shared/transforms';

export interface ConvCase {
  size?: number;
  channels?: number;
  filters?: number;
  kernel?: [number, number];
  strides?: [number, number];
  padding?: 'same' | 'valid';
  dilation?: [number, number];
  useBias?: boolean;
  /** 'fused': activation in the conv; 'bn': Keras's conv2d_bn; 'act': a separate Activation node. */
  style?: 'fused' | 'bn' | 'act';
  /** A 3×3 conv in front, so the target reads learned features (not the input, not a 1×1). */
  stem?: boolean;
  /** A pooling layer after the target conv. */
  pool?: { poolSize: [number, number]; strides: [number, number]; padding?: 'same' | 'valid' };
}

/** Input → [3×3 stem] → target conv 'target' (+ BN/activation) → [pool] → a 1×1 head conv. */
export function convGraph(c: ConvCase = {}): Graph {
  const b = new GraphBuilder();
  const channels = c.channels ?? 8;
  let x: NodeRef = b.input([c.size ?? 12, c.size ?? 12, channels]);
  if (c.stem) x = b.add('Conv2D', { filters: channels, kernelSize: [3, 3], activation: 'relu' }, [x], 'stem');
  const style = c.style ?? 'fused';
  x = b.add(
    'Conv2D',
    {
      filters: c.filters ?? channels,
      kernelSize: c.kernel ?? [5, 5],
      strides: c.strides ?? [1, 1],
      padding: c.padding ?? 'same',
      dilation: c.dilation ?? [1, 1],
      useBias: c.useBias ?? false,
      activation: style === 'fused' ? 'relu' : 'linear',
    },
    [x],
    'target',
  );
  if (style === 'bn') x = b.add('BatchNorm', { scale: false }, [x], 'target_bn');
  if (style !== 'fused') x = b.add('Activation', { activation: 'relu' }, [x], 'target_relu');
  if (c.pool) x = b.add('MaxPool2D', { padding: 'valid', ...c.pool }, [x], 'pool');
  b.add('Conv2D', { filters: 2, kernelSize: [1, 1] }, [x], 'head');
  return b.build();
}

export function expectOk(result: RewriteResult): Extract<RewriteResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected the rewrite to apply: ${result.diagnostic.message}`);
  return result;
}

export function expectRefused(result: RewriteResult) {
  if (result.ok) throw new Error(`expected a diagnostic, got a rewrite: ${result.report.description}`);
  return result.diagnostic;
}

export const errorsOf = (a: Analysis) => a.diagnostics.filter((d) => d.severity === 'error');

export function analysisOf(graph: Graph): Analysis {
  const a = analyzeGraph(graph);
  if (errorsOf(a).length) throw new Error(`graph has errors: ${errorsOf(a)[0]!.message}`);
  return a;
}

/** Deep copy through JSON: graphs are plain data. */
export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * A broken rule, for proofs that must refuse: stacking the conv named `name` (a 5×5) gives its
 * output one channel too many. Undone by vi.restoreAllMocks().
 */
export function breakStackOn(name: string): void {
  const plan = stackRule.plan.bind(stackRule);
  vi.spyOn(stackRule, 'plan').mockImplementation((ctx, o) => {
    const planned = plan(ctx, o);
    if (!planned.ok || ctx.node.name !== name) return planned;
    const last = planned.plan.edit.changes.added.find((a) => a.node.id === planned.plan.outputAfter)!;
    last.node.params = { ...last.node.params, filters: 33 };
    return planned;
  });
}
