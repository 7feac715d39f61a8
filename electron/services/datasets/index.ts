/** Training data, all offline: built-in synthetic shapes, the mnist package's digits, IDX, CIFAR-10 binaries, image folders. */
export { type Dataset, fillBatch, loadDataset, NORMALISATION } from './load';
export { DatasetProblem } from './problem';
