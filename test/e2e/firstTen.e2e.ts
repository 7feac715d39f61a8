import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSmallInception } from '../../shared/templates/smallInception';
import { exportMenuItem, type HostProcess, launchChromium, repoRoot, resultsDir, startHostProcess } from './helpers';

// Issue 18: what a designer or teacher hits in their first ten minutes. Everything is typed,
// clicked and pressed as a person does (keyboard.type, never fill).

let host: HostProcess;
let browser: Browser;
const dataDir = mkdtempSync(path.join(tmpdir(), 'netwright-e2e-firstten-'));

beforeAll(async () => {
  host = await startHostProcess([], { NETWRIGHT_DATA_DIR: dataDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

async function open(size: { width: number; height: number } = { width: 1440, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport: size });
  page.on('dialog', (d) => void d.accept());
  await page.goto(host.url);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(resultsDir, `firstten-${name}.png`) });

/** Clicks into a field, selects what is there and types over it, key by key. */
async function typeInto(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.press('Backspace');
  await field.page().keyboard.type(text);
}

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

async function download(page: Page, action: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), action()]);
  const saved = path.join(resultsDir, `firstten-${file.suggestedFilename()}`);
  await file.saveAs(saved);
  return { name: file.suggestedFilename(), bytes: readFileSync(saved) };
}

async function startWith(page: Page, button: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: button }).first().click();
  await expect.poll(() => page.getByTestId('node-input').count(), { timeout: 10_000 }).toBeGreaterThan(0);
}

