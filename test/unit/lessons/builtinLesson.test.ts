import { describe, expect, it } from 'vitest';
import { analyzeGraph, formatInt } from '../../../shared/analysis';
import { buildInceptionLesson, lessonText, parseLessonText, resolveStep } from '../../../shared/lessons';

describe('the built-in lesson "Inception v2/v3: going deeper for less"', () => {
  const lesson = buildInceptionLesson();
  const steps = lesson.steps.map((_, i) => resolveStep(lesson, i));

  it('resolves every step without a problem, every placeholder filled', () => {
    for (const s of steps) {
      expect(s.problems, s.step.id).toEqual([]);
      expect(s.caption, s.step.id).not.toMatch(/\{[A-Za-z.]+\}/);
    }
  });

  it('states the lecture’s figures, computed from the networks', () => {
    const caption = (id: string) => steps.find((s) => s.step.id === id)!.caption;
    // 5×5 → two 3×3: 1 − 2·9/25; 7×7 → 1×7 + 7×1: 1 − 2/7.
    expect(caption('two-threes')).toMatch(/\*\*28% fewer multiply-adds\*\*/);
    expect(caption('two-threes')).toMatch(/same 5×5 window \(5×5 before\)/);
    expect(caption('asymmetric')).toMatch(/\*\*71\.4% fewer multiply-adds\*\*/);
    // Inception v3 against its unfactorized ancestor: 23,851,784 of 37,696,232 parameters.
    expect(caption('inception-v3')).toMatch(/\*\*36\.7% fewer parameters\*\*/);
    expect(caption('inception-v3')).toContain('23,851,784');
    for (const s of steps) {
      if (!s.step.caption.includes('{params}')) continue;
      expect(s.caption, s.step.id).toContain(formatInt(analyzeGraph(s.graph!).totals.params));
    }
  });

  it('survives a round trip through its file', () => {
    const text = lessonText(lesson);
    const read = parseLessonText(text);
    expect(read.ok && read.lesson).toEqual(lesson);
  });
});

describe('bad lessons', () => {
  const base = buildInceptionLesson();

  it('a damaged file: one line saying what is wrong', () => {
    expect(parseLessonText('{"format": "netwright-lesson"')).toMatchObject({ ok: false });
    expect(parseLessonText('{"format": "netwright-project"}')).toEqual({
      ok: false,
      error: 'Not a Netwright lesson: "format" is not "netwright-lesson".',
    });
    const broken = JSON.parse(lessonText(base));
    broken.steps[2].caption = 42;
    const read = parseLessonText(JSON.stringify(broken));
    expect(read.ok || read.error).toMatch(/^The lesson is invalid at steps\.2\.caption: /);
    broken.schemaVersion = 9;
    expect(parseLessonText(JSON.stringify(broken))).toMatchObject({ ok: false, error: /newer Netwright/ });
  });

  it('a step whose template is gone, or whose caption has an unknown placeholder: a message on that step, the rest works', () => {
    const lesson = structuredClone(base);
    lesson.steps[0]!.network = { template: 'lenet-1989' };
    lesson.steps[2]!.caption = 'Costs {macs}, and {fancy}.';
    const first = resolveStep(lesson, 0);
    expect(first.problems).toEqual([
      'The template "lenet-1989" no longer exists: choose another network for this step.',
    ]);
    expect(first.graph).toBeNull();
    const third = resolveStep(lesson, 2);
    expect(third.caption).toMatch(/^Costs [\d,]+, and \{fancy\}\.$/);
    expect(third.problems[0]).toMatch(/^Unknown placeholder \{fancy\} in the caption: use one of \{params\}, /);
    // The step compared with the missing one says so; the others are untouched.
    expect(resolveStep(lesson, 1).problems).toEqual([
      'The step compared with: The template "lenet-1989" no longer exists: choose another network for this step.',
    ]);
    expect(resolveStep(lesson, 5).problems).toEqual([]);
  });
});
