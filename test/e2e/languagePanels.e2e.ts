import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hostAndBrowser, resultsDir } from './helpers';

/**
 * The side panel's tabs (Train, Savings with the compare view, Field, Lesson) and the timeline
 * dialog in German, at the two window sizes a lecture hall's projector and a laptop give: German
 * labels are longer, and none may stick out of its panel.
 */

const setup = hostAndBrowser({ dataDirPrefix: 'netwright-lang-panels-e2e-' });

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(resultsDir, `language-de-${name}.png`) });

/**
 * What sticks out of the side panel sideways, runs past its own box (a long German word beside
 * its field), or is cut off: a select's chosen text or an empty field's placeholder wider than
 * the control. "TAG text" per element, so a failure names the label.
 */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const panel = document.querySelector('.side-panel')!;
    const box = panel.getBoundingClientRect();
    const measure = document.createElement('canvas').getContext('2d')!;
    const textWidth = (el: HTMLElement, text: string) => {
      measure.font = getComputedStyle(el).font;
      return measure.measureText(text).width;
    };
    const inner = (el: HTMLElement) => {
      const style = getComputedStyle(el);
      return el.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
    };
    const out: string[] = [];
    for (const el of Array.from(panel.querySelectorAll<HTMLElement>('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || el.closest('canvas, .chart-box, .experiment-scroll')) continue;
      const style = getComputedStyle(el);

      const outside = r.right > box.right + 1 || r.left < box.left - 1;
      const runsOver =
        style.display !== 'inline' &&
        !['auto', 'scroll'].includes(style.overflowX) &&
        el.scrollWidth > el.clientWidth + 1;
      // The select's own arrow takes about 20 pixels of its inner width.
      const select = el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.textContent ?? '') : '';
      const cutSelect = select !== '' && textWidth(el, select) > inner(el) - 20;
      const placeholder = el instanceof HTMLInputElement && el.value === '' ? el.placeholder : '';
      const cutPlaceholder = placeholder !== '' && textWidth(el, placeholder) > inner(el);
      const text = select || placeholder || el.textContent || '';
      if (outside || runsOver || cutSelect || cutPlaceholder) out.push(`${el.tagName} ${text.trim().slice(0, 60)}`);
    }
    return out;
  });
}

