import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EditorPage } from './editorPage';
import { launchGpuChromium } from './gpuPage';
import { type HostProcess, startHostProcess } from './helpers';

/**
 * GPU training from the training form in browser mode: the window's Worker trains on WebGPU and
 * WebGL (SwiftShader here: a CPU emulating a GPU, so nothing here is a GPU speed), the services keep
 * the run, and it exports like any other.
 */
let host: HostProcess;
let browser: Browser;

beforeAll(async () => {
  host = await startHostProcess([], { NETWRIGHT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'netwright-gpu-form-')) });
  browser = await launchGpuChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

async function settle(page: Page): Promise<string> {
  const status = page.getByTestId('run-status');
  await expect
    .poll(() => status.getAttribute('data-status'), { timeout: 300_000, interval: 500 })
    .toMatch(/completed|failed|diverged|cancelled/);
  return (await status.getAttribute('data-status')) ?? '';
}

async function openTrainTab(page: Page) {
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(host.url);
  await page.getByRole('button', { name: /Small Inception/ }).click();
  await page.getByRole('tab', { name: 'Train' }).click();
  const form = page.getByRole('region', { name: 'Training' });
  const backend = form.getByTestId('train-backend');
  // The window checks its GPUs once the Train tab opens; SwiftShader takes a while on a busy machine.
  for (const gpu of ['webgpu', 'webgl'])
    await expect
      .poll(() => backend.locator(`option[value="${gpu}"]`).isEnabled(), { timeout: 30_000, interval: 250 })
      .toBe(true);
  return { form, backend };
}

/** One epoch of 40 samples (30 to train, 10 to validate) on `gpu`, from the form; the curves shown. */
async function trainOneEpoch(page: Page, form: Locator, gpu: 'webgpu' | 'webgl') {
  await form.getByLabel('Samples').fill('40');
  await form.getByLabel('Batch size').fill('10');
  await form.getByLabel('Epochs').fill('1');
  await form.getByLabel('Seed').fill('7');
  await form.getByRole('button', { name: 'Train', exact: true }).click();
  await expect
    .poll(() => page.getByTestId('status-backend').textContent(), { timeout: 20_000 })
    .toBe(`TensorFlow.js: ${gpu} (training)`);
  const status = await settle(page);
  const said = await page.getByTestId('run-status').textContent();
  expect(status, said ?? '').toBe('completed');
  expect(said).toMatch(new RegExp(`^completed on ${gpu}`));
  await expect.poll(() => page.getByTestId('live-loss').locator('canvas').count()).toBe(1);
  expect(await page.getByTestId('run-last-epoch').textContent()).toMatch(/val accuracy [\d.]+%, ECE [\d.]+%/);
  await page.getByTestId('run-last-epoch').scrollIntoViewIfNeeded();
}

describe('training on the GPU from the form (browser mode)', () => {
  it('offers both GPU backends with reasons, trains on WebGPU, exports the run to PyTorch', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const ed = new EditorPage(page);
    const { form, backend } = await openTrainTab(page);
    // Automatic skips a GPU emulated on the CPU: the CPU backends are faster than SwiftShader.
    expect(await backend.locator('option[value="auto"]').textContent()).toMatch(
      /^Automatic \((WebAssembly|JavaScript)/,
    );
    await form.getByText(/^Not available here/).click();
    const unavailable = (await form.getByTestId('train-backend-unavailable').textContent()) ?? '';
    expect(unavailable).toMatch(/TensorFlow GPU \(CUDA\): @tensorflow\/tfjs-node-gpu is not installed/);
    expect(unavailable).not.toMatch(/WebGPU|WebGL/);
    await backend.selectOption('webgpu');
    expect(await form.getByTestId('train-backend-reason').textContent()).toBe(
      'WebGPU: google swiftshader (a GPU emulated on the CPU: slower than the CPU backends).',
    );
    await expect
      .poll(() => page.getByTestId('train-estimate').textContent(), { timeout: 20_000 })
      .toMatch(/of 4 GiB available/);
    await ed.shot('gpu-form');
    await page.setViewportSize({ width: 1280, height: 720 });
    await ed.shot('gpu-form-1280');
    await page.setViewportSize({ width: 1440, height: 900 });

    await trainOneEpoch(page, form, 'webgpu');
    await ed.shot('gpu-trained');

    await page.getByRole('button', { name: 'Runs…' }).click();
    const runs = page.getByRole('dialog', { name: 'Training runs' });
    await expect.poll(() => runs.getByRole('button', { name: 'PyTorch' }).count()).toBe(1);
    expect(await runs.textContent()).toMatch(/webgpu/);
    const zip = await ed.download(() => runs.getByRole('button', { name: 'PyTorch' }).click());
    const files = unzipSync(new Uint8Array(zip.bytes));
    const names = Object.keys(files);
    expect(names.some((n) => n.endsWith('/check.py'))).toBe(true);
    if (spawnSync('/usr/bin/python3', ['-c', 'import torch']).status !== 0) {
      console.warn('check.py not executed: /usr/bin/python3 cannot import torch (apt-get install python3-torch).');
      return;
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'netwright-gpu-exported-'));
    for (const [name, bytes] of Object.entries(files)) {
      mkdirSync(path.join(dir, path.dirname(name)), { recursive: true });
      writeFileSync(path.join(dir, name), bytes);
    }
    const check = spawnSync('/usr/bin/python3', ['check.py'], { cwd: path.join(dir, names[0]!.split('/')[0]!) });
    expect(check.status, String(check.stdout) + String(check.stderr)).toBe(0);
  }, 300_000); // one WebGPU training on SwiftShader: a CPU emulating a GPU, minutes on a busy 2-core machine

  // WebGL's one-epoch run is the worker's (gpuTraining.e2e.ts); here the form picks it and cancels.
  it('picks WebGL and cancels a run within a batch', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const { form, backend } = await openTrainTab(page);
    await backend.selectOption('webgl');
    expect(await form.getByTestId('train-backend-reason').textContent()).toMatch(
      /^WebGL: ANGLE .*SwiftShader.*\(a GPU emulated on the CPU: slower than the CPU backends\)\.$/,
    );
    await form.getByLabel('Samples').fill('400');
    await form.getByLabel('Batch size').fill('8');
    await form.getByLabel('Epochs').fill('1');
    await form.getByRole('button', { name: 'Train', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('status-backend').textContent(), { timeout: 20_000 })
      .toBe('TensorFlow.js: webgl (training)');
    await expect
      .poll(() => page.getByTestId('run-status').textContent(), { timeout: 120_000 })
      .toMatch(/batch ([2-9]|\d\d)\/45/);
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(await settle(page)).toBe('cancelled');
    expect(await page.getByTestId('run-status').textContent()).toMatch(/Cancelled at epoch 1, batch \d+ of 45\./);
  }, 300_000); // WebGL on SwiftShader: a CPU emulating a GPU
});
