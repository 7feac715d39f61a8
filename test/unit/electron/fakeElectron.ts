import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** Just enough of Electron's WebContents for the glue under test. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  sent: unknown[][] = [];
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  isDestroyed() {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly id = FakeBrowserWindow.instances.length + 1;
  webContents = new FakeWebContents();
  setTitle = vi.fn();
  setDocumentEdited = vi.fn();
  loadFile = vi.fn(async (_file: string) => {});
  loadURL = vi.fn(async (_url: string) => {});
  show = vi.fn();
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
}

export function preventable() {
  return { preventDefault: vi.fn() };
}
