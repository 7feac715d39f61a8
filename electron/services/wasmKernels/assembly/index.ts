// The module's exports: one function per kernel, each in its own file.
export { conv2dFilterGrad } from './conv2dFilterGrad';
export { conv2dInputGrad } from './conv2dInputGrad';
export { copyRuns } from './copyRuns';
export { maxPoolGrad } from './maxPoolGrad';
