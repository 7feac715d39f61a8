import type * as tfjs from '@tensorflow/tfjs';

type Tf = typeof tfjs;

/**
 * tfjs 4.22 cannot train a BatchNormalization without gamma (scale: false) or beta
 * (center: false): its training branch reads both unconditionally (tensorflow/tfjs#2868),
 * and Keras's InceptionV3 uses scale: false throughout. We give such a layer constant
 * stand-ins (ones, zeros), which is exactly what "no scale" / "no centre" means. They
 * are not weights: the parameter count, the saved config and the exported model stay
 * those of the layer as drawn. They are freed with the layer.
 */
export function allowTrainingWithoutScaleOrCenter(
  tf: Tf,
  layer: tfjs.layers.Layer,
  channels: number,
  scale: boolean,
  center: boolean,
): void {
  if (scale && center) return;
  const constants: tfjs.Tensor[] = [];
  const standIn = (value: number) => {
    const tensor = tf.fill([channels], value);
    constants.push(tensor);
    return { read: () => tensor };
  };
  const target = layer as unknown as { gamma?: unknown; beta?: unknown };
  if (!scale) target.gamma = standIn(1);
  if (!center) target.beta = standIn(0);
  const dispose = layer.dispose.bind(layer);
  layer.dispose = () => {
    const result = dispose();
    if (result.refCountAfterDispose === 0) for (const t of constants) t.dispose();
    return result;
  };
}
