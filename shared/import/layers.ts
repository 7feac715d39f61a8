import { z } from 'zod';
import { said } from '../i18n/diagnosticText';
import { oneLine } from './json';
import { because, type Reason, type ReasonKey, zodErrorValue } from './reasons';

/**
 * One Keras layer class -> one Netwright kind. Configs are read with zod, leniently:
 * keys we do not use (initializers, regularizers, dtype policies) are ignored;
 * keys we do use must have the right type, and a bad value is named in the message.
 */

export type Converted =
  | { ok: true; kind: string; params: Record<string, unknown>; outRank: number | undefined }
  /** The layer becomes an Unsupported node; `reason` completes "Class 'x' …" (reasonText in any language). */
  | ({ ok: false; fatal: false } & Reason)
  /** The whole import fails with this one line. */
  | { ok: false; fatal: true; error: string };

export interface LayerInfo {
  name: string;
  className: string;
  config: Record<string, unknown>;
  /** Keras ranks (batch axis included) of the inputs, undefined where unknown. */
  inputRanks: readonly (number | undefined)[];
  /** Keras 3 `registered_name` when it names a custom class. */
  registeredName?: string;
  /** The call's other arguments (a TFOpLambda's `y`). */
  callKwargs?: Readonly<Record<string, unknown>>;
}

export const KERAS_ACTIVATIONS: Readonly<Record<string, string>> = {
  relu: 'relu',
  relu6: 'relu6',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  softmax: 'softmax',
  linear: 'linear',
  gelu: 'gelu',
  swish: 'swish',
  silu: 'swish',
  // Keras 3's hard_sigmoid (relu6(x + 3) / 6); a Keras 2 file meant 0.2·x + 0.5, same weights.
  hard_sigmoid: 'hard_sigmoid',
  hard_swish: 'hard_swish',
  hard_silu: 'hard_swish',
};

const NETWRIGHT_ACTIVATIONS = 'relu, relu6, sigmoid, tanh, softmax, linear, gelu, swish, hard_sigmoid, hard_swish';

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  try {
    return oneLine(JSON.stringify(value) ?? String(value), 60);
  } catch {
    return oneLine(String(value), 60);
  }
}

/** A config field read by `parse`; undefined from `parse` is a type error naming `what`. */
const field = <T>(what: string, parse: (v: unknown) => T | undefined) =>
  z
    .unknown()
    .optional()
    .transform((v, ctx): T => {
      const out = parse(v);
      if (out !== undefined) return out;
      ctx.issues.push({ code: 'custom', input: v, message: `expected ${what}, got ${describeValue(v)}` });
      return z.NEVER;
    });

const isInt = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min;
const missing = (v: unknown) => v === undefined || v === null;

const posInt = (fallback?: number) =>
  field('a positive whole number', (v) => (missing(v) ? fallback : isInt(v, 1) ? v : undefined));

/** Keras's int-or-tuple: 3, [3] or [3, 3] -> [3, 3]. */
const pair = (fallback?: [number, number]) =>
  field('a positive whole number or a pair of them', (v): [number, number] | undefined => {
    if (missing(v)) return fallback;
    if (isInt(v, 1)) return [v, v];
    if (Array.isArray(v) && v.every((x) => isInt(x, 1))) {
      const [a, b] = v as number[];
      if (a !== undefined && v.length <= 2) return [a, b ?? a];
    }
    return undefined;
  });

const bool = (fallback: boolean) =>
  field('true or false', (v) => (missing(v) ? fallback : typeof v === 'boolean' ? v : undefined));

const padding = () =>
  field("'same' or 'valid'", (v) => {
    if (missing(v)) return 'valid';
    if (typeof v !== 'string') return undefined;
    const p = v.toLowerCase();
    return p === 'same' || p === 'valid' ? p : undefined;
  });

const numberIn = (what: string, fallback: number, ok: (x: number) => boolean) =>
  field(what, (v) => (missing(v) ? fallback : typeof v === 'number' && ok(v) ? v : undefined));

