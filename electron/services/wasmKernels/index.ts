import type * as tfjs from '@tensorflow/tfjs';
import { conv2d } from './conv2d';
import { conv2dBackpropFilter } from './conv2dBackpropFilter';
import { conv2dBackpropInput } from './conv2dBackpropInput';
import { depthwiseBackpropFilter, depthwiseBackpropInput } from './depthwiseBackprop';
import type { Tf } from './kernelScope';
import { avgPoolGrad, maxPoolGrad } from './pool2dGrad';
import { concat, identity, slice, splitV } from './slice';
import { tile } from './tile';

type MakeKernel = (tf: Tf, wasmOwn: tfjs.KernelConfig | undefined) => tfjs.KernelFunc;

/** Which of our kernels fill in or replace wasm's, and why each is there. */
const kernels: { name: string; make: MakeKernel }[] = [
  // Missing on wasm: without it no convolution can train there.
  { name: 'Conv2DBackpropFilter', make: conv2dBackpropFilter },
  // wasm has one, but it is a naive loop: ours is 13–25× faster on the template's layers (npm run bench -- wasm).
  { name: 'Conv2DBackpropInput', make: conv2dBackpropInput },
  // Missing on wasm: depthwise (MobileNet-style) layers could not train there.
  { name: 'DepthwiseConv2dNativeBackpropFilter', make: depthwiseBackpropFilter },
  { name: 'DepthwiseConv2dNativeBackpropInput', make: depthwiseBackpropInput },
  // wasm has one, but batch norm's gradient spends most of its time in it (see tile.ts).
  { name: 'Tile', make: tile },
  // wasm has these, but its pool gradients are slow loops (and its average one is wrong at padded borders).
  { name: 'MaxPoolGrad', make: maxPoolGrad },
  { name: 'AvgPoolGrad', make: avgPoolGrad },
  // wasm has these, but they allocate a view per copied row: splitting a concat's gradient was 5% of a step.
  { name: 'Slice', make: slice },
  { name: 'SplitV', make: splitV },
  { name: 'Concat', make: concat },
  // wasm's copies its input; the engine clones every tensor it keeps for the backward pass through it.
  { name: 'Identity', make: identity },
  // wasm has these (XNNPACK); ours share the gradients' tap loop: 10–20% faster, and right where wasm's returns
  // zeros (a 'same' kernel taller than a 1-row input).
  { name: 'Conv2D', make: conv2d },
  { name: 'FusedConv2D', make: conv2d },
];

const ours = new WeakSet<tfjs.KernelFunc>();

/**
 * Registers Netwright's training kernels for the `wasm` backend. Idempotent:
 * a second call (or a second caller) leaves the first registration in place.
 * Safe before the backend is initialised; returns the kernel names.
 */
export function registerWasmTrainingKernels(tf: Tf): string[] {
  for (const { name, make } of kernels) {
    const current = tf.getKernel(name, 'wasm');
    if (current && ours.has(current.kernelFunc)) continue;
    // Unregister first: registerKernel would otherwise warn about the replacement.
    if (current) tf.unregisterKernel(name, 'wasm');
    const kernelFunc = make(tf, current);
    ours.add(kernelFunc);
    // The replaced kernel's setup (binding its C++ function) still runs, so ours may fall back to it.
    tf.registerKernel({ kernelName: name, backendName: 'wasm', kernelFunc, setupFunc: current?.setupFunc });
  }
  return kernels.map((k) => k.name);
}
