import { errorText, type OpenedFile } from '../../shared/api';
import {
  createProjectFile,
  isProjectFileJson,
  parseProjectValue,
  serializeProject,
} from '../../shared/graph/projectFile';
import type { Graph } from '../../shared/graph/types';
import { diagnosticText, translator } from '../../shared/i18n';
import { type ImportDiagnostic, importKerasJson } from '../../shared/import';
import { readJson } from '../../shared/import/json';
import { importOnnx } from '../../shared/import/onnx';
import type { ImportOptions, ImportResult } from '../../shared/import/types';
import { getApi, getFiles } from '../api/transport';
import { layeredPositions } from '../editor/insert';
import { uiLanguage } from '../i18n/i18n';
import { layoutGraph, needsLayout } from '../layout/elkLayout';
import { looksLikeLesson, openLesson } from '../lesson/openLesson';
import { useDocumentStore } from '../store/documentStore';
import { useSavingsStore } from '../store/savingsStore';
import { useShellStore } from '../store/shellStore';
import { useUiStore } from '../store/uiStore';

export type ParsedDocument =
  | { ok: true; graph: Graph; name: string; warnings: ImportDiagnostic[]; isProject: boolean }
  | { ok: false; error: string };

const stripExtension = (name: string) => name.replace(/\.(netwright|json|onnx)$/i, '');
const askForShape = 'give the input size when asked';

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A project file, a Keras / TF.js Layers JSON (told apart by content), or an ONNX model (sent as bytes). */
export function parseDocument(file: { name: string; text: string; base64?: string | undefined }): ParsedDocument {
  if (file.base64 !== undefined) {
    const bytes = bytesOf(file.base64);
    return importedDocument(file, (options) => importOnnx(bytes, options));
  }
  const json = readJson(file.text);
  if (!json.ok) return { ok: false, error: `${file.name}: ${json.error}` };
  if (isProjectFileJson(json.value)) {
    const loaded = parseProjectValue(json.value);
    if (!loaded.ok) return { ok: false, error: `${file.name}: ${loaded.error}` };
    return { ok: true, graph: loaded.project.graph, name: loaded.project.name, warnings: [], isProject: true };
  }
  return importedDocument(file, (options) => importKerasJson(file.text, options));
}

/** Runs an importer, asking for the input size where the file leaves it open. */
function importedDocument(file: { name: string }, importer: (options: ImportOptions) => ImportResult): ParsedDocument {
  let imported = importer({ inputShapeHint: askForShape });
  if (!imported.ok && imported.error.includes(askForShape)) {
    // Keras and ONNX leave the input size open for fully convolutional models: ask for it, as the CLI's --input-shape does.
    const answer = window.prompt(`${file.name} leaves the input size open. Input size as H,W,C:`, '224,224,3');
    const shape = answer?.split(/[,x×\s]+/).map(Number);
    if (shape?.length !== 3 || shape.some((n) => !Number.isInteger(n) || n <= 0)) {
      return {
        ok: false,
        error: `${file.name}: its input size is open; import it again and give the size as three whole numbers H,W,C.`,
      };
    }
    imported = importer({ inputShape: shape as [number, number, number] });
  }
  if (!imported.ok) {
    // An internal error carries its text: it reads in the window's language; other failures are English.
    const error = diagnosticText(
      { message: imported.error, ...(imported.text ? { text: imported.text } : {}) },
      uiLanguage(),
    );
    return { ok: false, error: `${file.name}: ${error}` };
  }
  return {
    ok: true,
    graph: imported.graph,
    name: imported.name || stripExtension(file.name),
    warnings: imported.warnings,
    isProject: false,
  };
}

export async function withLayout(graph: Graph): Promise<Graph> {
  if (!needsLayout(graph)) return graph;
  const positions = await layoutGraph(graph, useUiStore.getState().layoutDirection);
  return {
    ...graph,
    nodes: graph.nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position ?? { x: 0, y: 0 } })),
  };
}

/**
 * Asks before throwing away unsaved work; true when it is fine to go on. Work the person chose
 * to discard also leaves the recovery file, or the next start would offer it back.
 */
