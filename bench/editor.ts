import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { layeredPositions } from '../renderer/editor/insert';
import { createProjectFile, serializeProject } from '../shared/graph/projectFile';
import { launchChromium, startHostProcess } from '../test/e2e/helpers';
import { syntheticGraph } from '../test/unit/analysis/synthetic';
import { median } from './machine';

/** Starts counting animation frames in the page; the returned function stops and gives frames per second. */
async function countFrames(page: Page): Promise<() => Promise<number>> {
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
  const t0 = performance.now();
  return async () => {
    const elapsed = performance.now() - t0;
    const frames = (await page.evaluate('(() => { window.counting = false; return window.frames_; })()')) as number;
    return (frames / elapsed) * 1000;
  };
}

/** Mouse down at (x, y), move in a circle for `ms`, mouse up; frames per second meanwhile. */
async function circleFps(page: Page, x: number, y: number, ms: number): Promise<number> {
  const stop = await countFrames(page);
  await page.mouse.move(x, y);
  await page.mouse.down();
  const t0 = performance.now();
  for (let i = 1; performance.now() - t0 < ms; i++) {
    await page.mouse.move(x + 80 * Math.cos(i / 8), y + 60 * Math.sin(i / 8));
  }
  const fps = await stop();
  await page.mouse.up();
  return fps;
}

/** What the page shows at (x, y): the id of the canvas node there, or 'pane', or the element's class. */
async function hitAt(page: Page, x: number, y: number): Promise<string> {
  return (await page.evaluate(`(() => {
    const e = document.elementFromPoint(${x}, ${y});
    const node = e && e.closest('.react-flow__node');
    if (node) return node.getAttribute('data-id');
    return e && e.classList.contains('react-flow__pane') ? 'pane' : String(e && e.className);
  })()`)) as string;
}

/**
 * Drags one layer node, at 100% zoom, in a circle: the layer nearest the view's centre
 * at fit view is selected and brought to the centre at 100% (Ctrl+0), so the 100- and
 * 1,000-node graphs are dragged at the same zoom, by the same node-sized target. Fails
 * unless the mouse goes down on that node and the node moved.
 */
async function nodeDragFps(page: Page, ms: number): Promise<number> {
  const id = (await page.evaluate(`(() => {
    const pane = document.querySelector('.react-flow').getBoundingClientRect();
    const cx = pane.x + pane.width / 2, cy = pane.y + pane.height / 2;
    let best = null, bestDistance = Infinity;
    for (const el of document.querySelectorAll('.react-flow__node-layer')) {
      const r = el.getBoundingClientRect();
      const d = Math.hypot(r.x + r.width / 2 - cx, r.y + r.height / 2 - cy);
      if (d < bestDistance) { bestDistance = d; best = el.getAttribute('data-id'); }
    }
    return best;
  })()`)) as string;
  const node = page.locator(`.react-flow__node[data-id="${id}"]`);
  const small = (await node.boundingBox())!;
  await page.mouse.click(small.x + small.width / 2, small.y + small.height / 2);
  await page.keyboard.press('Control+0');
  await page.waitForTimeout(600);
  const box = (await node.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const hit = await hitAt(page, x, y);
  if (hit !== id) throw new Error(`the drag would start on ${hit}, not on node ${id}`);
  const before = await node.evaluate((el) => el.style.transform);
  const fps = await circleFps(page, x, y, ms);
  if ((await node.evaluate((el) => el.style.transform)) === before) throw new Error(`node ${id} did not move`);
  return fps;
}

/** Pans the whole canvas at fit view, from the first point of empty pane left of the view's centre. */
async function panFps(page: Page, ms: number): Promise<number> {
  const pane = (await page.locator('.react-flow').boundingBox())!;
  for (let dx = 0; dx < pane.width / 2; dx += 7) {
    const x = pane.x + pane.width / 2 - dx;
    const y = pane.y + pane.height / 2 + 13;
    if ((await hitAt(page, x, y)) === 'pane') return circleFps(page, x, y, ms);
  }
  throw new Error('no empty pane to pan from');
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
    const panned: Record<number, number> = {};
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
      const pans = [];
      for (let r = 0; r < 3; r++) pans.push(await panFps(page, 2000));
      const runs = [];
      for (let r = 0; r < 3; r++) {
        await page.keyboard.press('f');
        await page.waitForTimeout(500);
        runs.push(await nodeDragFps(page, 2000));
      }
      fps[count] = median(runs);
      panned[count] = median(pans);
      console.log(
        `  ${count} nodes: drag one node at 100% ${runs.map((r) => r.toFixed(1)).join(' / ')} fps; ` +
          `pan at fit view (${rendered} layer nodes rendered) ${pans.map((r) => r.toFixed(1)).join(' / ')} fps`,
      );
      if (count === 1000)
        console.log(`inspector edit to updated node at 1,000 nodes: ${await editLatency(page)} ms median of 5`);
      await page.close();
    }
    const ratio = fps[1000]! / fps[100]!;
    console.log(
      `drag FPS: ${fps[100]!.toFixed(1)} at 100 nodes, ${fps[1000]!.toFixed(1)} at 1,000 nodes (${(ratio * 100).toFixed(0)}%; goal ≥ 90%)`,
    );
    console.log(
      `pan FPS at fit view: ${panned[100]!.toFixed(1)} at 100 nodes, ${panned[1000]!.toFixed(1)} at 1,000 nodes (${((100 * panned[1000]!) / panned[100]!).toFixed(0)}%)`,
    );
  } finally {
    await browser.close();
    await host.stop();
  }
}
