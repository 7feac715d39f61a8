import type { ReactFlowInstance } from '@xyflow/react';
import { type ActionId, actionIds } from '../../shared/actionIds';
import { errorText } from '../../shared/api';
import type { GraphChange } from '../../shared/graph/changes';
import { uniqueName } from '../../shared/graph/naming';
import { translator } from '../../shared/i18n';
import { buildInceptionLesson } from '../../shared/lessons';
import { getFiles } from '../api/transport';
import type { FlowNode } from '../canvas/flowModel';
import { duplicateNodes } from '../editor/insert';
import { canvasPng, canvasSvg } from '../export/canvasImage';
import { openDocument, saveDocument } from '../files/documentFiles';
import { exportCode, exportOnnx } from '../files/exportCode';
import { i18n, uiLanguage } from '../i18n/i18n';
import { useTimelineStore } from '../insight/timelineStore';
import { layoutGraph } from '../layout/elkLayout';
import { useLessonStore } from '../lesson/lessonStore';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';

export interface ActionContext {
  flow: ReactFlowInstance<FlowNode>;
}

/** One registered action serves the keyboard, the toolbar and the menus alike (as in excalidraw). */
export interface Action {
  id: ActionId;
  /** In the interface's current language (the catalogue's ui.actions). */
  readonly label: string;
  /** Shown in tooltips and the shortcuts sheet. */
  shortcut?: string;
  keyTest?: (e: KeyboardEvent) => boolean;
  /**
   * False where performing would do nothing (nothing selected, nothing to undo); the key
   * then stays the browser's (Ctrl+C copies a panel's text). Absent: always enabled.
   */
  enabled?: (ctx: ActionContext) => boolean;
  perform(ctx: ActionContext): void | Promise<void>;
}

type ActionSpec = Omit<Action, 'id' | 'label'>;

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey;
const doc = () => useDocumentStore.getState();
const ui = () => useUiStore.getState();

/** The selected layers, with a selected module standing for its member layers. */
function selectedLayerIds(): string[] {
  const { selection, graph } = doc();
  const ids = new Set<string>();
  for (const id of selection) {
    if (!id.startsWith('group:')) {
      ids.add(id);
      continue;
    }
    for (const n of graph.nodes) if (n.groupId === id) ids.add(n.id);
  }
  return [...ids];
}

/** The selected layers themselves, modules left out. */
function selectedLayers(): string[] {
  return doc().selection.filter((id) => !id.startsWith('group:'));
}

/** The selected modules and the modules of the selected layers. */
function selectedModuleIds(): Set<string> {
  const { graph, selection } = doc();
  return new Set(
    selection.flatMap((id) => (id.startsWith('group:') ? [id] : (graph.nodes.find((n) => n.id === id)?.groupId ?? []))),
  );
}

