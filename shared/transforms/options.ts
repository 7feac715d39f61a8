import { z } from 'zod';
import { ACTIVATIONS } from '../layers';
import { expected } from '../layers/common';

/**
 * Options of each rewrite. Strict objects: an option another rule takes (say
 * `ratio` for stack) is an error naming it, not silently ignored.
 */

const channels = () =>
  z
    .number(expected('a positive whole number of channels'))
    .int(expected('a positive whole number of channels'))
    .positive(expected('a positive whole number of channels'));

const activation = () => z.enum(ACTIVATIONS, expected(`one of ${ACTIVATIONS.join(', ')}`));

export const stackOptions = z.strictObject({
  /** Channels between the 3×3 convs; default: the conv's output channels. */
  intermediateChannels: channels().optional(),
  /** Between the convs; the paper found ReLU better than linear. */
  activation: activation().default('relu'),
});

export const asymmetricOptions = z.strictObject({
  /** Channels between the two convs; default: the smaller of the conv's input and output channels. */
  intermediateChannels: channels().optional(),
  activation: activation().default('relu'),
  /** '1xn': 1×n then n×1 (the paper's Figure 3); 'nx1': the other way round. */
  order: z.enum(['1xn', 'nx1'], expected("'1xn' or 'nx1'")).default('1xn'),
});

export const bottleneckOptions = z
  .strictObject({
    /** Compressed channels as a share of the input's (0 < ratio < 1); default 0.5. */
    ratio: z
      .number(expected('a ratio above 0 and below 1'))
      .gt(0, expected('a ratio above 0 and below 1'))
      .lt(1, expected('a ratio above 0 and below 1'))
      .optional(),
    /** Compressed channels as a count; give this or ratio, not both. */
    channels: channels().optional(),
  })
  .refine((o) => o.ratio === undefined || o.channels === undefined, {
    message: 'give ratio or channels, not both',
  });

export const gridReductionOptions = z.strictObject({});

export const filterBankOptions = z.strictObject({
  /** Channels of the 1×n branch; the n×1 branch gets the rest. Default: half, rounded up. */
  branch1xnChannels: channels().optional(),
});

export type StackOptions = z.output<typeof stackOptions>;
export type AsymmetricOptions = z.output<typeof asymmetricOptions>;
export type BottleneckOptions = z.output<typeof bottleneckOptions>;
export type FilterBankOptions = z.output<typeof filterBankOptions>;

export type StackOptionsInput = z.input<typeof stackOptions>;
export type AsymmetricOptionsInput = z.input<typeof asymmetricOptions>;
export type BottleneckOptionsInput = z.input<typeof bottleneckOptions>;
export type FilterBankOptionsInput = z.input<typeof filterBankOptions>;