/** 'relu', null, or Keras 3's {class_name: 'function', config: 'relu'} -> the Keras name. */
function activationName(v: unknown): string | undefined {
  if (missing(v)) return 'linear';
  if (typeof v === 'string') return v.split('.').at(-1)!.split('>').at(-1)!;
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    for (const key of ['config', 'registered_name', 'class_name'] as const) {
      const candidate = o[key];
      if (typeof candidate === 'string' && candidate !== 'function') return activationName(candidate);
      if (key === 'config' && typeof candidate === 'object' && candidate !== null) {
        const inner = (candidate as Record<string, unknown>).name;
        if (typeof inner === 'string') return activationName(inner);
      }
    }
  }
  return undefined;
}

const activation = () =>
  z
    .unknown()
    .optional()
    .transform((v, ctx): string => {
      const name = activationName(v);
      const mapped = name === undefined ? undefined : KERAS_ACTIVATIONS[name.toLowerCase()];
      if (mapped) return mapped;
      ctx.issues.push({
        code: 'custom',
        input: v,
        message:
          name === undefined
            ? `expected an activation name, got ${describeValue(v)}`
            : `'${oneLine(name, 40)}' is not an activation Netwright has (${NETWRIGHT_ACTIVATIONS})`,
      });
      return z.NEVER;
    });

const conv2dConfig = z.looseObject({
  filters: posInt(),
  kernel_size: pair(),
  strides: pair([1, 1]),
  padding: padding(),
  dilation_rate: pair([1, 1]),
  groups: posInt(1),
  use_bias: bool(true),
  activation: activation(),
});

const depthwiseConfig = z.looseObject({
  kernel_size: pair(),
  strides: pair([1, 1]),
  padding: padding(),
  depth_multiplier: posInt(1),
  dilation_rate: pair([1, 1]),
  use_bias: bool(true),
  activation: activation(),
});

const separableConfig = depthwiseConfig.extend({ filters: posInt() });

const poolConfig = z.looseObject({
  pool_size: pair([2, 2]),
  strides: pair([0, 0]), // 0: "null", replaced by pool_size below (Keras's rule)
  padding: padding(),
});

const denseConfig = z.looseObject({ units: posInt(), use_bias: bool(true), activation: activation() });

const axisField = (fallback: number) =>
  field('an axis (a whole number)', (v): number | undefined => {
    if (missing(v)) return fallback;
    if (isInt(v, -64)) return v;
    if (Array.isArray(v) && v.length === 1 && isInt(v[0], -64)) return v[0];
    return undefined;
  });

/** Built once: a zod schema costs far more to build than to run, and a network repeats its layer classes. */
const lastAxisField = axisField(-1);

const batchNormConfig = z.looseObject({
  axis: z.unknown().optional(),
  center: bool(true),
  scale: bool(true),
  epsilon: numberIn('a number > 0', 0.001, (x) => x > 0),
  momentum: numberIn('a number from 0 to 1', 0.99, (x) => x >= 0 && x <= 1),
  renorm: bool(false),
});

const reluConfig = z.looseObject({
  max_value: field('a number or null', (v) => (missing(v) ? null : typeof v === 'number' ? v : undefined)),
  negative_slope: numberIn('a number', 0, () => true),
  threshold: numberIn('a number', 0, () => true),
});

/** Keras's ZeroPadding2D / Cropping2D amounts: n, [height, width] or [[top, bottom], [left, right]]. */
const pairsOfPairs = (fallback: number) =>
  field(
    'n, [height, width] or [[top, bottom], [left, right]] of whole numbers ≥ 0',
    (v): [[number, number], [number, number]] | undefined => {
      if (missing(v))
        return [
          [fallback, fallback],
          [fallback, fallback],
        ];
      if (isInt(v, 0))
        return [
          [v, v],
          [v, v],
        ];
      if (!Array.isArray(v) || v.length !== 2) return undefined;
      const [h, w] = v as unknown[];
      if (isInt(h, 0) && isInt(w, 0))
        return [
          [h, h],
          [w, w],
        ];
      const side = (s: unknown): s is [number, number] =>
        Array.isArray(s) && s.length === 2 && s.every((x) => isInt(x, 0));
      return side(h) && side(w) ? [[...h], [...w]] : undefined;
    },
  );

const zeroPaddingConfig = z.looseObject({ padding: pairsOfPairs(1) });

const reshapeConfig = z.looseObject({
  target_shape: field('a list of whole numbers', (v) =>
    Array.isArray(v) && v.length > 0 && v.every((x) => isInt(x, -1) && x !== 0) ? [...(v as number[])] : undefined,
  ),
});

