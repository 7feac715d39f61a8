import { elementwiseSpec } from './elementwise';

export const multiplySpec = elementwiseSpec({
  kind: 'Multiply',
  label: 'Multiply',
  nodeName: 'multiply',
  description:
    'Multiplies its inputs element by element, e.g. a feature map by its channel weights in squeeze-and-excitation.',
  maxInputs: Number.POSITIVE_INFINITY,
  summary: '×',
});
