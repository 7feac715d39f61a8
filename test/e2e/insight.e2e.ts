import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../shared/analysis';
import { buildInceptionLesson } from '../../shared/lessons';
import { getTemplate } from '../../shared/templates';
import { EditorPage } from './editorPage';
import { type HostProcess, launchChromium, resultsDir, startHostProcess } from './helpers';

/**
 * Issue 17's views in the browser: the 5×5 beside two 3×3 animation in the presenter at two
 * screen sizes, the Field tab on a selected layer (its padding at the border, a dropped file that
 * is not a picture, a layer without spatial output), and the ImageNet timeline. Screenshots
 * go to test-results/insight-*.png.
 */
let host: HostProcess;
let browser: Browser;
const work = mkdtempSync(path.join(tmpdir(), 'netwright-insight-'));

beforeAll(async () => {
  host = await startHostProcess([], { NETWRIGHT_DATA_DIR: work });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const region = (page: Page, testId: string) => page.getByTestId(testId).locator('img').getAttribute('data-region');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(resultsDir, `insight-${name}.png`) });

describe('the 5×5 vs two 3×3 receptive-field animation', () => {
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    it(`steps layer by layer when asked, at ${width}×${height}`, async () => {
      const page = await browser.newPage({ viewport: { width, height } });
      page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
      await page.goto(host.url);
      await page.getByRole('button', { name: /Small Inception/ }).click();
      await page.keyboard.press('F5');
      const lesson = buildInceptionLesson();
      const at = lesson.steps.findIndex((s) => s.id === 'two-threes');
      for (let i = 0; i < at; i++) {
        await expect
          .poll(() => page.getByTestId('lesson-counter').textContent())
          .toBe(`${i + 1} / ${lesson.steps.length}`);
        await page.keyboard.press('ArrowRight');
      }
      await expect.poll(() => page.getByTestId('lesson-fields').count()).toBe(1);
      // Shown whole first: nothing moves until asked. 35×35 grid, centre output sees pixels 15..19.
      expect(await region(page, 'lesson-field')).toBe('15,15,5,5');
      expect(await region(page, 'lesson-field-other')).toBe('15,15,5,5');
      const fields = page.getByTestId('lesson-fields');
      // Back to the first layer, then step: 1 → 3 → 5 on the right, 1 → 5 → 5 on the left.
      await fields.getByRole('button', { name: 'Previous layer' }).click();
      await fields.getByRole('button', { name: 'Previous layer' }).click();
      const expected = [
        ['17,17,1,1', '17,17,1,1'],
        ['16,16,3,3', '15,15,5,5'],
        ['15,15,5,5', '15,15,5,5'],
      ];
      for (const [k, [own, other]] of expected.entries()) {
        expect(await region(page, 'lesson-field'), `frame ${k}`).toBe(own);
        expect(await region(page, 'lesson-field-other'), `frame ${k}`).toBe(other);
        await page.waitForTimeout(200);
        await shot(page, `fields-${width}x${height}-${k + 1}`);
        if (k < expected.length - 1) await fields.getByRole('button', { name: 'Next layer' }).click();
      }
      // Play runs from the start to the end by itself, then stops.
      await fields.getByRole('button', { name: 'Play' }).click();
      await expect.poll(() => region(page, 'lesson-field'), { timeout: 5000 }).toBe('16,16,3,3');
      await expect.poll(() => region(page, 'lesson-field'), { timeout: 5000 }).toBe('15,15,5,5');
      await expect.poll(() => fields.getByRole('button', { name: 'Play' }).count()).toBe(1);
      await page.close();
    });
  }
});

describe('the Field tab', () => {
  it('shows the selected layer’s field as the analysis has it, padding at the border, and bad input as a message', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(host.url);
    await page.getByRole('button', { name: /Small Inception/ }).click();
    const editor = new EditorPage(page);
    const graph = getTemplate('small-inception')!.build();
    const analysis = analyzeGraph(graph);
    // The deepest spatial layer: the widest field.
    const deepest = analysis.order
      .map((id) => analysis.nodes[id]!)
      .filter((n) => n.outputShape?.length === 3 && n.receptiveField && !n.receptiveField.global)
      .at(-1)!;
    await expect.poll(() => editor.node(deepest.name).count(), { timeout: 10_000 }).toBe(1);
    await editor.select(deepest.name);
    await page.getByRole('tab', { name: 'Field' }).click();
    const panel = page.getByRole('region', { name: 'Receptive field' });
    await expect.poll(() => panel.getByTestId('field-view').count()).toBe(1);
    const [, , h, w] = (await region(page, 'field-view'))!.split(',').map(Number);
    expect([h, w]).toEqual(deepest.receptiveField!.size);
    await shot(page, 'field-tab-centre');
    // Click the picture's top-left corner: the output there reads padding.
    const picture = panel.getByTestId('field-view').locator('img');
    const box = (await picture.boundingBox())!;
    await page.mouse.click(box.x + 3, box.y + 3);
    await expect.poll(() => panel.getByTestId('field-padding').textContent()).toMatch(/hatched rest is padding/);
    await shot(page, 'field-tab-corner');
    // Step back to the input pixel.
    await panel.getByRole('button', { name: 'Previous layer' }).click();
    await expect.poll(() => panel.getByTestId('field-step').textContent()).toMatch(/^layer \d+ of \d+$/);
    // A file that is not a picture: one line, the view stays.
    const notImage = path.join(work, 'notes.png');
    writeFileSync(notImage, 'these are my lecture notes, not a picture');
    await panel.getByTestId('field-file').setInputFiles(notImage);
    await expect
      .poll(() => panel.getByTestId('field-drop-problem').textContent())
      .toBe('"notes.png" is not a picture Netwright can show: drop a PNG, JPEG, GIF, WebP or BMP file.');
    expect(await panel.getByTestId('field-view').count()).toBe(1);
    // A real picture lies under the field.
    const png = path.join(resultsDir, 'insight-field-tab-corner.png');
    await panel.getByTestId('field-file').setInputFiles(png);
    await expect.poll(() => panel.getByTestId('field-drop-problem').count()).toBe(0);
    await expect.poll(() => panel.getByRole('combobox').inputValue()).toBe('image');
    await shot(page, 'field-tab-picture');
    // A layer without spatial output.
    const head = graph.nodes.find((n) => analysis.nodes[n.id]!.receptiveField?.global)!;
    // Zoomed out to fit, the node's own detail line lies over its name: click the node itself.
    await editor.node(head.name).click({ force: true });
    await expect
      .poll(() => panel.getByTestId('field-problem').textContent())
      .toContain(`"${head.name}" has no spatial output`);
    await page.close();
  });
});

describe('the ImageNet timeline', () => {
  it('opens from the toolbar, shows both views and places the open network by its cost', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(host.url);
    await page.getByRole('button', { name: /Small Inception/ }).click();
    await page.getByRole('button', { name: 'ImageNet timeline' }).click();
    const dialog = page.getByRole('dialog', { name: 'ImageNet timeline' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByTestId('timeline-table').locator('tbody tr').count()).toBe(9);
    await page.waitForTimeout(300);
    await shot(page, 'timeline-year');
    await dialog.getByRole('tab', { name: /Cost by depth/ }).click();
    await expect.poll(() => dialog.getByTestId('timeline-chart').getAttribute('data-view')).toBe('cost');
    expect(await dialog.getByTestId('timeline-chart').textContent()).toMatch(/not trained on ImageNet/);
    await page.waitForTimeout(300);
    await shot(page, 'timeline-cost');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await page.close();
  });
});
