import type { IpcMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { registerIpc, sendEvent } from '../../../electron/ipc';
import { ipcChannels } from '../../../shared/ipcChannels';
import { FakeWebContents } from './fakeElectron';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function setup() {
  const handlers = new Map<string, Listener>();
  const ipcMain = { handle: (channel: string, listener: Listener) => handlers.set(channel, listener) };
  const trusted = new FakeWebContents();
  const handler = vi.fn(async (method: unknown) => ({ ok: true as const, value: method }));
  registerIpc(ipcMain as unknown as IpcMain, handler, {
    trustedContents: () => trusted as never,
    isOwnUrl: (url) => url === 'file:///app/dist/renderer/index.html',
  });
  const invoke = handlers.get(ipcChannels.invoke)!;
  const event = (sender: unknown, url: string, parent: unknown = null) => ({ sender, senderFrame: { url, parent } });
  return { invoke, trusted, handler, event };
}

describe('IPC registration and sender checks', () => {
  it('registers exactly one invoke channel', () => {
    const { invoke } = setup();
    expect(invoke).toBeTypeOf('function');
  });

  it('dispatches calls from the app window showing its own renderer', async () => {
    const { invoke, trusted, handler, event } = setup();
    const result = await invoke(event(trusted, 'file:///app/dist/renderer/index.html'), 'ping', {});
    expect(result).toEqual({ ok: true, value: 'ping' });
    expect(handler).toHaveBeenCalledWith('ping', {});
  });

  it('refuses another webContents, a foreign URL, a subframe, or a missing frame', async () => {
    const { invoke, trusted, handler, event } = setup();
    const cases = [
      event(new FakeWebContents(), 'file:///app/dist/renderer/index.html'),
      event(trusted, 'https://evil.example/'),
      event(trusted, 'file:///app/dist/renderer/index.html', { url: 'x' }),
      { sender: trusted, senderFrame: null },
    ];
    for (const e of cases) {
      const result = (await invoke(e, 'ping', {})) as { ok: boolean; error?: { code: string } };
      expect(result.ok).toBe(false);
      expect(result.error?.code).toBe('forbidden');
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('sends events on the event channel and not to destroyed contents', () => {
    const contents = new FakeWebContents();
    const report = { name: 'wasm' as const, reason: 'r', attempts: [] };
    sendEvent(contents as never, 'backendSelected', report);
    expect(contents.sent).toEqual([[ipcChannels.event, 'backendSelected', report]]);
    contents.destroyed = true;
    sendEvent(contents as never, 'backendSelected', report);
    expect(contents.sent).toHaveLength(1);
  });
});
