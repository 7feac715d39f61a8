import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { englishIn, englishOnlyPhrases, englishSentencesIn, pageTextScript } from './englishLeft';
import { hostAndBrowser, resultsDir } from './helpers';

// A data folder of its own: the cancelled run below is kept there, not in the user's.
const setup = hostAndBrowser({ dataDirPrefix: 'netwright-german-' });

const phrases = englishOnlyPhrases();
// Terms German keeps in English: Squeeze-and-Excitation is the block's name in German texts too.
const sameInGerman = [/Squeeze-and-Excitation/];

/** English-only catalogue phrases the page shows now, with where they were seen. */
async function englishOn(page: Page, where: string, root = 'body'): Promise<string[]> {
  const text = await page.evaluate(pageTextScript, root);
  return [...englishIn(text, phrases), ...englishSentencesIn(text, sameInGerman)].map(
    (phrase) => `${where}: ${phrase}`,
  );
}

/** How many rows the side panel's tabs take, and the labels that do not fit their tab. */
function tabRows(page: Page): Promise<{ rows: number; cut: string[] }> {
  return page.evaluate(() => {
    const tabs = Array.from(document.querySelectorAll<HTMLElement>('.side-panel [role="tablist"] > [role="tab"]'));
    const list = tabs[0]!.parentElement!;
    return {
      rows: new Set(tabs.map((t) => t.getBoundingClientRect().top)).size,
      cut: [
        ...tabs.filter((t) => t.scrollWidth > t.clientWidth).map((t) => t.textContent ?? ''),
        ...(list.scrollWidth > list.clientWidth ? ['(the tab row is wider than the column)'] : []),
      ],
    };
  });
}

/**
 * A run started and cancelled at once on the Train tab: what it says in the panel and in the
 * runs list (the cancel lands before or during the first epoch; either way it says so in German).
 */
async function cancelledRunIn(page: Page): Promise<string[]> {
  await page.getByRole('tab', { name: 'Training', exact: true }).click();
  const form = page.getByRole('region', { name: 'Training' });
  await form.getByRole('button', { name: 'Trainieren', exact: true }).click();
  await form.getByRole('button', { name: 'Abbrechen', exact: true }).click();
  const status = page.getByTestId('run-status');
  await expect
    .poll(() => status.getAttribute('data-status'), { timeout: 60_000, interval: 250 })
    .toMatch(/completed|failed|diverged|cancelled/);
  expect(await status.getAttribute('data-status')).toBe('cancelled');
  expect(await page.getByTestId('run-message').first().textContent()).toMatch(/^Abgebrochen( in Epoche|, bevor)/);
  const found = await englishOn(page, 'cancelled run', '[data-testid="run-status"]');
  await form.getByRole('button', { name: 'Läufe…' }).click();
  const runs = page.getByRole('dialog', { name: 'Trainingsläufe' });
  await expect.poll(() => runs.getByTestId('run-message').count()).toBe(1);
  found.push(...(await englishOn(page, 'runs list', '[role="dialog"]')));
  await page.keyboard.press('Escape');
  await expect.poll(() => runs.count()).toBe(0);
  return found;
}

describe('German leaves no English text in the editor or the presenter', () => {
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ]) {
    it(`at ${size.width}×${size.height}`, async () => {
      const context = await setup.browser.newContext({ locale: 'de-DE', viewport: size });
      const page = await context.newPage();
      const found: string[] = [];
      const shot = (name: string) =>
        page.screenshot({ path: path.join(resultsDir, `german-${name}-${size.width}.png`) });
      await page.goto(setup.host.url);
      // A first load on a busy machine takes seconds; expect.poll waits 1 s by default.
      await expect.poll(() => page.getByRole('button', { name: 'Neues Netz' }).count(), { timeout: 30_000 }).toBe(1);
      found.push(...(await englishOn(page, 'start page')));
      await page.getByRole('button', { name: /Kleines Inception/ }).click();
      await expect.poll(() => page.locator('.react-flow__node').count(), { timeout: 30_000 }).toBeGreaterThan(20);
      await page.locator('.react-flow__node-layer:has([data-kind="Conv2D"])').first().click();
      await shot('editor');
      // German words are longer; the toolbar still fits one row (undo, redo and shortcuts are
      // signs; below 1440 px the app's name leaves the toolbar and the buttons pack tighter).
      const toolbar = page.getByRole('toolbar');
      const row = (await toolbar.getByRole('button', { name: 'Speichern', exact: true }).boundingBox())!.height;
      expect((await toolbar.boundingBox())!.height).toBeLessThan(2 * row);
      found.push(...(await englishOn(page, 'editor')));
      const tabs = page.getByRole('tab');
      for (let i = 0; i < (await tabs.count()); i++) {
        await tabs.nth(i).click();
        // The side panel's tabs stay one row in the 320 px column, whichever is selected (bold).
        expect(await tabRows(page), `tabs with ${await tabs.nth(i).textContent()} selected`).toEqual({
          rows: 1,
          cut: [],
        });
        found.push(...(await englishOn(page, `tab ${await tabs.nth(i).textContent()}`)));
        await shot(`tab-${i}`);
      }
      if (size.width === 1440) found.push(...(await cancelledRunIn(page)));
      await page.keyboard.press('F5');
      const counter = page.getByTestId('lesson-counter');
      await expect.poll(() => counter.count()).toBe(1);
      const steps = Number((await counter.textContent())?.match(/(\d+)\s*$/)?.[1]);
      expect(steps).toBeGreaterThan(5);
      for (let step = 1; step <= steps; step++) {
        await expect.poll(() => counter.textContent()).toMatch(new RegExp(`^${step}\\D`));
        // The editor stays behind the presenter: read the presenter only.
        found.push(...(await englishOn(page, `presenter step ${step}`, '[role="dialog"]')));
        if (step === 1 || step === steps) await shot(`presenter-${step}`);
        await page.keyboard.press('ArrowRight');
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }
});
