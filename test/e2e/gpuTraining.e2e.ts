import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GpuBackendCheck } from '../../renderer/training/gpu/availability';
import type { PageRun, PageRunRequest } from './gpu/trainingPage';
import { type GpuPage, launchGpuChromium, serveGpuPage, webgpuPackageMissing } from './gpuPage';

/**
 * The browser GPU training worker (renderer/training/gpu/) end to end in headless Chromium on
 * SwiftShader: one epoch of the small Inception template with curves and a saved model, and a
 * second run cancelled within a batch. SwiftShader is a CPU emulating a GPU: no timing here means
 * anything for a real GPU.
 */
const workerSource = (webgpu: boolean) => `
${webgpu ? "import '@tensorflow/tfjs-backend-webgpu';" : ''}
import * as tf from '@tensorflow/tfjs';
import './renderer/training/gpu/trainingWorker';
// Test hook, in this bundle only: lose the WebGL context or the WebGPU device the way a GPU reset does.
globalThis.addEventListener('message', (event) => {
  if (event.data?.type !== 'lose-gpu') return;
  const backend = tf.backend();
  if (backend.device) backend.device.destroy();
  else backend.gpgpu.gl.getExtension('WEBGL_lose_context').loseContext();
});
`;
const pageSource = `
import { gpuTrain } from './test/e2e/gpu/trainingPage';
import { checkGpuBackends } from './renderer/training/gpu/availability';
globalThis.gpuTrain = gpuTrain;
globalThis.checkGpuBackends = checkGpuBackends;
globalThis.pageReady = true;
`;

let browser: Browser;

