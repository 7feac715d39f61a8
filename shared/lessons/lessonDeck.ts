import { formatInt, formatReceptiveField, formatShape } from '../analysis';
import { buildTimeline, type FieldResult, fieldsSideBySide, timelineNotes, timelineSvg } from '../insight';
import type { Deck, Slide } from '../slides';
import { COUNTING_NOTE, comparisonHeadline } from '../transforms/compareExport';
import type { Lesson } from './lessonFile';
import { resolveStep } from './resolveStep';

/**
 * A lesson as slides: one per step, its title, caption (numbers filled), the step's figures as
 * a table, and for a comparison step the headline and the per-row chart of both networks.
 * A step's problems go into the speaker notes, so a deck still comes out.
 */
export function lessonDeck(lesson: Lesson): Deck {
  const slides = lesson.steps.map((_, i): Slide => {
    const step = resolveStep(lesson, i);
    const slide: Slide = { title: step.step.title, caption: step.caption };
    const a = step.analysis;
    const output = a ? a.nodes[a.outputs[0] ?? ''] : undefined;
    if (a) {
      slide.table = {
        header: ['', step.name],
        rows: [
          ['parameters', formatInt(a.totals.params)],
          ['multiply-adds', formatInt(a.totals.macs)],
          ['output shape', formatShape(output?.outputShape)],
          ['receptive field', formatReceptiveField(output?.receptiveField)],
        ],
      };
    }
    const c = step.comparison;
    // A receptive-field step beside its comparison keeps the comparison's figures next to the picture.
    if (c && (step.step.show === 'compare' || step.step.show === 'receptiveField')) {
      slide.headline = comparisonHeadline(c);
      slide.table = {
        header: ['', c.a.name, c.b.name],
        rows: [
          ['parameters', formatInt(c.a.totals.params), formatInt(c.b.totals.params)],
          ['multiply-adds', formatInt(c.a.totals.macs), formatInt(c.b.totals.macs)],
        ],
      };
      slide.chart = {
        title: `Multiply-adds per ${c.rowsBy}`,
        categories: c.modules.map((m) => m.module),
        series: [
          { name: c.a.name, values: c.modules.map((m) => m.a?.macs ?? 0) },
          { name: c.b.name, values: c.modules.map((m) => m.b?.macs ?? 0) },
        ],
        yLabel: 'multiply-adds',
      };
    }
    const notes = [...step.problems];
    if (step.step.show === 'timeline') {
      const timeline = buildTimeline();
      // The picture alone: a native chart beside it squeezed nine bars into a quarter slide.
      slide.pictureSvg = timelineSvg(timeline, 'year');
      notes.push(timelineNotes(timeline));
    }
    const field = step.field;
    if (field) {
      const pictures = [field.other, field.own].filter((f): f is FieldResult & { ok: true } => f?.ok === true);
      if (pictures.length)
        slide.pictureSvg = fieldsSideBySide(pictures.map((f) => ({ geometry: f, options: { fit: 'field' } })));
    }
    slide.notes = [...notes, COUNTING_NOTE].join('\n');
    return slide;
  });
  return { title: lesson.title, slides: [{ title: lesson.title, caption: `${lesson.steps.length} steps` }, ...slides] };
}
