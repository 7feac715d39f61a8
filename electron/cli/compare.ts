import path from 'node:path';
import { analyzeGraph, formatInt, formatShape } from '../../shared/analysis';
import { comparisonDeck, type Deck } from '../../shared/slides';
import {
  COUNTING_NOTE,
  type Comparison,
  compareGraphs,
  comparisonHeadline,
  signedInt,
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
import { cliText } from './text';

const change = (delta: number, pct: number | null) => `${signedInt(delta)} (${signedPct(pct)})`;
const cell = (value: number | undefined) => (value === undefined ? '—' : formatInt(value));

function comparisonText(c: Comparison): string {
  const d = c.difference;
  const totals = renderTable(
    ['', `A: ${c.a.name}`, `B: ${c.b.name}`, 'change (B − A)'],
    [
      ['parameters', formatInt(c.a.totals.params), formatInt(c.b.totals.params), change(d.params, d.paramsPct)],
      ['multiply-adds', formatInt(c.a.totals.macs), formatInt(c.b.totals.macs), change(d.macs, d.macsPct)],
      ['FLOPs', formatInt(c.a.totals.flops), formatInt(c.b.totals.flops), signedInt(d.flops)],
      ['output shape', c.a.outputShapes.map(formatShape).join(', '), c.b.outputShapes.map(formatShape).join(', '), ''],
    ],
    [false, true, true, true],
  );
  const modules = renderTable(
    [c.rowsBy, 'params A', 'params B', 'change', 'MACs A', 'MACs B', 'change'],
    c.modules.map((m) => [
      m.module,
      cell(m.a?.params),
      cell(m.b?.params),
      change(m.difference.params, m.difference.paramsPct),
      cell(m.a?.macs),
      cell(m.b?.macs),
      change(m.difference.macs, m.difference.macsPct),
    ]),
    [false, true, true, true, true, true, true],
  );
  return [comparisonHeadline(c), '', totals, '', modules, '', COUNTING_NOTE].join('\n');
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
  summary: 'Two networks side by side: totals, per module, difference (--md, --csv, --json, --svg, --pptx, --pdf)',
  help: `Compares two networks side by side (any two files: an original and its factorized
variant, or two designs): totals, each module's parameters and multiply-adds, and
the difference B − A. Prints a text table, or Markdown, CSV or JSON.

${COUNTING_NOTE}`,
  options: {
    md: { type: 'boolean', description: 'print Markdown tables' },
    csv: { type: 'boolean', description: 'print CSV' },
    json: commonOptions.json,
    svg: {
      type: 'string',
      value: 'CHART_FILE',
      description: 'write a bar chart (parameters and multiply-adds per module, both networks)',
    },
    pptx: {
      type: 'string',
      value: 'DECK.pptx',
      description: 'write slides: headline, totals, charts and per-module table (editable PowerPoint)',
    },
    pdf: { type: 'string', value: 'DECK.pdf', description: 'write the same slides as PDF (needs LibreOffice)' },
    'input-shape': commonOptions['input-shape'],
  },
  async run({ values, positionals }, io) {
    const formats = (['md', 'csv', 'json'] as const).filter((f) => values[f]);
    if (formats.length > 1)
      throw new CliError(`Choose one output format, not ${formats.map((f) => `--${f}`).join(' and ')}.`);
    for (const flag of ['pptx', 'pdf'] as const) {
      const file = values[flag];
      if (file !== undefined && path.extname(file).toLowerCase() !== `.${flag}`)
        throw new CliError(
          `--${flag} writes a .${flag} file; name it like DECK.${flag} (got ${JSON.stringify(file)}).`,
        );
      // Before the PDF's seconds of conversion, not after.
      if (file !== undefined) await writableOrExplain(path.dirname(path.resolve(file)), `--${flag}`);
    }
    const inputShape = parseInputShape(values['input-shape']);
    const [fileA, fileB] = positionals as [string, string];
    const networks = [await loadNetworkForCli(fileA, inputShape), await loadNetworkForCli(fileB, inputShape)];
    const analyses = networks.map((n) => analyzeGraph(n.graph));
    const broken = analyses.flatMap((a, i) => (hasErrors(a) ? problemLines(a, cliText(io), positionals[i]) : []));
    if (broken.length) {
      io.out(['Both networks must be free of errors to be compared.', '', ...broken].join('\n'));
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
      await writeOrExplain(values.svg, toSvgChart(comparison));
    }
    if (values.pptx !== undefined || values.pdf !== undefined) {
      await writeSlides(comparisonDeck(comparison), { pptx: values.pptx, pdf: values.pdf });
    }
    if (values.json) io.out(toJson(comparison));
    else if (values.csv) io.out(toCsv(comparison));
    else if (values.md) io.out(toMarkdown(comparison));
    else io.out(comparisonText(comparison));
    return ExitCode.ok;
  },
});
