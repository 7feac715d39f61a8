import { describe, expect, it } from 'vitest';
import {
  buildInceptionLesson,
  currentLessonVersion,
  lessonDeck,
  lessonText,
  parseLessonText,
  resolveStep,
} from '../../../shared/lessons';

const lesson = buildInceptionLesson();
const index = (id: string) => lesson.steps.findIndex((s) => s.id === id);

describe('lesson steps that show a receptive field or the timeline', () => {
  it('draws the 5×5 beside the two 3×3s in the built-in lesson, both 5×5 at the end', () => {
    const step = resolveStep(lesson, index('two-threes'));
    expect(step.step.show).toBe('receptiveField');
    expect(step.problems).toEqual([]);
    const { own, other } = step.field!;
    if (!own.ok || !other?.ok) throw new Error('both fields should resolve');
    expect(own.path.map((f) => f.size[0])).toEqual([1, 3, 5]);
    expect(other.path.map((f) => f.size[0])).toEqual([1, 5]);
    expect(own.region).toEqual(other.region);
  });

  it('opens the lesson with the ImageNet timeline, in the deck too', () => {
    expect(lesson.steps[0]!.show).toBe('timeline');
    const deck = lessonDeck(lesson);
    const first = deck.slides[1]!;
    expect(first.pictureSvg).toContain('data-point="alexnet"');
    expect(first.pictureSvg).toContain('16.4%');
    expect(first.notes).toContain('Krizhevsky');
    const field = deck.slides[1 + index('two-threes')]!;
    expect((field.pictureSvg!.match(/data-view="receptive-field"/g) ?? []).length).toBe(2);
    expect(field.headline).toMatch(/multiply-adds/);
  });

  it('reads a version-1 lesson file unchanged and writes the current version', () => {
    const v1 = JSON.parse(lessonText(lesson));
    v1.schemaVersion = 1;
    v1.steps = v1.steps
      .filter((s: { show: string }) => s.show === 'network' || s.show === 'compare')
      .map(({ receptiveField: _, ...s }: Record<string, unknown>) => s);
    const read = parseLessonText(JSON.stringify(v1));
    if (!read.ok) throw new Error(read.error);
    expect(read.lesson.schemaVersion).toBe(currentLessonVersion);
    expect(read.lesson.steps.map((s) => s.id)).toEqual(v1.steps.map((s: { id: string }) => s.id));
  });

  it('says on the step when the layer is missing or has no spatial output, and keeps the rest', () => {
    const broken = {
      ...lesson,
      steps: lesson.steps.map((s) =>
        s.id === 'two-threes'
          ? { ...s, receptiveField: { node: 'conv9x9', otherNode: 'conv5x5' } }
          : s.id === 'five'
            ? { ...s, show: 'receptiveField' as const }
            : s,
      ),
    };
    const step = resolveStep(broken, index('two-threes'));
    expect(step.problems).toEqual([
      'No layer "conv9x9" in two stacked 3×3 convolutions: name one of its layers for the receptive field.',
    ]);
    expect(step.field!.other?.ok).toBe(true);
    expect(resolveStep(broken, index('five')).problems).toEqual([
      'This step shows a receptive field but names no layer: choose one in the Lesson tab.',
    ]);
    expect(resolveStep(broken, index('seven')).problems).toEqual([]);
    expect(() => lessonDeck(broken)).not.toThrow();
  });

  it('refuses an unknown view with a message naming the field', () => {
    const text = lessonText(lesson).replace('"show": "timeline"', '"show": "movie"');
    const read = parseLessonText(text);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toMatch(/^The lesson is invalid at .*show/);
  });
});
