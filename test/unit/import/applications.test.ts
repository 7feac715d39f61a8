import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { importKerasJson } from '../../../shared/import';
import { generateApplications } from '../../fixtures/keras/generators/fixtures';
import { analyse, analysisErrors, FIXTURES, importFixture } from './helpers';

/**
 * EfficientNetB0, MobileNetV3Small and NASNetMobile as tf.keras 2.9 writes them
 * (test/fixtures/keras/generators), against the counts Keras publishes: model.summary() of
 * tf.keras.applications.EfficientNetB0(), MobileNetV3Small() and NASNetMobile() (include_top,
 * 1000 classes), as printed in users' published notebooks and scripts, with len(model.weights).
 */
const KERAS = {
  EfficientNetB0: { total: 5_330_571, trainable: 5_288_548, nonTrainable: 42_023, weights: 314 },
  // Keras ≥ 2.10 adds a Rescaling with one scale per colour, which has no weights: the same counts.
  'EfficientNetB0 (Keras 2.10, per-channel Rescaling)': {
    total: 5_330_571,
    trainable: 5_288_548,
    nonTrainable: 42_023,
    weights: 314,
  },
  MobileNetV3Small: { total: 2_554_968, trainable: 2_542_856, nonTrainable: 12_112, weights: 210 },
  NASNetMobile: { total: 5_326_716, trainable: 5_289_978, nonTrainable: 36_738, weights: 1126 },
} as const;

const generated = generateApplications();

function committed(file: string): string {
  const bytes = readFileSync(join(FIXTURES, file));
  return file.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
}

describe('Keras Applications fixtures', () => {
  it.each(generated)('$file is what the generator writes (npx tsx test/fixtures/keras/generators/write.ts)', (f) => {
    expect(committed(f.file) === f.text).toBe(true);
  });

  it.each(generated)("the generator's own count of $label equals Keras's", (f) => {
    expect(f.counts).toEqual(KERAS[f.label as keyof typeof KERAS]);
  });

  it.each(generated)('$label imports whole and analyses to Keras’s counts exactly', (f) => {
    const r = importFixture(f.file);
    expect(r.format).toBe('TF 2.x Keras Functional');
    expect(r.warnings).toEqual([]);
    expect(r.graph.nodes.filter((n) => n.kind === 'Unsupported')).toEqual([]);
    const a = analyse(r);
    expect(analysisErrors(a)).toEqual([]);
    expect(a.partial).toBe(false);
    const keras = KERAS[f.label as keyof typeof KERAS];
    expect(a.totals).toMatchObject({
      params: keras.total,
      trainableParams: keras.trainable,
      nonTrainableParams: keras.nonTrainable,
    });
    expect(a.nodes.predictions?.outputShape ?? a.nodes.Predictions?.outputShape).toEqual([1000]);
  });

  it('the published multiply-adds: EfficientNetB0 0.39 G, MobileNetV3Small 56 M, NASNetMobile 564 M', () => {
    const macs = Object.fromEntries(generated.map((f) => [f.label, analyse(importFixture(f.file)).totals.macs]));
    expect(macs.EfficientNetB0).toBe(385_814_752);
    expect(macs.MobileNetV3Small).toBe(56_510_400);
    expect(macs.NASNetMobile).toBe(563_638_816);
  });

  it('analyze --json gives the same counts', async () => {
    for (const f of generated) {
      const out: string[] = [];
      const code = await runCli(['analyze', join(FIXTURES, f.file), '--json'], {
        out: (t) => out.push(t),
        err: () => {},
      });
      expect(code).toBe(0);
      const keras = KERAS[f.label as keyof typeof KERAS];
      expect(JSON.parse(out.join('\n')).totals).toMatchObject({
        params: keras.total,
        trainableParams: keras.trainable,
        nonTrainableParams: keras.nonTrainable,
        partial: false,
      });
    }
  });

  it('Keras ≥ 2.10’s EfficientNet: the Rescaling after the Normalization takes 1/√std per colour', () => {
    const r = importFixture('efficientnet_b0.keras210.json');
    const rescaling = r.graph.nodes.find((n) => n.id === 'rescaling_1');
    expect(rescaling).toMatchObject({
      kind: 'Rescaling',
      params: { scale: [0.229, 0.224, 0.225].map((std) => 1 / Math.sqrt(std)), offset: 0 },
    });
    const a = analyse(r);
    expect(a.nodes.rescaling_1?.paramCount).toEqual({ trainable: 0, nonTrainable: 0, total: 0 });
    expect(a.nodes.rescaling_1?.outputShape).toEqual([224, 224, 3]);
  });

  it('the architectures’ landmarks: EfficientNet squeeze-and-excitation, NASNet cells, MobileNetV3 hard-swish', () => {
    const eff = analyse(importFixture('efficientnet_b0.keras29.json'));
    expect(eff.nodes.normalization?.paramCount).toEqual({ trainable: 0, nonTrainable: 7, total: 7 });
    expect(eff.nodes.block2a_se_excite?.outputShape).toEqual([56, 56, 96]);
    expect(eff.nodes.block7a_project_bn?.outputShape).toEqual([7, 7, 320]);
    const nas = analyse(importFixture('nasnet_mobile.keras29.json'));
    expect(nas.nodes.reduction_concat_stem_1?.outputShape).toEqual([56, 56, 44]);
    expect(nas.nodes.normal_concat_3?.outputShape).toEqual([28, 28, 264]);
    expect(nas.nodes.normal_concat_12?.outputShape).toEqual([7, 7, 1056]);
    const v3 = importFixture('mobilenet_v3_small.keras29.json');
    const a = analyse(v3);
    expect(a.nodes['expanded_conv_10/Add']?.outputShape).toEqual([7, 7, 96]);
    expect(a.nodes.Conv_2?.outputShape).toEqual([1, 1, 1024]);
  });
});

