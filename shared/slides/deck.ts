import { formatInt, formatShape } from '../analysis';
import { type Language, translator } from '../i18n';
import type { Comparison, NetworkSide } from '../transforms/compare';
import { comparisonHeadline, countingNote, signedChange, signedInt, signedPct } from '../transforms/compareExport';

/**
 * A slide deck as data: what a comparison, a lesson or an experiment shows, independent of
 * the file format. electron/services/slides turns it into PowerPoint (native tables and
 * charts, so a teacher can still edit them) and PDF.
 */
export interface Deck {
  title: string;
  slides: Slide[];
}

export interface SlideTable {
  header: string[];
  rows: (string | number)[][];
}

export interface SlideChart {
  title: string;
  categories: string[];
  series: { name: string; values: number[] }[];
  yLabel: string;
}

export interface Slide {
  title: string;
  /** One line in large type, e.g. "−43% parameters, −55% multiply-adds". */
  headline?: string;
  /** Plain text; lines starting with "- " are bullets; **bold** allowed. */
  caption?: string;
  table?: SlideTable;
  chart?: SlideChart;
  /** A network picture or chart as SVG text. */
  pictureSvg?: string;
  /** Speaker notes. */
  notes?: string;
}

export interface ComparisonDeckOptions {
  /** The deck's and the first slide's title; "A vs B" by default. */
  title?: string;
  /** Rows of the per-module (per-layer) table on one slide; 14 pt text fits about 9. */
  rowsPerSlide?: number;
  /** The language of the headline, the charts and the counting note (default English). */
  language?: Language;
}

const DEFAULT_ROWS_PER_SLIDE = 9;

const cell = (value: number | undefined) => (value === undefined ? '—' : value);
const shapes = (side: NetworkSide) => side.outputShapes.map(formatShape).join(', ') || '?';

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length ? out : [[]];
}

function totalsTable(c: Comparison): SlideTable {
  const a = c.a.totals;
  const b = c.b.totals;
  const d = c.difference;
  return {
    header: ['', c.a.name, c.b.name, 'Change (B − A)'],
    rows: [
      ['Parameters', a.params, b.params, signedChange(d.params, d.paramsPct)],
      ['Trainable', a.trainableParams, b.trainableParams, signedInt(d.trainableParams)],
      ['Non-trainable', a.nonTrainableParams, b.nonTrainableParams, signedInt(d.nonTrainableParams)],
      ['Multiply-adds (MACs)', a.macs, b.macs, signedChange(d.macs, d.macsPct)],
      ['FLOPs', a.flops, b.flops, signedInt(d.flops)],
      ['Output shape', shapes(c.a), shapes(c.b), shapes(c.a) === shapes(c.b) ? 'same' : 'different'],
    ],
  };
}

function perRowChart(c: Comparison, what: 'params' | 'macs', language: Language = 'en'): SlideChart {
  const { t } = translator('rewrites', language);
  return {
    title: t(what === 'params' ? 'compare.paramsPer' : 'compare.macsPer', { rows: t(`compare.${c.rowsBy}`) }),
    categories: c.modules.map((m) => m.module),
    series: [
      { name: c.a.name, values: c.modules.map((m) => m.a?.[what] ?? 0) },
      { name: c.b.name, values: c.modules.map((m) => m.b?.[what] ?? 0) },
    ],
    yLabel: t(what === 'params' ? 'compare.paramsAxis' : 'compare.macsAxis'),
  };
}

/**
 * A comparison as slides: the headline, the totals, a native chart each for parameters and
 * multiply-adds per module (or per layer), then the per-row table over as many slides as it
 * needs. The counting convention goes into every slide's notes, where a teacher looks when asked.
 */
export function comparisonDeck(c: Comparison, options: ComparisonDeckOptions = {}): Deck {
  const language = options.language ?? 'en';
  const words = translator('rewrites', language);
  const title = options.title ?? words.t('compare.versus', { a: c.a.name, b: c.b.name });
  const rowsPerSlide = Math.max(1, Math.floor(options.rowsPerSlide ?? DEFAULT_ROWS_PER_SLIDE));
  const sides = `A: ${c.a.name}. B: ${c.b.name}. Change = B − A.`;
  const note = countingNote(language);
  const notes = `${sides} ${note}`;
  const d = c.difference;
  const unit = c.rowsBy === 'module' ? 'Module' : 'Layer';
  // Even pages (6 + 6, not 9 + 3): a short last slide looks like something went missing.
  const pageCount = Math.max(1, Math.ceil(c.modules.length / rowsPerSlide));
  const pages = chunks(c.modules, Math.ceil(c.modules.length / pageCount) || 1);
  const slides: Slide[] = [
    {
      title,
      headline: comparisonHeadline(c, language),
      caption: [
        `- **Parameters:** ${formatInt(c.a.totals.params)} → ${formatInt(c.b.totals.params)} (${signedPct(d.paramsPct)})`,
        `- **Multiply-adds:** ${formatInt(c.a.totals.macs)} → ${formatInt(c.b.totals.macs)} (${signedPct(d.macsPct)})`,
        `- A: ${c.a.name}; B: ${c.b.name}`,
      ].join('\n'),
      notes,
    },
    { title: 'Totals', table: totalsTable(c), caption: note, notes },
    ...(['params', 'macs'] as const).map((what): Slide => {
      const chart = perRowChart(c, what, language);
      return { title: chart.title, chart, notes };
    }),
    // Percent changes only: seven columns of exact counts fit a slide at 14 pt, nine do not.
    ...pages.map(
      (rows, i): Slide => ({
        title: `Per ${c.rowsBy}${pages.length > 1 ? ` (${i + 1}/${pages.length})` : ''}`,
        table: {
          header: [unit, 'Params A', 'Params B', 'Change', 'MACs A', 'MACs B', 'Change'],
          rows: rows.map((m) => [
            m.module,
            cell(m.a?.params),
            cell(m.b?.params),
            signedPct(m.difference.paramsPct),
            cell(m.a?.macs),
            cell(m.b?.macs),
            signedPct(m.difference.macsPct),
          ]),
        },
        notes,
      }),
    ),
  ];
  return { title, slides };
}
