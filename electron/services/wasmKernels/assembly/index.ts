// The module's exports: one function per kernel, each in its own file.

export { clampInPlace } from './clamp';
export { conv2dForward, conv2dInputGrad } from './conv2d';
export { conv2dFilterGrad } from './conv2dFilterGrad';
export { copyRuns } from './copyRuns';
export { maxPoolGrad } from './maxPoolGrad';
