import { analyzeGraph, formatSI } from '../../shared/analysis';
import { translator } from '../../shared/i18n';
import {
  buildTimeline,
  evaluationKey,
  ownPoint,
  timelineJson,
  timelineNote,
  timelineSlides,
  timelineSvg,
} from '../../shared/insight';
import { commonOptions } from './args';
import { defineCommand } from './command';
import { CliError, ExitCode } from './io';
import { hasErrors, loadNetworkForCli } from './network';
import { writeOrExplain } from './output';
import { renderTable } from './table';
import { cliText } from './text';

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
    if (view !== 'year' && view !== 'cost') throw new CliError(({ t }) => t('more.timeline.view', { view }));
    const { t, int, decimal } = cliText(io);
    const language = io.language ?? 'en';
    const ui = translator('ui', language);
    let own = null;
    if (file !== undefined) {
      const network = await loadNetworkForCli(file);
      const analysis = analyzeGraph(network.graph);
      if (hasErrors(analysis)) {
        throw new CliError(({ t }) => t('more.timeline.hasErrors', { file }));
      }
      own = ownPoint(network.name, network.graph, analysis);
    }
    const timeline = buildTimeline(own);
    if (values.svg) {
      await writeOrExplain(values.svg, timelineSvg(timeline, view, language));
      if (!values.json) io.err(t('more.timeline.wrote', { file: values.svg }));
    }
    if (values.pptx) {
      if (!values.pptx.toLowerCase().endsWith('.pptx'))
        throw new CliError(({ t }) => t('more.timeline.pptxName', { file: values.pptx! }));
      const { deckToPptx } = await import('../services/slides');
      const deck = {
        title: translator('insight', language).t('slides.deck'),
        slides: timelineSlides(timeline, language),
      };
      await writeOrExplain(values.pptx, await deckToPptx(deck));
      if (!values.json) io.err(t('more.timeline.wroteSlides', { count: deck.slides.length, file: values.pptx }));
    }
    if (values.json) {
      io.out(JSON.stringify(timelineJson(timeline)));
      return ExitCode.ok;
    }
    const figure = (f: { value: number; from: string } | null, si: boolean) =>
      f
        ? `${decimal(si ? formatSI(f.value) : String(f.value))}${f.from === 'published' ? t('more.timeline.reference') : ''}`
        : '—';
    const header = (['network', 'year', 'top5', 'as', 'singleModel', 'depth', 'params', 'macs'] as const).map((k) =>
      t(`more.timeline.${k}`),
    );
    const rows = timeline.points.map((p) => [
      p.entry.name,
      String(p.entry.year),
      decimal(`${p.entry.top5.value}%`),
      ui.t(evaluationKey[p.entry.top5.evaluation]),
      p.entry.singleModel ? decimal(`${p.entry.singleModel.value}%`) : '—',
      figure(p.depth, false),
      figure(p.params, true),
      figure(p.macs, true),
    ]);
    io.out(renderTable(header, rows, [false, false, true, false, true, true, true, true]));
    const humanNote = timelineNote(language, 'human', 'note', timeline.human.note);
    io.out(t('more.timeline.human', { value: decimal(String(timeline.human.value)), note: humanNote }));
    if (own) {
      io.out(
        t('more.timeline.own', { name: own.name, depth: own.depth, params: int(own.params), macs: int(own.macs) }),
      );
    }
    io.out(t('more.timeline.sources'));
    return ExitCode.ok;
  },
});