const dropoutConfig = z.looseObject({
  rate: numberIn('a number from 0 to 1', 0.5, (x) => x >= 0 && x < 1),
});

const globalPoolConfig = z.looseObject({ keepdims: bool(false) });

type Handler = (info: LayerInfo) => Converted;

const ok = (kind: string, params: Record<string, unknown>, outRank: number | undefined): Converted => ({
  ok: true,
  kind,
  params,
  outRank,
});
const unsupported = (key: ReasonKey, values: Parameters<typeof because>[1] = {}): Converted => ({
  ok: false,
  fatal: false,
  ...because(key, values),
});

function parse<S extends z.ZodType>(schema: S, info: LayerInfo, build: (c: z.output<S>) => Converted): Converted {
  const r = schema.safeParse(info.config);
  if (!r.success) return unsupported('keras.unreadable', { detail: zodErrorValue(r.error, 3) });
  return build(r.data);
}

const firstRank = (info: LayerInfo) => info.inputRanks[0];

/** Keras axis (batch included, may be negative) -> negative axis, or null when it cannot be resolved. */
function negativeAxis(axis: number, rank: number | undefined): number | null {
  if (axis < 0) return axis;
  // Unknown rank: only happens after an Unsupported layer; image tensors are the common case.
  return axis - (rank ?? 4);
}

/** The settings every Keras convolution shares, in our names. */
function windowParams(c: {
  kernel_size: unknown;
  strides: unknown;
  padding: unknown;
  dilation_rate: unknown;
  use_bias: unknown;
  activation: unknown;
}) {
  return {
    kernelSize: c.kernel_size,
    strides: c.strides,
    padding: c.padding,
    dilation: c.dilation_rate,
    useBias: c.use_bias,
    activation: c.activation,
  };
}

const conv2d: Handler = (info) =>
  parse(conv2dConfig, info, (c) =>
    ok(
      'Conv2D',
      {
        filters: c.filters,
        ...windowParams(c),
        groups: c.groups,
      },
      firstRank(info),
    ),
  );

const depthwise: Handler = (info) =>
  parse(depthwiseConfig, info, (c) =>
    ok(
      'DepthwiseConv2D',
      {
        ...windowParams(c),
        depthMultiplier: c.depth_multiplier,
      },
      firstRank(info),
    ),
  );

const separable: Handler = (info) =>
  parse(separableConfig, info, (c) =>
    ok(
      'SeparableConv2D',
      {
        filters: c.filters,
        ...windowParams(c),
        depthMultiplier: c.depth_multiplier,
      },
      firstRank(info),
    ),
  );

const pool =
  (kind: string): Handler =>
  (info) =>
    parse(poolConfig, info, (c) =>
      ok(
        kind,
        { poolSize: c.pool_size, strides: c.strides[0] === 0 ? c.pool_size : c.strides, padding: c.padding },
        firstRank(info),
      ),
    );

const globalPool =
  (kind: string): Handler =>
  (info) =>
    parse(globalPoolConfig, info, (c) => ok(kind, { keepDims: c.keepdims }, c.keepdims ? firstRank(info) : 2));

const dense: Handler = (info) =>
  parse(denseConfig, info, (c) =>
    ok('Dense', { units: c.units, useBias: c.use_bias, activation: c.activation }, firstRank(info)),
  );

const batchNorm: Handler = (info) =>
  parse(batchNormConfig, info, (c) => {
    const axisRead = lastAxisField.safeParse(c.axis);
    if (!axisRead.success) {
      const multi = Array.isArray(c.axis) && c.axis.length > 1;
      return multi
        ? unsupported('keras.severalAxes', { axes: describeValue(c.axis) })
        : unsupported('keras.unreadable', {
            detail: said('issue.field', { field: 'axis', message: zodErrorValue(axisRead.error, 3) }),
          });
    }
    const rank = firstRank(info);
    const axis = axisRead.data;
    const last = axis === -1 || (rank === undefined ? axis === 3 : axis === rank - 1);
    if (!last) return unsupported('keras.batchNormAxis', { axis });
    if (c.renorm) return unsupported('keras.renorm');
    return ok('BatchNorm', { center: c.center, scale: c.scale, epsilon: c.epsilon, momentum: c.momentum }, rank);
  });