describe('TFOpLambda: Python operators on Keras tensors (issue 14.4)', () => {
  it('MobileNetV3’s x + 3. and x * (1. / 6.) become exact Rescaling nodes', () => {
    const r = importFixture('mobilenet_v3_small.keras29.json');
    const byId = new Map(r.graph.nodes.map((n) => [n.id, n]));
    expect(byId.get('tf.__operators__.add')).toMatchObject({ kind: 'Rescaling', params: { scale: 1, offset: 3 } });
    expect(byId.get('tf.math.multiply')).toMatchObject({ kind: 'Rescaling', params: { scale: 1 / 6, offset: 0 } });
    // 28 hard sigmoids, two TFOpLambda each: 19 hard swishes (stem, expand and depthwise of blocks
    // 3–10, Conv_1, Conv_2) and 9 squeeze-and-excitation gates (blocks 0 and 3–10).
    expect(r.graph.nodes.filter((n) => n.id.startsWith('tf.'))).toHaveLength(2 * 28);
  });

  const model = (fn: string, kwargs: Record<string, unknown>) =>
    JSON.stringify({
      class_name: 'Functional',
      config: {
        name: 'm',
        layers: [
          {
            class_name: 'InputLayer',
            config: { batch_input_shape: [null, 4, 4, 2], name: 'in' },
            name: 'in',
            inbound_nodes: [],
          },
          {
            class_name: 'TFOpLambda',
            config: { name: 'op', trainable: true, dtype: 'float32', function: fn },
            name: 'op',
            // Keras 2 writes a TFOpLambda's one input flat, its other arguments beside it.
            inbound_nodes: [['in', 0, 0, kwargs]],
          },
        ],
        input_layers: [['in', 0, 0]],
        output_layers: [['op', 0, 0]],
      },
      keras_version: '2.9.0',
      backend: 'tensorflow',
    });

  it.each([
    ['__operators__.add', 2.5, { scale: 1, offset: 2.5 }],
    ['math.subtract', 1, { scale: 1, offset: -1 }],
    ['math.multiply', 0.5, { scale: 0.5, offset: 0 }],
    ['math.truediv', 4, { scale: 0.25, offset: 0 }],
  ])('%s with y = %d is Rescaling %o', (fn, y, params) => {
    const r = importKerasJson(model(fn, { y, name: null }));
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings).toEqual([]);
    expect(r.graph.nodes[1]).toMatchObject({ kind: 'Rescaling', params });
  });

  it('other functions, tensors as y and division by zero stay Unsupported, keeping their shape', () => {
    for (const [fn, kwargs] of [
      ['math.reduce_mean', { axis: 1 }],
      ['math.multiply', { y: [[1, 2]] }],
      ['math.truediv', { y: 0 }],
      ['math.add', {}],
    ] as const) {
      const r = importKerasJson(model(fn, kwargs));
      if (!r.ok) throw new Error(r.error);
      expect(r.graph.nodes[1]).toMatchObject({ kind: 'Unsupported', params: { kerasClass: 'TFOpLambda' } });
      expect(r.warnings[0]?.message).toMatch(
        /TensorFlow function .* Netwright reads only add, subtract, multiply and divide/,
      );
      expect(analyse(r).nodes.op?.outputShape).toEqual([4, 4, 2]);
    }
  });
});
