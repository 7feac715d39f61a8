import path from 'node:path';
import { analyzeGraph, formatShape } from '../../shared/analysis';
import { translator } from '../../shared/i18n';
import { comparisonDeck, type Deck } from '../../shared/slides';
import {
  type Comparison,
  compareGraphs,
  comparisonHeadline,
  countingNote,
  OUTSIDE_MODULES,
  signedPct,
  toCsv,
  toJson,
  toMarkdown,
  toSvgChart,
} from '../../shared/transforms';
import { commonOptions, parseInputShape } from './args';
import { defineCommand } from './command';
import { CliError, ExitCode } from './io';
import { hasErrors, loadNetworkForCli } from './network';
import { writableOrExplain, writeOrExplain } from './output';
import { problemLines } from './reportText';
import { renderTable } from './table';
import { type CliText, cliText } from './text';

function comparisonText(c: Comparison, text: CliText): string {
  const { t, int, decimal } = text;
  const signed = (delta: number) => (delta === 0 ? '0' : `${delta > 0 ? '+' : '−'}${int(Math.abs(delta))}`);
  const change = (delta: number, pct: number | null) => `${signed(delta)} (${decimal(signedPct(pct))})`;
  const cell = (value: number | undefined) => (value === undefined ? '—' : int(value));
  const d = c.difference;
  const totals = renderTable(
    ['', `A: ${c.a.name}`, `B: ${c.b.name}`, t('more.compare.change')],
    [
      [t('more.compare.parameters'), int(c.a.totals.params), int(c.b.totals.params), change(d.params, d.paramsPct)],
      [t('more.compare.macs'), int(c.a.totals.macs), int(c.b.totals.macs), change(d.macs, d.macsPct)],
      [t('more.compare.flops'), int(c.a.totals.flops), int(c.b.totals.flops), signed(d.flops)],
      [
        t('more.compare.outputShape'),
        c.a.outputShapes.map(formatShape).join(', '),
        c.b.outputShapes.map(formatShape).join(', '),
        '',
      ],
    ],
    [false, true, true, true],
  );
  const header = (['paramsA', 'paramsB', 'changeShort', 'macsA', 'macsB', 'changeShort'] as const).map((k) =>
    t(`more.compare.${k}`),
  );
  const outside = translator('rewrites', text.language).t('compare.outsideModules');
  const modules = renderTable(
    [t(`more.compare.${c.rowsBy}`), ...header],
    c.modules.map((m) => [
      m.module === OUTSIDE_MODULES ? outside : m.module,
      cell(m.a?.params),
      cell(m.b?.params),
      change(m.difference.params, m.difference.paramsPct),
      cell(m.a?.macs),
      cell(m.b?.macs),
      change(m.difference.macs, m.difference.macsPct),
    ]),
    [false, true, true, true, true, true, true],
  );
  return [comparisonHeadline(c, text.language), '', totals, '', modules, '', countingNote(text.language)].join('\n');
}

/** The deck as .pptx and .pdf where asked; pptxgenjs loads only then, not for every compare. */
async function writeSlides(deck: Deck, files: { pptx?: string | undefined; pdf?: string | undefined }): Promise<void> {
  const { deckToPdf, deckToPptx, SlidesProblem } = await import('../services/slides');
  if (files.pptx !== undefined) await writeOrExplain(files.pptx, await deckToPptx(deck));
  if (files.pdf === undefined) return;
  try {
    await writeOrExplain(files.pdf, await deckToPdf(deck));
  } catch (err) {
    if (err instanceof SlidesProblem) throw new CliError(err.message);
    throw err;
  }
}

export const compareCommand = defineCommand({
  name: 'compare',
  positionals: ['A', 'B'],
  synopsis: 'A B [--md | --csv | --json] [--svg CHART_FILE] [--pptx DECK.pptx] [--pdf DECK.pdf] [--input-shape H,W,C]',
  helpValues: ({ language }) => ({ countingNote: countingNote(language) }),
  options: {
    md: { type: 'boolean', text: 'md' },
    csv: { type: 'boolean', text: 'csv' },
    json: commonOptions.json,
    svg: {
      type: 'string',
      value: 'CHART_FILE',
      text: 'svg',
    },
    pptx: {
      type: 'string',
      value: 'DECK.pptx',
      text: 'pptx',
    },
    pdf: { type: 'string', value: 'DECK.pdf', text: 'pdf' },
    'input-shape': commonOptions['input-shape'],
  },
  async run({ values, positionals }, io) {
    const formats = (['md', 'csv', 'json'] as const).filter((f) => values[f]);
    if (formats.length > 1)
      throw new CliError(({ t }) =>
        t('more.compare.oneFormat', { flags: formats.map((f) => `--${f}`).join(t('more.args.and')) }),
      );
    for (const flag of ['pptx', 'pdf'] as const) {
      const file = values[flag];
      if (file !== undefined && path.extname(file).toLowerCase() !== `.${flag}`)
        throw new CliError(({ t }) => t('more.compare.deckName', { flag, file: JSON.stringify(file) }));
      // Before the PDF's seconds of conversion, not after.
      if (file !== undefined) await writableOrExplain(path.dirname(path.resolve(file)), `--${flag}`);
    }
    const inputShape = parseInputShape(values['input-shape']);
    const [fileA, fileB] = positionals as [string, string];
    const networks = [await loadNetworkForCli(fileA, inputShape), await loadNetworkForCli(fileB, inputShape)];
    const analyses = networks.map((n) => analyzeGraph(n.graph));
    const text = cliText(io);
    const broken = analyses.flatMap((a, i) => (hasErrors(a) ? problemLines(a, text, positionals[i]) : []));
    if (broken.length) {
      io.out([text.t('more.compare.hasErrors'), '', ...broken].join('\n'));
      return ExitCode.networkErrors;
    }
    // Two files often carry the same model name; the file names tell them apart.
    const sameName = networks[0]!.name === networks[1]!.name;
    const names = networks.map((n, i) => (sameName ? path.basename(positionals[i]!) : n.name));
    const comparison = compareGraphs(
      { name: names[0]!, graph: networks[0]!.graph, analysis: analyses[0]! },
      { name: names[1]!, graph: networks[1]!.graph, analysis: analyses[1]! },
    );
    if (values.svg !== undefined) {
      await writeOrExplain(values.svg, toSvgChart(comparison, { language: text.language }));
    }
    if (values.pptx !== undefined || values.pdf !== undefined) {
      await writeSlides(comparisonDeck(comparison, { language: text.language }), {
        pptx: values.pptx,
        pdf: values.pdf,
      });
    }
    if (values.json) io.out(toJson(comparison));
    else if (values.csv) io.out(toCsv(comparison));
    else if (values.md) io.out(toMarkdown(comparison, io.language));
    else io.out(comparisonText(comparison, text));
    return ExitCode.ok;
  },
});
