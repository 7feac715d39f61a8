import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPaths, formatPathCount } from '../../shared/analysis';
import { buildSmallInception } from '../../shared/templates/smallInception';
import { type HostProcess, launchChromium, resultsDir, startHostProcess } from './helpers';

// Issue 17.3: the number of input-to-output paths, in the status bar and the inspector.

let host: HostProcess;
let browser: Browser;

beforeAll(async () => {
  host = await startHostProcess();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

async function openSmallInception(size: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport: size });
  await page.goto(host.url);
  await page
    .getByRole('button', { name: /Small Inception/ })
    .first()
    .click();
  await expect.poll(() => page.getByTestId('node-input').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  return page;
}

describe('paths through the network', () => {
  it.each([
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ])('shows the count in the status bar and per layer in the inspector at $width×$height', async (size) => {
    const page = await openSmallInception(size);
    const expected = countPaths(buildSmallInception());
    expect(expected.total).toBeGreaterThan(1n); // the modules' branches multiply it
    await expect
      .poll(() => page.getByTestId('status-paths').textContent())
      .toBe(`${formatPathCount(expected.total)} paths`);
    await page.getByTestId('node-input').first().click();
    await expect.poll(() => page.getByTestId('inspector-paths').textContent()).toBe('1');
    const status = await page.getByTestId('status-paths').boundingBox();
    expect(status && status.x + status.width).toBeLessThanOrEqual(size.width);
    await page.screenshot({ path: path.join(resultsDir, `paths-${size.width}x${size.height}.png`) });
    await page.close();
  });
});
