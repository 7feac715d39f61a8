import type * as tfjs from '@tensorflow/tfjs';
import { runTapKernel } from './convInfo';
import type { HeapBackend } from './heap';
import { type Info, type Tf, withScope } from './kernelScope';
import { heapAddress, type SimdKernels, simdKernels } from './simdModule';

interface ConvAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tfjs.backend_util.ExplicitPadding;
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  dataFormat?: 'NHWC' | 'NCHW';
  activation?: string;
  leakyreluAlpha?: number;
}

/** relu and relu6 are a clamp in place; the other fusable activations run wasm's own kernel on the result. */
const CLAMPS: Record<string, [number, number]> = {
  relu: [0, Number.POSITIVE_INFINITY],
  relu6: [0, 6],
};

/**
 * Conv2D and FusedConv2D (bias, then any activation tfjs fuses) by our SIMD
 * kernel (assembly/conv2d.ts), the same tap-by-tap matrix products as the input
 * gradient: 10–20% faster than XNNPACK's on the small Inception net's layers,
 * and right where wasm's own is wrong (a 'same' kernel taller than a 1-row
 * input, in the unit tests). NCHW and a bias that is not one value per output
 * channel go to wasm's own kernel (which rejects the latter with its message).
 */
export function conv2d(tf: Tf, wasmOwn: tfjs.KernelConfig | undefined): tfjs.KernelFunc {
  return (args) => {
    const { x, filter, bias, preluActivationWeights } = args.inputs as Record<string, Info | undefined>;
    const a = args.attrs as unknown as ConvAttrs;
    const info = tf.backend_util.computeConv2DInfo(
      x!.shape as [number, number, number, number],
      filter!.shape as [number, number, number, number],
      a.strides,
      a.dilations ?? 1,
      a.pad,
      a.dimRoundingMode,
    );
    const biasFits = !bias || (bias.shape.length === 1 && bias.shape[0] === info.outChannels);
    if ((a.dataFormat ?? 'NHWC') !== 'NHWC' || !biasFits) {
      if (!wasmOwn) throw new Error('wasm backend has no convolution kernel for these settings');
      return wasmOwn.kernelFunc(args);
    }
    const activation = a.activation ?? 'linear';
    return withScope(tf, args.backend, (k) => {
      const heap = args.backend as HeapBackend;
      const scratch = heapAddress(heap, k.allocate(filter!.shape));
      const biasAt = bias ? heapAddress(heap, bias) : 0;
      const forward = (s: SimdKernels) => (xAt: number, wAt: number, yAt: number, geometry: number) =>
        s.conv2dForward(xAt, wAt, biasAt, bias !== undefined, yAt, geometry, scratch);
      const y = runTapKernel(k, info, info.outShape, x!, filter!, forward);
      const out = heapAddress(heap, y);
      const kernels = simdKernels(args.backend);
      const clamp = CLAMPS[activation];
      if (clamp) kernels.clampInPlace(out, tf.util.sizeFromShape(info.outShape), clamp[0], clamp[1]);
      if (clamp || activation === 'linear') return y;
      if (activation === 'elu') return k.run('Elu', { x: y });
      if (activation === 'sigmoid') return k.run('Sigmoid', { x: y });
      if (activation === 'leakyrelu') return k.run('LeakyRelu', { x: y }, { alpha: a.leakyreluAlpha ?? 0.2 });
      if (activation === 'prelu' && preluActivationWeights) {
        return k.run('Prelu', { x: y, alpha: preluActivationWeights });
      }
      throw new Error(`${activation} activation is not supported for FusedConv2D on wasm`);
    });
  };
}
