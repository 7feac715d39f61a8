import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../shared/graph/builder';
import { compileGraph } from '../../../trainer/compile/compile';
import {
  firstConvFilters,
  inputShapeOf,
  layerActivations,
  maximiseChannel,
  onnxLayersModel,
  setLayerWeights,
  truncatedModel,
} from '../../../trainer/features';
import { compiledForFeatures } from '../../../trainer/features/onnxModel';
import { refusal as anyRefusal } from '../refusal';
import { useCpu } from '../train/helpers';
import { compiledFeatureNet, fixedInput } from './helpers';

/** The check's English message (unchanged) and its German text: it must carry a text. */
async function refusal(attempt: () => unknown): Promise<{ en: string; de: string }> {
  const { en, de, carried } = await anyRefusal(attempt);
  expect(carried, en).toBe(true);
  return { en, de };
}

beforeAll(useCpu);

function denseOnly(): tf.LayersModel {
  const b = new GraphBuilder();
  b.add('Dense', { units: 2 }, [b.input([4])], 'head');
  return compileGraph(tf, b.build()).model;
}

describe("the feature views' model checks in German", () => {
  it('a layer with no maps, no such layer, an input of the wrong size, a layer with several outputs', async () => {
    const model = compiledFeatureNet(tf);
    expect(await refusal(() => layerActivations(tf, model, 'flat', fixedInput()))).toEqual({
      en: 'flat outputs [180], which has no height and width, so there are no maps to show: choose a convolution, pooling, concatenation or another layer with an [H, W, C] output.',
      de: 'flat gibt [180] aus, das hat weder Höhe noch Breite, also gibt es keine Karten zu zeigen: Wählen Sie eine Faltung, ein Pooling, eine Verkettung oder eine andere Schicht mit einer Ausgabe [H, W, C].',
    });
    expect(await refusal(() => layerActivations(tf, model, 'nope', fixedInput()))).toEqual({
      en: 'The model has no layer named nope; choose one from the layer list.',
      de: 'Das Modell hat keine Schicht namens nope; wählen Sie eine aus der Schichtliste.',
    });
    expect(await refusal(() => layerActivations(tf, model, 'conv_a', new Float32Array(1234)))).toEqual({
      en: 'The input has 1234 values; the model takes [12, 12, 3] = 432.',
      de: 'Die Eingabe hat 1.234 Werte; das Modell nimmt [12, 12, 3] = 432.',
    });
    const split = { name: 'split', output: [] } as unknown as tf.layers.Layer;
    expect(await refusal(() => truncatedModel(tf, model, split))).toEqual({
      en: 'split has several outputs; choose another layer.',
      de: 'split hat mehrere Ausgaben; wählen Sie eine andere Schicht.',
    });
  });

  it('no convolution, several inputs, a flat input or a missing channel to maximise', async () => {
    const dense = denseOnly();
    expect(await refusal(() => firstConvFilters(dense))).toEqual({
      en: 'The model has no Conv2D layer, so it has no filters to show as images.',
      de: 'Das Modell hat keine Conv2D-Schicht, also keine Filter, die sich als Bilder zeigen ließen.',
    });
    expect(await refusal(() => maximiseChannel(tf, dense, { layer: 'head', channel: 0, steps: 1, seed: 1 }))).toEqual({
      en: 'The model takes a flat input [4], not an image [H, W, C]; there is no picture to optimise.',
      de: 'Das Modell nimmt eine flache Eingabe [4], kein Bild [H, W, C]; es gibt kein Bild zu optimieren.',
    });
    const net = compiledFeatureNet(tf);
    expect(await refusal(() => maximiseChannel(tf, net, { layer: 'conv_b', channel: 9, steps: 1, seed: 1 }))).toEqual({
      en: 'conv_b has channels 0 to 4; channel 9 does not exist.',
      de: 'conv_b hat die Kanäle 0 bis 4; einen Kanal 9 gibt es nicht.',
    });
    const a = tf.input({ shape: [2] });
    const b = tf.input({ shape: [2] });
    const twoInputs = tf.model({ inputs: [a, b], outputs: tf.layers.concatenate().apply([a, b]) as tf.SymbolicTensor });
    expect(await refusal(() => inputShapeOf(twoInputs))).toEqual({
      en: 'The model has 2 inputs; feature views need a single image input.',
      de: 'Das Modell hat 2 Eingänge; die Merkmalsansichten brauchen einen einzigen Bildeingang.',
    });
  });

  it('an ONNX file TF.js cannot run, cannot read, or whose weights do not fit', async () => {
    const b = new GraphBuilder();
    b.add('Conv2D', { filters: 4, kernelSize: [1, 1], groups: 2 }, [b.input([6, 6, 4])], 'grouped');
    expect(await refusal(() => compiledForFeatures(tf, b.build(), 'net.onnx'))).toMatchObject({
      en: expect.stringMatching(/^net\.onnx cannot run in TensorFlow\.js: grouped: TensorFlow\.js has no grouped/),
      de: expect.stringMatching(
        /^net\.onnx läuft nicht in TensorFlow\.js: grouped: TensorFlow\.js hat keine gruppierte/,
      ),
    });
    const unreadable = await refusal(() => onnxLayersModel(tf, new Uint8Array([1, 2, 3]), 'net.onnx'));
    expect(unreadable.en).toMatch(/^net\.onnx: /);
    expect(unreadable.de).toBe(unreadable.en); // the importer's own complaint stays as it is
    const model = compiledFeatureNet(tf);
    const weights = [{ layer: 'conv_a', weights: [{ name: 'kernel', shape: [1], values: new Float32Array(1) }] }];
    expect(await refusal(() => setLayerWeights(tf, model, weights))).toMatchObject({
      en: expect.stringMatching(/^conv_a holds .*, but the file gives kernel \[1\] \(please report this\)\.$/),
      de: expect.stringMatching(/^conv_a hat .*, die Datei gibt aber kernel \[1\] \(bitte melden Sie das\)\.$/),
    });
  });
});
