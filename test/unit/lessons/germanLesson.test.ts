import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import { formatInteger } from '../../../shared/i18n';
import { buildInceptionLesson, lessonText, parseLessonText, resolveStep } from '../../../shared/lessons';

describe('the built-in lesson in German', () => {
  const lesson = buildInceptionLesson('de');
  const english = buildInceptionLesson('en');
  const steps = lesson.steps.map((_, i) => resolveStep(lesson, i));
  const caption = (id: string) => steps.find((s) => s.step.id === id)!.caption;

  it('has the English lesson’s steps, networks and views, in German', () => {
    expect(lesson.language).toBe('de');
    expect(lesson.title).toBe('Inception v2/v3: tiefer für weniger');
    expect(lesson.steps.map((s) => s.id)).toEqual(english.steps.map((s) => s.id));
    expect(lesson.steps.map((s) => s.show)).toEqual(english.steps.map((s) => s.show));
    for (const [i, step] of lesson.steps.entries()) expect(step.caption, step.id).not.toBe(english.steps[i]!.caption);
  });

  it('resolves every step without a problem, its numbers written the German way', () => {
    for (const s of steps) {
      expect(s.problems, s.step.id).toEqual([]);
      expect(s.caption, s.step.id).not.toMatch(/\{[A-Za-z.]+\}/);
      if (s.step.caption.includes('{params}'))
        expect(s.caption, s.step.id).toContain(formatInteger(analyzeGraph(s.graph!).totals.params, 'de'));
    }
    expect(caption('two-threes')).toMatch(/\*\*28\u00a0% weniger Multiplikations-Additionen\*\*/);
    expect(caption('asymmetric')).toMatch(/\*\*71,4\u00a0% weniger/);
    expect(caption('inception-v3')).toContain('23.851.784');
    expect(caption('inception-v3')).toMatch(/\*\*36,7\u00a0% weniger Parameter\*\*/);
  });

  it('keeps its language through its file, and an older (version 2) file reads as English', () => {
    const read = parseLessonText(lessonText(lesson));
    expect(read.ok && read.lesson).toEqual(lesson);
    const older = JSON.parse(lessonText(english));
    older.schemaVersion = 2;
    delete older.language;
    const migrated = parseLessonText(JSON.stringify(older));
    expect(migrated.ok && migrated.lesson.language).toBe('en');
    expect(migrated.ok && resolveStep(migrated.lesson, 12).caption).toContain('23,851,784');
  });
});
