import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInceptionLesson, currentLessonVersion, resolveStep } from '../../shared/lessons';
import { EditorPage } from './editorPage';
import { type HostProcess, launchChromium, resultsDir, startHostProcess } from './helpers';

/**
 * The built-in lesson in the presenter view, as a teacher runs it: 1280×720, keyboard only
 * (what clickers send), every caption's numbers checked against the analysis of its step's
 * network, Esc back to the editor with nothing changed. Screenshots of each step in test-results/.
 */
let host: HostProcess;
let browser: Browser;

beforeAll(async () => {
  host = await startHostProcess([], { NETWRIGHT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'netwright-lesson-')) });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const px = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));

/** A node label's size on screen: its font size times the canvas zoom. */
const nodeLabelPx = (page: Page) =>
  page.evaluate(() => {
    const viewport = document.querySelector('.presenter .react-flow__viewport') as HTMLElement | null;
    const label = document.querySelector('.presenter .layer-node') as HTMLElement | null;
    if (!viewport || !label) return null;
    const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
    return Number.parseFloat(getComputedStyle(label).fontSize) * zoom;
  });

describe('presenting the built-in lesson', () => {
  it('steps through every step with the keyboard at 1280×720, numbers live, Esc back with nothing lost', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(host.url);
    await page.getByRole('button', { name: /Small Inception/ }).click();
    const params = await page.getByTestId('status-params').textContent();
    await page.keyboard.press('F5');
    const lesson = buildInceptionLesson();
    const presenter = page.getByRole('dialog', { name: `Lesson: ${lesson.title}` });
    await expect.poll(() => presenter.isVisible()).toBe(true);
    const keys = ['ArrowRight', 'PageDown', ' '];
    for (const [i] of lesson.steps.entries()) {
      const step = resolveStep(lesson, i);
      await expect
        .poll(() => page.getByTestId('lesson-counter').textContent())
        .toBe(`${i + 1} / ${lesson.steps.length}`);
      expect(await page.getByTestId('lesson-step-title').textContent()).toBe(step.step.title);
      // The caption shows the numbers the analysis gives for this step's network.
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, paragraphs apart, as a class reads it
      const shown = (await page.getByTestId('lesson-caption').innerText()).replace(/\s+/g, ' ').trim();
      const expected = step.caption.replaceAll('**', '').replace(/^- /gm, '').replace(/\s+/g, ' ').trim();
      expect(shown, step.step.id).toBe(expected);
      expect(await presenter.getByRole('alert').count(), step.step.id).toBe(0);
      expect(await px(page, '.presenter-caption p, .presenter-caption li')).toBeGreaterThanOrEqual(24);
      if (step.step.show === 'compare') await expect.poll(() => page.getByTestId('lesson-chart').count()).toBe(1);
      else if (step.step.show === 'timeline')
        await expect.poll(() => page.getByTestId('lesson-timeline').count()).toBe(1);
      else if (step.step.show === 'receptiveField')
        await expect.poll(() => page.getByTestId('lesson-fields').count()).toBe(1);
      else
        await expect
          .poll(() => page.locator('.presenter .react-flow__node').count(), { timeout: 20_000 })
          .toBeGreaterThan(0);
      if (step.graph && step.graph.nodes.length <= 2 && step.step.show === 'network') {
        await expect.poll(() => nodeLabelPx(page)).toBeGreaterThanOrEqual(24);
      }
      await page.waitForTimeout(300);
      await page.screenshot({
        path: path.join(resultsDir, `lesson-${String(i + 1).padStart(2, '0')}-${step.step.id}.png`),
      });
      if (i < lesson.steps.length - 1) await page.keyboard.press(keys[i % keys.length]!);
    }
    // Past the last step nothing moves; back goes back.
    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('lesson-counter').textContent()).toBe(
      `${lesson.steps.length} / ${lesson.steps.length}`,
    );
    await page.keyboard.press('PageUp');
    await expect
      .poll(() => page.getByTestId('lesson-counter').textContent())
      .toBe(`${lesson.steps.length - 1} / ${lesson.steps.length}`);
    await page.keyboard.press('h');
    await expect.poll(() => presenter.getAttribute('class')).toMatch(/high-contrast/);
    await page.mouse.move(640, 400);
    await page.screenshot({ path: path.join(resultsDir, 'lesson-high-contrast.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: path.join(resultsDir, 'lesson-high-contrast-1440.png') });
    // Keys meant for the editor do nothing underneath.
    await page.keyboard.press('Delete');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Escape');
    await expect.poll(() => presenter.count()).toBe(0);
    expect(await page.getByTestId('status-params').textContent()).toBe(params);
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
  });

  it('a damaged lesson file says what is wrong and leaves the editor as it was', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(host.url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('dialog', { name: 'Start' }).getByRole('button', { name: 'Open…' }).click();
    await (await chooser).setFiles({
      name: 'broken.lesson.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "netwright-lesson", "schemaVersion": 1, "title": "x", "steps": [{"id": 3}]}'),
    });
    await expect
      .poll(() => page.getByRole('alert').allTextContents())
      .toContainEqual(
        expect.stringMatching(/^Cannot open the lesson broken\.lesson\.json: The lesson is invalid at steps\.0\.id: /),
      );
    expect(await page.locator('.presenter').count()).toBe(0);
  });

  it('writes a lesson from the editor: views as steps, captions with live numbers, undo, save, present', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const ed = new EditorPage(page);
    await page.goto(host.url);
    await page.getByRole('button', { name: /Inception module A/ }).click();
    await page.getByRole('tab', { name: 'Lesson' }).click();
    const panel = page.getByRole('region', { name: 'Lesson' });
    await panel.getByRole('button', { name: 'New lesson' }).click();
    await panel.getByLabel('Title', { exact: true }).fill('Stacking 3×3s');
    await panel.getByLabel('Title', { exact: true }).press('Enter');
    await panel.getByRole('button', { name: 'Add this view as a step' }).click();
    // Factorize one 5×5 in the editor, then add that view too and compare it with the first.
    await page.getByRole('tab', { name: 'Savings' }).click();
    await ed.select('conv2d_2');
    await page.getByRole('button', { name: 'Apply n×n → stacked 3×3 convolutions to conv2d_2' }).click();
    await page.getByRole('tab', { name: 'Lesson' }).click();
    await panel.getByRole('button', { name: 'Add this view as a step' }).click();
    await expect.poll(() => panel.getByRole('list', { name: 'Steps' }).locator('li').count()).toBe(2);
    await panel.getByLabel('Compare with').selectOption({ index: 1 });
    await panel.getByLabel('Show').selectOption('compare');
    const caption = panel.getByLabel('Caption', { exact: true });
    await caption.fill('Two 3×3 instead of one 5×5: **{saved.macsPct} fewer multiply-adds**, same {rf} window.');
    await caption.blur();
    const preview = panel.getByLabel('Caption preview');
    await expect
      .poll(() => preview.textContent())
      .toMatch(/^Two 3×3 instead of one 5×5: [\d.]+% fewer multiply-adds, same \d+×\d+/);
    // An unknown placeholder is said on the step; Undo takes the edit back.
    await caption.fill('Costs {cost}.');
    await caption.blur();
    await expect.poll(() => preview.getByRole('alert').first().textContent()).toMatch(/^Unknown placeholder \{cost\}/);
    await panel.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => preview.getByRole('alert').count()).toBe(0);
    await ed.shot('lesson-editing');
    await page.setViewportSize({ width: 1280, height: 720 });
    await ed.shot('lesson-editing-1280');
    await page.setViewportSize({ width: 1440, height: 900 });
    const saved = await ed.download(() => panel.getByRole('button', { name: 'Save lesson…' }).click());
    expect(saved.name).toBe('Stacking 3×3s.lesson.json');
    const file = JSON.parse(saved.text);
    expect(file).toMatchObject({
      format: 'netwright-lesson',
      schemaVersion: currentLessonVersion,
      title: 'Stacking 3×3s',
    });
    expect(file.steps.map((s: { show: string }) => s.show)).toEqual(['network', 'compare']);
    await panel.getByRole('button', { name: 'Present from this step' }).click();
    await expect.poll(() => page.getByTestId('lesson-counter').textContent()).toBe('2 / 2');
    expect(await page.getByTestId('lesson-headline').textContent()).toMatch(
      /^−[\d.]+% parameters, −[\d.]+% multiply-adds$/,
    );
    await page.keyboard.press('Escape');
  });
});
