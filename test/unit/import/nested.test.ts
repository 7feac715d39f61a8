import { describe, expect, it } from 'vitest';
import { analyse, analysisErrors, importError, importFixture } from './helpers';

/**
 * Models used as layers (transfer learning: a pretrained base inside a new model), written as
 * tf.keras 2.x and Keras 3 write them (test/fixtures/keras/generate.ts): each becomes a module
 * of its layers, counted as Keras counts them, a frozen base's weights all non-trainable.
 */
describe('nested models', () => {
  it("TensorFlow's transfer-learning tutorial: frozen MobileNetV2 base in a Functional model, counts of its model.summary()", () => {
    const r = importFixture('transfer_mobilenet_v2.tf2.json');
    const a = analyse(r);
    expect(analysisErrors(a)).toEqual([]);
    expect(a.partial).toBe(false);
    expect(a.totals.params).toBe(2_259_265);
    expect(a.totals.trainableParams).toBe(1_281);
    expect(a.totals.nonTrainableParams).toBe(2_257_984);
    // The base is one module of its layers, named as Keras names the nested model.
    expect(r.graph.groups).toEqual([
      { id: 'group:mobilenetv2_1.00_160', name: 'mobilenetv2_1.00_160', template: 'keras-model', collapsed: false },
    ]);
    const inBase = r.graph.nodes.filter((n) => n.groupId === 'group:mobilenetv2_1.00_160');
    expect(inBase).toHaveLength(r.graph.nodes.length - 4);
    expect(inBase.every((n) => n.frozen && n.id.startsWith('mobilenetv2_1.00_160/'))).toBe(true);
    // The base's input is the outer input; what used the base's output uses its last layer.
    const edgesInto = (id: string) => r.graph.edges.filter((e) => e.target === id).map((e) => e.source);
    expect(edgesInto('mobilenetv2_1.00_160/Conv1')).toEqual(['input_2']);
    expect(edgesInto('global_average_pooling2d')).toEqual(['mobilenetv2_1.00_160/out_relu']);
    expect(a.nodes['mobilenetv2_1.00_160/out_relu']?.outputShape).toEqual([5, 5, 1280]);
    expect(r.warnings.map((w) => w.code)).toEqual(['frozen-layers', 'nested-model']);
    expect(r.warnings.find((w) => w.code === 'nested-model')?.message).toBe(
      "The model 'mobilenetv2_1.00_160' used as a layer is shown as a module of its 153 layers (named 'mobilenetv2_1.00_160/…'); its parameters count as Keras counts them.",
    );
  });

  it('Keras 3: a Sequential wrapping a frozen Functional base (trainable: false on the model) and a new head', () => {
    const r = importFixture('frozen_base_in_sequential.keras3.json');
    const a = analyse(r);
    expect(analysisErrors(a)).toEqual([]);
    // conv 320 + conv 18,496 + BN 256 (frozen: all non-trainable); head 9,216 × 10 + 10.
    expect(a.totals.nonTrainableParams).toBe(320 + 18_496 + 256);
    expect(a.totals.trainableParams).toBe(92_170);
    expect(r.graph.nodes.find((n) => n.kind === 'Input')?.params).toEqual({ shape: [28, 28, 1] });
    expect(r.graph.groups.map((g) => g.name)).toEqual(['features']);
  });

  it('refuses a nested model it cannot wire, in one line', () => {
    const nested = (config: object) =>
      JSON.stringify({
        class_name: 'Functional',
        config: {
          name: 'outer',
          layers: [
            { name: 'in', class_name: 'InputLayer', config: { batch_input_shape: [null, 8, 8, 3] }, inbound_nodes: [] },
            { name: 'base', class_name: 'Functional', config, inbound_nodes: [[['in', 0, 0, {}]]] },
          ],
          input_layers: [['in', 0, 0]],
          output_layers: [['base', 0, 0]],
        },
      });
    const inner = {
      name: 'base',
      layers: [
        { name: 'x', class_name: 'InputLayer', config: { batch_input_shape: [null, 8, 8, 3] }, inbound_nodes: [] },
        { name: 'a', class_name: 'Flatten', config: {}, inbound_nodes: [[['x', 0, 0, {}]]] },
        { name: 'b', class_name: 'Flatten', config: {}, inbound_nodes: [[['x', 0, 0, {}]]] },
      ],
      input_layers: [['x', 0, 0]],
    };
    expect(
      importError(
        nested({
          ...inner,
          output_layers: [
            ['a', 0, 0],
            ['b', 0, 0],
          ],
        }),
      ),
    ).toBe("The nested model 'base' has 2 outputs; Netwright reads nested models with one output.");
    expect(importError(nested({ ...inner, output_layers: 'a' }))).toMatch(
      /^The nested model 'base' has no readable input_layers \/ output_layers/,
    );
    expect(importError(nested({ name: 'base', layers: [{}] }))).toMatch(
      /^In the nested model 'base': Model layer #1 is not a Keras layer/,
    );
  });
});