const activationConfig = z.looseObject({ activation: activation() });
const activationLayer: Handler = (info) =>
  parse(activationConfig, info, (c) => ok('Activation', { activation: c.activation }, firstRank(info)));

/** Plain relu and relu6 stay Activation nodes (as before the ReLU kind); any other setting is a ReLU node. */
const relu: Handler = (info) =>
  parse(reluConfig, info, (c) => {
    const plain = c.negative_slope === 0 && c.threshold === 0;
    if (plain && c.max_value === null) return ok('Activation', { activation: 'relu' }, firstRank(info));
    if (plain && c.max_value === 6) return ok('Activation', { activation: 'relu6' }, firstRank(info));
    return ok(
      'ReLU',
      { maxValue: c.max_value, negativeSlope: c.negative_slope, threshold: c.threshold },
      firstRank(info),
    );
  });

/** Keras 3 calls the slope negative_slope, Keras 2 alpha; both default to 0.3. */
const leakyReluConfig = z.looseObject({ negative_slope: z.unknown().optional(), alpha: z.unknown().optional() });
const leakySlope = numberIn('a number ≥ 0', 0.3, (x) => x >= 0);
const leakyRelu: Handler = (info) =>
  parse(leakyReluConfig, info, (c) => {
    const slope = leakySlope.safeParse(c.negative_slope ?? c.alpha);
    if (!slope.success) return unsupported('keras.unreadable', { detail: zodErrorValue(slope.error, 3) });
    return ok('LeakyReLU', { negativeSlope: slope.data }, firstRank(info));
  });

const eluConfig = z.looseObject({ alpha: numberIn('a number ≥ 0', 1, (x) => x >= 0) });
const elu: Handler = (info) => parse(eluConfig, info, (c) => ok('ELU', { alpha: c.alpha }, firstRank(info)));

const preluConfig = z.looseObject({
  shared_axes: field('null or a list of axes', (v) =>
    missing(v) ? null : isInt(v, 1) ? [v] : Array.isArray(v) && v.every((x) => isInt(x, 1)) ? [...v] : undefined,
  ),
});
const prelu: Handler = (info) =>
  parse(preluConfig, info, (c) => ok('PReLU', { sharedAxes: c.shared_axes }, firstRank(info)));

/** A number, or a list with one per channel (Keras ≥ 2.10's EfficientNet scales each colour by 1/√std). */
const factor = (fallback: number) =>
  field('a number or a list of numbers', (v): number | number[] | undefined => {
    if (missing(v)) return fallback;
    const flat: unknown[] = [v].flat(4);
    if (flat.length === 0 || !flat.every((x): x is number => typeof x === 'number' && Number.isFinite(x)))
      return undefined;
    return flat.length === 1 ? (flat[0] as number) : (flat as number[]);
  });

const rescalingConfig = z.looseObject({ scale: factor(1), offset: factor(0) });
const rescaling: Handler = (info) =>
  parse(rescalingConfig, info, (c) => ok('Rescaling', { scale: c.scale, offset: c.offset }, firstRank(info)));

/** A statistic as Keras stores it: null, a number, or a (possibly nested [[[…]]]) list of numbers. */
const statistic = () =>
  field('null, a number or a list of numbers', (v): number[] | null | undefined => {
    if (missing(v)) return null;
    const flat: unknown[] = [v].flat(4);
    const numbers = flat.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
    return numbers.length > 0 && numbers.length === flat.length ? numbers : undefined;
  });

/** Whether `axis` (default -1) is the input's last, the channels: the only one these normalizations take. */
function isLastAxis(axis: unknown, info: LayerInfo): boolean {
  const rank = firstRank(info);
  const read = lastAxisField.safeParse(axis);
  return read.success && (read.data === -1 || (rank !== undefined && read.data === rank - 1));
}

const normalizationConfig = z.looseObject({
  axis: z.unknown().optional(),
  mean: statistic(),
  variance: statistic(),
  invert: bool(false),
});
const normalization: Handler = (info) =>
  parse(normalizationConfig, info, (c) => {
    if (!isLastAxis(c.axis, info)) return unsupported('keras.normalizationAxis', { axis: describeValue(c.axis) });
    if (c.invert) return unsupported('keras.invert');
    return ok('Normalization', { mean: c.mean, variance: c.variance }, firstRank(info));
  });

