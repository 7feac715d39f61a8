import type * as tfjs from '@tensorflow/tfjs';

type Tf = typeof tfjs;

export interface NormalizationConfig {
  /** Given statistics are constants of the layer's config; null makes them weights, as adapt() fills. */
  mean: number[] | null;
  variance: number[] | null;
}

/** Keras's floor on the standard deviation (backend.epsilon()), so a zero variance does not divide by zero. */
export const NORMALIZATION_EPSILON = 1e-7;

type NormalizationLayer = tfjs.layers.Layer;
type NormalizationClass = new (args: NormalizationConfig & { name?: string }) => NormalizationLayer;

const classes = new WeakMap<Tf, NormalizationClass>();

/**
 * Keras's Normalization over the last axis, which TF.js lacks: (x − mean) / max(√variance, 1e-7).
 * Without given statistics the layer owns `mean`, `variance` (one per channel) and `count` as
 * non-trainable weights, Keras's 2·C + 1, named as Keras names them, so saved weights and the
 * exporters line up; training never changes them (Keras fills them by adapt() only). The class is
 * registered as "Normalization", so a saved model.json loads back through tf.loadLayersModel.
 */
export function normalizationClass(tf: Tf): NormalizationClass {
  const known = classes.get(tf);
  if (known) return known;
  class Normalization extends tf.layers.Layer {
    static className = 'Normalization';
    private readonly given: NormalizationConfig;
    private stats: { mean: tfjs.LayerVariable; variance: tfjs.LayerVariable } | null = null;

    constructor(args: NormalizationConfig & { name?: string }) {
      super(args);
      this.given = { mean: args.mean ?? null, variance: args.variance ?? null };
    }

    override build(inputShape: tfjs.Shape | tfjs.Shape[]): void {
      if (this.given.mean === null) {
        const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tfjs.Shape;
        const channels = shape.at(-1) ?? 1;
        const zeros = tf.initializers.zeros();
        this.stats = {
          mean: this.addWeight('mean', [channels], 'float32', zeros, undefined, false),
          variance: this.addWeight('variance', [channels], 'float32', tf.initializers.ones(), undefined, false),
        };
        this.addWeight('count', [], 'float32', zeros, undefined, false);
      }
      this.built = true;
    }

    override call(inputs: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor {
      return tf.tidy(() => {
        const x = Array.isArray(inputs) ? inputs[0]! : inputs;
        const mean = this.stats ? this.stats.mean.read() : tf.tensor1d(this.given.mean!);
        const variance = this.stats ? this.stats.variance.read() : tf.tensor1d(this.given.variance!);
        return tf.div(tf.sub(x, mean), tf.maximum(tf.sqrt(variance), NORMALIZATION_EPSILON));
      });
    }

    override getConfig(): tfjs.serialization.ConfigDict {
      return { ...super.getConfig(), axis: -1, mean: this.given.mean, variance: this.given.variance };
    }
  }
  tf.serialization.registerClass(Normalization);
  classes.set(tf, Normalization);
  return Normalization;
}
