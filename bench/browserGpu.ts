import { chromium } from 'playwright-core';
import { launchGpuChromium, serveGpuPage } from '../test/e2e/gpuPage';
import type { ThroughputRequest, ThroughputResult } from './gpu/page';

/**
 * Training throughput in the browser engine's GPU training Worker, in headless Chromium:
 * 'swiftshader' (the software GPUs every machine has: they prove the path works, their speed
 * means nothing for a GPU) or 'hardware' (the machine's own GPU through Vulkan, bench/gpu.sh).
 */
export type GpuMode = 'swiftshader' | 'hardware';

const workerSource = `
import '@tensorflow/tfjs-backend-webgpu';
import './renderer/training/gpu/trainingWorker';
`;
const pageSource = `
import { gpuThroughput } from './bench/gpu/page';
import { checkGpuBackends } from './renderer/training/gpu/availability';
globalThis.gpuThroughput = gpuThroughput;
globalThis.checkGpuBackends = checkGpuBackends;
globalThis.pageReady = true;
`;

function launch(mode: GpuMode) {
  if (mode === 'swiftshader') return launchGpuChromium();
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--ignore-gpu-blocklist',
      '--enable-gpu',
      '--use-angle=vulkan',
      '--enable-features=Vulkan,VulkanFromANGLE,DefaultANGLEVulkan',
      '--enable-unsafe-webgpu',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export interface GpuCase extends ThroughputRequest {
  /** Give up on this case after so long (the table says so). */
  timeoutMs: number;
}

/** What the page finds (WebGPU adapter, WebGL renderer), one line each; then each case's figure. */
export async function browserGpuThroughput(
  mode: GpuMode,
  cases: GpuCase[],
  log: (line: string) => void = () => {},
): Promise<ThroughputResult[]> {
  const browser = await launch(mode);
  const server = await serveGpuPage({ page: pageSource, worker: workerSource });
  const results: ThroughputResult[] = [];
  try {
    const probe = await browser.newPage();
    await probe.goto(`${server.origin}/`);
    await probe.waitForFunction(() => (globalThis as { pageReady?: boolean }).pageReady === true);
    const checks = await probe.evaluate(() =>
      (globalThis as unknown as { checkGpuBackends(): Promise<{ reason: string }[]> }).checkGpuBackends(),
    );
    for (const c of checks) log(c.reason);
    await probe.close();
    for (const c of cases) {
      const page = await browser.newPage();
      try {
        await page.goto(`${server.origin}/`);
        await page.waitForFunction(() => (globalThis as { pageReady?: boolean }).pageReady === true);
        const { timeoutMs, ...request } = c;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timedOut = new Promise<ThroughputResult>((resolve) => {
          timer = setTimeout(
            () => resolve({ samplesPerSec: null, device: '', error: `gave up after ${timeoutMs / 1000} s` }),
            timeoutMs,
          );
        });
        const measured = page.evaluate(
          (r) =>
            (globalThis as unknown as { gpuThroughput(r: ThroughputRequest): Promise<ThroughputResult> }).gpuThroughput(
              r,
            ),
          request,
        );
        // The timer must not keep the process alive once the case is measured.
        results.push(await Promise.race([measured, timedOut]).finally(() => clearTimeout(timer)));
      } catch (err) {
        results.push({ samplesPerSec: null, device: '', error: (err as Error).message.split('\n')[0]! });
      } finally {
        await page.close().catch(() => {});
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return results;
}
