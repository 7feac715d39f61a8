import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import pngjs from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceSkip, PYTHON, probe } from '../unit/export/helpers';
import { EditorPage } from './editorPage';
import { type HostProcess, launchChromium, resultsDir, startHostProcess } from './helpers';

const check = probe(['-c', 'import torch']);
announceSkip('opening an ONNX file in the Features view (e2e)', check, "Install Debian's python3-torch.");

let host: HostProcess;
let browser: Browser;
let files: { file: string; bare: string };

beforeAll(async () => {
  if (!check.ok) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'netwright-onnx-features-e2e-'));
  const script = path.join(import.meta.dirname, '../unit/import/onnx/exportWithWeights.py');
  const run = spawnSync(PYTHON, [script, dir, 'small_cnn'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`torch.onnx.export failed: ${run.stderr.split('\n').slice(-4).join(' ')}`);
  files = JSON.parse(run.stdout.trim().split('\n').at(-1)!).small_cnn;
  host = await startHostProcess([], { NETWRIGHT_DATA_DIR: dir });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe.skipIf(!check.ok)('an ONNX file with its weights in the Features view (browser mode)', () => {
  it('shows its first convolution’s filters and the maps of a picked PNG; a file without weights gets a message', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const ed = new EditorPage(page);
    await page.goto(host.url);
    await page.getByRole('button', { name: /Small Inception/ }).click();
    await page.getByRole('tab', { name: 'Train' }).click();
    await page.getByRole('button', { name: 'Runs…' }).click();
    const runs = page.getByRole('dialog', { name: 'Training runs' });

    await runs.getByTestId('open-tfjs-model').setInputFiles(files.bare);
    await expect
      .poll(() => page.locator('.toasts').textContent(), { timeout: 60_000 })
      .toMatch(/holds no weights: export it with export_params=True/);
    await page.locator('.toasts').getByRole('button', { name: 'Dismiss' }).click();

    await runs.getByTestId('open-tfjs-model').setInputFiles(files.file);
    const view = page.getByRole('dialog', { name: 'Features' });
    await expect
      .poll(() => view.getByRole('heading', { level: 2 }).textContent(), { timeout: 60_000 })
      .toBe('What small_cnn.onnx sees');
    // conv1: 8 filters of 3×3×3, one RGB tile each.
    await expect.poll(() => view.getByTestId('filter-tiles').locator('canvas').count(), { timeout: 60_000 }).toBe(8);

    const png = new pngjs.PNG({ width: 32, height: 32 });
    for (let y = 0; y < 32; y++)
      for (let x = 0; x < 32; x++) {
        const band = Math.abs(x - y) < 5 ? 230 : 30;
        png.data.set([band, 120, 255 - band, 255], (y * 32 + x) * 4);
      }
    const picture = path.join(resultsDir, 'features-onnx-band.png');
    writeFileSync(picture, pngjs.PNG.sync.write(png));
    const maps = view.getByRole('region', { name: 'Activation maps' });
    await maps.getByLabel('Layer for activation maps').selectOption('bn2/BatchNormalization');
    await maps.getByTestId('feature-image-file').setInputFiles(picture);
    const grid = view.getByTestId('activation-maps');
    await expect.poll(() => grid.locator('.map-grid canvas').count(), { timeout: 60_000 }).toBe(12);
    expect(await grid.textContent()).toMatch(/12 maps of 8×8/);
    await ed.shot('features-onnx-1440');
    await page.setViewportSize({ width: 1280, height: 720 });
    await ed.shot('features-onnx-1280');
  }, 180_000);
});
