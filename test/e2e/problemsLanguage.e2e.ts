import path from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hostAndBrowser, resultsDir } from './helpers';

const setup = hostAndBrowser({ dataDirPrefix: 'netwright-problems-de-e2e-' });

async function typeInto(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.press('Backspace');
  await field.page().keyboard.type(text);
}

describe('problems in German', () => {
  it('the inspector and the Problems list say what is wrong in German', async () => {
    const context = await setup.browser.newContext({ locale: 'de-DE', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(setup.host.url);
    await page.getByRole('button', { name: /Small Inception/ }).click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(20);
    await page.locator('.react-flow__node-layer:has([data-kind="Conv2D"])').first().click();
    const inspector = page.locator('aside.inspector');
    const alert = () => inspector.getByRole('alert').first().textContent();

    await typeInto(inspector.getByLabel('Filter', { exact: true }), '-3');
    await expect.poll(alert).toBe('eine positive ganze Zahl erwartet, -3 erhalten');
    await typeInto(inspector.getByLabel('Filter', { exact: true }), '8');
    await typeInto(inspector.getByLabel('Schrittweite (h×b)', { exact: true }), 'zwei');
    await expect.poll(alert).toBe('„zwei“ ist keine Größe: Zahlen wie 3×3 oder 2 eingeben.');
    await typeInto(inspector.getByLabel('Schrittweite (h×b)', { exact: true }), '1');

    // A kernel larger than its input with 'valid' padding: a shape error, shown in Problems.
    await inspector.getByLabel('Auffüllung', { exact: true }).selectOption('valid');
    await typeInto(inspector.getByLabel('Kern (h×b)', { exact: true }), '999');
    const problems = page.locator('section.problems');
    await expect.poll(() => problems.textContent()).toMatch(/Ein 999×999-Kernel passt nicht auf eine \d+×\d+-Eingabe/);
    const text = (await problems.textContent()) ?? '';
    expect(text).not.toMatch(/does not fit|after it ha(s|ve)|use padding/);
    await page.screenshot({ path: path.join(resultsDir, 'problems-de-1440.png') });
    await context.close();
  });
});
