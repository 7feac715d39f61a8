import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EditorPage } from './editorPage';
import { type HostProcess, launchChromium, startHostProcess } from './helpers';

let host: HostProcess;
let browser: Browser;

beforeAll(async () => {
  host = await startHostProcess([], { NETWRIGHT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'netwright-train-e2e-')) });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** The small Inception template open on the Train tab, the form filled with `fields` (label -> text). */
async function smallInceptionTraining(fields: Record<string, string>) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const ed = new EditorPage(page);
  await page.goto(host.url);
  await page.getByRole('button', { name: /Small Inception/ }).click();
  await page.getByRole('tab', { name: 'Train' }).click();
  const form = page.getByRole('region', { name: 'Training' });
  for (const [label, text] of Object.entries(fields)) await form.getByLabel(label).fill(text);
  return { page, ed, form };
}

describe('training in browser mode', () => {
  it('trains the small Inception template for one short epoch on the built-in data, with curves and accuracy above chance', async () => {
    const { page, ed, form } = await smallInceptionTraining({ Samples: '320', Epochs: '1', Seed: '7' });
    await expect.poll(() => page.getByTestId('train-estimate').textContent()).toMatch(/per batch/);
    await form.getByRole('button', { name: 'Train', exact: true }).click();

    const status = page.getByTestId('run-status');
    await expect
      .poll(() => status.getAttribute('data-status'), { timeout: 240_000, interval: 1000 })
      .toMatch(/completed|failed|diverged|cancelled/);
    expect(await status.getAttribute('data-status')).toBe('completed');
    await expect.poll(() => page.getByTestId('live-loss').locator('canvas').count()).toBe(1);
    const summary = (await page.getByTestId('run-last-epoch').textContent()) ?? '';
    const valAccuracy = Number(/val accuracy ([\d.]+)%/.exec(summary)?.[1]);
    expect(valAccuracy).toBeGreaterThan(100 / 10); // ten classes: chance is 10%
    expect(summary).toMatch(/ECE [\d.]+%/);
    await ed.shot('12-trained');

    await page.getByRole('button', { name: 'Runs…' }).click();
    const runs = page.getByRole('dialog', { name: 'Training runs' });
    await runs.getByRole('checkbox').first().check();
    await expect.poll(() => runs.getByTestId('reliability').count()).toBe(1);
    const csv = await ed.download(() => runs.getByRole('button', { name: 'CSV' }).first().click());
    expect(csv.text.split('\n')[0]).toMatch(/epoch/);
    await ed.shot('13-runs');

    // The trained run as PyTorch code with its weights; where torch exists, its check.py must pass.
    const zip = await ed.download(() => runs.getByRole('button', { name: 'PyTorch' }).first().click());
    const files = unzipSync(new Uint8Array(zip.bytes));
    const names = Object.keys(files);
    expect(names.some((n) => n.endsWith('/check.py'))).toBe(true);
    if (spawnSync('/usr/bin/python3', ['-c', 'import torch']).status !== 0) {
      console.warn(
        'check.py of the exported run not executed: /usr/bin/python3 cannot import torch (apt-get install python3-torch).',
      );
      return;
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'netwright-exported-'));
    for (const [name, bytes] of Object.entries(files)) {
      mkdirSync(path.join(dir, path.dirname(name)), { recursive: true });
      writeFileSync(path.join(dir, name), bytes);
    }
    const folder = path.join(dir, names[0]!.split('/')[0]!);
    const check = spawnSync('/usr/bin/python3', ['check.py'], { cwd: folder, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });

  it('an experiment trains the original, factorized and smoothed small Inception and fills the table', async () => {
    const { page, ed } = await smallInceptionTraining({ Samples: '64', 'Batch size': '16', Epochs: '1', Seed: '3' });
    const experiment = page.getByRole('region', { name: 'Experiment' });
    await experiment.getByRole('button', { name: 'Run experiment (3 runs)' }).click();
    const rows = page.getByTestId('experiment-table').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(3);
    await expect
      .poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status'))), {
        timeout: 300_000,
        interval: 1000,
      })
      .toEqual(['completed', 'completed', 'completed']);
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (c) => c.getAttribute('title') ?? c.textContent)),
    );
    expect(cells.map((c) => c[0])).toEqual(['original', 'factorized', 'smoothing=0.1']);
    // The factorized variant has fewer parameters and MACs; smoothing changes no weights.
    // MACs are shown rounded ("42 M"); their cell's title holds the exact count.
    const num = (t: string | null) => Number(t?.replace(/ multiply-adds$/, '').replaceAll(',', ''));
    expect(num(cells[1]![1]!)).toBeLessThan(num(cells[0]![1]!));
    expect(num(cells[1]![2]!)).toBeLessThan(num(cells[0]![2]!));
    expect(cells[2]![1]).toBe(cells[0]![1]);
    for (const c of cells) {
      expect(Number(c[3])).toBeGreaterThan(0); // ms per step
      expect(c[4]).toMatch(/^\d+\.\d%$/); // validation accuracy
      expect(c[5]).toMatch(/^\d+\.\d%$/); // ECE
    }
    await experiment.scrollIntoViewIfNeeded();
    await ed.shot('14-experiment');
    await page.setViewportSize({ width: 1280, height: 720 });
    await ed.shot('14-experiment-1280');
  });
});
