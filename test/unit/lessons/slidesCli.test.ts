import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { buildInceptionLesson, lessonDeck } from '../../../shared/lessons';

async function slides(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['slides', ...args], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(path.join(tmpdir(), 'netwright-lesson-slides-'));

describe('a lesson as slides', () => {
  it('one slide per step after the title, captions filled, a comparison step with its headline and chart', () => {
    const lesson = buildInceptionLesson();
    const deck = lessonDeck(lesson);
    expect(deck.slides).toHaveLength(lesson.steps.length + 1);
    const stack = deck.slides.find((s) => s.title === '5×5 → two 3×3')!;
    expect(stack.caption).toMatch(/\*\*28% fewer multiply-adds\*\*/);
    expect(stack.headline).toMatch(/^−[\d.]+% parameters, −28% multiply-adds$/);
    expect(stack.chart?.series.map((s) => s.name)).toEqual(['5×5 convolution', 'two stacked 3×3 convolutions']);
  });

  it('netwright slides --builtin inception --out DECK.pptx writes every slide', async () => {
    const file = path.join(dir, 'inception.pptx');
    const r = await slides('--builtin', 'inception', '--out', file);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`Wrote 15 slides of "Inception v2/v3: going deeper for less" to ${file}.`);
    const parts = Object.keys(unzipSync(new Uint8Array(readFileSync(file))));
    expect(parts.filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p))).toHaveLength(15);
  });

  it('bad arguments and damaged lessons: one line, exit 2', async () => {
    expect(await slides('--builtin', 'inception', '--out', path.join(dir, 'deck.key'))).toMatchObject({
      code: 2,
      err: `netwright: --out must end in .pptx or .pdf, got ${JSON.stringify(path.join(dir, 'deck.key'))}.`,
    });
    expect(await slides('--out', path.join(dir, 'deck.pptx'))).toMatchObject({
      code: 2,
      err: 'netwright: Give one lesson: a LESSON_FILE or --builtin inception.',
    });
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"format": "netwright-lesson", "schemaVersion": 1, "title": 3, "steps": []}');
    const r = await slides(broken, '--out', path.join(dir, 'deck.pptx'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^netwright: .*broken\.json: The lesson is invalid at title: /);
  });
});
