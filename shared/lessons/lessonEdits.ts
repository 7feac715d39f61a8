import type { Graph } from '../graph/types';
import type { Language } from '../i18n/language';
import { currentLessonVersion, type Lesson, type LessonStep } from './lessonFile';

/**
 * Edits of a lesson as pure functions (the editor keeps the before for Undo). Step ids are
 * stable: captions and "compare with" refer to them.
 */
export function emptyLesson(title = 'New lesson', language: Language = 'en'): Lesson {
  return { format: 'netwright-lesson', schemaVersion: currentLessonVersion, title, language, steps: [] };
}

function freshId(lesson: Lesson, base: string): string {
  const taken = new Set(lesson.steps.map((s) => s.id));
  const stem =
    base
      .replace(/[^a-z0-9-]+/gi, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 40) || 'step';
  if (!taken.has(stem)) return stem;
  let n = 2;
  while (taken.has(`${stem}-${n}`)) n += 1;
  return `${stem}-${n}`;
}

/** The open network, as the editor shows it (highlighting the selection), added after step `after` (or last). */
export function addStep(
  lesson: Lesson,
  network: { name: string; graph: Graph },
  view: { highlight: string[]; collapsed: string[] },
  after = lesson.steps.length - 1,
): { lesson: Lesson; index: number } {
  const step: LessonStep = {
    id: freshId(lesson, network.name),
    title: network.name,
    network: { name: network.name, graph: JSON.parse(JSON.stringify(network.graph)) as Graph },
    caption: '{params} parameters, {macs} multiply-adds.',
    highlight: view.highlight,
    collapsed: view.collapsed,
    show: 'network',
  };
  const index = Math.min(after + 1, lesson.steps.length);
  const steps = [...lesson.steps.slice(0, index), step, ...lesson.steps.slice(index)];
  return { lesson: { ...lesson, steps }, index };
}

export function updateStep(lesson: Lesson, index: number, patch: Partial<Omit<LessonStep, 'id'>>): Lesson {
  return { ...lesson, steps: lesson.steps.map((s, i) => (i === index ? { ...s, ...patch } : s)) };
}

/** Compares the step with another, or with nothing: then a comparison view shows the step's own network. */
export function setCompareWith(lesson: Lesson, index: number, compareWith: string | undefined): Lesson {
  return {
    ...lesson,
    steps: lesson.steps.map((s, i) => {
      if (i !== index) return s;
      return compareWith === undefined ? withoutComparison(s) : { ...s, compareWith };
    }),
  };
}

/** A receptive field still shows its own layer without the step it was drawn beside; a comparison cannot. */
function withoutComparison(step: LessonStep): LessonStep {
  const { compareWith: _, ...rest } = step;
  return { ...rest, show: step.show === 'compare' ? 'network' : step.show };
}

export function moveStep(lesson: Lesson, index: number, by: -1 | 1): Lesson {
  const to = index + by;
  if (to < 0 || to >= lesson.steps.length) return lesson;
  const steps = [...lesson.steps];
  [steps[index], steps[to]] = [steps[to]!, steps[index]!];
  return { ...lesson, steps };
}

/** Removes a step; steps that compared with it compare with nothing (and say so, if their captions need it). */
export function deleteStep(lesson: Lesson, index: number): Lesson {
  const gone = lesson.steps[index]?.id;
  return {
    ...lesson,
    steps: lesson.steps.filter((_, i) => i !== index).map((s) => (s.compareWith === gone ? withoutComparison(s) : s)),
  };
}