function copySelection() {
  const ids = new Set(selectedLayerIds());
  const { graph } = doc();
  return {
    nodes: graph.nodes.filter((n) => ids.has(n.id)),
    edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}

function paste(source: ReturnType<typeof copySelection> | null) {
  if (!source || source.nodes.length === 0) return;
  const insertion = duplicateNodes(doc().graph, source, { x: 40, y: 40 });
  doc().apply(insertion.changes);
  doc().select(insertion.ids);
}

async function exportImage(ctx: ActionContext, kind: 'png' | 'svg') {
  try {
    const nodes = ctx.flow.getNodes();
    const edges = ctx.flow.getEdges();
    const blob = kind === 'png' ? await canvasPng(nodes, edges) : await canvasSvg(nodes, edges);
    await getFiles().exportFile(`${doc().name}.${kind}`, kind, blob);
  } catch (err) {
    const reason = errorText(err, uiLanguage());
    ui().notify(translator('ui', uiLanguage()).t('panels.files.imageFailed', { reason }), 'error');
  }
}

// Keyed by id, so a registry missing an id of the union (or holding one outside it) fails the type check.
const registry = {
  open: {
    shortcut: 'Ctrl+O',
    keyTest: (e) => mod(e) && e.key.toLowerCase() === 'o',
    perform: () => openDocument('open'),
  },
  import: { perform: () => openDocument('import') },
  save: {
    shortcut: 'Ctrl+S',
    keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 's',
    perform: () => void saveDocument(false),
  },
  saveAs: {
    shortcut: 'Ctrl+Shift+S',
    keyTest: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === 's',
    perform: () => void saveDocument(true),
  },
  new: {
    shortcut: 'Ctrl+N',
    keyTest: (e) => mod(e) && e.key.toLowerCase() === 'n',
    perform: () => ui().set({ startOpen: true }),
  },
  undo: {
    shortcut: 'Ctrl+Z',
    keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z',
    enabled: () => doc().past.length > 0,
    perform: () => {
      ui().animateLayout();
      doc().undo();
    },
  },
  redo: {
    shortcut: 'Ctrl+Shift+Z',
    keyTest: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'),
    enabled: () => doc().future.length > 0,
    perform: () => {
      ui().animateLayout();
      doc().redo();
    },
  },
  delete: {
    shortcut: 'Delete',
    keyTest: (e) => plain(e) && (e.key === 'Delete' || e.key === 'Backspace'),
    enabled: (ctx) => doc().selection.length > 0 || ctx.flow.getEdges().some((e) => e.selected),
    perform: (ctx) => {
      const nodes = selectedLayerIds();
      const graphEdges = new Set(doc().graph.edges.map((e) => e.id));
      const edges = ctx.flow
        .getEdges()
        .filter((e) => e.selected && graphEdges.has(e.id))
        .map((e) => e.id);
      const changes: GraphChange[] = [];
      if (edges.length) changes.push({ type: 'removeEdges', ids: edges });
      if (nodes.length) changes.push({ type: 'removeNodes', ids: nodes });
      for (const id of doc().selection) if (id.startsWith('group:')) changes.push({ type: 'ungroup', id });
      doc().apply(changes);
    },
  },
  selectAll: {
    shortcut: 'Ctrl+A',
    keyTest: (e) => mod(e) && e.key.toLowerCase() === 'a',
    enabled: () => doc().graph.nodes.length > 0,
    perform: () => doc().select(doc().graph.nodes.map((n) => n.id)),
  },
  copy: {
    shortcut: 'Ctrl+C',
    keyTest: (e) => mod(e) && e.key.toLowerCase() === 'c',
    enabled: () => selectedLayerIds().length > 0,
    perform: () => ui().set({ clipboard: copySelection() }),
  },
  paste: {
    shortcut: 'Ctrl+V',
    keyTest: (e) => mod(e) && e.key.toLowerCase() === 'v',
    enabled: () => (ui().clipboard?.nodes.length ?? 0) > 0,
    perform: () => paste(ui().clipboard),
  },
  duplicate: {
    shortcut: 'Ctrl+D',
    keyTest: (e) => mod(e) && e.key.toLowerCase() === 'd',
    enabled: () => selectedLayerIds().length > 0,
    perform: () => paste(copySelection()),
  },
  group: {
    shortcut: 'Ctrl+G',
    keyTest: (e) => mod(e) && e.key.toLowerCase() === 'g',
    enabled: () => selectedLayers().length > 0,
    perform: () => {
      const ids = selectedLayers();
      if (ids.length === 0) return ui().notify('Select the layers to group first.');
      const { graph } = doc();
      const parents = new Set(graph.nodes.filter((n) => ids.includes(n.id)).map((n) => n.groupId));
      const taken = new Set(graph.groups.map((g) => g.name));
      const name = uniqueName('module', taken);
      const parent = parents.size === 1 ? [...parents][0] : undefined;
      const group = {
        id: `group:${name}`,
        name,
        template: 'custom',
        collapsed: false,
        ...(parent ? { parentId: parent } : {}),
      };
      doc().apply([{ type: 'addGroup', group, memberIds: ids }]);
      doc().select([group.id]);
    },
  },
  toggleModule: {
    shortcut: 'E',
    keyTest: (e) => plain(e) && e.key.toLowerCase() === 'e',
    enabled: () => selectedModuleIds().size > 0,
    perform: () => {
      const { graph } = doc();
      const ids = selectedModuleIds();
      const changes = graph.groups
        .filter((g) => ids.has(g.id))
        .map((g): GraphChange => ({ type: 'setGroupCollapsed', id: g.id, collapsed: !g.collapsed }));
      doc().apply(changes);
      doc().select([...ids]);
    },
  },
  fit: {
    shortcut: 'F',
    keyTest: (e) => plain(e) && e.key.toLowerCase() === 'f',
    perform: (ctx) => void ctx.flow.fitView({ duration: 200, maxZoom: 1.5 }),
  },
  zoomReset: {
    shortcut: 'Ctrl+0',
    keyTest: (e) => mod(e) && e.key === '0',
    // Around the selection when there is one: zooming in on what you picked, not on the view's centre.
    perform: (ctx) => {
      const picked = doc().selection.flatMap((id) => ctx.flow.getNode(id) ?? []);
      if (picked.length === 0) return void ctx.flow.zoomTo(1, { duration: 150 });
      const box = ctx.flow.getNodesBounds(picked);
      void ctx.flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: 1, duration: 150 });
    },
  },
  layout: {
    shortcut: 'L',
    keyTest: (e) => plain(e) && e.key.toLowerCase() === 'l',
    perform: async (ctx) => {
      const positions = await layoutGraph(doc().graph, ui().layoutDirection);
      doc().apply([{ type: 'moveNodes', moves: [...positions].map(([id, position]) => ({ id, position })) }]);
      requestAnimationFrame(() => void ctx.flow.fitView({ duration: 200, maxZoom: 1.5 }));
    },
  },
  layoutDirection: {
    perform: (ctx) => {
      ui().set({ layoutDirection: ui().layoutDirection === 'RIGHT' ? 'DOWN' : 'RIGHT' });
      return findAction('layout').perform(ctx);
    },
  },
  clearSelection: {
    shortcut: 'Esc',
    keyTest: (e) => e.key === 'Escape',
    perform: () => doc().select([]),
  },
  exportPng: { perform: (ctx) => exportImage(ctx, 'png') },
  exportPytorch: { perform: () => exportCode('pytorch') },
  exportKeras: { perform: () => exportCode('keras') },
  exportOnnx: { perform: () => exportOnnx() },
  exportSvg: { perform: (ctx) => exportImage(ctx, 'svg') },
  presentLesson: {
    shortcut: 'F5',
    keyTest: (e) => e.key === 'F5' && !mod(e),
    // The lesson last presented, or the built-in lecture.
    perform: () => {
      const lessons = useLessonStore.getState();
      lessons.present(lessons.lesson ?? buildInceptionLesson(uiLanguage()), lessons.lesson ? lessons.index : 0);
    },
  },
  timeline: {
    perform: () => useTimelineStore.getState().setOpen(!useTimelineStore.getState().open),
  },
  shortcuts: {
    shortcut: '?',
    keyTest: (e) => e.key === '?',
    perform: () => ui().set({ shortcutsOpen: !ui().shortcutsOpen }),
  },
} satisfies Record<ActionId, ActionSpec>;

/** In the union's order, which is also the order key presses are matched in. */
export const actions: readonly Action[] = actionIds.map(
  (id): Action => ({
    id,
    ...registry[id],
    get label() {
      return i18n.t(`actions.${id}`);
    },
  }),
);

export function findAction(id: ActionId): Action {
  return actions.find((a) => a.id === id)!;
}

/** The action a key press runs, if any: the first whose key test accepts it. */
export function actionForKey(e: KeyboardEvent): Action | undefined {
  return actions.find((a) => a.keyTest?.(e));
}

export function isEnabled(action: Action, ctx: ActionContext): boolean {
  return action.enabled?.(ctx) ?? true;
}

/** What the keyboard and the native menu call: a disabled action does nothing. */
export function runAction(action: Action, ctx: ActionContext): boolean {
  if (!isEnabled(action, ctx)) return false;
  void action.perform(ctx);
  return true;
}