const axisConfig = z.looseObject({ axis: lastAxisField });
const softmax: Handler = (info) =>
  parse(axisConfig, info, (c) => {
    const rank = firstRank(info);
    if (c.axis !== -1 && !(rank !== undefined && c.axis === rank - 1))
      return unsupported('keras.softmaxAxis', { axis: c.axis });
    return ok('Activation', { activation: 'softmax' }, rank);
  });

const zeroPadding: Handler = (info) =>
  parse(zeroPaddingConfig, info, (c) => ok('ZeroPadding2D', { padding: c.padding }, firstRank(info)));

const concatenate: Handler = (info) =>
  parse(axisConfig, info, (c) => {
    const rank = info.inputRanks.find((r) => r !== undefined);
    return ok('Concatenate', { axis: negativeAxis(c.axis, rank) }, rank);
  });

const conv2dTransposeConfig = conv2dConfig.extend({ output_padding: z.unknown().optional() });
const conv2dTranspose: Handler = (info) =>
  parse(conv2dTransposeConfig, info, (c) => {
    if (!missing(c.output_padding))
      return unsupported('keras.outputPadding', { value: describeValue(c.output_padding) });
    if (c.groups !== 1) return unsupported('keras.transposeGroups', { groups: c.groups });
    return ok('Conv2DTranspose', { filters: c.filters, ...windowParams(c) }, firstRank(info));
  });

const croppingConfig = z.looseObject({ cropping: pairsOfPairs(0) });
const cropping: Handler = (info) =>
  parse(croppingConfig, info, (c) => ok('Cropping2D', { cropping: c.cropping }, firstRank(info)));

const upSamplingConfig = z.looseObject({
  size: pair([2, 2]),
  interpolation: field("'nearest' or 'bilinear'", (v) =>
    missing(v) ? 'nearest' : v === 'nearest' || v === 'bilinear' ? v : undefined,
  ),
});
const upSampling: Handler = (info) =>
  parse(upSamplingConfig, info, (c) =>
    ok('UpSampling2D', { size: c.size, interpolation: c.interpolation }, firstRank(info)),
  );

const layerNormalizationConfig = z.looseObject({
  axis: z.unknown().optional(),
  center: bool(true),
  scale: bool(true),
  epsilon: numberIn('a number > 0', 0.001, (x) => x > 0),
});
const layerNormalization: Handler = (info) =>
  parse(layerNormalizationConfig, info, (c) => {
    if (!isLastAxis(c.axis, info)) return unsupported('keras.layerNormAxes', { axes: describeValue(c.axis) });
    return ok('LayerNormalization', { center: c.center, scale: c.scale, epsilon: c.epsilon }, firstRank(info));
  });

const permuteConfig = z.looseObject({
  dims: field('a list of axes', (v) => (Array.isArray(v) && v.every((x) => isInt(x, 1)) ? [...v] : undefined)),
});
const permute: Handler = (info) =>
  parse(permuteConfig, info, (c) => ok('Permute', { dims: c.dims }, c.dims.length + 1));

const elementwise =
  (kind: string): Handler =>
  (info) =>
    ok(
      kind,
      {},
      info.inputRanks.find((r) => r !== undefined),
    );

const add = elementwise('Add');

const flatten: Handler = () => ok('Flatten', {}, 2);

const reshape: Handler = (info) =>
  parse(reshapeConfig, info, (c) => ok('Reshape', { targetShape: c.target_shape }, c.target_shape.length + 1));

const dropout: Handler = (info) => parse(dropoutConfig, info, (c) => ok('Dropout', { rate: c.rate }, firstRank(info)));

/**
 * x·scale + offset for the element-wise TensorFlow functions a Keras 2 file records when Python
 * operators meet a scalar (`x + 3.`, `x * (1. / 6.)`: MobileNetV3's hard sigmoid), in TFOpLambda
 * layers. x / c is x · (1 / c): within one rounding of TensorFlow's division.
 */
