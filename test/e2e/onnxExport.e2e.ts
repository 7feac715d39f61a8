import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { exportMenuItem, hostAndBrowser, resultsDir } from './helpers';

const setup = hostAndBrowser();

// Issue 14.7: Export → ONNX in the editor (browser mode downloads the file).
describe('Export ONNX in browser mode', () => {
  it('downloads a .onnx file of the open network that onnxruntime runs, NCHW in', async () => {
    const size = { width: 1280, height: 720 };
    const page = await setup.browser.newPage({ viewport: size });
    await page.goto(setup.host.url);
    await page
      .getByRole('button', { name: /Small Inception/ })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('node-input').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const button = await exportMenuItem(page, 'Export ONNX model');
    const box = await button.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(size.width); // the menu opens inside the window
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
    expect(download.suggestedFilename()).toMatch(/\.onnx$/);
    const file = path.join(resultsDir, `onnx-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const session = await ort.InferenceSession.create(file);
    const x = new ort.Tensor('float32', new Float32Array(3 * 32 * 32).fill(0.5), [1, 3, 32, 32]);
    const out = await session.run({ [session.inputNames[0]!]: x });
    expect(out[session.outputNames[0]!]!.dims).toEqual([1, 10]);
    await session.release();
    await expect.poll(() => page.getByText(/Exported .*\.onnx/).count()).toBeGreaterThan(0);
    await page.close();
  });
});
