import { z } from 'zod';
import { type Catalogue, catalogues, type Language } from '../i18n';

type OptionTexts = Catalogue['rewrites']['options'];

import { ACTIVATIONS } from '../layers';
import { expected } from '../layers/common';

/**
 * Options of each rewrite. Strict objects: an option another rule takes (say
 * `ratio` for stack) is an error naming it, not silently ignored. Each field says
 * what it does (`text`, its key in the catalogue's rewrites.options) and, where several rules have an option of the same
 * meaning under different names, a shared short name (`alias`): the CLI's --channels
 * sets intermediateChannels for stack and channels for bottleneck.
 */

interface FieldMeta {
  /** A key of rewrites.options; a plain string here, as the catalogue's type is made from the rules. */
  text: string;
  alias?: string;
}
const field = <T extends z.ZodType>(schema: T, meta: FieldMeta): T => schema.meta({ ...meta });

const channels = () =>
  z
    .number(expected('a positive whole number of channels'))
    .int(expected('a positive whole number of channels'))
    .positive(expected('a positive whole number of channels'));

const activation = () => z.enum(ACTIVATIONS, expected(`one of ${ACTIVATIONS.join(', ')}`));

export const stackOptions = z.strictObject({
  intermediateChannels: field(channels().optional(), {
    alias: 'channels',
    text: 'stackChannels',
  }),
  // The paper found ReLU between the convs better than linear.
  activation: field(activation().default('relu'), { text: 'activation' }),
});

export const asymmetricOptions = z.strictObject({
  intermediateChannels: field(channels().optional(), {
    alias: 'channels',
    text: 'asymmetricChannels',
  }),
  activation: field(activation().default('relu'), { text: 'activation' }),
  order: field(z.enum(['1xn', 'nx1'], expected("'1xn' or 'nx1'")).default('1xn'), {
    text: 'order',
  }),
});

export const bottleneckOptions = z
  .strictObject({
    ratio: field(
      z
        .number(expected('a ratio above 0 and below 1'))
        .gt(0, expected('a ratio above 0 and below 1'))
        .lt(1, expected('a ratio above 0 and below 1'))
        .optional(),
      { text: 'ratio' },
    ),
    channels: field(channels().optional(), {
      text: 'bottleneckChannels',
    }),
  })
  .refine((o) => o.ratio === undefined || o.channels === undefined, {
    message: 'give ratio or channels, not both',
  });

export const gridReductionOptions = z.strictObject({});

export const filterBankOptions = z.strictObject({
  branch1xnChannels: field(channels().optional(), {
    alias: 'channels',
    text: 'branchChannels',
  }),
});

export type StackOptions = z.output<typeof stackOptions>;
export type AsymmetricOptions = z.output<typeof asymmetricOptions>;
export type BottleneckOptions = z.output<typeof bottleneckOptions>;
export type FilterBankOptions = z.output<typeof filterBankOptions>;

export type StackOptionsInput = z.input<typeof stackOptions>;
export type AsymmetricOptionsInput = z.input<typeof asymmetricOptions>;
export type BottleneckOptionsInput = z.input<typeof bottleneckOptions>;
export type FilterBankOptionsInput = z.input<typeof filterBankOptions>;

/** One option of a rule, as a form or a command line offers it. */
export interface OptionField {
  key: string;
  /** The name shared with other rules' options of the same meaning; the key where there is none. */
  alias: string;
  description: string;
}

/** A rule's options schema as fields, described in `language`: what a form shows and which flags a command line takes. */
export function optionFields(schema: z.ZodType, language: Language = 'en'): OptionField[] {
  const shape = (schema as Partial<z.ZodObject>).shape ?? {};
  const texts = catalogues[language].rewrites.options;
  return Object.entries(shape).map(([key, fieldSchema]) => {
    const meta = (fieldSchema as z.ZodType).meta() as Partial<FieldMeta> | undefined;
    return {
      key,
      alias: meta?.alias ?? key,
      description: meta?.text ? (texts[meta.text as keyof OptionTexts] ?? '') : '',
    };
  });
}
