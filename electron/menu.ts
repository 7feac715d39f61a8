import type { MenuItemConstructorOptions } from 'electron';
import type { ActionId } from '../shared/actionIds';

export interface MenuActions {
  about(): void;
  /** Runs a renderer action by id (see renderer/actions/actions.ts), so menu and keyboard share code. */
  run(action: ActionId): void;
}

/** The native menu as data, so it can be tested without Electron. */
export function buildMenuTemplate(platform: NodeJS.Platform, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  // Accelerators are shown in the menu but not registered: the renderer's keyboard handler owns the keys.
  const item = (label: string, action: ActionId, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => actions.run(action),
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
  });
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        item('New…', 'new', 'CmdOrCtrl+N'),
        item('Open…', 'open', 'CmdOrCtrl+O'),
        item('Import Keras / TensorFlow.js…', 'import'),
        { type: 'separator' },
        item('Save', 'save', 'CmdOrCtrl+S'),
        item('Save As…', 'saveAs', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        item('Export PNG…', 'exportPng'),
        item('Export SVG…', 'exportSvg'),
        item('Export PyTorch Code…', 'exportPytorch'),
        item('Export Keras Code…', 'exportKeras'),
        item('Export ONNX…', 'exportOnnx'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        item('Undo', 'undo', 'CmdOrCtrl+Z'),
        item('Redo', 'redo', 'CmdOrCtrl+Shift+Z'),
        { type: 'separator' },
        item('Copy', 'copy', 'CmdOrCtrl+C'),
        item('Paste', 'paste', 'CmdOrCtrl+V'),
        item('Duplicate', 'duplicate', 'CmdOrCtrl+D'),
        item('Delete', 'delete', 'Delete'),
        item('Select All', 'selectAll', 'CmdOrCtrl+A'),
        { type: 'separator' },
        item('Group into Module', 'group', 'CmdOrCtrl+G'),
      ],
    },
    {
      label: 'View',
      submenu: [
        item('Fit View', 'fit', 'F'),
        item('Zoom to 100%', 'zoomReset', 'CmdOrCtrl+0'),
        item('Auto-layout', 'layout', 'L'),
        item('Flip Layout Direction', 'layoutDirection'),
        { type: 'separator' },
        item('Present Lesson', 'presentLesson', 'F5'),
        item('ImageNet Timeline', 'timeline'),
        { type: 'separator' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        { role: 'toggleDevTools' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        item('Keyboard Shortcuts', 'shortcuts', '?'),
        { label: 'About Netwright', click: () => actions.about() },
      ],
    },
  ];
  if (isMac) template.unshift({ role: 'appMenu' });
  return template;
}
