import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page, WebSocketRoute } from 'playwright-core';
import { expect } from 'vitest';
import type { ActionId } from '../../shared/actionIds';
import type { WsServerMessage } from '../../shared/api';
import { resultsDir } from './helpers';

/** Drives the editor the way a person does: palette, canvas handles, inspector, keyboard. */
export class EditorPage {
  constructor(readonly page: Page) {}

  node(name: string): Locator {
    return this.page.getByTestId(`node-${name}`);
  }

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(resultsDir, `editor-${name}.png`) });
  }

  async newNetwork(): Promise<void> {
    await this.page.getByRole('button', { name: 'New network' }).click();
    // vitest's default 1 s poll flaked once on the 2-core machine right after the unit suite.
    await expect.poll(() => this.node('input').count(), { timeout: 5000 }).toBe(1);
  }

  /** Drags a palette entry onto the canvas at a point relative to the canvas's top-left corner. */
  async dragFromPalette(label: string, x: number, y: number): Promise<void> {
    const canvas = this.page.getByTestId('canvas');
    await this.page.getByRole('button', { name: label, exact: true }).dragTo(canvas, { targetPosition: { x, y } });
  }

  async connect(from: string, to: string): Promise<void> {
    const source = this.node(from).locator('.react-flow__handle.source');
    const target = this.node(to).locator('.react-flow__handle.target');
    const a = (await source.boundingBox())!;
    const b = (await target.boundingBox())!;
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
    await this.page.mouse.up();
  }

  async select(name: string, additive = false): Promise<void> {
    await this.node(name)
      .locator('.layer-name')
      .click({ modifiers: additive ? ['Shift'] : [] });
  }

  async setField(label: string, value: string): Promise<void> {
    const field = this.page.getByRole('complementary', { name: 'Inspector' }).getByLabel(label, { exact: true });
    await field.fill(value);
  }

  edgeCount(): Promise<number> {
    return this.page.locator('.react-flow__edge').count();
  }

  async pressOnCanvas(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
  }

  async download(action: () => Promise<void>): Promise<{ name: string; text: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), action()]);
    const file = path.join(resultsDir, `download-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const bytes = readFileSync(file);
    return { name: download.suggestedFilename(), text: bytes.toString('utf8'), bytes };
  }

  async chooseFile(action: () => Promise<void>, file: string): Promise<void> {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), action()]);
    await chooser.setFiles(file);
  }
}

/**
 * Browser mode has no native menu, so this plays the desktop's: it sends the renderer
 * the `menuAction` event Electron's menu sends, on the page's own API socket, which
 * otherwise passes through to the host untouched. Call before the page loads.
 */
export async function nativeMenu(page: Page): Promise<(action: ActionId) => Promise<void>> {
  let socket: WebSocketRoute | undefined;
  await page.routeWebSocket(/\/api$/, (route) => {
    route.connectToServer();
    socket = route;
  });
  return async (action) => {
    await expect.poll(() => socket !== undefined, { timeout: 5000 }).toBe(true);
    const message: WsServerMessage = { type: 'event', event: 'menuAction', payload: { action } };
    socket!.send(JSON.stringify(message));
  };
}
