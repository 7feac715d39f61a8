import { type Analysis, formatShape, type ReceptiveField } from '../analysis';
import { formatInteger, type Language, localizeDecimal, receptiveFieldText } from '../i18n';

/**
 * What a caption's numbers are read from: the step's network, and the one it is compared with;
 * and the lesson's language, which writes them (1,234,567 / 1.234.567; 28% / 28 %).
 */
export interface CaptionContext {
  analysis: Analysis;
  other: Analysis | null;
  language?: Language;
}

type Reader = (c: CaptionContext) => string | null;

const output = (a: Analysis) => a.nodes[a.outputs[0] ?? '']?.outputShape ?? null;
const languageIn = (c: CaptionContext): Language => c.language ?? 'en';
const formatInt = (value: number, c: CaptionContext) => formatInteger(value, languageIn(c));
/** German sets a (non-breaking) space before %, as DIN 5008 asks. */
const pct = (value: number, c: CaptionContext) =>
  `${localizeDecimal(String(Number(value.toFixed(1))), languageIn(c))}${languageIn(c) === 'de' ? '\u00a0%' : '%'}`;

const fieldText = (rf: ReceptiveField | null | undefined, c: CaptionContext) => receptiveFieldText(rf, languageIn(c));

const signed = (value: number, text: string) => (value > 0 ? `+${text}` : value < 0 ? `−${text}` : text);

/** share of `base` that `delta` is, as "28%"; null where the base is 0. */
const share = (delta: number, base: number, c: CaptionContext) =>
  base === 0 ? null : pct((Math.abs(delta) / base) * 100, c);

const totals =
  (key: 'params' | 'macs' | 'trainableParams' | 'nonTrainableParams' | 'flops'): Reader =>
  (c) =>
    formatInt(c.analysis.totals[key], c);

function compared(read: (a: Analysis, b: Analysis, c: CaptionContext) => string | null): Reader {
  return (c) => (c.other ? read(c.analysis, c.other, c) : null);
}

/**
 * Every placeholder a caption may hold. `saved.*`: what this step's network saves against the
 * one it is compared with (other − this, share of the other); `change.*`: this − other, signed.
 */
export const placeholders: Readonly<Record<string, Reader>> = {
  params: totals('params'),
  trainableParams: totals('trainableParams'),
  nonTrainableParams: totals('nonTrainableParams'),
  macs: totals('macs'),
  flops: totals('flops'),
  /** Layers with weights, batch norm not counted: how papers count depth (AlexNet 8, VGG-16 16). */
  depth: (c) =>
    formatInt(
      c.analysis.order.filter((id) => {
        const n = c.analysis.nodes[id]!;
        return n.paramCount.total > 0 && n.kind !== 'BatchNorm';
      }).length,
      c,
    ),
  outputShape: (c) => formatShape(output(c.analysis)),
  rf: (c) => fieldText(c.analysis.nodes[c.analysis.outputs[0] ?? '']?.receptiveField, c),
  'other.params': compared((_a, b, c) => formatInt(b.totals.params, c)),
  'other.macs': compared((_a, b, c) => formatInt(b.totals.macs, c)),
  'other.rf': compared((_a, b, c) => fieldText(b.nodes[b.outputs[0] ?? '']?.receptiveField, c)),
  'saved.params': compared((a, b, c) => formatInt(b.totals.params - a.totals.params, c)),
  'saved.macs': compared((a, b, c) => formatInt(b.totals.macs - a.totals.macs, c)),
  'saved.paramsPct': compared((a, b, c) => share(b.totals.params - a.totals.params, b.totals.params, c)),
  'saved.macsPct': compared((a, b, c) => share(b.totals.macs - a.totals.macs, b.totals.macs, c)),
  'change.paramsPct': compared((a, b, c) => {
    const s = share(a.totals.params - b.totals.params, b.totals.params, c);
    return s && signed(a.totals.params - b.totals.params, s);
  }),
  'change.macsPct': compared((a, b, c) => {
    const s = share(a.totals.macs - b.totals.macs, b.totals.macs, c);
    return s && signed(a.totals.macs - b.totals.macs, s);
  }),
  'change.macsRatio': compared((a, b, c) =>
    b.totals.macs === 0
      ? null
      : `${localizeDecimal(String(Number((a.totals.macs / b.totals.macs).toFixed(2))), languageIn(c))}×`,
  ),
};

export const placeholderNames = Object.keys(placeholders);

/**
 * The caption with its {placeholders} replaced by the step's numbers. A placeholder it cannot
 * fill stays as written, and `problems` says why, so the rest of the caption still shows.
 */
export function fillCaption(caption: string, context: CaptionContext | null): { text: string; problems: string[] } {
  const problems: string[] = [];
  const text = caption.replace(/\{([A-Za-z.]+)\}/g, (whole, name: string) => {
    const read = Object.hasOwn(placeholders, name) ? placeholders[name] : undefined;
    if (!read) {
      problems.push(
        `Unknown placeholder ${whole} in the caption: use one of ${placeholderNames.map((n) => `{${n}}`).join(', ')}.`,
      );
      return whole;
    }
    if (!context) return whole; // the step's network is missing: said once by the step
    const value = read(context);
    if (value === null) {
      problems.push(`${whole} needs a step to compare with: set this step's "compare with".`);
      return whole;
    }
    return value;
  });
  return { text, problems: [...new Set(problems)] };
}
