import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LANGUAGES, layerText } from '../../../shared/i18n';
import { formatIssues } from '../../../shared/issues';
import { getLayerSpec, isLayerKind, type LayerKind, layerSpecs, validateParams } from '../../../shared/layers';
import { schemaOnce } from '../../../shared/layers/spec';

/**
 * The exact names and defaults the importer and templates are written against:
 * a rename or a changed default must fail here first.
 */
const defaults: Record<LayerKind, [raw: Record<string, unknown>, filled: Record<string, unknown>]> = {
  Input: [{ shape: [28, 28, 1] }, { shape: [28, 28, 1] }],
  Conv2D: [
    { filters: 8, kernelSize: 3 },
    {
      filters: 8,
      kernelSize: [3, 3],
      strides: [1, 1],
      padding: 'same',
      dilation: [1, 1],
      groups: 1,
      useBias: true,
      activation: 'linear',
    },
  ],
  DepthwiseConv2D: [
    { kernelSize: 3 },
    {
      kernelSize: [3, 3],
      strides: [1, 1],
      padding: 'same',
      depthMultiplier: 1,
      dilation: [1, 1],
      useBias: true,
      activation: 'linear',
    },
  ],
  SeparableConv2D: [
    { filters: 8, kernelSize: 3 },
    {
      filters: 8,
      kernelSize: [3, 3],
      strides: [1, 1],
      padding: 'same',
      depthMultiplier: 1,
      dilation: [1, 1],
      useBias: true,
      activation: 'linear',
    },
  ],
  Conv2DTranspose: [
    { filters: 8, kernelSize: 3 },
    {
      filters: 8,
      kernelSize: [3, 3],
      strides: [1, 1],
      padding: 'same',
      dilation: [1, 1],
      useBias: true,
      activation: 'linear',
    },
  ],
  Cropping2D: [
    {},
    {
      cropping: [
        [0, 0],
        [0, 0],
      ],
    },
  ],
  UpSampling2D: [{}, { size: [2, 2], interpolation: 'nearest' }],
  LayerNormalization: [{}, { center: true, scale: true, epsilon: 0.001 }],
  Permute: [{ dims: [2, 1, 3] }, { dims: [2, 1, 3] }],
  MaxPool2D: [{}, { poolSize: [2, 2], strides: [2, 2], padding: 'valid' }],
  AvgPool2D: [{}, { poolSize: [2, 2], strides: [2, 2], padding: 'valid' }],
  GlobalAvgPool2D: [{}, { keepDims: false }],
  GlobalMaxPool2D: [{}, { keepDims: false }],
  BatchNorm: [{}, { center: true, scale: true, epsilon: 0.001, momentum: 0.99 }],
  Activation: [{}, { activation: 'relu' }],
  ZeroPadding2D: [
    {},
    {
      padding: [
        [1, 1],
        [1, 1],
      ],
    },
  ],
  Concatenate: [{}, { axis: -1 }],
  Add: [{}, {}],
  Multiply: [{}, {}],
  Subtract: [{}, {}],
  Average: [{}, {}],
  Maximum: [{}, {}],
  Minimum: [{}, {}],
  ReLU: [{}, { maxValue: null, negativeSlope: 0, threshold: 0 }],
  LeakyReLU: [{}, { negativeSlope: 0.3 }],
  PReLU: [{}, { sharedAxes: null }],
  ELU: [{}, { alpha: 1 }],
  Rescaling: [{}, { scale: 1 / 255, offset: 0 }],
  Normalization: [{}, { mean: null, variance: null }],
  Flatten: [{}, {}],
  Reshape: [{ targetShape: [-1] }, { targetShape: [-1] }],
  Dropout: [{}, { rate: 0.5 }],
  Dense: [{ units: 10 }, { units: 10, useBias: true, activation: 'linear' }],
  Compress1x1: [{}, { mode: 'ratio', ratio: 0.5, filters: 64, useBias: true, activation: 'relu' }],
  StridedReduction: [
    {},
    {
      method: 'conv',
      kernelSize: [3, 3],
      strides: [2, 2],
      padding: 'valid',
      filters: null,
      useBias: true,
      activation: 'relu',
    },
  ],
};

describe('registry', () => {
  it('holds exactly the catalog kinds, once each', () => {
    const kinds = layerSpecs.map((s) => s.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect([...kinds].sort()).toEqual(Object.keys(defaults).sort());
  });

  it.each(Object.entries(defaults))('%s fills the documented defaults', (kind, [raw, filled]) => {
    expect(validateParams(kind, raw)).toEqual({ ok: true, params: filled });
  });

  it('every spec reads well in the palette and on the node face', () => {
    for (const spec of layerSpecs) {
      for (const language of LANGUAGES) {
        const text = layerText(spec.kind, language);
        expect(text.label.length, spec.kind).toBeGreaterThan(0);
        expect(text.description, spec.kind).toMatch(/\.$/);
      }
      if (!isLayerKind(spec.kind)) throw new Error(`${spec.kind} is not a LayerKind`);
      const [raw] = defaults[spec.kind];
      const validated = validateParams(spec.kind, raw);
      if (!validated.ok) throw new Error(formatIssues(validated.issues));
      expect(spec.summary(validated.params).length, spec.kind).toBeGreaterThan(0);
    }
  });

  it('only merges take several inputs and only Input takes none', () => {
    for (const spec of layerSpecs) {
      const expected =
        spec.kind === 'Input'
          ? { min: 0, max: 0 }
          : spec.kind === 'Subtract'
            ? { min: 2, max: 2 }
            : ['Concatenate', 'Add', 'Multiply', 'Average', 'Maximum', 'Minimum'].includes(spec.kind)
              ? { min: 2, max: Number.POSITIVE_INFINITY }
              : { min: 1, max: 1 };
      expect(spec.inputs, spec.kind).toEqual(expected);
    }
  });

  it('does not mutate the raw params it validates', () => {
    const raw = { filters: 8, kernelSize: 3 };
    validateParams('Conv2D', raw);
    expect(raw).toEqual({ filters: 8, kernelSize: 3 });
  });

  it('answers unknown kinds plainly', () => {
    expect(getLayerSpec('Conv3D')).toBeUndefined();
    // Issues also carry their text without its language (test/unit/i18n/issues.test.ts).
    expect(validateParams('Conv3D', {})).toMatchObject({
      ok: false,
      issues: [{ field: '', message: 'Unknown layer kind "Conv3D".' }],
    });
  });

  it('reports each problem with the field it concerns, not inside the message', () => {
    const result = validateParams('Conv2D', { filters: 0, kernelSize: 3, strides: 2, dilation: 2 });
    expect(result.ok || result.issues.map((i) => i.field)).toEqual(['filters', 'dilation']);
    expect(result.ok || result.issues[0]).toMatchObject({
      field: 'filters',
      message: 'expected a positive whole number, got 0',
    });
    expect(validateParams('Dense', { units: 4, bias: true })).toMatchObject({ ok: false, issues: [{ field: '' }] });
  });
});

describe('layer schemas are built when first read', () => {
  it('schemaOnce builds nothing until called, then once', () => {
    let builds = 0;
    const schema = schemaOnce(() => {
      builds += 1;
      return z.strictObject({ units: z.number() });
    });
    expect(builds).toBe(0);
    expect(schema()).toBe(schema());
    expect(builds).toBe(1);
  });

  it('every spec hands out one schema object, so what is derived from it can be kept', () => {
    for (const spec of layerSpecs) expect(spec.schema, spec.kind).toBe(spec.schema);
  });
});
