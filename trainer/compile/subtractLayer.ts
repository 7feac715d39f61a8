import type * as tfjs from '@tensorflow/tfjs';

type Tf = typeof tfjs;

type SubtractClass = new (args: { name?: string }) => tfjs.layers.Layer;

const classes = new WeakMap<Tf, SubtractClass>();

/** The larger of each axis, as the analysis stretches an axis of size 1 (squeeze-and-excitation's [1, 1, C]). */
function broadcastShape(a: tfjs.Shape, b: tfjs.Shape): tfjs.Shape {
  return a.map((d, i) => {
    const e = b[i];
    if (d === null || e === null || e === undefined) return d ?? e ?? null;
    return Math.max(d, e);
  });
}

/**
 * Keras's Subtract, which TF.js lacks: its first input minus its second, an axis of size 1
 * stretching as in Keras. Registered as "Subtract", so a saved model.json loads back.
 */
export function subtractClass(tf: Tf): SubtractClass {
  const known = classes.get(tf);
  if (known) return known;
  class Subtract extends tf.layers.Layer {
    static className = 'Subtract';

    override computeOutputShape(inputShape: tfjs.Shape | tfjs.Shape[]): tfjs.Shape {
      const [a, b] = inputShape as tfjs.Shape[];
      return broadcastShape(a!, b!);
    }

    override call(inputs: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor {
      const [a, b] = inputs as tfjs.Tensor[];
      return tf.sub(a!, b!);
    }
  }
  tf.serialization.registerClass(Subtract);
  classes.set(tf, Subtract);
  return Subtract;
}