describe('issue 18: the first ten minutes', () => {
  it('1. decimals can be typed into the training form', async () => {
    const page = await open();
    await startWith(page, /Small Inception/);
    await page.getByRole('tab', { name: 'Train' }).click();
    const form = page.getByRole('region', { name: 'Training' });
    const train = form.getByRole('button', { name: 'Train', exact: true });
    for (const [label, typed, kept] of [
      ['Label smoothing ε', '0.1', '0.1'],
      ['Learning rate', '0.001', '0.001'],
      ['Validation split', '.2', '.2'],
      ['Weight decay', '0,0001', '0,0001'],
    ] as const) {
      const field = form.getByLabel(label, { exact: true });
      await typeInto(field, typed);
      expect(await field.inputValue(), label).toBe(kept);
      await expect.poll(() => field.getAttribute('aria-invalid')).toBeNull();
    }
    await expect.poll(() => train.isDisabled()).toBe(false);
    const smoothing = form.getByLabel('Label smoothing ε', { exact: true });
    await typeInto(smoothing, 'abc');
    expect(await smoothing.inputValue()).toBe('abc');
    await expect.poll(() => form.getByRole('alert').first().textContent()).toMatch(/"abc" is not a number/);
    await expect.poll(() => train.isDisabled()).toBe(true);
    await typeInto(smoothing, '0.1');
    await expect.poll(() => train.isDisabled()).toBe(false);
    await shot(page, '1-training-decimals');
  });

  it('2. inspector number and size fields keep what is typed and hold invalid entries out of the model', async () => {
    const page = await open();
    await startWith(page, /Small Inception/);
    const conv = page.locator('.react-flow__node-layer:has([data-kind="Conv2D"])').first();
    await conv.click();
    const filters = inspector(page).getByLabel('Filters', { exact: true });
    const total = await page.getByTestId('status-params').textContent();
    await typeInto(filters, '-3');
    expect(await filters.inputValue()).toBe('-3');
    await expect.poll(() => inspector(page).getByRole('alert').first().textContent()).toMatch(/>|positive|least/i);
    // Held in the field, not written into the model: the totals still describe the last valid network.
    expect(await page.getByTestId('status-params').textContent()).toBe(total);
    await typeInto(filters, '1e3');
    expect(await filters.inputValue()).toBe('1e3');
    await expect.poll(() => page.getByTestId('status-params').textContent()).not.toBe(total);
    await expect.poll(() => inspector(page).getByRole('alert').count()).toBe(0);
    const strides = inspector(page).getByLabel('Strides (h×w)', { exact: true });
    await typeInto(strides, 'two');
    expect(await strides.inputValue()).toBe('two');
    await expect.poll(() => inspector(page).getByRole('alert').first().textContent()).toMatch(/"two" is not a size/);
    await shot(page, '2-inspector-held');
    await typeInto(strides, '2×2');
    await expect.poll(() => inspector(page).getByRole('alert').count()).toBe(0);
  });

  it('8. a document explicitly discarded is not offered back after a reload', async () => {
    const page = await open();
    await startWith(page, 'New network');
    await page.getByRole('button', { name: 'Conv k×k', exact: true }).dblclick();
    await expect.poll(() => page.getByTestId('node-conv').count()).toBe(1);
    await page.waitForTimeout(3500); // the recovery file is written every 3 s while dirty
    await page.keyboard.press('ControlOrMeta+n');
    // The confirm() is accepted by the dialog handler: the person chose to discard it.
    await page.waitForTimeout(300);
    const start = page.getByRole('dialog', { name: 'Start' });
    await expect.poll(() => start.isVisible()).toBe(true);
    // The recovery file holds this very window's work: New must not offer it back as "recovered".
    await page.waitForTimeout(500);
    expect(await start.getByText(/Unsaved work from/).count()).toBe(0);
    await start.getByRole('button', { name: 'New network' }).click();
    await expect.poll(() => page.getByTestId('node-conv').count()).toBe(0);
    await page.waitForTimeout(500);
    await page.reload();
    await expect.poll(() => page.getByRole('dialog', { name: 'Start' }).isVisible()).toBe(true);
    await page.waitForTimeout(1000);
    expect(await page.getByText(/Unsaved work from/).count()).toBe(0);
    await shot(page, '8-no-discarded-recovery');
  });

  it('9. a trained run exports its own network whatever is open', async () => {
    const page = await open();
    await startWith(page, /Small Inception/);
    await page.getByRole('tab', { name: 'Train' }).click();
    const form = page.getByRole('region', { name: 'Training' });
    await typeInto(form.getByLabel('Samples'), '64');
    await typeInto(form.getByLabel('Epochs'), '1');
    await typeInto(form.getByLabel('Batch size'), '32');
    await expect.poll(() => page.getByTestId('train-estimate').textContent(), { timeout: 20_000 }).toMatch(/per batch/);
    await form.getByRole('button', { name: 'Train', exact: true }).click();
    const status = page.getByTestId('run-status');
    await expect
      .poll(() => status.getAttribute('data-status'), { timeout: 240_000, interval: 1000 })
      .toMatch(/completed|failed|diverged|cancelled/);
    expect(await status.getAttribute('data-status')).toBe('completed');

    // Another network, one that cannot be exported, is now open.
    await page.keyboard.press('ControlOrMeta+n');
    const start = page.getByRole('dialog', { name: 'Start' });
    await page.waitForTimeout(300);
    if (await start.isVisible()) await start.getByRole('button', { name: 'New network' }).click();
    await expect.poll(() => page.locator('.react-flow__node-layer').count()).toBe(1);

    await page.getByRole('tab', { name: 'Train' }).click();
    await page.getByRole('button', { name: 'Runs…' }).click();
    const runs = page.getByRole('dialog', { name: 'Training runs' });
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      runs.getByRole('button', { name: 'PyTorch' }).first().click(),
    ]);
    const file = path.join(resultsDir, `firstten-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const files = unzipSync(new Uint8Array(readFileSync(file)));
    const model = Object.entries(files).find(([n]) => n.endsWith('/model.py'))!;
    expect(download.suggestedFilename()).toMatch(/Small/i);
    expect(Buffer.from(model[1]).toString('utf8')).toMatch(/Conv2d/);
    await shot(page, '9-run-export');
  });

  it('3. the diagram export has every node and one path per edge, even zoomed in', async () => {
    const page = await open();
    await startWith(page, /Small Inception/);
    const graph = buildSmallInception();
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
    const svg = await download(page, async () => (await exportMenuItem(page, 'Export SVG')).click());
    const text = svg.bytes.toString('utf8');
    const edgePaths = text.match(/<path class="edge"/g) ?? [];
    expect(edgePaths.length).toBe(graph.edges.length);
    for (const node of graph.nodes) expect(text, node.name).toContain(`>${node.name}<`);
    const png = await download(page, async () => (await exportMenuItem(page, 'Export PNG')).click());
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(1000); // width: the whole network, not the zoomed view
    await page.goto(`file://${path.join(resultsDir, 'firstten-small-inception.png')}`);
    await shot(page, '3-diagram-png');
  });

  it('10. a palette click adds the layer, 1×1 compression shows only what its mode reads, the exact MACs are a hover away', async () => {
    const page = await open();
    await startWith(page, 'New network');
    const palette = page.getByRole('navigation', { name: 'Layer palette' });
    await expect.poll(() => palette.getByText(/Click a layer to add it, or drag it/).isVisible()).toBe(true);
    await page.getByTestId('node-input').click();
    await palette.getByRole('button', { name: 'Conv k×k', exact: true }).click();
    await expect.poll(() => page.getByTestId('node-conv').count()).toBe(1);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1); // fed by the selected input
    const macs = await page.getByTestId('status-macs').getAttribute('title');
    expect(macs).toMatch(/^1,769,472 multiply-adds \(3,538,944 FLOPs\)/);

    await palette.getByRole('button', { name: '1×1 compression', exact: true }).click();
    const settings = inspector(page);
    await expect.poll(() => settings.getByLabel('Ratio', { exact: true }).count()).toBe(1);
    expect(await settings.getByLabel('Filters', { exact: true }).count()).toBe(0);
    await settings.getByLabel('Mode', { exact: true }).selectOption('count');
    await expect.poll(() => settings.getByLabel('Filters', { exact: true }).count()).toBe(1);
    expect(await settings.getByLabel('Ratio', { exact: true }).count()).toBe(0);
    await shot(page, '10-palette-click');
  });

  it('6. dialogs take focus and close on Escape; a focused node shows a ring and has a spoken name', async () => {
    const page = await open({ width: 1280, height: 720 });
    const start = page.getByRole('dialog', { name: 'Start' });
    await expect.poll(() => start.isVisible()).toBe(true);
    await expect.poll(() => start.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Enter'); // the first button: New network
    await expect.poll(() => page.getByTestId('node-input').count()).toBe(1);
    await page.keyboard.press('ControlOrMeta+n');
    await expect.poll(() => start.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => start.isVisible()).toBe(false);

    await page.getByRole('button', { name: 'Shortcuts' }).click();
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => sheet.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    expect(await sheet.evaluate((d) => d.contains(document.activeElement))).toBe(true); // Tab stays inside
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);

    const input = page.getByRole('group', { name: 'Input layer input, output 32×32×3, 0 params' });
    expect(await input.count()).toBe(1);
    let focusedNode = false;
    for (let i = 0; i < 60 && !focusedNode; i++) {
      await page.keyboard.press('Tab');
      focusedNode = await page.evaluate(() => document.activeElement?.classList.contains('react-flow__node') ?? false);
    }
    expect(focusedNode).toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');

    // Two existing nodes connected without a mouse: palette by keyboard, then the inspector.
    await page.keyboard.press('Escape');
    const palette = page.getByRole('navigation', { name: 'Layer palette' });
    await palette.getByRole('button', { name: 'Max pooling', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('node-maxpool').count()).toBe(1);
    expect(await page.locator('.react-flow__edge').count()).toBe(0);
    await input.focus();
    await page.keyboard.press('Enter'); // selects the focused node
    const target = inspector(page).getByLabel('Connect output to');
    await target.focus();
    await target.selectOption({ label: 'maxpool (MaxPool2D)' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    await shot(page, '6-focus-ring-1280');
  });

  it('7. an unknown Keras layer keeps its class name and settings in the Problems panel and inspector', async () => {
    const page = await open();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import Keras / TF.js…' }).click(),
    ]);
    await chooser.setFiles(path.join(repoRoot, 'test/fixtures/keras/bad/unknown_class.json'));
    const problems = page.getByRole('region', { name: /Problems/ });
    await expect.poll(() => problems.textContent(), { timeout: 10_000 }).toMatch(/CapsuleLayer 'digit_caps'/);
    await shot(page, '7-unknown-layer');
    const node = page.locator('.react-flow__node-layer:has([data-kind="Unsupported"])').first();
    await node.click();
    await expect.poll(() => inspector(page).textContent()).toMatch(/CapsuleLayer/);
    await expect.poll(() => inspector(page).textContent()).toMatch(/num_capsule/);
    await shot(page, '7-unknown-layer-inspector');
  });

  it('5. a rule that does not apply says why and offers the width that would save', async () => {
    const page = await open();
    await startWith(page, 'New network');
    await page.getByTestId('node-input').click();
    await typeInto(inspector(page).getByLabel('Shape (H×W×C)', { exact: true }), '32×32×16');
    await page.getByRole('button', { name: 'Conv k×k', exact: true }).click();
    await expect.poll(() => page.getByTestId('node-conv').count()).toBe(1);
    await typeInto(inspector(page).getByLabel('Kernel (h×w)', { exact: true }), '5×5');
    await typeInto(inspector(page).getByLabel('Filters', { exact: true }), '32');
    await expect
      .poll(() => page.getByTestId('node-conv').getByTestId('node-params').textContent())
      .toBe('12,832 params');
    await page.getByRole('tab', { name: 'Savings' }).click();
    const savings = page.getByRole('region', { name: 'Savings' });
    await expect.poll(() => savings.getByText(/output channels for stack/).count()).toBe(1);
    await savings.getByRole('button', { name: 'All stack' }).click();
    const why = savings.getByRole('status');
    await expect.poll(() => why.textContent()).toMatch(/would cost more .*An intermediate width of 29 or less saves/);
    await shot(page, '5-why-nothing');
    await why.getByRole('button', { name: 'Use width 29' }).click();
    expect(await savings.getByLabel('Intermediate width').inputValue()).toBe('29');
    await savings.getByRole('button', { name: 'All stack' }).click();
    await expect.poll(() => page.locator('.react-flow__node-layer').count()).toBe(3);
  });

  it('4. the open network can be compared with any template, Inception-v3 against its unfactorized ancestor', async () => {
    const page = await open();
    await startWith(page, 'Inception v3 network');
    await page.getByRole('tab', { name: 'Savings' }).click();
    const savings = page.getByRole('region', { name: 'Savings' });
    await savings.getByLabel('Template').selectOption({ label: 'Inception v3, unfactorized ancestor' });
    await savings.getByRole('button', { name: 'Compare with template' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare networks' });
    await expect.poll(() => dialog.isVisible(), { timeout: 20_000 }).toBe(true);
    const text = (await dialog.textContent()) ?? '';
    expect(text).toMatch(/Inception v3, unfactorized ancestor/);
    expect(text).toMatch(/23,851,784/); // Keras's InceptionV3 parameters, the open network
    await shot(page, '4-compare-templates');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });
});
