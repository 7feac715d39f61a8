import { BrowserWindow, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { isAppUrl, rendererUrl } from './appProtocol';

export interface AppPaths {
  /** dist/electron/preload.cjs */
  preload: string;
  /** dist/renderer/index.html */
  rendererIndex: string;
}

/** Electron's security checklist, in one place so a test can hold us to it. */
export function mainWindowOptions(paths: AppPaths): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 800,
    minHeight: 500,
    title: 'Netwright',
    show: false,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** The renderer's own pages are app://netwright/ URLs (served from dist/renderer); nothing else is ours. */
export function isOwnRendererUrl(url: string): boolean {
  return isAppUrl(url);
}

/** No new windows, no navigation away, no webviews: the app shows only its own renderer. */
export function lockDownContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function createMainWindow(paths: AppPaths): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(paths));
  lockDownContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererUrl);
  return window;
}
