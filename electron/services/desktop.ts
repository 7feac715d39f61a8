import type { ExportKind } from '../../shared/api';

/** What only the desktop shell can do; browser mode has none of it and its renderer never asks. */
export interface DesktopPort {
  chooseFileToOpen(purpose: 'open' | 'import'): Promise<string | null>;
  chooseSavePath(suggestedName: string, kind: 'project' | ExportKind): Promise<string | null>;
  setDocumentState(title: string, dirty: boolean): void;
  /** Asks the user, in a native dialog, whether training may read `datasetPath` (a path typed in the renderer). */
  allowDatasetRead(datasetPath: string): Promise<boolean>;
}

export function desktopOnly(what: string): Error {
  return new Error(`${what} is only available in the desktop app; browser mode uses the browser's own file dialogs.`);
}
