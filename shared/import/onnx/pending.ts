/**
 * ONNX operators whose Netwright layer kinds do not exist yet: each is imported as an
 * Unsupported node keeping its op type. When a kind lands, move its operator from here to a
 * converter in ops.ts (the comment names the kind it maps to).
 */
export const PENDING_OPS: Readonly<Record<string, string>> = {};

/** Operators that keep their input's shape element by element (so a placeholder can assume it). */
export const ELEMENT_WISE_OPS = new Set([
  'LeakyRelu',
  'Elu',
  'Selu',
  'Celu',
  'HardSigmoid',
  'HardSwish',
  'PRelu',
  'ThresholdedRelu',
  'Softplus',
  'Softsign',
  'Gelu',
  'Mish',
  'Erf',
  'Exp',
  'Log',
  'Abs',
  'Neg',
  'Sqrt',
  'Reciprocal',
  'Clip',
  'Relu',
  'Sigmoid',
  'Tanh',
  'Dropout',
  'Identity',
  'Cast',
  'LRN',
  'InstanceNormalization',
  'LpNormalization',
]);
