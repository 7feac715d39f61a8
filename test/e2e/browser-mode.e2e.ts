import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { countPaths, formatPathCount } from '../../shared/analysis';
import { buildSmallInception } from '../../shared/templates/smallInception';
import { hostAndBrowser, resultsDir } from './helpers';

const setup = hostAndBrowser();

describe('browser mode in Chromium', () => {
  it('shows the canvas and answers the round trip to the main-process services', async () => {
    const page = await setup.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto(setup.host.url);
    expect(new URL(page.url()).search).toBe('');

    await expect.poll(() => page.getByRole('dialog', { name: 'Start' }).count()).toBe(1);
    await page.getByRole('button', { name: /Small Inception/ }).click();
    await expect.poll(() => page.locator('.react-flow__node-layer').count()).toBeGreaterThan(20);
    await expect.poll(() => page.locator('.react-flow__minimap').count()).toBe(1);
    await expect.poll(() => page.locator('.react-flow__controls').count()).toBe(1);

    const version = page.getByTestId('status-version');
    await expect.poll(() => version.textContent()).toContain(`Netwright ${pkg.version} · browser`);
    const backend = page.getByTestId('status-backend');
    await expect
      .poll(() => backend.textContent(), { timeout: 30_000 })
      .toMatch(/TensorFlow\.js: (tensorflow-gpu|tensorflow|wasm|cpu)$/);

    await page.screenshot({ path: path.join(resultsDir, 'browser-mode.png') });
    expect(problems.filter((p) => /Content Security Policy|Refused/.test(p))).toEqual([]);
    expect(problems.filter((p) => !/DevTools|React Router|download the React DevTools/.test(p))).toEqual([]);
  });

  it('refuses a page opened without the launch token', async () => {
    const page = await setup.browser.newPage();
    const response = await page.goto(setup.host.origin);
    expect(response?.status()).toBe(401);
    expect(await page.textContent('body')).toMatch(/npm run web/);
  });

  it('the canvas pans and zooms', async () => {
    const page = await setup.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(setup.host.url);
    await page.getByRole('button', { name: 'New network' }).click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(1);
    const viewport = page.locator('.react-flow__viewport');
    const before = await viewport.getAttribute('style');
    await page.getByRole('button', { name: /zoom in/i }).click();
    await expect.poll(() => viewport.getAttribute('style')).not.toBe(before);
    const afterZoom = await viewport.getAttribute('style');
    const pane = page.locator('.react-flow__pane');
    const box = (await pane.boundingBox())!;
    // Top edge, away from the nodes, the controls and the minimap.
    await page.mouse.move(box.x + box.width / 2, box.y + 30);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 150, box.y + 130, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => viewport.getAttribute('style')).not.toBe(afterZoom);
  });
});

async function openSmallInception(size: { width: number; height: number }): Promise<Page> {
  const page = await setup.browser.newPage({ viewport: size });
  await page.goto(setup.host.url);
  await page
    .getByRole('button', { name: /Small Inception/ })
    .first()
    .click();
  await expect.poll(() => page.getByTestId('node-input').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  return page;
}

// Issue 17.3: the number of input-to-output paths, in the status bar and the inspector.
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
