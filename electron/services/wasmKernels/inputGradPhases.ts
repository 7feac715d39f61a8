import type * as tfjs from '@tensorflow/tfjs';
import { inputGradPhase } from './geometry';
import type { Info, KernelScope } from './kernelScope';
import { writePhase, writePhaseFilter } from './phaseCopies';

/**
 * Conv2DBackpropInput for stride > 1 (dilation 1) by the polyphase ("sub-pixel")
 * decomposition. Spreading dy onto the stride grid and convolving it with the
 * whole flipped filter spends (1 − 1/(sh·sw)) of the multiply-adds on inserted
 * zeros. Instead, the input rows and columns are split by their remainder
 * modulo the stride: each of the sh·sw phases of dx is a stride-1 convolution of
 * dy itself with the filter taps that reach it (see inputGradPhase), so the
 * multiply-adds total the forward convolution's. Each phase's
 * [n, ⌈H/sh⌉, ⌈W/sw⌉, ci] result is then written to its rows and columns of dx.
 */
export function inputGradByPhases(k: KernelScope, dy: Info, filter: Info, info: tfjs.backend_util.Conv2DInfo): Info {
  const { strideHeight: sh, strideWidth: sw, inChannels: ci, outChannels: co } = info;
  const rows = Math.ceil(info.inHeight / sh);
  const cols = Math.ceil(info.inWidth / sw);
  const rowPhases = Array.from({ length: sh }, (_, r) =>
    inputGradPhase(r, info.filterHeight, sh, info.padInfo.top, rows),
  );
  const colPhases = Array.from({ length: sw }, (_, c) =>
    inputGradPhase(c, info.filterWidth, sw, info.padInfo.left, cols),
  );

  const phases: { at: [number, number]; grad: Info }[] = [];
  rowPhases.forEach((rp, r) => {
    colPhases.forEach((cp, c) => {
      // No tap reaches these rows or columns (filter smaller than the stride), or every tap reads padding: zero.
      const cropped = rp.taps > 0 && cp.taps > 0 ? k.cropSpatial(dy, rp.window, cp.window) : null;
      if (!cropped) return;
      const rowTaps = { first: rp.firstTap, count: rp.taps, stride: sh };
      const colTaps = { first: cp.firstTap, count: cp.taps, stride: sw };
      const taps = k.onHeap([rp.taps, cp.taps, co, ci], [filter], (out, w) =>
        writePhaseFilter(out, w!, filter.shape, rowTaps, colTaps),
      );
      const grad = k.run(
        'Conv2D',
        { x: cropped.x, filter: taps },
        { strides: 1, dilations: 1, pad: cropped.pads, dataFormat: 'NHWC' },
      );
      phases.push({ at: [r, c], grad });
    });
  });

  return k.onHeap(
    info.inShape,
    phases.map((p) => p.grad),
    (dx, ...grads) => {
      if (phases.length < sh * sw) dx.fill(0);
      for (const [i, { at }] of phases.entries()) writePhase(dx, info.inShape, grads[i]!, [rows, cols], at, [sh, sw]);
    },
  );
}
