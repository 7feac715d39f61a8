import { formatShape } from '../analysis';
import { receptiveFieldText, translator } from '../i18n';
import { buildTimeline, type FieldResult, fieldsSideBySide, timelineNotes, timelineSvg } from '../insight';
import type { Deck, Slide } from '../slides';
import { comparisonHeadline } from '../transforms/compareExport';
import type { Lesson } from './lessonFile';
import { resolveStep } from './resolveStep';

/**
 * A lesson as slides: one per step, its title, caption (numbers filled), the step's figures as
 * a table, and for a comparison step the headline and the per-row chart of both networks.
 * A step's problems go into the speaker notes, so a deck still comes out.
 */
export function lessonDeck(lesson: Lesson): Deck {
  const { t: say, int } = translator('insight', lesson.language);
  const words = translator('rewrites', lesson.language);
  const slides = lesson.steps.map((_, i): Slide => {
    const step = resolveStep(lesson, i);
    const slide: Slide = { title: step.step.title, caption: step.caption };
    const a = step.analysis;
    const output = a ? a.nodes[a.outputs[0] ?? ''] : undefined;
    if (a) {
      slide.table = {
        header: ['', step.name],
        rows: [
          [say('deck.parameters'), int(a.totals.params)],
          [say('deck.macs'), int(a.totals.macs)],
          [say('deck.outputShape'), formatShape(output?.outputShape)],
          [say('deck.receptiveField'), receptiveFieldText(output?.receptiveField ?? null, lesson.language)],
        ],
      };
    }
    const c = step.comparison;
    // A receptive-field step beside its comparison keeps the comparison's figures next to the picture.
    if (c && (step.step.show === 'compare' || step.step.show === 'receptiveField')) {
      slide.headline = comparisonHeadline(c, lesson.language);
      slide.table = {
        header: ['', c.a.name, c.b.name],
        rows: [
          [say('deck.parameters'), int(c.a.totals.params), int(c.b.totals.params)],
          [say('deck.macs'), int(c.a.totals.macs), int(c.b.totals.macs)],
        ],
      };
      slide.chart = {
        title: words.t('compare.macsPer', { rows: words.t(`compare.${c.rowsBy}`) }),
        categories: c.modules.map((m) => m.module),
        series: [
          { name: c.a.name, values: c.modules.map((m) => m.a?.macs ?? 0) },
          { name: c.b.name, values: c.modules.map((m) => m.b?.macs ?? 0) },
        ],
        yLabel: say('deck.macs'),
      };
    }
    const notes = [...step.problems];
    if (step.step.show === 'timeline') {
      const timeline = buildTimeline();
      // The picture alone: a native chart beside it squeezed nine bars into a quarter slide.
      slide.pictureSvg = timelineSvg(timeline, 'year', lesson.language);
      notes.push(timelineNotes(timeline, lesson.language));
    }
    const field = step.field;
    if (field) {
      const pictures = [field.other, field.own].filter((f): f is FieldResult & { ok: true } => f?.ok === true);
      if (pictures.length)
        slide.pictureSvg = fieldsSideBySide(pictures.map((f) => ({ geometry: f, options: { fit: 'field' } })));
    }
    slide.notes = [...notes, words.t('compare.countingNote')].join('\n');
    return slide;
  });
  return {
    title: lesson.title,
    slides: [{ title: lesson.title, caption: say('deck.steps', { count: lesson.steps.length }) }, ...slides],
  };
}
