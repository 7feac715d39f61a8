import { type BrowserWindow, dialog } from 'electron';
import type { ExportKind } from '../shared/api';
import type { DesktopPort } from './services/desktop';

const filters: Record<'project' | ExportKind | 'import', Electron.FileFilter[]> = {
  project: [{ name: 'Netwright project', extensions: ['netwright'] }],
  import: [
    { name: 'Keras / TensorFlow.js Layers JSON', extensions: ['json'] },
    { name: 'ONNX model', extensions: ['onnx'] },
  ],
  png: [{ name: 'PNG image', extensions: ['png'] }],
  svg: [{ name: 'SVG image', extensions: ['svg'] }],
  csv: [{ name: 'CSV table', extensions: ['csv'] }],
  md: [{ name: 'Markdown', extensions: ['md'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
  bin: [{ name: 'Weights', extensions: ['bin'] }],
  zip: [{ name: 'Zip archive', extensions: ['zip'] }],
  pptx: [{ name: 'PowerPoint slides', extensions: ['pptx'] }],
  pdf: [{ name: 'PDF', extensions: ['pdf'] }],
  onnx: [{ name: 'ONNX model', extensions: ['onnx'] }],
};

/** Native dialogs and window state for the services, attached to the app window. */
export function desktopPort(window: () => BrowserWindow | null): DesktopPort {
  return {
    async chooseFileToOpen(purpose) {
      const owner = window();
      const options: Electron.OpenDialogOptions = {
        title: purpose === 'open' ? 'Open network' : 'Import Keras / TensorFlow.js / ONNX model',
        properties: ['openFile'],
        filters: [
          ...(purpose === 'open' ? filters.project : []),
          ...filters.import,
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSavePath(suggestedName, kind) {
      const owner = window();
      const options: Electron.SaveDialogOptions = { defaultPath: suggestedName, filters: filters[kind] };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    setDocumentState(title, dirty) {
      const owner = window();
      if (!owner) return;
      owner.setTitle(title);
      owner.setDocumentEdited(dirty);
      documentDirty.set(owner.id, dirty);
    },
    async allowDatasetRead(datasetPath) {
      const owner = window();
      const options: Electron.MessageBoxOptions = {
        type: 'question',
        buttons: ['Allow', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        message: 'Let Netwright read training data from this path?',
        detail: `${datasetPath}\n\nNetwright reads it (and, for a folder, everything inside) until you quit.`,
      };
      const result = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
      return result.response === 0;
    },
  };
}

/** Unsaved-changes state per window, read when the user closes it. */
export const documentDirty = new Map<number, boolean>();

/** Asks before a window with unsaved changes closes; true when it may close. */
export function confirmClose(owner: BrowserWindow): boolean {
  if (!documentDirty.get(owner.id)) return true;
  const choice = dialog.showMessageBoxSync(owner, {
    type: 'warning',
    buttons: ['Close without saving', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'This network has unsaved changes.',
    detail: 'Close it anyway? Your changes are also kept in a recovery file until you save or discard them.',
  });
  return choice === 0;
}
