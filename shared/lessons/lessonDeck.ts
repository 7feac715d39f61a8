import { formatInt, formatReceptiveField, formatShape } from '../analysis';
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
    if (c && step.step.show === 'compare') {
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
    slide.notes = [...step.problems, COUNTING_NOTE].join('\n');
    return slide;
  });
  return { title: lesson.title, slides: [{ title: lesson.title, caption: `${lesson.steps.length} steps` }, ...slides] };
}
