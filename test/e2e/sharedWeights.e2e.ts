import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedConv } from '../unit/import/sharedFixtures';
import { EditorPage } from './editorPage';
import { type HostProcess, launchChromium, resultsDir, startHostProcess } from './helpers';

// Issue 14: a Keras layer applied twice shows whose weights it uses, and can be given its own.

let host: HostProcess;
let browser: Browser;
const dataDir = mkdtempSync(path.join(tmpdir(), 'netwright-e2e-shared-'));
/** One 3×3 conv 'shared_conv' on an image and on its pooled half: 394 parameters, its 224 counted once. */
const fixture = path.join(dataDir, 'two_scales.keras2.json');

beforeAll(async () => {
  writeFileSync(fixture, sharedConv());
  host = await startHostProcess([], { NETWRIGHT_DATA_DIR: dataDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

async function imported(size: { width: number; height: number }): Promise<EditorPage> {
  const page = await browser.newPage({ viewport: size });
  page.on('dialog', (d) => void d.accept());
  await page.goto(host.url);
  const ed = new EditorPage(page);
  await ed.chooseFile(() => page.getByRole('button', { name: 'Import Keras / TF.js…' }).click(), fixture);
  await expect.poll(() => page.getByTestId('status-params').textContent(), { timeout: 10_000 }).toMatch(/^394 params/);
  return ed;
}

describe('shared weights in the editor', () => {
  it.each([
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ])(
    'shows the link on the node and in the inspector, and Unlink gives the layer its own weights, undoably ($width×$height)',
    async (size) => {
      const ed = await imported(size);
      const second = ed.node('shared_conv#2');
      await expect
        .poll(() => second.getByTestId('shared-weights-badge').textContent())
        .toBe('shares weights with shared_conv');
      expect(await ed.node('shared_conv').getByTestId('shared-weights-badge').count()).toBe(0);
      await ed.select('shared_conv#2');
      const inspector = ed.page.getByRole('complementary', { name: 'Inspector' });
      const line = inspector.getByTestId('inspector-shared-weights');
      await expect.poll(() => line.textContent()).toMatch(/^Shares weights with: shared_conv/);
      await ed.page.screenshot({ path: path.join(resultsDir, `shared-weights-${size.width}x${size.height}.png`) });
      await second.screenshot({ path: path.join(resultsDir, `shared-weights-node-${size.width}x${size.height}.png`) });
      // The badge shows the owner's whole name, not an ellipsis.
      const badge = (await second.getByTestId('shared-weights-badge').boundingBox())!;
      const node = (await second.boundingBox())!;
      expect(badge.x + badge.width).toBeLessThanOrEqual(node.x + node.width);

      await line.getByRole('button', { name: 'Unlink' }).click();
      // Its own 3·3·3·8 + 8 = 224 weights now count too.
      await expect.poll(() => ed.page.getByTestId('status-params').textContent()).toMatch(/^618 params/);
      expect(await second.getByTestId('shared-weights-badge').count()).toBe(0);
      expect(await inspector.getByTestId('inspector-shared-weights').count()).toBe(0);
      await expect.poll(() => second.getByTestId('node-params').textContent()).toBe('224 params');

      await ed.page.keyboard.press('ControlOrMeta+z');
      await expect.poll(() => ed.page.getByTestId('status-params').textContent()).toMatch(/^394 params/);
      await expect.poll(() => second.getByTestId('shared-weights-badge').count()).toBe(1);

      // The owner names the call that uses its weights.
      await ed.select('shared_conv');
      await expect
        .poll(() => inspector.getByTestId('inspector-shared-weights').textContent())
        .toBe('Its weights are also used by shared_conv#2.');
      await ed.page.close();
    },
  );
});