const SCALAR_OPS: Readonly<Record<string, (y: number) => { scale: number; offset: number }>> = {
  '__operators__.add': (y) => ({ scale: 1, offset: y }),
  'math.add': (y) => ({ scale: 1, offset: y }),
  'math.subtract': (y) => ({ scale: 1, offset: -y }),
  'math.multiply': (y) => ({ scale: y, offset: 0 }),
  'math.truediv': (y) => ({ scale: 1 / y, offset: 0 }),
  'math.divide': (y) => ({ scale: 1 / y, offset: 0 }),
};

/** A TFOpLambda of a known element-wise function with a scalar constant is exactly a Rescaling; others stay Unsupported. */
const tfOpLambda: Handler = (info) => {
  const fn = typeof info.config.function === 'string' ? info.config.function.replace(/^tf\./, '') : undefined;
  const op = fn !== undefined && Object.hasOwn(SCALAR_OPS, fn) ? SCALAR_OPS[fn] : undefined;
  const y = info.callKwargs?.y;
  const scalar = typeof y === 'number' && Number.isFinite(y) && !(y === 0 && /div/.test(fn ?? ''));
  if (!op || !scalar || info.inputRanks.length !== 1)
    return unsupported('keras.tfFunction', { function: describeValue(fn ?? info.config.function) });
  return ok('Rescaling', op(y), firstRank(info));
};

const HANDLERS: Readonly<Record<string, Handler>> = {
  TFOpLambda: tfOpLambda,
  Conv2D: conv2d,
  Convolution2D: conv2d,
  DepthwiseConv2D: depthwise,
  SeparableConv2D: separable,
  Conv2DTranspose: conv2dTranspose,
  Convolution2DTranspose: conv2dTranspose,
  Deconvolution2D: conv2dTranspose,
  Cropping2D: cropping,
  UpSampling2D: upSampling,
  LayerNormalization: layerNormalization,
  Permute: permute,
  SeparableConvolution2D: separable,
  Dense: dense,
  BatchNormalization: batchNorm,
  BatchNormalizationV1: batchNorm,
  BatchNormalizationV2: batchNorm,
  Activation: activationLayer,
  ReLU: relu,
  LeakyReLU: leakyRelu,
  PReLU: prelu,
  ELU: elu,
  Rescaling: rescaling,
  Normalization: normalization,
  Softmax: softmax,
  MaxPooling2D: pool('MaxPool2D'),
  MaxPool2D: pool('MaxPool2D'),
  AveragePooling2D: pool('AvgPool2D'),
  AvgPool2D: pool('AvgPool2D'),
  GlobalAveragePooling2D: globalPool('GlobalAvgPool2D'),
  GlobalAvgPool2D: globalPool('GlobalAvgPool2D'),
  GlobalMaxPooling2D: globalPool('GlobalMaxPool2D'),
  GlobalMaxPool2D: globalPool('GlobalMaxPool2D'),
  ZeroPadding2D: zeroPadding,
  Concatenate: concatenate,
  Add: add,
  Multiply: elementwise('Multiply'),
  Subtract: elementwise('Subtract'),
  Average: elementwise('Average'),
  Maximum: elementwise('Maximum'),
  Minimum: elementwise('Minimum'),
  Flatten: flatten,
  Reshape: reshape,
  Dropout: dropout,
};

/** Keras classes the importer reads (InputLayer is handled by the caller). */
export const SUPPORTED_CLASSES: readonly string[] = ['InputLayer', ...Object.keys(HANDLERS)];

const NESTED_MODELS = new Set(['Sequential', 'Functional', 'Model']);

export function convertLayer(info: LayerInfo): Converted {
  const { className, config } = info;
  if (config.data_format === 'channels_first' || config.dim_ordering === 'th') {
    return {
      ok: false,
      fatal: true,
      error: `Layer '${oneLine(info.name, 60)}' (${oneLine(className, 40)}) uses data_format 'channels_first'; Netwright reads channels_last models only: rebuild or re-save the model with channels_last.`,
    };
  }
  if (NESTED_MODELS.has(className)) return unsupported('keras.nestedWithoutLayers');
  const handler = Object.hasOwn(HANDLERS, className) ? HANDLERS[className] : undefined;
  if (!handler) {
    return info.registeredName
      ? unsupported('keras.unknownCustomClass', { registered: oneLine(info.registeredName, 40) })
      : unsupported('keras.unknownClass');
  }
  return handler(info);
}
