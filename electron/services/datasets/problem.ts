export { DatasetProblem } from '../../../trainer/dataset';

export const fmt = (n: number) => n.toLocaleString('en-US');
