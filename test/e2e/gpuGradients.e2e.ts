import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GradientGap } from './gpu/gradientParity';
import { type GpuPage, launchGpuChromium, serveGpuPage, webgpuPackageMissing } from './gpuPage';

/**
 * Gradient parity of tfjs's GPU backends with its cpu backend, in headless Chromium on
 * SwiftShader: for random conv / depthwise / pool / batch-norm / dense networks, every weight
 * gradient of the label-smoothed loss within 1e-4 relative (max |gpu − cpu| / max |cpu|; a gradient
 * that is zero up to rounding is measured against 1% of the network's largest, gradientParity.ts).
 */
const SEEDS = [1, 2, 3, 4, 5, 6];
const TOLERANCE = 1e-4;

const pageSource = (webgpu: boolean) => `
${webgpu ? "import '@tensorflow/tfjs-backend-webgpu';" : ''}
import { gradientParity } from './test/e2e/gpu/gradientParity';
globalThis.gradientParity = gradientParity;
globalThis.pageReady = true;
`;

let browser: Browser;
let server: GpuPage;
let page: Page;

beforeAll(async () => {
  server = await serveGpuPage({ page: pageSource(webgpuPackageMissing === null) });
  browser = await launchGpuChromium();
  page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => (globalThis as { pageReady?: boolean }).pageReady === true);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function parity(backend: string): Promise<GradientGap[]> {
  return page.evaluate(
    ([name, seeds]) =>
      (globalThis as unknown as { gradientParity(b: string, s: number[]): Promise<GradientGap[]> }).gradientParity(
        name,
        seeds,
      ),
    [backend, SEEDS] as const,
  );
}

function expectParity(backend: string, gaps: GradientGap[]): void {
  const worst = gaps.reduce((a, b) => (b.relative > a.relative ? b : a));
  console.log(
    `${backend}: ${gaps.length} weight gradients over ${SEEDS.length} networks ` +
      `(${gaps.filter((g) => g.floored).length} zero up to rounding, measured against 1% of the network's largest); worst relative gap ` +
      `${worst.relative.toExponential(2)} (${worst.weight}, seed ${worst.seed}: ${worst.network})`,
  );
  const layers = new Set(gaps.map((g) => g.weight.split('/')[0]!.replace(/_\d+$/, '')));
  expect([...layers].sort()).toEqual(['batchnorm', 'conv2d', 'dense', 'depthwiseconv2d']);
  expect(gaps.filter((g) => !(g.relative <= TOLERANCE))).toEqual([]);
}

describe('GPU backends compute the same weight gradients as the cpu backend', () => {
  it('WebGL2 (ANGLE on SwiftShader)', async () => {
    const renderer = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : null;
    });
    expect(renderer).toMatch(/SwiftShader/);
    expectParity('webgl', await parity('webgl'));
  });

  it('WebGPU (Dawn on SwiftShader)', async (context) => {
    const adapter = await page.evaluate(async () => {
      const gpu = (navigator as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
      if (!gpu) return 'navigator.gpu is undefined';
      return (await gpu.requestAdapter()) ? null : 'navigator.gpu.requestAdapter() returned null';
    });
    const reason = webgpuPackageMissing ?? (adapter ? `WebGPU: no adapter (${adapter})` : null);
    if (reason) {
      console.log(`WebGPU gradient parity skipped: ${reason}`);
      context.skip(reason);
    }
    expectParity('webgpu', await parity('webgpu'));
  });
});
