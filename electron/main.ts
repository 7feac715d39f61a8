import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { appScheme, appSchemePrivileges, rendererRequestHandler } from './appProtocol';
import { confirmClose, desktopPort } from './dialogs';
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
// Before 'ready', as Electron requires: the renderer's own origin, instead of file://.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
if (!app.requestSingleInstanceLock()) app.quit();

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  protocol.handle(appScheme, rendererRequestHandler(path.dirname(paths.rendererIndex)));
  const services = createServices({
    shell: 'electron',
    dataDir: app.getPath('userData'),
    desktop: desktopPort(() => mainWindow),
    emit: (event, payload) => mainWindow && sendEvent(mainWindow.webContents, event, payload),
  });
  const handler = createApiHandler(services, (line) => console.error(line));
  registerIpc(ipcMain, handler, {
    trustedContents: () => mainWindow?.webContents ?? null,
    isOwnUrl: isOwnRendererUrl,
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(process.platform, {
        run: (action) => mainWindow && sendEvent(mainWindow.webContents, 'menuAction', { action }),
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
  openMainWindow();
  ensureBackend().then(
    (report) => mainWindow && sendEvent(mainWindow.webContents, 'backendSelected', report),
    (err) => console.error(String(err)),
  );
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('activate', () => {
  if (!mainWindow) openMainWindow();
});

function openMainWindow(): void {
  const window = createMainWindow(paths);
  window.on('close', (event) => {
    if (!confirmClose(window)) event.preventDefault();
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  mainWindow = window;
}
