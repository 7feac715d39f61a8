import { describe, expect, it } from 'vitest';
import {
  addStep,
  buildInceptionLesson,
  deleteStep,
  emptyLesson,
  lessonText,
  moveStep,
  parseLessonText,
  resolveStep,
  setCompareWith,
  updateStep,
} from '../../../shared/lessons';
import { getTemplate } from '../../../shared/templates';

const network = (id: string) => ({ name: id, graph: getTemplate(id)!.build() });

describe('editing a lesson', () => {
  it('"Compare with: nothing" clears the comparison, and a comparison view falls back to the network', () => {
    let lesson = emptyLesson('Mine');
    ({ lesson } = addStep(lesson, network('inception-a'), { highlight: [], collapsed: [] }));
    ({ lesson } = addStep(lesson, network('inception-b'), { highlight: [], collapsed: [] }));
    lesson = setCompareWith(lesson, 1, 'inception-a');
    lesson = updateStep(lesson, 1, { show: 'compare' });
    expect(lesson.steps[1]).toMatchObject({ compareWith: 'inception-a', show: 'compare' });
    lesson = setCompareWith(lesson, 1, undefined);
    expect(lesson.steps[1]!.compareWith).toBeUndefined();
    expect(lesson.steps[1]!.show).toBe('network');
    expect(resolveStep(lesson, 1).problems).toEqual([]);
  });

  it('adds views as steps with fresh ids, edits, reorders and deletes them, and saves a valid file', () => {
    let lesson = emptyLesson('Mine');
    ({ lesson } = addStep(lesson, network('inception-a'), { highlight: ['conv2d_2'], collapsed: [] }));
    ({ lesson } = addStep(lesson, network('inception-a'), { highlight: [], collapsed: [] }));
    expect(lesson.steps.map((s) => s.id)).toEqual(['inception-a', 'inception-a-2']);
    lesson = updateStep(lesson, 1, { compareWith: 'inception-a', show: 'compare', caption: 'Saves {saved.macsPct}.' });
    expect(resolveStep(lesson, 1).caption).toBe('Saves 0%.');
    lesson = moveStep(lesson, 1, -1);
    expect(lesson.steps.map((s) => s.id)).toEqual(['inception-a-2', 'inception-a']);
    // A step whose comparison is deleted compares with nothing, and shows its network.
    lesson = deleteStep(lesson, 1);
    expect(lesson.steps).toHaveLength(1);
    expect(lesson.steps[0]).toMatchObject({ id: 'inception-a-2', show: 'network' });
    expect(lesson.steps[0]!.compareWith).toBeUndefined();
    expect(resolveStep(lesson, 0).problems).toEqual([
      '{saved.macsPct} needs a step to compare with: set this step\'s "compare with".',
    ]);
    const read = parseLessonText(lessonText(lesson));
    expect(read.ok && read.lesson).toEqual(lesson);
  });

  it('adds after the chosen step, and a step added to the built-in lesson keeps its ids unique', () => {
    const builtin = buildInceptionLesson();
    const { lesson, index } = addStep(
      builtin,
      { name: 'naive', graph: network('small-inception').graph },
      { highlight: [], collapsed: [] },
      2,
    );
    expect(index).toBe(3);
    expect(lesson.steps[3]!.id).toBe('naive-2');
    expect(moveStep(lesson, 0, -1)).toBe(lesson);
  });
});
