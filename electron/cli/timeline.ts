import { analyzeGraph, formatInt, formatSI } from '../../shared/analysis';
import { buildTimeline, ownPoint, timelineJson, timelineSlides, timelineSvg } from '../../shared/insight';
import { commonOptions } from './args';
import { defineCommand } from './command';
import { CliError, ExitCode } from './io';
import { hasErrors, loadNetworkForCli } from './network';
import { writeOrExplain } from './output';
import { renderTable } from './table';

/** The ImageNet error timeline of the lecture's networks; a network file is placed by its depth and cost. */
export const timelineCommand = defineCommand({
  name: 'timeline',
  positionals: ['[FILE]'],
  synopsis: '[FILE] [--json] [--svg OUT.svg] [--view year|cost] [--pptx DECK.pptx]',
  options: {
    json: commonOptions.json,
    svg: { type: 'string', value: 'OUT.svg', text: 'svgTimeline' },
    pptx: {
      type: 'string',
      value: 'DECK.pptx',
      text: 'pptxTimeline',
    },
    view: {
      type: 'string',
      value: 'year|cost',
      text: 'view',
    },
  },
  async run({ values, positionals: [file] }, io) {
    const view = values.view ?? 'year';
    if (view !== 'year' && view !== 'cost') throw new CliError(`--view must be "year" or "cost", not "${view}".`);
    let own = null;
    if (file !== undefined) {
      const network = await loadNetworkForCli(file);
      const analysis = analyzeGraph(network.graph);
      if (hasErrors(analysis)) {
        throw new CliError(
          `${file} has errors, so its depth and cost are unknown: run \`npx netwright analyze ${file}\`.`,
        );
      }
      own = ownPoint(network.name, network.graph, analysis);
    }
    const timeline = buildTimeline(own);
    if (values.svg) {
      await writeOrExplain(values.svg, timelineSvg(timeline, view));
      if (!values.json) io.err(`Wrote ${values.svg}`);
    }
    if (values.pptx) {
      if (!values.pptx.toLowerCase().endsWith('.pptx'))
        throw new CliError(`--pptx must end in .pptx, got "${values.pptx}".`);
      const { deckToPptx } = await import('../services/slides');
      const deck = { title: 'ImageNet top-5 error', slides: timelineSlides(timeline) };
      await writeOrExplain(values.pptx, await deckToPptx(deck));
      if (!values.json) io.err(`Wrote ${deck.slides.length} slides to ${values.pptx}`);
    }
    if (values.json) {
      io.out(JSON.stringify(timelineJson(timeline)));
      return ExitCode.ok;
    }
    const figure = (f: { value: number; from: string } | null, si: boolean) =>
      f ? `${si ? formatSI(f.value) : f.value}${f.from === 'published' ? ' (ref.)' : ''}` : '—';
    const rows = timeline.points.map((p) => [
      p.entry.name,
      String(p.entry.year),
      `${p.entry.top5.value}%`,
      p.entry.top5.evaluation.replace('-', ' '),
      p.entry.singleModel ? `${p.entry.singleModel.value}%` : '—',
      figure(p.depth, false),
      figure(p.params, true),
      figure(p.macs, true),
    ]);
    io.out(
      renderTable(['network', 'year', 'top-5', 'as', 'single model', 'depth', 'params', 'MACs'], rows, [
        false,
        false,
        true,
        false,
        true,
        true,
        true,
        true,
      ]),
    );
    io.out(`human estimate: ${timeline.human.value}% top-5 (${timeline.human.note})`);
    if (own) {
      io.out(
        `${own.name}: depth ${own.depth}, ${formatInt(own.params)} parameters, ${formatInt(own.macs)} MACs (not trained on ImageNet: no error to compare)`,
      );
    }
    io.out('Sources: npx netwright timeline --json (networks[].source).');
    return ExitCode.ok;
  },
});
