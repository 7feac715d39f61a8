/** Training data, all offline: built-in synthetic shapes, the mnist package's digits, IDX, CIFAR-10 binaries, image folders. */
export { type Dataset, fillBatch } from '../../../trainer/dataset';
export { loadDataset, NORMALISATION } from './load';
export { DatasetProblem } from './problem';
