import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { repoRoot } from './helpers';

/**
 * Headless Chromium with its software GPUs (SwiftShader): WebGL2 through ANGLE, and WebGPU
 * through Dawn's SwiftShader adapter. They are slow, so no speed measured here means anything
 * for a real GPU; they are exact enough to prove the GPU kernels compute what the cpu backend does.
 */
export async function launchGpuChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--enable-unsafe-webgpu',
      '--enable-features=Vulkan',
      '--use-webgpu-adapter=swiftshader',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** tfjs's WebGPU backend is not among this checkout's dependencies; the tests say so instead of faking it. */
export const webgpuPackageMissing = existsSync(path.join(repoRoot, 'node_modules/@tensorflow/tfjs-backend-webgpu'))
  ? null
  : '@tensorflow/tfjs-backend-webgpu is not installed in node_modules';

export interface GpuPage {
  origin: string;
  stop(): Promise<void>;
}

/**
 * Bundles `entries` (name -> source text, resolved from the repository root) with esbuild into a
 * temporary folder and serves it with an index.html on http://127.0.0.1 (a secure context, which
 * navigator.gpu needs). `isolated` sends COOP/COEP so the page is crossOriginIsolated.
 */
export async function serveGpuPage(entries: Record<string, string>, isolated = false): Promise<GpuPage> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netwright-gpu-'));
  for (const [name, contents] of Object.entries(entries)) {
    await build({
      stdin: { contents, resolveDir: repoRoot, sourcefile: `${name}.ts`, loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outfile: path.join(dir, `${name}.js`),
      logLevel: 'error',
    });
  }
  const server = http.createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://127.0.0.1').pathname.slice(1) || 'index.html';
    const file = path.join(dir, path.basename(name));
    if (isolated) {
      response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
      response.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    }
    if (name === 'index.html') {
      response.setHeader('Content-Type', 'text/html');
      response.end('<!doctype html><html><body><script type="module" src="/page.js"></script></body></html>');
    } else if (name === 'favicon.ico') {
      response.statusCode = 204;
      response.end();
    } else if (name.endsWith('.js') && existsSync(file)) {
      response.setHeader('Content-Type', 'text/javascript');
      response.end(readFileSync(file));
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
