/**
 * Small Keras 2 (tf.keras 2.9 `model.to_json()`) models with shared layers: a layer or a
 * whole model called on two inputs has two inbound nodes, and its consumers name the call
 * they take: ["embed", 1, 0, {}] is the output of the second call.
 */
type Ref = [string, number];

const layer = (name: string, cls: string, config: Record<string, unknown>, ...calls: Ref[][]) => ({
  class_name: cls,
  config: { name, trainable: true, dtype: 'float32', ...config },
  name,
  inbound_nodes: calls.map((refs) => refs.map(([source, node]) => [source, node, 0, {}])),
});

const input = (name: string, shape: number[]) => ({
  class_name: 'InputLayer',
  config: { batch_input_shape: [null, ...shape], dtype: 'float32', sparse: false, ragged: false, name },
  name,
  inbound_nodes: [],
});

const functional = (name: string, layers: unknown[], inputs: string[], output: Ref) => ({
  class_name: 'Functional',
  config: { name, layers, input_layers: inputs.map((i) => [i, 0, 0]), output_layers: [[...output, 0]] },
  keras_version: '2.9.0',
  backend: 'tensorflow',
});

/**
 * Siamese: Dense 'embed' (16 → 4) on 'left' and on 'right', the two embeddings concatenated, Dense
 * 'score'. Keras: embed 16·4 + 4 = 68 weights once (not 136), score 8 + 1 = 9: 77 parameters.
 */
export const siameseDense = () =>
  JSON.stringify(
    functional(
      'siamese',
      [
        input('left', [16]),
        input('right', [16]),
        layer('embed', 'Dense', { units: 4, activation: 'relu', use_bias: true }, [['left', 0]], [['right', 0]]),
        layer('pair', 'Concatenate', { axis: -1 }, [
          ['embed', 0],
          ['embed', 1],
        ]),
        layer('score', 'Dense', { units: 1, activation: 'sigmoid', use_bias: true }, [['pair', 0]]),
      ],
      ['left', 'right'],
      ['score', 0],
    ),
  );

/**
 * One Conv2D 'shared_conv' (3×3, 3 → 8) on a 32×32 image and on its 2×2 max-pooled copy, each
 * globally pooled, concatenated, Dense 10. Keras: conv 3·3·3·8 + 8 = 224 once, dense 16·10 + 10
 * = 170: 394 parameters.
 */
export const sharedConv = () =>
  JSON.stringify(
    functional(
      'two_scales',
      [
        input('image', [32, 32, 3]),
        layer('half', 'MaxPooling2D', { pool_size: [2, 2], strides: [2, 2], padding: 'valid' }, [['image', 0]]),
        layer(
          'shared_conv',
          'Conv2D',
          { filters: 8, kernel_size: [3, 3], strides: [1, 1], padding: 'same', activation: 'relu', use_bias: true },
          [['image', 0]],
          [['half', 0]],
        ),
        layer('gap_full', 'GlobalAveragePooling2D', {}, [['shared_conv', 0]]),
        layer('gap_half', 'GlobalAveragePooling2D', {}, [['shared_conv', 1]]),
        layer('both', 'Concatenate', { axis: -1 }, [
          ['gap_full', 0],
          ['gap_half', 0],
        ]),
        layer('head', 'Dense', { units: 10, activation: 'softmax', use_bias: true }, [['both', 0]]),
      ],
      ['image'],
      ['head', 0],
    ),
  );

/**
 * A nested Functional 'tower' (conv 3×3 3 → 4 with bias, batch norm, global pooling) applied to
 * inputs 'a' and 'b', the two embeddings concatenated, Dense 2. Keras counts the tower once:
 * conv 3·3·3·4 + 4 = 112, batch norm gamma and beta 8 trainable and moving mean and variance
 * 8 non-trainable; dense 8·2 + 2 = 18. Total 146: 138 trainable, 8 non-trainable.
 */
export const sharedTower = (frozenTower = false) => {
  const tower = functional(
    'tower',
    [
      input('tower_in', [16, 16, 3]),
      layer(
        'conv',
        'Conv2D',
        { filters: 4, kernel_size: [3, 3], strides: [1, 1], padding: 'valid', activation: 'linear', use_bias: true },
        [['tower_in', 0]],
      ),
      layer('bn', 'BatchNormalization', { axis: [3], center: true, scale: true }, [['conv', 0]]),
      layer('pool', 'GlobalAveragePooling2D', {}, [['bn', 0]]),
    ],
    ['tower_in'],
    ['pool', 0],
  );
  return JSON.stringify(
    functional(
      'pair',
      [
        input('a', [16, 16, 3]),
        input('b', [16, 16, 3]),
        {
          class_name: 'Functional',
          config: { ...tower.config, ...(frozenTower ? { trainable: false } : {}) },
          name: 'tower',
          inbound_nodes: [[['a', 0, 0, {}]], [['b', 0, 0, {}]]],
        },
        layer('joined', 'Concatenate', { axis: -1 }, [
          ['tower', 0],
          ['tower', 1],
        ]),
        layer('out', 'Dense', { units: 2, activation: 'softmax', use_bias: true }, [['joined', 0]]),
      ],
      ['a', 'b'],
      ['out', 0],
    ),
  );
};
