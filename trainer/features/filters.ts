import type * as tfjs from '@tensorflow/tfjs';
import { featureCheck } from './problem';

/** The first convolution's kernel, [kh, kw, inChannels, outChannels] row-major as tfjs keeps it. */
export interface ConvFilters {
  layer: string;
  kernelHeight: number;
  kernelWidth: number;
  inChannels: number;
  outChannels: number;
  values: Float32Array;
}

const convKinds = new Set(['Conv2D']);

/** The kernel of the first Conv2D in the model's order; the renderer turns it into image tiles. */
export function firstConvFilters(model: tfjs.LayersModel): ConvFilters {
  const layer = model.layers.find((l) => convKinds.has(l.getClassName()));
  if (!layer) throw featureCheck('noConv');
  const kernel = layer.getWeights()[0]!;
  const [kernelHeight, kernelWidth, inChannels, outChannels] = kernel.shape as [number, number, number, number];
  return {
    layer: layer.name,
    kernelHeight,
    kernelWidth,
    inChannels,
    outChannels,
    values: kernel.dataSync() as Float32Array,
  };
}
