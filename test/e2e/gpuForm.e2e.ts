import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBGPU_NOT_OFFERED } from '../../renderer/training/gpu/availability';
import { EditorPage } from './editorPage';
import { launchGpuChromium } from './gpuPage';
import { type HostProcess, startHostProcess } from './helpers';

/**
 * GPU training from the training form in browser mode: the window's Worker trains on WebGL
 * (SwiftShader here: a CPU emulating a GPU, so nothing here is a GPU speed), the services keep
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

describe('training on the GPU from the form (browser mode)', () => {
  it('offers the GPU backends with reasons, trains on WebGL, cancels a run, exports it to PyTorch', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    const ed = new EditorPage(page);
    await page.goto(host.url);
    await page.getByRole('button', { name: /Small Inception/ }).click();
    await page.getByRole('tab', { name: 'Train' }).click();
    const form = page.getByRole('region', { name: 'Training' });

    const backend = form.getByTestId('train-backend');
    // The window checks its GPUs once the Train tab opens; SwiftShader takes a while on a busy machine.
    await expect
      .poll(() => backend.locator('option[value="webgl"]').isEnabled(), { timeout: 30_000, interval: 250 })
      .toBe(true);
    expect(await backend.locator('option[value="webgpu"]').isDisabled()).toBe(true);
    // Automatic skips a GPU emulated on the CPU: the CPU backends are faster than SwiftShader.
    expect(await backend.locator('option[value="auto"]').textContent()).toMatch(
      /^Automatic \((WebAssembly|JavaScript)/,
    );
    await form.getByText(/^Not available here/).click();
    const unavailable = (await form.getByTestId('train-backend-unavailable').textContent()) ?? '';
    expect(unavailable).toContain(`WebGPU: google swiftshader found, but ${WEBGPU_NOT_OFFERED}`);
    expect(unavailable).toMatch(/TensorFlow GPU \(CUDA\): @tensorflow\/tfjs-node-gpu is not installed/);
    await backend.selectOption('webgl');
    expect(await form.getByTestId('train-backend-reason').textContent()).toMatch(
      /^WebGL: ANGLE .*SwiftShader.*\(a GPU emulated on the CPU: slower than the CPU backends\)\.$/,
    );
    await expect
      .poll(() => page.getByTestId('train-estimate').textContent(), { timeout: 20_000 })
      .toMatch(/of 4 GiB available/);
    await ed.shot('gpu-form');
    await page.setViewportSize({ width: 1280, height: 720 });
    await ed.shot('gpu-form-1280');
    await page.setViewportSize({ width: 1440, height: 900 });

    await form.getByLabel('Samples').fill('40');
    await form.getByLabel('Batch size').fill('10');
    await form.getByLabel('Epochs').fill('1');
    await form.getByLabel('Seed').fill('7');
    await form.getByRole('button', { name: 'Train', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('status-backend').textContent(), { timeout: 20_000 })
      .toBe('TensorFlow.js: webgl (training)');
    expect(await settle(page)).toBe('completed');
    expect(await page.getByTestId('run-status').textContent()).toMatch(/^completed on webgl/);
    await expect.poll(() => page.getByTestId('live-loss').locator('canvas').count()).toBe(1);
    expect(await page.getByTestId('run-last-epoch').textContent()).toMatch(/val accuracy [\d.]+%, ECE [\d.]+%/);
    await page.getByTestId('run-last-epoch').scrollIntoViewIfNeeded();
    await ed.shot('gpu-trained');

    // A second run, cancelled once it has trained two batches.
    await form.getByLabel('Samples').fill('400');
    await form.getByLabel('Batch size').fill('8');
    await form.getByRole('button', { name: 'Train', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('run-status').textContent(), { timeout: 120_000 })
      .toMatch(/batch ([2-9]|\d\d)\/45/);
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(await settle(page)).toBe('cancelled');
    expect(await page.getByTestId('run-status').textContent()).toMatch(/Cancelled at epoch 1, batch \d+ of 45\./);

    await page.getByRole('button', { name: 'Runs…' }).click();
    const runs = page.getByRole('dialog', { name: 'Training runs' });
    await expect.poll(() => runs.getByRole('button', { name: 'PyTorch' }).count()).toBe(2);
    expect(await runs.textContent()).toMatch(/webgl/);
    // Newest first: the completed run is the second.
    const zip = await ed.download(() => runs.getByRole('button', { name: 'PyTorch' }).nth(1).click());
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
  }, 300_000); // two WebGL trainings on SwiftShader: 94 s on a quiet 2-core machine, 168 s on a busy one
});
