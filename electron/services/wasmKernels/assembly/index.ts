// The module's exports: the convolution kernels share one tap loop (conv2d.ts); the others stand alone.
export { clampInPlace } from './clamp';
export {
  conv2dFilterGrad,
  conv2dForward,
  conv2dInputGrad,
  depthwiseFilterGrad,
  depthwiseInputGrad,
} from './conv2d';
export { copyRuns } from './copyRuns';
export { maxPoolGrad } from './maxPoolGrad';
