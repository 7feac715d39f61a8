import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { registerIpc, sendEvent } from './ipc';
import { buildMenuTemplate } from './menu';
import { createApiHandler } from './services/apiHandler';
import { appVersion } from './services/appInfo';
import { createServices } from './services/index';
import { ensureBackend } from './services/tfjs';
import { type AppPaths, createMainWindow, isOwnRendererUrl } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const paths: AppPaths = {
  preload: path.join(here, 'preload.cjs'),
  rendererIndex: path.join(here, '..', 'renderer', 'index.html'),
};

let mainWindow: BrowserWindow | null = null;

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const handler = createApiHandler(createServices('electron'), (line) => console.error(line));
  registerIpc(ipcMain, handler, {
    trustedContents: () => mainWindow?.webContents ?? null,
    isOwnUrl: (url) => isOwnRendererUrl(url, paths),
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(process.platform, {
        about: () =>
          void dialog.showMessageBox({
            type: 'info',
            title: 'About Netwright',
            message: `Netwright ${appVersion}`,
            detail: 'A visual architecture editor for convolutional networks.',
          }),
      }),
    ),
  );
  mainWindow = createMainWindow(paths);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  ensureBackend().then(
    (report) => mainWindow && sendEvent(mainWindow.webContents, 'backendSelected', report),
    (err) => console.error(String(err)),
  );
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('activate', () => {
  if (!mainWindow) mainWindow = createMainWindow(paths);
});
