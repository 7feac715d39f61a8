import type * as tfjs from '@tensorflow/tfjs';
import type { HeapBackend } from './heap';
import type { Info, KernelScope, Tf } from './kernelScope';
import { heapAddress, type SimdKernels, simdKernels } from './simdModule';

type Shape4D = [number, number, number, number];
type Pad = 'valid' | 'same' | number | Pads;
type Pads = [[number, number], [number, number], [number, number], [number, number]];

/** The attributes our four backprop kernels read; tfjs's conv2d ones carry no dilations, so those default to 1. */
export interface BackpropAttrs {
  strides: number | [number, number];
  dilations?: number | [number, number];
  pad: Pad;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  dataFormat?: 'NHWC' | 'NCHW';
}

/**
 * The forward convolution's geometry (padding resolved, 'same' included, with
 * its extra row at the bottom/right when the total is odd), computed by tfjs
 * itself so our kernels agree with the forward kernels by construction.
 */
export function forwardConvInfo(
  tf: Tf,
  kernelName: string,
  inputShape: number[],
  filterShape: number[],
  attrs: BackpropAttrs,
  depthwise: boolean,
): tfjs.backend_util.Conv2DInfo {
  if (attrs.dataFormat === 'NCHW') throw new Error(`${kernelName} on wasm supports dataFormat NHWC only`);
  return tf.backend_util.computeConv2DInfo(
    inputShape as Shape4D,
    filterShape as Shape4D,
    attrs.strides,
    attrs.dilations ?? 1,
    attrs.pad,
    attrs.dimRoundingMode,
    depthwise,
    'channelsLast',
  );
}

/** Fails loudly rather than returning a gradient of the wrong size. */
export function assertShape(kernelName: string, what: string, actual: readonly number[], expected: readonly number[]) {
  if (actual.length !== expected.length || actual.some((v, i) => v !== expected[i])) {
    throw new Error(`${kernelName}: ${what} has shape [${actual}] but [${expected}] was expected`);
  }
}

/**
 * The geometry our convolution kernels read (ConvGeometry in assembly/conv2d.ts),
 * written as fifteen int32 values in that order into a tensor of the scope.
 */
export function convGeometry(k: KernelScope, info: tfjs.backend_util.Conv2DInfo): Info {
  const values = [
    info.batchSize,
    info.inHeight,
    info.inWidth,
    info.inChannels,
    info.outHeight,
    info.outWidth,
    info.outChannels,
    info.filterHeight,
    info.filterWidth,
    info.strideHeight,
    info.strideWidth,
    info.dilationHeight,
    info.dilationWidth,
    info.padInfo.top,
    info.padInfo.left,
  ];
  const geometry = k.allocate([values.length], 'int32');
  (k.backend as HeapBackend).typedArrayFromHeap(geometry).set(values);
  return geometry;
}

type TapKernel = (a: number, b: number, out: number, geometry: number) => void;

/**
 * The common call of our convolution kernels (forward, gradients, depthwise): a
 * new `outShape` tensor and the geometry in the scope, then the SIMD kernel
 * `pick` chooses, given the heap addresses of its two inputs, the output and
 * the geometry.
 */
export function runTapKernel(
  k: KernelScope,
  info: tfjs.backend_util.Conv2DInfo,
  outShape: number[],
  a: Info,
  b: Info,
  pick: (kernels: SimdKernels) => TapKernel,
): Info {
  const kernel = pick(simdKernels(k.backend));
  const heap = k.backend as HeapBackend;
  const out = k.allocate(outShape);
  const geometry = convGeometry(k, info);
  kernel(heapAddress(heap, a), heapAddress(heap, b), heapAddress(heap, out), heapAddress(heap, geometry));
  return out;
}
