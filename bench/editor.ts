import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { layeredPositions } from '../renderer/editor/insert';
import { createProjectFile, serializeProject } from '../shared/graph/projectFile';
import { launchChromium, startHostProcess } from '../test/e2e/helpers';
import { syntheticGraph } from '../test/unit/analysis/synthetic';
import { median } from './machine';

/** Frames per second while a node is dragged in a circle for `ms`, counted with requestAnimationFrame. */
async function dragFps(page: Page, nodeSelector: string, ms: number): Promise<number> {
  const box = (await page.locator(nodeSelector).first().boundingBox())!;
  const cx = box.x + 20;
  const cy = box.y + 12;
  // Strings, not functions: tsx's transpiled helpers do not exist inside the page.
  await page.evaluate(`(() => {
    window.frames_ = 0;
    window.counting = true;
    const tick = () => {
      if (!window.counting) return;
      window.frames_ += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const t0 = performance.now();
  let i = 0;
  while (performance.now() - t0 < ms) {
    i += 1;
    await page.mouse.move(cx + 80 * Math.cos(i / 8), cy + 60 * Math.sin(i / 8));
  }
  const elapsed = performance.now() - t0;
  await page.mouse.up();
  const frames = (await page.evaluate('(() => { window.counting = false; return window.frames_; })()')) as number;
  return (frames / elapsed) * 1000;
}

/** Time from typing a new filter count to the node showing its new parameter count (includes Playwright's round trip). */
async function editLatency(page: Page): Promise<number> {
  const first = page.locator('.react-flow__node-layer:has([data-kind="Conv2D"])').first();
  const id = await first.getAttribute('data-id');
  const node = page.locator(`.react-flow__node-layer[data-id="${id}"]`);
  const box = (await first.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const field = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Filters', { exact: true });
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const before = await node.getByTestId('node-params').textContent();
    const t0 = performance.now();
    await field.fill(String(40 + i));
    await page.waitForFunction(
      `document.querySelector('.react-flow__node-layer[data-id="${id}"] [data-testid="node-params"]').textContent !== ${JSON.stringify(before)}`,
      undefined,
      { polling: 'raf' },
    );
    times.push(performance.now() - t0);
  }
  return Math.round(median(times));
}

async function openProject(page: Page, file: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open…' }).click(),
  ]);
  await chooser.setFiles(file);
  await page.waitForFunction("document.querySelectorAll('.react-flow__node-layer').length > 0");
  await page.waitForTimeout(800);
}

export async function benchEditor(): Promise<void> {
  console.log('\n## Editor in headless Chromium (browser mode)');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'netwright-bench-'));
  const host = await startHostProcess([], { NETWRIGHT_DATA_DIR: dataDir });
  const browser = await launchChromium();
  try {
    const openTimes: number[] = [];
    for (let run = 0; run < 3; run++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(host.url);
      const button = page.getByRole('button', { name: 'Inception v3 network' });
      await button.waitFor();
      const t0 = Date.now();
      await button.click();
      await page.waitForFunction("document.querySelectorAll('.react-flow__node-layer').length > 50", undefined, {
        polling: 'raf',
      });
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
      openTimes.push(Date.now() - t0);
      await page.close();
    }
    console.log(
      `open Inception-v3 template to a laid-out, rendered canvas: ${median(openTimes)} ms median of 3 (goal < 1500 ms)`,
    );

    const fps: Record<number, number> = {};
    for (const count of [100, 1000]) {
      const file = path.join(dataDir, `synthetic-${count}.netwright`);
      const graph = syntheticGraph(count);
      const positions = layeredPositions(graph, { x: 0, y: 0 });
      for (const n of graph.nodes) n.position = positions.get(n.id)!;
      writeFileSync(file, serializeProject(createProjectFile(`synthetic-${count}`, graph)));
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      page.on('dialog', (d) => void d.accept());
      await page.goto(host.url);
      await openProject(page, file);
      await page.keyboard.press('f');
      await page.waitForTimeout(500);
      const rendered = await page.locator('.react-flow__node-layer').count();
      const runs = [];
      for (let r = 0; r < 3; r++) runs.push(await dragFps(page, '.react-flow__node-layer .layer-name', 2000));
      fps[count] = median(runs);
      console.log(
        `  ${count} nodes: ${rendered} rendered at fit view, drag ${runs.map((r) => r.toFixed(1)).join(' / ')} fps`,
      );
      if (count === 1000)
        console.log(`inspector edit to updated node at 1,000 nodes: ${await editLatency(page)} ms median of 5`);
      await page.close();
    }
    const ratio = fps[1000]! / fps[100]!;
    console.log(
      `drag FPS: ${fps[100]!.toFixed(1)} at 100 nodes, ${fps[1000]!.toFixed(1)} at 1,000 nodes (${(ratio * 100).toFixed(0)}%; goal ≥ 90%)`,
    );
  } finally {
    await browser.close();
    await host.stop();
  }
}
