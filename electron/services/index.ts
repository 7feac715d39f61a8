import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ShellKind } from '../../shared/api';
import type { ServiceImplementations } from './apiHandler';
import { appVersion } from './appInfo';
import { cleanDataDir } from './dataDir';
import { type DesktopPort, desktopOnly } from './desktop';
import { DocumentStore } from './documents';
import { exportCodeZip } from './exportCode';
import { writeFileAtomic } from './files';
import { ensureBackend } from './tfjs';
import { type EmitEvent, TrainingService, trainingMethods } from './train';

export interface ServiceOptions {
  shell: ShellKind;
  dataDir: string;
  /** Native dialogs and window state; absent in browser mode. */
  desktop?: DesktopPort;
  /** Pushes an event to the renderer (IPC or WebSocket): training progress. */
  emit?: EmitEvent;
  /** Tests pass their own; otherwise runs are kept under <dataDir>/runs. */
  training?: TrainingService;
}

/** The main-process services behind shared/api.ts, the same for every shell. */
export function createServices({ shell, dataDir, desktop, emit, training }: ServiceOptions): ServiceImplementations {
  const documents = new DocumentStore(dataDir);
  // Temporary files left by saves that were killed mid-write; in the background, never failing start-up.
  void cleanDataDir(dataDir);
  const runs = training ?? new TrainingService({ runsDir: path.join(dataDir, 'runs'), emit });
  const needDesktop = (what: string) => {
    if (!desktop) throw desktopOnly(what);
    return desktop;
  };
  return {
    ping: async () => ({
      app: 'netwright',
      version: appVersion,
      shell,
      platform: `${process.platform}-${process.arch}`,
      runtime: process.versions.electron ? `Electron ${process.versions.electron}` : `Node ${process.versions.node}`,
    }),
    backendInfo: () => ensureBackend(),
    openFileDialog: async ({ purpose }) => {
      const file = await needDesktop('The Open dialog').chooseFileToOpen(purpose);
      if (!file) return null;
      return { path: file, name: path.basename(file), text: await readFile(file, 'utf8') };
    },
    saveFile: async ({ path: target, suggestedName, contents, saveAs }) => {
      const file =
        target && !saveAs ? target : await needDesktop('The Save dialog').chooseSavePath(suggestedName, 'project');
      if (!file) return null;
      await writeFileAtomic(file, contents);
      return { path: file, name: path.basename(file) };
    },
    exportFile: async ({ suggestedName, kind, base64 }) => {
      const file = await needDesktop('The Export dialog').chooseSavePath(suggestedName, kind);
      if (!file) return null;
      await writeFileAtomic(file, Buffer.from(base64, 'base64'));
      return { path: file };
    },
    recoveryWrite: async (doc) => {
      await documents.writeRecovery(doc);
      return {};
    },
    recoveryRead: () => documents.readRecovery(),
    recoveryClear: async () => {
      await documents.clearRecovery();
      return {};
    },
    recentList: () => documents.recent(),
    recentAdd: async (doc) => {
      await documents.addRecent(doc);
      return {};
    },
    recentOpen: ({ id }) => documents.openRecent(id),
    setDocumentState: async ({ title, dirty }) => {
      desktop?.setDocumentState(title, dirty);
      return {};
    },
    ...trainingMethods(runs),
    exportCode: (request) => exportCodeZip(request, runs),
  };
}
