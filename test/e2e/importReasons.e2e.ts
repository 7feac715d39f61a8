import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keras2Model } from '../unit/import/helpers';
import { EditorPage } from './editorPage';
import { type HostProcess, launchChromium, resultsDir, startHostProcess } from './helpers';

// Issue 16: why a layer was not imported reads in German in a German window.

let host: HostProcess;
let browser: Browser;
const dataDir = mkdtempSync(path.join(tmpdir(), 'netwright-e2e-import-reasons-'));
const fixture = path.join(dataDir, 'renorm.keras2.json');

beforeAll(async () => {
  writeFileSync(fixture, keras2Model([['bn_renorm', 'BatchNormalization', { renorm: true }, ['in']]]));
  host = await startHostProcess([], { NETWRIGHT_DATA_DIR: dataDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('an imported placeholder in German', () => {
  it('the inspector and the Problems list give the reason in German, no English', async () => {
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(host.url);
    const ed = new EditorPage(page);
    await ed.chooseFile(() => page.getByRole('button', { name: 'Keras / TF.js importieren…' }).click(), fixture);
    await expect.poll(() => ed.node('bn_renorm').count(), { timeout: 10_000 }).toBe(1);
    await ed.select('bn_renorm');
    const german = 'verwendet Batch-Renormalisierung (renorm: true), die Netwright nicht hat';
    const details = page.getByRole('region', { name: 'Importierte Schicht' });
    await expect.poll(() => details.textContent()).toContain(`Nicht importiert${german}`);
    const problems = page.locator('section.problems');
    await expect.poll(() => problems.textContent()).toContain(`BatchNormalization 'bn_renorm' ${german}`);
    const inspector = page.locator('aside.inspector');
    expect(await inspector.textContent()).toContain(
      'Ihre Ausgabeform angeben, um die Schichten danach zu analysieren.',
    );
    await expect.poll(() => inspector.getByLabel('Ausgabeform').count()).toBe(1);
    for (const text of [await inspector.textContent(), await problems.textContent()])
      expect(text).not.toMatch(/uses batch renormalization|Not imported|Settings in the file|Output shape|Give its/);
    await page.screenshot({ path: path.join(resultsDir, 'import-reasons-de-1440.png') });
    await context.close();
  });
});
