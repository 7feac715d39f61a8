import { create } from 'zustand';
import { applyChanges, type GraphChange } from '../../shared/graph/changes';
import type { Graph } from '../../shared/graph/types';
import type { ImportDiagnostic } from '../../shared/import';

const historyLimit = 200;
/** Edits with the same key this close together become one undo step (typing in a field). */
const coalesceMs = 800;

export interface DocumentState {
  graph: Graph;
  name: string;
  /** Where the file lives (desktop) or null for an unsaved or browser-mode document. */
  filePath: string | null;
  dirty: boolean;
  past: Graph[];
  future: Graph[];
  selection: string[];
  lastEdit: { key: string; at: number } | null;
  /**
   * What the importer noted about the file this document came from (frozen layers, ignored
   * weights, …), shown in the Problems list beside the analysis's; empty for a project.
   */
  importNotes: ImportDiagnostic[];
  /** Bumped when a whole document is loaded, so the canvas can fit it to the view. */
  loadCount: number;
  /** Applies edits; `undoable: false` is for edits that are not the user's (e.g. layout on import). */
  apply(changes: GraphChange[], options?: { undoable?: boolean; coalesceKey?: string }): void;
  undo(): void;
  redo(): void;
  load(
    graph: Graph,
    name: string,
    filePath?: string | null,
    options?: { dirty?: boolean; importNotes?: ImportDiagnostic[] },
  ): void;
  markSaved(name: string, filePath: string | null): void;
  select(ids: string[]): void;
}

export const useDocumentStore = create<DocumentState>((set, get) => ({
  graph: { nodes: [], edges: [], groups: [] },
  name: 'Untitled',
  filePath: null,
  dirty: false,
  past: [],
  future: [],
  selection: [],
  lastEdit: null,
  importNotes: [],
  loadCount: 0,

  apply(changes, options = {}) {
    if (changes.length === 0) return;
    const state = get();
    const graph = applyChanges(state.graph, changes);
    if (options.undoable === false) {
      set({ graph });
      return;
    }
    const now = Date.now();
    const coalesce =
      options.coalesceKey !== undefined &&
      state.lastEdit?.key === options.coalesceKey &&
      now - state.lastEdit.at < coalesceMs &&
      state.past.length > 0;
    const past = coalesce ? state.past : [...state.past, state.graph].slice(-historyLimit);
    const existing = new Set(graph.nodes.map((n) => n.id));
    set({
      graph,
      past,
      future: [],
      dirty: true,
      selection: state.selection.filter((id) => existing.has(id)),
      lastEdit: options.coalesceKey ? { key: options.coalesceKey, at: now } : null,
    });
  },

  undo() {
    const { past, graph, future } = get();
    const previous = past.at(-1);
    if (!previous) return;
    set({ graph: previous, past: past.slice(0, -1), future: [graph, ...future], dirty: true, lastEdit: null });
  },

  redo() {
    const { past, graph, future } = get();
    const next = future[0];
    if (!next) return;
    set({ graph: next, past: [...past, graph], future: future.slice(1), dirty: true, lastEdit: null });
  },

  load(graph, name, filePath = null, options = {}) {
    set({
      graph,
      name,
      filePath,
      dirty: options.dirty ?? false,
      past: [],
      future: [],
      selection: [],
      lastEdit: null,
      importNotes: options.importNotes ?? [],
      loadCount: get().loadCount + 1,
    });
  },

  markSaved(name, filePath) {
    set({ name, filePath, dirty: false });
  },

  select(ids) {
    const current = get().selection;
    if (current.length === ids.length && current.every((id, i) => id === ids[i])) return;
    set({ selection: ids });
  },
}));