async function openGerman(width: number, height: number): Promise<Page> {
  const context = await setup.browser.newContext({ locale: 'de-DE', viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(setup.host.url);
  // A first load on a busy machine took over 30 s once (the host compiles its sources at start).
  try {
    await page.getByRole('button', { name: /Small Inception/ }).click({ timeout: 90_000 });
  } catch (error) {
    // Seen once in CI at 1280×720 and not since: keep what the page showed, to find out why.
    await shot(page, `start-timeout-${width}`);
    const body = await page
      .locator('body')
      .textContent()
      .catch(() => '(unreadable)');
    const shown = (body ?? '').slice(0, 400);
    throw new Error(`The start page showed no Small Inception button; the page said: ${JSON.stringify(shown)}`, {
      cause: error,
    });
  }
  await expect.poll(() => page.locator('.react-flow__node').count(), { timeout: 30_000 }).toBeGreaterThan(20);
  return page;
}

async function showTrainAndField(page: Page, size: string) {
  await page.getByRole('tab', { name: 'Training' }).click();
  const train = page.getByRole('region', { name: 'Training' });
  await expect.poll(() => train.getByRole('button', { name: 'Trainieren', exact: true }).count()).toBe(1);
  expect(await train.getByRole('heading', { level: 2 }).textContent()).toBe('Training');
  expect(await train.getByLabel('Datensatz').count()).toBe(1);
  expect(await train.getByLabel('Lernrate', { exact: true }).getAttribute('placeholder')).toBe('Optimierer-Standard');
  expect(await train.getByLabel('Lernraten-Verlauf').locator('option').allTextContents()).toEqual([
    'konstant',
    'stufenweise',
    'Kosinus',
  ]);
  await expect.poll(() => train.getByTestId('train-estimate').textContent()).toMatch(/pro Batch \(von .* verfügbar\)/);
  expect(await train.getByRole('button', { name: 'Experiment starten (3 Läufe)' }).count()).toBe(1);
  await shot(page, `train-${size}`);
  expect(await overflowing(page)).toEqual([]);

  await page.locator('.react-flow__node-layer:has([data-kind="Conv2D"])').last().click();
  await page.getByRole('tab', { name: 'Feld' }).click();
  const field = page.getByRole('region', { name: 'Rezeptives Feld' });
  await expect.poll(() => field.getByTestId('field-view').count()).toBe(1);
  expect(await field.getByTestId('field-facts').locator('dt').allTextContents()).toEqual([
    'Größe',
    'Schrittweite',
    'Position',
    'Mitte',
    'Rand',
  ]);
  expect(await field.getByTestId('field-facts').textContent()).toMatch(/\d+×\d+ Eingabepixel/);
  expect(await field.getByTestId('field-step').textContent()).toMatch(/^Schicht \d+ von \d+$/);
  expect(await field.getByTestId('field-view-text').textContent()).toMatch(/sieht \d+×\d+ Eingabepixel/);
  expect(await field.getByRole('button', { name: 'Abspielen' }).count()).toBe(1);
  await shot(page, `field-${size}`);
  expect(await overflowing(page)).toEqual([]);
}

describe('the panels in German', () => {
  it('Train and Field tabs at 1440×900: German texts, nothing sticking out', async () => {
    const page = await openGerman(1440, 900);
    await showTrainAndField(page, '1440');
    await page.context().close();
  });

  it('Train and Field tabs at 1280×720: German texts, nothing sticking out', async () => {
    const page = await openGerman(1280, 720);
    await showTrainAndField(page, '1280');
    await page.context().close();
  });

  it('Savings with its compare view, Lesson tab and the timeline dialog speak German', async () => {
    const page = await openGerman(1440, 900);

    await page.getByRole('tab', { name: 'Einsparung' }).click();
    const savings = page.getByRole('region', { name: 'Einsparungen' });
    expect(await savings.getByRole('heading', { level: 2 }).textContent()).toBe('Einsparungen durch Faktorisierung');
    expect(await savings.getByRole('button', { name: 'Ganzes Netz durchsuchen' }).count()).toBe(1);
    expect(await savings.getByRole('button', { name: 'Alles anwenden' }).count()).toBe(1);
    expect(await savings.getByLabel('Zwischenbreite').getAttribute('placeholder')).toBe('Standard');
    expect(await overflowing(page)).toEqual([]);
    await savings.getByRole('button', { name: 'Mit Vorlage vergleichen' }).click();
    const compare = page.getByRole('dialog', { name: 'Netze vergleichen' });
    await expect.poll(() => compare.getByTestId('compare-params-diff').count()).toBe(1);
    expect(await compare.locator('thead').first().locator('th').last().textContent()).toBe('Differenz');
    expect(await compare.getByRole('rowheader', { name: 'Parameter', exact: true }).count()).toBe(1);
    expect(await compare.getByRole('heading', { name: /^Pro (Modul|Schicht)$/ }).count()).toBe(1);
    expect(await compare.getByRole('button', { name: 'CSV exportieren' }).count()).toBe(1);
    // German thousands separators in the totals.
    expect(await compare.locator('tbody').first().textContent()).toMatch(/\d\.\d{3}/);
    await shot(page, 'compare-1440');
    await compare.getByRole('button', { name: 'Schließen' }).click();

    await page.getByRole('tab', { name: 'Lektion' }).click();
    const lesson = page.getByRole('region', { name: 'Lektion' });
    expect(await lesson.getByRole('button', { name: 'Neue Lektion' }).count()).toBe(1);
    await lesson.getByRole('button', { name: 'Eingebaute Lektion bearbeiten' }).click();
    await expect
      .poll(() => lesson.getByRole('button', { name: 'Diese Ansicht als Schritt hinzufügen' }).count())
      .toBe(1);
    expect(await lesson.getByLabel('Bildunterschrift', { exact: true }).count()).toBe(1);
    expect(await lesson.getByRole('button', { name: 'Ab diesem Schritt präsentieren' }).count()).toBe(1);
    expect(await lesson.getByText('Vergleichen mit').count()).toBe(1);
    await shot(page, 'lesson-1440');
    expect(await overflowing(page)).toEqual([]);

    await page.getByRole('button', { name: 'ImageNet-Zeitleiste' }).click();
    const timeline = page.getByRole('dialog', { name: 'ImageNet-Zeitleiste' });
    await expect.poll(() => timeline.getByTestId('timeline-table').locator('tbody tr').count()).toBe(9);
    expect(await timeline.getByRole('heading', { level: 2 }).textContent()).toBe('ImageNet-Top-5-Fehler nach Jahr');
    expect(await timeline.locator('thead th').allTextContents()).toContain('bewertet als');
    expect(await timeline.getByTestId('timeline-table').textContent()).toMatch(/Wettbewerbsbeitrag/);
    expect(await timeline.getByTestId('timeline-chart').textContent()).toMatch(/Schätzung für Menschen/);
    await timeline.getByRole('tab', { name: 'Kosten nach Tiefe (auch Ihr Netz)' }).click();
    await expect.poll(() => timeline.getByTestId('timeline-chart').textContent()).toMatch(/Gewichtsschichten/);
    await shot(page, 'timeline-1440');
    await page.context().close();
  });
});
