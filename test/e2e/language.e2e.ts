import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HostProcess, launchChromium, resultsDir, startHostProcess } from './helpers';

// Its own data folder: the language chosen here is stored there, not where other tests look.
const dataDir = mkdtempSync(path.join(tmpdir(), 'netwright-lang-e2e-'));
let host: HostProcess;
let browser: Browser;

beforeAll(async () => {
  host = await startHostProcess([], { NETWRIGHT_DATA_DIR: dataDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

async function openSmallInception(page: Page) {
  await page.goto(host.url);
  await page.getByRole('dialog', { name: 'Start' }).waitFor();
  await page.getByRole('button', { name: /Small Inception|Kleines Inception/ }).click();
  await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(20);
}

describe('the interface in German', () => {
  it('follows a German system locale, with German numbers', async () => {
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(host.url);
    await expect.poll(() => page.getByRole('button', { name: 'Neues Netz' }).count()).toBe(1);
    await page.screenshot({ path: path.join(resultsDir, 'language-de-start-1440.png') });
    await page.getByRole('button', { name: /Kleines Inception \(32×32, 10 Klassen\)/ }).click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(20);
    await expect.poll(() => page.getByRole('button', { name: 'Speichern', exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByRole('tab', { name: 'Schicht' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Faltung' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: /^Probleme/ }).count()).toBe(1);
    await page.locator('.react-flow__node-layer:has([data-kind="Conv2D"])').first().click();
    await expect.poll(() => page.getByText('Kern (h×b)').count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Berechnet' }).count()).toBe(1);
    await page.screenshot({ path: path.join(resultsDir, 'language-de-inspector-1440.png') });
    const params = await page.getByTestId('status-params').textContent();
    expect(params).toMatch(/^[\d.]+ Parameter \([\d.]+ trainierbar, [\d.]+ nicht trainierbar\)$/);
    expect(params).toMatch(/\d\.\d{3}/);
    await page.screenshot({ path: path.join(resultsDir, 'language-de-1440.png') });
    await context.close();
  });

  it('is chosen in the status bar, applied at once, and remembered', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await openSmallInception(page);
    await expect.poll(() => page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(1);
    await page.getByTestId('language-picker').selectOption('de');
    await expect.poll(() => page.getByRole('button', { name: 'Speichern', exact: true }).count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('de');
    await expect
      .poll(() => JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')))
      .toEqual({ language: 'de' });
    await page.screenshot({ path: path.join(resultsDir, 'language-de-1280.png') });

    // A new window of an English system still speaks German: the choice overrides the locale.
    const again = await context.newPage();
    await openSmallInception(again);
    await expect.poll(() => again.getByRole('tab', { name: 'Training' }).count()).toBe(1);

    await again.keyboard.press('F5');
    await expect.poll(() => again.getByRole('dialog', { name: /^Lektion: / }).count()).toBe(1);
    await expect.poll(() => again.getByText(/Leertaste weiter/).count()).toBe(1);
    await expect
      .poll(() => again.getByTestId('lesson-step-title').textContent())
      .toBe('Tiefere Netze senken den Fehler');
    await expect.poll(() => again.getByText(/61\.100\.840 Parameter/).count()).toBe(1);
    await again.screenshot({ path: path.join(resultsDir, 'language-de-presenter-1280.png') });
    await again.keyboard.press('Escape');

    await again.getByTestId('language-picker').selectOption('system');
    await expect.poll(() => again.getByRole('button', { name: 'Save', exact: true }).count()).toBe(1);
    await context.close();
  });
});
