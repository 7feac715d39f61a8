import { formatSI } from '../analysis';
import { type Language, translator } from '../i18n';
import type { Slide, SlideChart, SlideTable } from '../slides';
import type { Timeline, TimelinePoint } from './timeline';
import { timelineSvg } from './timelineSvg';
import { evaluationKey, timelineNote } from './timelineText';

type Texts = ReturnType<typeof translator<'insight'>>;

function figure(p: TimelinePoint, key: 'depth' | 'params' | 'macs', { t, decimal }: Texts): string {
  const f = p[key];
  if (!f) return '—';
  const size = (v: number) => (key === 'depth' ? String(v) : decimal(formatSI(v)));
  const paper = p.entry.published[key];
  // Where the template counts differently from the paper, show both.
  const differs = f.from === 'computed' && paper !== null && Math.abs(paper - f.value) / paper > 0.05;
  return `${size(f.value)}${f.from === 'published' ? t('slides.reference') : ''}${differs ? t('slides.paper', { value: size(paper) }) : ''}`;
}

export function timelineTable(t: Timeline, language: Language = 'en'): SlideTable {
  const texts = translator('insight', language);
  const ui = translator('ui', language);
  const say = texts.t;
  return {
    header: (['network', 'year', 'top5', 'evaluated', 'depth', 'parameters', 'macs'] as const).map((k) =>
      say(`slides.${k}`),
    ),
    rows: t.points.map((p) => [
      p.entry.name,
      // A string: a number cell would print the year with a thousands separator.
      String(p.entry.year),
      `${texts.decimal(String(p.entry.top5.value))}%`,
      ui.t(evaluationKey[p.entry.top5.evaluation]),
      figure(p, 'depth', texts),
      figure(p, 'params', texts),
      figure(p, 'macs', texts),
    ]),
  };
}

export function timelineChart(t: Timeline, language: Language = 'en'): SlideChart {
  const { t: say, decimal } = translator('insight', language);
  return {
    title: say('slides.chartTitle', { value: decimal(String(t.human.value)) }),
    categories: t.points.map((p) => `${p.entry.name} ${p.entry.year}`),
    series: [
      // Bars only (the deck's charts are bar charts): the human estimate is in the title, not a bar per year.
      { name: say('slides.chartSeries'), values: t.points.map((p) => p.entry.top5.value) },
    ],
    yLabel: say('slides.chartSeries'),
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
export function timelineSlides(t: Timeline, language: Language = 'en'): Slide[] {
  const notes = timelineNotes(t, language);
  const { t: say, decimal } = translator('insight', language);
  const first = t.points[0]?.entry;
  const last = t.points.at(-1)?.entry;
  return [
    {
      title: say('slides.yearTitle'),
      headline: say('slides.headline', {
        from: decimal(String(first?.top5.value)),
        to: decimal(String(last?.top5.value)),
        years: (last?.year ?? 0) - (first?.year ?? 0),
      }),
      pictureSvg: timelineSvg(t, 'year', language),
      chart: timelineChart(t, language),
      notes,
    },
    {
      title: say('slides.costTitle'),
      pictureSvg: timelineSvg(t, 'cost', language),
      caption: t.own ? say('slides.costOwn', { name: t.own.name }) : say('slides.costCaption'),
      notes,
    },
    {
      title: say('slides.tableTitle'),
      table: timelineTable(t, language),
      caption: say('slides.tableCaption'),
      notes,
    },
  ];
}
