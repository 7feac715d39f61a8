import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, preventable } from './fakeElectron';

vi.mock('electron', async () => ({ BrowserWindow: (await import('./fakeElectron')).FakeBrowserWindow }));

const { createMainWindow, isOwnRendererUrl, mainWindowOptions } = await import('../../../electron/window');

const paths = { preload: '/app/dist/electron/preload.cjs', rendererIndex: '/app/dist/renderer/index.html' };

describe('main window', () => {
  beforeEach(() => {
    FakeBrowserWindow.instances.length = 0;
  });

  it('follows the Electron security checklist', () => {
    const prefs = mainWindowOptions(paths).webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: paths.preload,
    });
  });

  it('loads the built renderer through its own app:// scheme, not file:// or remote content', () => {
    const window = createMainWindow(paths) as unknown as FakeBrowserWindow;
    expect(window.loadURL).toHaveBeenCalledWith('app://netwright/index.html');
    expect(window.loadFile).not.toHaveBeenCalled();
  });

  it('denies new windows and prevents navigation, redirects and webviews', () => {
    const window = createMainWindow(paths) as unknown as FakeBrowserWindow;
    const contents = window.webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = preventable();
      contents.emit(event, e, 'https://example.com');
      expect(e.preventDefault, event).toHaveBeenCalled();
    }
  });

  it('shows the window only when it is ready, to avoid a white flash', () => {
    const window = createMainWindow(paths) as unknown as FakeBrowserWindow;
    expect(window.options.show).toBe(false);
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('recognises only its own app:// origin as trusted URLs', () => {
    expect(isOwnRendererUrl('app://netwright/index.html')).toBe(true);
    expect(isOwnRendererUrl('app://netwright/assets/x.js')).toBe(true);
    expect(isOwnRendererUrl('app://netwright.evil/index.html')).toBe(false);
    expect(isOwnRendererUrl('file:///app/dist/renderer/index.html')).toBe(false);
    expect(isOwnRendererUrl('https://example.com/')).toBe(false);
  });
});
