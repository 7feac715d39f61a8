import { describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../shared/ipcChannels';
import { FakeBrowserWindow } from './fakeElectron';

const report = { name: 'wasm' as const, reason: 'test', attempts: [] };

const electron = vi.hoisted(() => {
  const appHandlers = new Map<string, (...args: unknown[]) => void>();
  let permissionHandler: ((contents: unknown, permission: string, cb: (ok: boolean) => void) => void) | undefined;
  return {
    appHandlers,
    getPermissionHandler: () => permissionHandler,
    ipcHandlers: new Map<string, unknown>(),
    app: {
      enableSandbox: vi.fn(),
      getPath: () => '/tmp/netwright-main-test',
      requestSingleInstanceLock: vi.fn(() => true),
      quit: vi.fn(),
      on: (name: string, handler: (...args: unknown[]) => void) => appHandlers.set(name, handler),
      whenReady: () => Promise.resolve(),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof permissionHandler) => {
          permissionHandler = h;
        },
      },
    },
    Menu: { buildFromTemplate: vi.fn((t: unknown) => ({ template: t })), setApplicationMenu: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    dialog: { showMessageBox: vi.fn(async () => ({})), showMessageBoxSync: vi.fn(() => 1) },
  };
});

vi.mock('electron', async () => ({
  ...electron,
  ipcMain: { handle: (channel: string, listener: unknown) => electron.ipcHandlers.set(channel, listener) },
  BrowserWindow: (await import('./fakeElectron')).FakeBrowserWindow,
}));
vi.mock('../../../electron/services/tfjs', () => ({ ensureBackend: async () => report }));

describe('Electron main process', () => {
  it('wires sandboxing, permissions, IPC, the menu and the window on start', async () => {
    await import('../../../electron/main');
    await new Promise((r) => setTimeout(r, 0));

    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();

    const granted: boolean[] = [];
    electron.getPermissionHandler()?.({}, 'camera', (ok) => granted.push(ok));
    expect(granted).toEqual([false]);

    expect([...electron.ipcHandlers.keys()]).toEqual([ipcChannels.invoke]);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();

    const window = FakeBrowserWindow.instances.at(-1)!;
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(window.loadURL.mock.calls[0]![0]).toBe('app://netwright/index.html');
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(window.webContents.sent).toContainEqual([ipcChannels.event, 'backendSelected', report]);
  });

  it('answers only the app window through IPC', async () => {
    const invoke = electron.ipcHandlers.get(ipcChannels.invoke) as (
      e: unknown,
      m: string,
      p: unknown,
    ) => Promise<{ ok: boolean }>;
    const window = FakeBrowserWindow.instances.at(-1)!;
    const url = String(window.loadURL.mock.calls[0]![0]);
    const own = { sender: window.webContents, senderFrame: { url, parent: null } };
    expect((await invoke(own, 'ping', {})).ok).toBe(true);
    const fileFrame = { sender: window.webContents, senderFrame: { url: 'file:///app/index.html', parent: null } };
    expect((await invoke(fileFrame, 'ping', {})).ok).toBe(false);
    const stranger = { sender: {}, senderFrame: { url, parent: null } };
    expect((await invoke(stranger, 'ping', {})).ok).toBe(false);
  });

  it('asks before closing a window with unsaved changes, and keeps it open on Cancel', async () => {
    const invoke = electron.ipcHandlers.get(ipcChannels.invoke) as (
      e: unknown,
      m: string,
      p: unknown,
    ) => Promise<{ ok: boolean }>;
    const window = FakeBrowserWindow.instances.at(-1)!;
    const own = {
      sender: window.webContents,
      senderFrame: { url: String(window.loadURL.mock.calls[0]![0]), parent: null },
    };
    const close = () => {
      const event = { preventDefault: vi.fn() };
      window.emit('close', event);
      return event.preventDefault;
    };
    expect(close()).not.toHaveBeenCalled();
    expect((await invoke(own, 'setDocumentState', { title: '• net — Netwright', dirty: true })).ok).toBe(true);
    expect(window.setTitle).toHaveBeenCalledWith('• net — Netwright');
    expect(window.setDocumentEdited).toHaveBeenCalledWith(true);
    expect(close()).toHaveBeenCalled();
    expect(electron.dialog.showMessageBoxSync).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ message: expect.stringMatching(/unsaved/) }),
    );
  });

  it('quits when the last window closes, except on macOS', () => {
    electron.appHandlers.get('window-all-closed')!();
    expect(electron.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });
});
