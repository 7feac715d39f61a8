import { type Analysis, formatInt, formatReceptiveField, formatShape } from '../analysis';

/** What a caption's numbers are read from: the step's network, and the one it is compared with. */
export interface CaptionContext {
  analysis: Analysis;
  other: Analysis | null;
}

type Reader = (c: CaptionContext) => string | null;

const output = (a: Analysis) => a.nodes[a.outputs[0] ?? '']?.outputShape ?? null;
const pct = (value: number) => `${Number(value.toFixed(1))}%`;
const signed = (value: number, text: string) => (value > 0 ? `+${text}` : value < 0 ? `−${text}` : text);

/** share of `base` that `delta` is, as "28%"; null where the base is 0. */
const share = (delta: number, base: number) => (base === 0 ? null : pct((Math.abs(delta) / base) * 100));

const totals =
  (key: 'params' | 'macs' | 'trainableParams' | 'nonTrainableParams' | 'flops'): Reader =>
  (c) =>
    formatInt(c.analysis.totals[key]);

function compared(read: (a: Analysis, b: Analysis) => string | null): Reader {
  return (c) => (c.other ? read(c.analysis, c.other) : null);
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
    ),
  outputShape: (c) => formatShape(output(c.analysis)),
  rf: (c) => formatReceptiveField(c.analysis.nodes[c.analysis.outputs[0] ?? '']?.receptiveField),
  'other.params': compared((_a, b) => formatInt(b.totals.params)),
  'other.macs': compared((_a, b) => formatInt(b.totals.macs)),
  'other.rf': compared((_a, b) => formatReceptiveField(b.nodes[b.outputs[0] ?? '']?.receptiveField)),
  'saved.params': compared((a, b) => formatInt(b.totals.params - a.totals.params)),
  'saved.macs': compared((a, b) => formatInt(b.totals.macs - a.totals.macs)),
  'saved.paramsPct': compared((a, b) => share(b.totals.params - a.totals.params, b.totals.params)),
  'saved.macsPct': compared((a, b) => share(b.totals.macs - a.totals.macs, b.totals.macs)),
  'change.paramsPct': compared((a, b) => {
    const s = share(a.totals.params - b.totals.params, b.totals.params);
    return s && signed(a.totals.params - b.totals.params, s);
  }),
  'change.macsPct': compared((a, b) => {
    const s = share(a.totals.macs - b.totals.macs, b.totals.macs);
    return s && signed(a.totals.macs - b.totals.macs, s);
  }),
  'change.macsRatio': compared((a, b) =>
    b.totals.macs === 0 ? null : `${Number((a.totals.macs / b.totals.macs).toFixed(2))}×`,
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
