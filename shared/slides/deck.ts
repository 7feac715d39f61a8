import { formatShape } from '../analysis';
import { type Catalogue, formatInteger, type Language, localizeDecimal, translator } from '../i18n';
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

type TableWord = keyof Catalogue['rewrites']['compare']['md'];

/** The words of the comparison tables, shared with the Markdown report. */
function tableWords(language: Language) {
  const { t } = translator('rewrites', language);
  return (key: TableWord) => t(`compare.md.${key}`);
}

function totalsTable(c: Comparison, language: Language): SlideTable {
  const word = tableWords(language);
  const a = c.a.totals;
  const b = c.b.totals;
  const d = c.difference;
  const signed = (value: number) => signedInt(value, language);
  const sameShape = shapes(c.a) === shapes(c.b);
  return {
    header: ['', c.a.name, c.b.name, `${word('change')} (B − A)`],
    rows: [
      [word('parameters'), a.params, b.params, signedChange(d.params, d.paramsPct, language)],
      [word('trainable'), a.trainableParams, b.trainableParams, signed(d.trainableParams)],
      [word('nonTrainable'), a.nonTrainableParams, b.nonTrainableParams, signed(d.nonTrainableParams)],
      [word('macs'), a.macs, b.macs, signedChange(d.macs, d.macsPct, language)],
      [word('flops'), a.flops, b.flops, signed(d.flops)],
      [word('outputShape'), shapes(c.a), shapes(c.b), word(sameShape ? 'same' : 'different')],
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
  const word = tableWords(language);
  const title = options.title ?? words.t('compare.versus', { a: c.a.name, b: c.b.name });
  const rowsPerSlide = Math.max(1, Math.floor(options.rowsPerSlide ?? DEFAULT_ROWS_PER_SLIDE));
  const sides = words.t('compare.md.legend', { a: c.a.name, b: c.b.name });
  const note = countingNote(language);
  const notes = `${sides} ${note}`;
  const d = c.difference;
  const byModule = c.rowsBy === 'module';
  const pct = (value: number | null) => localizeDecimal(signedPct(value), language);
  const count = (value: number) => formatInteger(value, language);
  // Even pages (6 + 6, not 9 + 3): a short last slide looks like something went missing.
  const pageCount = Math.max(1, Math.ceil(c.modules.length / rowsPerSlide));
  const pages = chunks(c.modules, Math.ceil(c.modules.length / pageCount) || 1);
  const slides: Slide[] = [
    {
      title,
      headline: comparisonHeadline(c, language),
      caption: [
        `- **${word('parameters')}:** ${count(c.a.totals.params)} → ${count(c.b.totals.params)} (${pct(d.paramsPct)})`,
        `- **${word('macs')}:** ${count(c.a.totals.macs)} → ${count(c.b.totals.macs)} (${pct(d.macsPct)})`,
        `- A: ${c.a.name}; B: ${c.b.name}`,
      ].join('\n'),
      notes,
    },
    { title: word('totals'), table: totalsTable(c, language), caption: note, notes },
    ...(['params', 'macs'] as const).map((what): Slide => {
      const chart = perRowChart(c, what, language);
      return { title: chart.title, chart, notes };
    }),
    // Percent changes only: seven columns of exact counts fit a slide at 14 pt, nine do not.
    ...pages.map(
      (rows, i): Slide => ({
        title: `${word(byModule ? 'perModule' : 'perLayer')}${pages.length > 1 ? ` (${i + 1}/${pages.length})` : ''}`,
        table: {
          header: [
            word(byModule ? 'moduleColumn' : 'layerColumn'),
            word('paramsA'),
            word('paramsB'),
            word('change'),
            word('macsA'),
            word('macsB'),
            word('change'),
          ],
          rows: rows.map((m) => [
            m.module,
            cell(m.a?.params),
            cell(m.b?.params),
            pct(m.difference.paramsPct),
            cell(m.a?.macs),
            cell(m.b?.macs),
            pct(m.difference.macsPct),
          ]),
        },
        notes,
      }),
    ),
  ];
  return { title, slides };
}
