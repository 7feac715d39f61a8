import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Settings, type ShellKind } from '../../shared/api';
import type { ServiceImplementations } from './apiHandler';
import { appVersion } from './appInfo';
import { cleanDataDir } from './dataDir';
import { type DesktopPort, desktopOnly } from './desktop';
import { DocumentStore } from './documents';
import { exportOnnxForEditor } from './export/onnxEditor';
import { exportCodeZip } from './exportCode';
import { FeaturesService, featureMethods } from './features';
import { writeFileAtomic } from './files';
import { PathGrants } from './pathGrants';
import { SettingsStore } from './settings';
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
  /** Browser mode's `--allow-dir` folders: training data may be read inside them (and inside dataDir). */
  allowDirs?: readonly string[];
  /** Files given on the command line: the renderer may then open and save them. */
  grantedFiles?: readonly string[];
}

const notChosen =
  'it was not opened or saved through Netwright\u2019s own dialogs in this session; use Save As to choose where.';
const notRemembered = 'only files opened or saved through Netwright\u2019s own dialogs are remembered.';

/** Where a typed dataset path may come from, said in the refusal. */
function datasetRefusal(shell: ShellKind, dataDir: string): string {
  return shell === 'browser'
    ? `browser mode reads training data only inside the data folder (${dataDir}) and folders given with \`npm run web -- --allow-dir DIR\`.`
    : 'you did not allow Netwright to read it.';
}

/** The main-process services behind shared/api.ts, the same for every shell. */
export function createServices(options: ServiceOptions): ServiceImplementations {
  const { shell, dataDir, desktop, emit, training } = options;
  const documents = new DocumentStore(dataDir);
  const settings = new SettingsStore(dataDir);
  // Temporary files left by saves that were killed mid-write; in the background, never failing start-up.
  void cleanDataDir(dataDir);
  const grants = new PathGrants([dataDir, ...(options.allowDirs ?? [])]);
  for (const file of options.grantedFiles ?? []) grants.grantFile(file);
  const runs = training ?? new TrainingService({ runsDir: path.join(dataDir, 'runs'), emit });
  const needDesktop = (what: string) => {
    if (!desktop) throw desktopOnly(what);
    return desktop;
  };
  const checkRemembered = (file: string | null) => {
    if (file !== null) grants.checkWrite(file, notRemembered);
  };
  /** Training reads a typed path only inside granted folders, or (desktop) once the user allowed it. */
  const checkDataset = async (request: { options: { dataset?: { kind: string; path?: string } } }) => {
    const datasetPath = request.options.dataset?.path;
    if (datasetPath === undefined || grants.mayRead(datasetPath)) return;
    if (desktop && path.isAbsolute(datasetPath) && (await desktop.allowDatasetRead(datasetPath))) {
      grants.grantFolder(datasetPath);
      return;
    }
    grants.checkRead(datasetPath, datasetRefusal(shell, dataDir));
  };
  const trainMethods = trainingMethods(runs, emit);
  const features = new FeaturesService({ training: runs, emit, mayReadDataset: (file) => grants.mayRead(file) });
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
      grants.grantFile(file);
      const name = path.basename(file);
      // ONNX models are protobuf, not text: their bytes travel as base64.
      if (/\.onnx$/i.test(name))
        return { path: file, name, text: '', base64: (await readFile(file)).toString('base64') };
      return { path: file, name, text: await readFile(file, 'utf8') };
    },
    saveFile: async ({ path: target, suggestedName, contents, saveAs }) => {
      const port = needDesktop('Saving to a file');
      if (target && !saveAs) grants.checkWrite(target, notChosen);
      const file = target && !saveAs ? target : await port.chooseSavePath(suggestedName, 'project');
      if (!file) return null;
      grants.grantFile(file);
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
      checkRemembered(doc.filePath);
      await documents.writeRecovery(doc);
      return {};
    },
    recoveryRead: async () => {
      const recovered = await documents.readRecovery();
      // Written by this process from a granted path; browser mode never records one.
      if (recovered?.filePath && desktop) grants.grantFile(recovered.filePath);
      return recovered && !desktop ? { ...recovered, filePath: null } : recovered;
    },
    recoveryClear: async () => {
      await documents.clearRecovery();
      return {};
    },
    recentList: () => documents.recent(),
    recentAdd: async (doc) => {
      checkRemembered(doc.path);
      await documents.addRecent(doc);
      return {};
    },
    recentOpen: async ({ id }) => {
      const opened = await documents.openRecent(id, desktop !== undefined);
      if (opened.path) grants.grantFile(opened.path);
      return opened;
    },
    settingsGet: () => settings.get(),
    settingsSet: (request) => settings.set(Settings.parse(request)),
    setDocumentState: async ({ title, dirty }) => {
      desktop?.setDocumentState(title, dirty);
      return {};
    },
    ...trainMethods,
    ...featureMethods(features),
    trainEstimate: async (request) => {
      await checkDataset(request);
      return trainMethods.trainEstimate(request);
    },
    trainStart: async (request) => {
      await checkDataset(request);
      return trainMethods.trainStart(request);
    },
    trainStartGpu: async (request) => {
      await checkDataset(request);
      return trainMethods.trainStartGpu(request);
    },
    exportCode: (request) => exportCodeZip(request, runs),
    exportOnnx: (request) => exportOnnxForEditor(request, runs, desktop, needDesktop),
    // pptxgenjs loads at the first slide export, not at start-up.
    compareSlides: async (request) => (await import('./slides')).compareSlides(request),
    slideFormats: async () => (await import('./slides/service')).slideFormats(),
  };
}
