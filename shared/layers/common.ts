import { z } from 'zod';
import { english, said } from '../i18n/diagnosticText';
import { formatPair, type Pair } from './shapeMath';

/**
 * Schema pieces shared by the layer kinds. Every message ends with "got <value>",
 * because a student fixing a form or a hand-edited project file needs to see what was wrong.
 */

/**
 * Keras 3's names and formulas (the Keras export's target): hard_sigmoid is relu6(x + 3) / 6
 * (Keras 2 and TF.js use 0.2·x + 0.5, so TF.js cannot train it), hard_swish is x·hard_sigmoid(x),
 * swish is x·sigmoid(x), gelu the exact (erf) form. The importer maps the aliases silu, hard_silu.
 */
export const ACTIVATIONS = [
  'relu',
  'relu6',
  'sigmoid',
  'tanh',
  'softmax',
  'linear',
  'gelu',
  'swish',
  'hard_sigmoid',
  'hard_swish',
] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

export const PADDINGS = ['same', 'valid'] as const;

/** The value as the user would have typed it; JSON alone would print NaN and Infinity as null. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return `[${value.map(describeValue).join(', ')}]`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Zod's error option with a message naming the received value. */
export const expected = (what: string) => ({
  error: (issue: { input?: unknown }) => `expected ${what}, got ${describeValue(issue.input)}`,
});

// Safe integers only: 1e154 is an integer too, and a kernel that size overflows the parameter count to Infinity.
const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const isNonNegativeInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

export const positiveInt = () =>
  z
    .number(expected('a positive whole number'))
    .int(expected('a positive whole number'))
    .positive(expected('a positive whole number'));

export const bool = () => z.boolean(expected('true or false'));

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const activation = () => z.enum(ACTIVATIONS, expected(`one of ${quoted(ACTIVATIONS)}`));

export const padding = () => z.enum(PADDINGS, expected(`one of ${quoted(PADDINGS)}`));

/**
 * A setting parsed by hand rather than as a zod union, so a bad value yields one message
 * naming it ("expected <what>, got <value>"), not one per branch. `read` returns undefined
 * for a value it cannot take.
 */
export const parsedBy = <T>(what: string, read: (value: unknown) => T | undefined) =>
  z.unknown().transform((value, ctx): T => {
    const result = read(value);
    if (result !== undefined) return result;
    ctx.issues.push({ code: 'custom', input: value, message: `expected ${what}, got ${describeValue(value)}` });
    return z.NEVER;
  });

/** Two values (Pair's [height, width], or a side's [before, after]) that pass `ok`, else undefined. */
function twoOf(value: unknown, ok: (v: unknown) => v is number): Pair | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [a, b] = value;
  return ok(a) && ok(b) ? [a, b] : undefined;
}

/** [height, width], also accepting a single number for both as Keras does. */
export const pair = () =>
  parsedBy('a positive whole number or a pair [height, width] of them', (value) =>
    twoOf(typeof value === 'number' ? [value, value] : value, isPositiveInt),
  );

export type PadPair = readonly [readonly [number, number], readonly [number, number]];

/** ZeroPadding2D's padding: n, [h, w] or [[top, bottom], [left, right]], normalized to the last. */
export const padPairs = () =>
  parsedBy(
    'a whole number ≥ 0, a pair [height, width], or [[top, bottom], [left, right]]',
    (value): PadPair | undefined => {
      if (isNonNegativeInt(value)) {
        return [
          [value, value],
          [value, value],
        ];
      }
      const same = twoOf(value, isNonNegativeInt);
      if (same) {
        return [
          [same[0], same[0]],
          [same[1], same[1]],
        ];
      }
      if (!Array.isArray(value) || value.length !== 2) return undefined;
      const [h, w] = value.map((side: unknown) => twoOf(side, isNonNegativeInt));
      return h && w ? [h, w] : undefined;
    },
  );

/**
 * Keras (and TensorFlow's conv ops) reject strides > 1 combined with dilation > 1;
 * catching it at validation spares the user a crash when training starts.
 */
export function checkStridesOrDilation(params: { strides: Pair; dilation: Pair }, ctx: z.RefinementCtx) {
  const strided = params.strides.some((s) => s > 1);
  const dilated = params.dilation.some((d) => d > 1);
  if (!strided || !dilated) return;
  const text = said('issue.stridesWithDilation', {
    strides: formatPair(params.strides),
    dilation: formatPair(params.dilation),
  });
  ctx.addIssue({
    code: 'custom',
    path: ['dilation'],
    input: params.dilation,
    message: english(text),
    params: { text },
  });
}

/** "3×3 /2", "1×7", "3×3 d2": the window part of a node-face summary. */
export function windowText(kernel: Pair, strides: Pair, dilation: Pair = [1, 1]): string {
  const stride = strides[0] === strides[1] ? `${strides[0]}` : formatPair(strides);
  const rate = dilation[0] === dilation[1] ? `${dilation[0]}` : formatPair(dilation);
  return [formatPair(kernel), stride === '1' ? '' : ` /${stride}`, rate === '1' ? '' : ` d${rate}`].join('');
}

/** ", relu" unless the activation is linear, which the node face leaves out. */
export const activationText = (name: ActivationName): string => (name === 'linear' ? '' : `, ${name}`);

/** Any finite number (NaN and ±Infinity would poison the exports). */
export const finite = (what = 'a number') => z.number(expected(what)).finite(expected(what));

/** A number ≥ 0. */
export const nonNegative = () => finite('a number ≥ 0').min(0, expected('a number ≥ 0'));

/** Short text of a number for a node face: 0.00392156… → 0.00392. */
export const shortNumber = (x: number): string => String(Number(x.toPrecision(3)));