export function confirmDiscard(): boolean {
  if (!useDocumentStore.getState().dirty) return true;
  if (!window.confirm(text().t('panels.files.discard'))) return false;
  void getApi()
    .invoke('recoveryClear', {})
    .catch(() => {});
  return true;
}

/** The window's texts in the language it speaks now (these messages are made outside React). */
const text = () => translator('ui', uiLanguage());

function fail(message: string): void {
  useUiStore.getState().notify(message, 'error');
}

export function projectText(): string {
  const { graph, name } = useDocumentStore.getState();
  const version = useShellStore.getState().ping?.version;
  return serializeProject(
    createProjectFile(name, graph, { savedAt: new Date().toISOString(), ...(version ? { createdWith: version } : {}) }),
  );
}

export async function loadIntoEditor(file: OpenedFile, options: { dirty?: boolean } = {}): Promise<boolean> {
  // A lesson is presented, not edited as a network: the open document stays as it is.
  if (looksLikeLesson(file.text)) return openLesson(file.text, file.name);
  const parsed = parseDocument(file);
  if (!parsed.ok) {
    fail(parsed.error);
    return false;
  }
  const graph = await withLayout(parsed.graph);
  const path = parsed.isProject ? file.path : null;
  useDocumentStore
    .getState()
    .load(graph, parsed.name, path, { dirty: options.dirty ?? !parsed.isProject, importNotes: parsed.warnings });
  useSavingsStore.getState().reset();
  useUiStore.getState().set({ startOpen: false });
  const notes = parsed.warnings.filter((w) => w.severity !== 'info');
  if (notes.length)
    useUiStore
      .getState()
      .notify(
        text().t('panels.files.imported', { count: notes.length, first: diagnosticText(notes[0]!, uiLanguage()) }),
      );
  if (parsed.isProject)
    void getApi()
      .invoke('recentAdd', { name: parsed.name, path, contents: file.text })
      .catch(() => {});
  return true;
}

export async function openDocument(purpose: 'open' | 'import'): Promise<void> {
  if (!confirmDiscard()) return;
  try {
    const file = await getFiles().open(purpose);
    if (file) await loadIntoEditor(file);
  } catch (err) {
    fail(text().t('panels.files.openFailed', { reason: errorText(err, uiLanguage()) }));
  }
}

export async function openRecent(id: string): Promise<void> {
  if (!confirmDiscard()) return;
  try {
    await loadIntoEditor(await getApi().invoke('recentOpen', { id }));
  } catch (err) {
    fail(errorText(err, uiLanguage()));
  }
}

export async function saveDocument(saveAs = false): Promise<boolean> {
  const { name, filePath } = useDocumentStore.getState();
  const contents = projectText();
  try {
    const saved = await getFiles().save({ path: filePath, suggestedName: `${name}.netwright`, contents, saveAs });
    if (!saved) return false;
    const savedName = stripExtension(saved.name);
    useDocumentStore.getState().markSaved(savedName, saved.path);
    const api = getApi();
    await api.invoke('recoveryClear', {});
    await api.invoke('recentAdd', { name: savedName, path: saved.path, contents });
    useUiStore
      .getState()
      .notify(
        saved.path
          ? text().t('panels.files.saved', { path: saved.path })
          : text().t('panels.files.savedDownload', { name: saved.name }),
      );
    return true;
  } catch (err) {
    fail(text().t('panels.files.saveFailed', { reason: errorText(err, uiLanguage()) }));
    return false;
  }
}

/**
 * Templates are laid out by depth (column = longest path from the input, rows in
 * branch order): instant, and for Inception-style nets as readable as a full layered
 * layout, which stays one key away (L).
 */
function withDepthLayout(graph: Graph): Graph {
  if (!needsLayout(graph)) return graph;
  const positions = layeredPositions(graph, { x: 0, y: 0 });
  return { ...graph, nodes: graph.nodes.map((n) => ({ ...n, position: n.position ?? positions.get(n.id)! })) };
}

export async function newDocument(graph: Graph, name: string): Promise<void> {
  if (!confirmDiscard()) return;
  useDocumentStore.getState().load(withDepthLayout(graph), name, null);
  useSavingsStore.getState().reset();
  useUiStore.getState().set({ startOpen: false });
}