beforeAll(async () => {
  browser = await launchGpuChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function openPage(isolated: boolean): Promise<{ page: Page; server: GpuPage }> {
  const server = await serveGpuPage(
    { page: pageSource, worker: workerSource(webgpuPackageMissing === null) },
    isolated,
  );
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  page.on('console', (message) => console.log(`page: ${message.text()}`));
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => (globalThis as { pageReady?: boolean }).pageReady === true);
  return { page, server };
}

const train = (page: Page, request: PageRunRequest): Promise<PageRun> =>
  page.evaluate(
    (r) => (globalThis as unknown as { gpuTrain(r: PageRunRequest): Promise<PageRun> }).gpuTrain(r),
    request,
  );

/**
 * WebGPU on SwiftShader is about half WebGL's speed here: its one-epoch run of the small Inception
 * is the form's (gpuForm.e2e.ts, through the app's own worker), and how a cancel reaches the
 * worker does not depend on the backend, so WebGPU cancels one way only, to keep CI short.
 */
describe.each([
  ['webgl', null, null, [true, false]],
  ['webgpu', webgpuPackageMissing, 'trained through the form in gpuForm.e2e.ts', [true]],
] as const)('training in a browser Worker on %s', (backend, missing, epochElsewhere, cancelIsolated) => {
  it.skipIf(missing !== null || epochElsewhere !== null)(
    'trains the small Inception for one epoch: curves and a model',
    async () => {
      const { page, server } = await openPage(true);
      try {
        expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
        const run = await train(page, { backend, network: 'small-inception', samples: 40, batchSize: 10, epochs: 1 });
        const backendMessage = run.messages.find((m) => m.type === 'backend');
        console.log(`${backend}: ${backendMessage?.type === 'backend' ? backendMessage.detail : 'no backend message'}`);
        expect(run.outcome.message).toBeNull();
        expect(run.outcome.status).toBe('completed');
        expect(run.messages.map((m) => m.type)).toEqual([
          'backend',
          'dataset',
          'status',
          'batch',
          'batch',
          'batch',
          'epoch',
          'done',
        ]);
        const epoch = run.messages.find((m) => m.type === 'epoch');
        if (epoch?.type !== 'epoch') throw new Error('no epoch');
        expect(Number.isFinite(epoch.metrics.loss)).toBe(true);
        expect(epoch.metrics.valAccuracy).not.toBeNull();
        expect(epoch.metrics.calibration).not.toBeNull();
        const model = run.outcome.model!;
        const parameters = model.weightSpecs.reduce((sum, s) => sum + s.shape.reduce((a, b) => a * b, 1), 0);
        expect(run.weights).toEqual({ bytes: parameters * 4, finite: true });
        expect(model.weightSpecs.length).toBeGreaterThan(40);
      } finally {
        await page.close();
        await server.stop();
      }
    },
    300_000,
  ); // SwiftShader emulates the GPU on the CPU: up to 120 s on a busy 2-core machine

  it
    .skipIf(missing !== null)
    .each(
      cancelIsolated.map((isolated) =>
        isolated
          ? (['through a SharedArrayBuffer (crossOriginIsolated)', true] as const)
          : (['by message (not crossOriginIsolated)', false] as const),
      ),
    )('cancels a second run within a batch, %s', async (_how, isolated) => {
    const { page, server } = await openPage(isolated);
    try {
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(isolated);
      const run = await train(page, {
        backend,
        network: 'tiny',
        samples: 400,
        batchSize: 8,
        epochs: 1,
        cancelAfterBatches: 2,
      });
      expect(run.outcome.status).toBe('cancelled');
      const batches = run.messages.filter((m) => m.type === 'batch').length;
      // The cancel is seen before the next batch starts; one may already be on its way.
      expect(batches).toBeGreaterThanOrEqual(2);
      expect(batches).toBeLessThanOrEqual(3);
      expect(run.outcome.message).toMatch(/^Cancelled at epoch 1, batch [34] of 38\.$/);
    } finally {
      await page.close();
      await server.stop();
    }
  });
});

it('tells which GPU backends a training Worker could use here, and why not', async () => {
  const { page, server } = await openPage(false);
  try {
    const checks = await page.evaluate(() =>
      (globalThis as unknown as { checkGpuBackends(): Promise<GpuBackendCheck[]> }).checkGpuBackends(),
    );
    console.log(checks.map((c) => `${c.ok ? 'yes' : 'no '} ${c.reason}`).join('\n'));
    expect(checks.find((c) => c.name === 'webgl')).toEqual({
      name: 'webgl',
      ok: true,
      reason: expect.stringMatching(
        /^WebGL: ANGLE .*SwiftShader.* \(a GPU emulated on the CPU: slower than the CPU backends\)\.$/,
      ),
      software: true,
    });
    expect(checks.find((c) => c.name === 'webgpu')).toEqual({
      name: 'webgpu',
      ok: true,
      reason: 'WebGPU: google swiftshader (a GPU emulated on the CPU: slower than the CPU backends).',
      software: true,
    });
  } finally {
    await page.close();
    await server.stop();
  }
});

it.each([
  ['webgl', 'a lost WebGL context', /^Training stopped: the WebGL context was lost\. The curves so far are kept/],
  [
    'webgpu',
    'a lost WebGPU device',
    /^Training stopped: the WebGPU device was lost \(destroyed: Device was destroyed\)\. The curves so far are kept/,
  ],
] as const)('on %s, %s stops the run with a clear message and keeps the curves', async (backend, _what, said) => {
  const { page, server } = await openPage(false);
  try {
    const run = await train(page, {
      backend,
      network: 'tiny',
      samples: 400,
      batchSize: 8,
      epochs: 1,
      loseGpuAfterBatches: 2,
    });
    console.log(`lost ${backend}: ${run.outcome.message}`);
    expect(run.outcome.status).toBe('failed');
    expect(run.outcome.message).toMatch(said);
    expect(run.outcome.model).toBeNull();
    expect(run.messages.filter((m) => m.type === 'batch').length).toBeGreaterThanOrEqual(2);
    expect(run.messages.at(-1)?.type).toBe('done');
  } finally {
    await page.close();
    await server.stop();
  }
});
