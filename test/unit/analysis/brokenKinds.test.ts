import { describe, expect, it, vi } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import { GraphBuilder } from '../../../shared/graph/builder';
import type { AnyLayerSpec } from '../../../shared/layers';
import { codes } from './helpers';

/**
 * Kinds that misbehave the ways a future layer file might (throwing a plain
 * Error, returning nonsense), added to the registry for this file only, so
 * the analysis can be shown to turn every such failure into a diagnostic.
 */
const { fakes } = await vi.hoisted(async () => {
  // vi.mock below is hoisted above the imports, so the doubles are built here with their own import.
  const { z } = await import('zod');
  const fake = (kind: string, overrides: Partial<AnyLayerSpec>): AnyLayerSpec => ({
    kind,
    nodeName: kind.toLowerCase(),
    category: 'normalization',
    schema: z.record(z.string(), z.unknown()),
    inputs: { min: 1, max: 1 },
    outputShape: (inputs) => inputs[0]!,
    paramCount: () => ({ trainable: 0, nonTrainable: 0 }),
    macs: () => 0,
    rfStep: () => ({ type: 'identity' }),
    summary: () => kind,
    ...overrides,
  });

  const fakes: AnyLayerSpec[] = [
    fake('Throws', {
      outputShape: () => {
        throw new TypeError('x is undefined');
      },
    }),
    fake('ZeroDim', { outputShape: () => [0, 4, 3] }),
    fake('FractionalDim', { outputShape: () => [2.5] }),
    fake('NaNCosts', { paramCount: () => ({ trainable: Number.NaN, nonTrainable: 0 }) }),
    fake('BadRf', {
      rfStep: () => {
        throw new Error('no rf');
      },
    }),
    fake('NegativeStride', { rfStep: () => ({ type: 'window', kernel: [3, 3], stride: [-1, 1], dilation: [1, 1] }) }),
  ];
  return { fakes };
});

vi.mock('../../../shared/layers/registry', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../shared/layers/registry')>();
  const byKind = new Map(fakes.map((s) => [s.kind, s]));
  return {
    ...real,
    getLayerSpec: (kind: string) => byKind.get(kind) ?? real.getLayerSpec(kind),
    validateParams: (kind: string, raw: Record<string, unknown>) =>
      byKind.has(kind) ? { ok: true, params: raw } : real.validateParams(kind, raw),
  };
});

function chain(kind: string) {
  const b = new GraphBuilder();
  const x = b.input([8, 8, 3]);
  const odd = b.add(kind, {}, [x], 'odd');
  b.add('Conv2D', { filters: 2, kernelSize: [3, 3] }, [odd], 'next');
  return analyzeGraph(b.build());
}

describe('misbehaving layer kinds', () => {
  it('turns a plain exception in outputShape into an internal error without cascading', () => {
    const a = chain('Throws');
    expect(codes(a)).toEqual(['internal-error@odd', 'downstream-unknown@odd']);
    expect(a.diagnostics[0]!.message).toContain("output shape of Throws 'odd' (x is undefined)");
    expect(a.nodes.next!.outputShape).toBeNull();
  });

  it('reports a zero dimension returned without an error as a shape error', () => {
    const a = chain('ZeroDim');
    expect(codes(a)).toEqual(['shape-error@odd', 'downstream-unknown@odd']);
    expect(a.diagnostics[0]!.message).toContain("ZeroDim 'odd' would output 0×4×3 from 8×8×3");
  });

  it('reports a fractional dimension as an internal error', () => {
    expect(codes(chain('FractionalDim'))).toEqual(['internal-error@odd', 'downstream-unknown@odd']);
  });

  it('keeps the shape when only the costs fail', () => {
    const a = chain('NaNCosts');
    expect(codes(a)).toEqual(['internal-error@odd']);
    expect(a.nodes.odd!.paramCount.total).toBe(0);
    expect(a.nodes.next!.outputShape).toEqual([8, 8, 2]);
    expect(Number.isFinite(a.totals.params)).toBe(true);
  });

  it('keeps the shape when only the receptive field fails, and leaves later fields unknown', () => {
    const a = chain('BadRf');
    expect(codes(a)).toEqual(['internal-error@odd']);
    expect(a.nodes.odd!.receptiveField).toBeNull();
    expect(a.nodes.next!.receptiveField).toBeNull();
    expect(a.nodes.next!.outputShape).toEqual([8, 8, 2]);
  });

  it('drops a receptive field that a bad step made meaningless', () => {
    const a = chain('NegativeStride');
    expect(a.nodes.odd!.receptiveField).toBeNull();
    expect(a.nodes.next!.receptiveField).toBeNull();
  });
});
