import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import pngjs from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EditorPage } from './editorPage';
import { type HostProcess, launchChromium, resultsDir, startHostProcess } from './helpers';

let host: HostProcess;
let browser: Browser;

beforeAll(async () => {
  host = await startHostProcess([], {
    NETWRIGHT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'netwright-features-e2e-')),
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** Trains the small Inception template for one short epoch and opens its Features view. */
async function trainedFeatures(page: Page) {
  await page.goto(host.url);
  await page.getByRole('button', { name: /Small Inception/ }).click();
  await page.getByRole('tab', { name: 'Train' }).click();
  const form = page.getByRole('region', { name: 'Training' });
  for (const [label, text] of Object.entries({ Samples: '160', Epochs: '1', Seed: '7' }))
    await form.getByLabel(label).fill(text);
  await expect.poll(() => page.getByTestId('train-estimate').textContent()).toMatch(/per batch/);
  await form.getByRole('button', { name: 'Train', exact: true }).click();
  const status = page.getByTestId('run-status');
  await expect
    .poll(() => status.getAttribute('data-status'), { timeout: 240_000, interval: 1000 })
    .toMatch(/completed|failed|diverged|cancelled/);
  expect(await status.getAttribute('data-status')).toBe('completed');
  await page.getByRole('button', { name: 'Runs…' }).click();
  await page.getByRole('dialog', { name: 'Training runs' }).getByRole('button', { name: 'Features' }).first().click();
  return page.getByRole('dialog', { name: 'Features' });
}

describe('feature views in browser mode', () => {
  it('shows a trained small Inception’s filters, maps of two layers, and maximises one channel while another is cancelled', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const ed = new EditorPage(page);
    const view = await trainedFeatures(page);

    // The stem's 32 filters of 3×3×3, one RGB tile each.
    const tiles = view.getByTestId('filter-tiles').locator('canvas');
    await expect.poll(() => tiles.count(), { timeout: 60_000 }).toBe(32);
    await ed.shot('features-1-filters');

    const maps = view.getByRole('region', { name: 'Activation maps' });
    const layer = maps.getByLabel('Layer for activation maps');
    const options = await layer.locator('option').allTextContents();
    const spatial = options.filter((o) => !o.endsWith('(no maps)'));
    const first = spatial[0]!.split(' · ')[0]!;
    const deep = spatial.find((o) => o.startsWith('inception_2'))!.split(' · ')[0]!;
    const grid = view.getByTestId('activation-maps');

    await layer.selectOption(first);
    await maps.getByRole('button', { name: 'Show maps' }).click();
    await expect.poll(() => grid.getAttribute('data-layer'), { timeout: 60_000 }).toBe(first);
    expect(await grid.locator('.map-grid canvas').count()).toBe(32); // the stem's 32 channels at 32×32

    await layer.selectOption(deep);
    await maps.getByLabel('Sample index').fill('5');
    await maps.getByRole('button', { name: 'Show maps' }).click();
    await expect.poll(() => grid.getAttribute('data-layer'), { timeout: 60_000 }).toBe(deep);
    expect(await grid.locator('.map-grid canvas').count()).toBe(144); // module 2 concatenates to 144 channels
    await ed.shot('features-2-maps');

    // Bad input: a layer without spatial output, and a file that is not an image.
    const dense = options.find((o) => o.endsWith('(no maps)'))!.split(' · ')[0]!;
    await layer.selectOption(dense);
    await maps.getByRole('button', { name: 'Show maps' }).click();
    await expect
      .poll(() => maps.getByRole('alert').textContent(), { timeout: 30_000 })
      .toMatch(new RegExp(`^${dense} outputs \\[\\d+\\], which has no height and width`));
    const notImage = path.join(mkdtempSync(path.join(tmpdir(), 'netwright-not-image-')), 'notes.png');
    writeFileSync(notImage, 'these are notes, not pixels');
    await layer.selectOption(first);
    await maps.getByTestId('feature-image-file').setInputFiles(notImage);
    await expect
      .poll(() => maps.getByRole('alert').textContent(), { timeout: 30_000 })
      .toMatch(
        /^notes\.png is neither a PNG nor a JPEG \(it starts with 74 68 65 73\)\. Choose a PNG or JPEG image\.$/,
      );
    await ed.shot('features-3-not-an-image');

    // Maximise one channel for a few steps; a long one is cancelled.
    const maximise = view.getByRole('region', { name: 'Activation maximisation' });
    await maximise.getByLabel('Layer to maximise').selectOption(deep);
    await maximise.getByLabel('Channel to maximise').fill('3');
    await maximise.getByLabel('Maximisation steps').fill('6');
    await maximise.getByRole('button', { name: 'Maximise' }).click();
    const jobs = maximise.getByTestId('maximise-job');
    await expect.poll(() => jobs.first().getAttribute('data-status'), { timeout: 120_000 }).toBe('completed');
    expect(await jobs.first().locator('canvas').count()).toBe(1);
    expect(await jobs.first().textContent()).toMatch(/mean activation -?[\d.]+ → -?[\d.]+ in 6 steps/);

    await maximise.getByLabel('Channel to maximise').fill('7');
    await maximise.getByLabel('Maximisation steps').fill('2000');
    await maximise.getByRole('button', { name: 'Maximise' }).click();
    await expect.poll(() => jobs.count()).toBe(2);
    const long = jobs.first();
    await expect.poll(() => long.textContent(), { timeout: 60_000 }).toMatch(/step [1-9]\d* of 2000/);
    // The picture so far arrives about once a second while it runs.
    await expect.poll(() => long.locator('canvas').count(), { timeout: 30_000 }).toBe(1);
    await ed.shot('features-4-maximising');
    // The editor and the features worker answer while it maximises: maps arrive between its steps.
    await maps.getByLabel('Sample index').fill('2');
    await maps.getByRole('button', { name: 'Show maps' }).click();
    await expect.poll(() => grid.getAttribute('data-layer'), { timeout: 60_000 }).toBe(first);
    expect(await long.getAttribute('data-status')).toBe('running');
    await long.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => long.getAttribute('data-status'), { timeout: 60_000 }).toBe('cancelled');
    expect(await long.textContent()).toMatch(/Cancelled after \d+ of 2000 steps\./);
    await ed.shot('features-5-maximised');
    await page.setViewportSize({ width: 1280, height: 720 });
    await ed.shot('features-5-maximised-1280');
  }, 420_000);

  it('opens that run exported as TF.js files (model.json + weights.bin) and shows the maps of a picked PNG', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const ed = new EditorPage(page);
    await page.goto(host.url);
    await page.getByRole('button', { name: /Small Inception/ }).click();
    await page.getByRole('tab', { name: 'Train' }).click();
    await page.getByRole('button', { name: 'Runs…' }).click();
    const runs = page.getByRole('dialog', { name: 'Training runs' });
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await runs.getByRole('button', { name: 'Model', exact: true }).first().click();
    await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(2);
    const dir = mkdtempSync(path.join(tmpdir(), 'netwright-tfjs-model-'));
    const files = await Promise.all(
      downloads.map(async (d) => {
        const file = path.join(dir, d.suggestedFilename());
        await d.saveAs(file);
        return file;
      }),
    );
    expect(files.map((f) => path.basename(f)).sort()).toEqual(['model.json', 'weights.bin']);

    await runs.getByTestId('open-tfjs-model').setInputFiles(files);
    const view = page.getByRole('dialog', { name: 'Features' });
    await expect
      .poll(() => view.getByRole('heading', { level: 2 }).textContent(), { timeout: 60_000 })
      .toBe('What model.json sees');
    await expect.poll(() => view.getByTestId('filter-tiles').locator('canvas').count(), { timeout: 60_000 }).toBe(32);

    // A 48×40 picture with a bright diagonal band, resized to the network's 32×32 input.
    const png = new pngjs.PNG({ width: 48, height: 40 });
    for (let y = 0; y < 40; y++)
      for (let x = 0; x < 48; x++) {
        const o = (y * 48 + x) * 4;
        const band = Math.abs(x - y) < 6 ? 230 : 30;
        png.data.set([band, 120, 255 - band, 255], o);
      }
    const picture = path.join(resultsDir, 'features-band.png');
    writeFileSync(picture, pngjs.PNG.sync.write(png));
    const maps = view.getByRole('region', { name: 'Activation maps' });
    await maps.getByTestId('feature-image-file').setInputFiles(picture);
    const grid = view.getByTestId('activation-maps');
    await expect.poll(() => grid.locator('.map-grid canvas').count(), { timeout: 60_000 }).toBe(32);
    expect(await grid.textContent()).toMatch(/32 maps of 32×32/);
    await ed.shot('features-6-opened-model');
  }, 180_000);
});
