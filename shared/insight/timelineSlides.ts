import { formatInt, formatSI } from '../analysis';
import { type Language, translator } from '../i18n';
import type { Slide, SlideChart, SlideTable } from '../slides';
import type { Timeline, TimelinePoint } from './timeline';
import { timelineSvg } from './timelineSvg';
import { timelineNote } from './timelineText';

const figure = (p: TimelinePoint, key: 'depth' | 'params' | 'macs') => {
  const f = p[key];
  if (!f) return '—';
  const text = key === 'depth' ? String(f.value) : formatSI(f.value);
  const paper = p.entry.published[key];
  // Where the template counts differently from the paper, show both.
  const differs = f.from === 'computed' && paper !== null && Math.abs(paper - f.value) / paper > 0.05;
  return `${text}${f.from === 'published' ? ' (ref.)' : ''}${differs ? ` (paper: ${key === 'depth' ? paper : formatSI(paper)})` : ''}`;
};

export function timelineTable(t: Timeline): SlideTable {
  return {
    header: ['Network', 'Year', 'Top-5 error', 'Evaluated as', 'Depth', 'Parameters', 'Multiply-adds'],
    rows: t.points.map((p) => [
      p.entry.name,
      // A string: a number cell would print the year with a thousands separator.
      String(p.entry.year),
      `${p.entry.top5.value}%`,
      p.entry.top5.evaluation.replace('-', ' '),
      figure(p, 'depth'),
      figure(p, 'params'),
      figure(p, 'macs'),
    ]),
  };
}

export function timelineChart(t: Timeline): SlideChart {
  return {
    title: `ImageNet top-5 error (%); human estimate ${t.human.value}%`,
    categories: t.points.map((p) => `${p.entry.name} ${p.entry.year}`),
    series: [
      // Bars only (the deck's charts are bar charts): the human estimate is in the title, not a bar per year.
      { name: 'top-5 error (%)', values: t.points.map((p) => p.entry.top5.value) },
    ],
    yLabel: 'top-5 error (%)',
  };
}

/** Sources and what each figure is, for a slide's speaker notes. */
export function timelineNotes(t: Timeline, language: Language = 'en'): string {
  const { t: say, int, decimal } = translator('insight', language);
  const pct = (value: number) => decimal(String(value));
  const lines = t.points.map(({ entry: e }) => {
    const single = e.singleModel
      ? say('timeline.noteSingle', {
          value: pct(e.singleModel.value),
          note: timelineNote(language, e.id, 'singleModel', e.singleModel.note),
        })
      : '';
    const templateNote = timelineNote(language, e.id, 'templateNote', e.templateNote);
    const counts = `${e.template ? say('timeline.noteCounts', { template: e.template }) : ''}${templateNote ? ` ${templateNote}` : ''}`;
    const top5 = timelineNote(language, e.id, 'top5', e.top5.note);
    return (
      say('timeline.noteEntry', { name: e.name, year: e.year, value: pct(e.top5.value), note: top5 }) +
      single +
      counts +
      say('timeline.noteSource', { citation: e.source.citation, year: e.source.year })
    );
  });
  lines.push(
    say('timeline.noteHuman', {
      value: pct(t.human.value),
      note: timelineNote(language, 'human', 'note', t.human.note),
      citation: t.human.source.citation,
      year: t.human.source.year,
    }),
  );
  if (t.own) {
    lines.push(
      say('timeline.noteOwn', {
        name: t.own.name,
        depth: t.own.depth,
        params: int(t.own.params),
        macs: int(t.own.macs),
      }),
    );
  }
  return lines.join('\n');
}

/**
 * The timeline as three slides: the error by year (the picture, and the same figures as a native
 * chart a teacher can restyle), multiply-adds by depth, then every figure in a table; sources in
 * the notes.
 */
export function timelineSlides(t: Timeline): Slide[] {
  const notes = timelineNotes(t);
  return [
    {
      title: 'Deeper networks cut ImageNet error',
      headline: `${t.points[0]?.entry.top5.value}% → ${t.points.at(-1)?.entry.top5.value}% top-5 error in ${
        (t.points.at(-1)?.entry.year ?? 0) - (t.points[0]?.entry.year ?? 0)
      } years`,
      pictureSvg: timelineSvg(t, 'year'),
      chart: timelineChart(t),
      notes,
    },
    {
      title: 'Depth and cost of the winners',
      pictureSvg: timelineSvg(t, 'cost'),
      caption: t.own
        ? `${t.own.name} stands by its depth and multiply-adds only: it was not trained on ImageNet.`
        : 'Depth in weight layers on the longest path; multiply-adds per image.',
      notes,
    },
    {
      title: 'The figures',
      table: timelineTable(t),
      caption: 'Headline errors are mostly ensembles; single-model figures are in the notes.',
      notes,
    },
  ];
}
