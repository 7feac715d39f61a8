import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../electron/menu';
import { type Action, actionForKey, actions, findAction, runAction } from '../../../renderer/actions/actions';
import { handleKey } from '../../../renderer/actions/useKeyboard';
import { i18n } from '../../../renderer/i18n/i18n';
import { useTimelineStore } from '../../../renderer/insight/timelineStore';
import { useLessonStore } from '../../../renderer/lesson/lessonStore';
import { type ActionId, actionIds } from '../../../shared/actionIds';
import { ApiError } from '../../../shared/api';
import { createProjectFile, parseProjectText, serializeProject } from '../../../shared/graph/projectFile';
import type { Graph } from '../../../shared/graph/types';
import { runMessage } from '../../../shared/training/runText';
import { keyEvent, sampleGraph, TestEditor } from './testEditor';

const fake = vi.hoisted(() => ({
  opened: null as { name: string; text: string; path: string | null } | null,
  saves: [] as { path: string | null; suggestedName: string; contents: string; saveAs: boolean }[],
  exports: [] as { name: string; kind: string; size: number }[],
  invoked: [] as { method: string; request: Record<string, unknown> }[],
  exportFails: null as string | null,
  invokeFails: null as Error | null,
}));

vi.mock('../../../renderer/api/transport', () => ({
  getFiles: () => ({
    savesToDisk: false,
    open: async () => fake.opened,
    save: async (request: (typeof fake.saves)[number]) => {
      fake.saves.push(request);
      return { path: null, name: 'saved.netwright' };
    },
    exportFile: async (name: string, kind: string, data: Blob) => {
      if (fake.exportFails) throw new Error(fake.exportFails);
      fake.exports.push({ name, kind, size: data.size });
      return true;
    },
  }),
  getApi: () => ({
    invoke: async (method: string, request: Record<string, unknown>) => {
      if (fake.invokeFails) throw fake.invokeFails;
      fake.invoked.push({ method, request });
      if (method === 'exportCode')
        return { zipBase64: btoa('zip bytes'), suggestedName: 'net.zip', files: ['model.py', 'train.py'] };
      if (method === 'exportOnnx')
        return { suggestedName: 'net.onnx', bytes: 10, path: null, base64: btoa('onnx bytes') };
      return {};
    },
    on: () => () => {},
  }),
}));

// Rasterizing the canvas needs a DOM; what the action does with the image does not.
vi.mock('../../../renderer/export/canvasImage', () => ({
  canvasPng: async () => new Blob(['png']),
  canvasSvg: async () => new Blob(['<svg/>']),
}));

vi.stubGlobal('requestAnimationFrame', (callback: (t: number) => void) => {
  callback(0);
  return 0;
});

beforeEach(() => {
  fake.opened = null;
  fake.saves.length = 0;
  fake.exports.length = 0;
  fake.invoked.length = 0;
  fake.exportFails = null;
  fake.invokeFails = null;
});

interface Case {
  /** Builds the state the action acts on; it must be enabled there. */
  arrange?(ed: TestEditor): void;
  /** Checks the action's effect; `before` is the graph it started from. */
  check(ed: TestEditor, before: Graph): void;
  /**
   * `restores`: one Undo gives back `before` and Redo the result; `not an edit`: the graph
   * and its history stay as they were; `new document`: a document replaced it, with no history;
   * `is history`: the action is Undo or Redo itself (checked in `check`).
   */
  undo: 'restores' | 'not an edit' | 'new document' | 'is history';
  /** Makes the action disabled; absent where it is always enabled. */
  disable?(ed: TestEditor): void;
  /** Keys besides the shown shortcut that run it. */
  alsoKeys?: string[];
}

const ids = (g: Graph) => g.nodes.map((n) => n.id);

/** One case per registered action: a new action without one fails the type check and the first test below. */
const cases: Record<ActionId, Case> = {
  open: {
    arrange: () => {
      const other: Graph = { nodes: [sampleGraph().nodes[0]!], edges: [], groups: [] };
      fake.opened = { name: 'other.netwright', path: null, text: serializeProject(createProjectFile('other', other)) };
    },
    check: (ed) => {
      expect(ed.doc.name).toBe('other');
      expect(ids(ed.graph)).toEqual(['input']);
    },
    undo: 'new document',
  },
  import: {
    arrange: () => {
      const file = path.join(__dirname, '../../fixtures/keras/mnist_cnn.keras3-sequential.json');
      fake.opened = { name: 'mnist.json', path: null, text: readFileSync(file, 'utf8') };
    },
    check: (ed) => {
      expect(ed.graph.nodes.length).toBeGreaterThan(3);
      expect(ed.graph.nodes.every((n) => n.position)).toBe(true);
      expect(ed.doc.dirty).toBe(true);
    },
    undo: 'new document',
  },
  save: {
    check: (ed, before) => {
      expect(fake.saves).toHaveLength(1);
      expect(fake.saves[0]).toMatchObject({ suggestedName: 'net.netwright', saveAs: false });
      const saved = parseProjectText(fake.saves[0]!.contents);
      expect(saved.ok && saved.project.graph).toEqual(before);
      expect(ed.doc).toMatchObject({ name: 'saved', dirty: false });
    },
    undo: 'not an edit',
  },
  saveAs: {
    check: () => {
      expect(fake.saves).toHaveLength(1);
      expect(fake.saves[0]!.saveAs).toBe(true);
    },
    undo: 'not an edit',
  },
  new: {
    check: (ed) => expect(ed.ui.startOpen).toBe(true),
    undo: 'not an edit',
  },
  undo: {
    arrange: (ed) => ed.doc.apply([{ type: 'removeNodes', ids: ['conv'] }]),
    check: (ed) => {
      expect(ed.node('conv')).toBeDefined();
      expect(ed.graph).toEqual(sampleGraph());
      expect(ed.doc.future).toHaveLength(1);
    },
    undo: 'is history',
    disable: (ed) => ed.doc.load(sampleGraph(), 'net'),
  },
  redo: {
    arrange: (ed) => {
      ed.doc.apply([{ type: 'removeNodes', ids: ['conv'] }]);
      ed.doc.undo();
    },
    check: (ed) => {
      expect(ed.node('conv')).toBeUndefined();
      expect(ed.doc.past).toHaveLength(1);
    },
    undo: 'is history',
    disable: (ed) => ed.doc.load(sampleGraph(), 'net'),
    alsoKeys: ['Ctrl+Y'],
  },
  delete: {
    arrange: (ed) => ed.select('conv'),
    check: (ed) => {
      expect(ids(ed.graph)).toEqual(['input', 'bn', 'relu']);
      expect(ed.graph.edges.map((e) => e.id)).toEqual(['bn->relu:0']);
    },
    undo: 'restores',
    disable: (ed) => ed.select(),
    alsoKeys: ['Backspace'],
  },
  selectAll: {
    check: (ed) => expect(ed.doc.selection).toEqual(['input', 'conv', 'bn', 'relu']),
    undo: 'not an edit',
    disable: (ed) => ed.doc.load({ nodes: [], edges: [], groups: [] }, 'empty'),
  },
  copy: {
    arrange: (ed) => ed.select('conv', 'bn'),
    check: (ed) => {
      expect(ed.ui.clipboard?.nodes.map((n) => n.id)).toEqual(['conv', 'bn']);
      expect(ed.ui.clipboard?.edges.map((e) => e.id)).toEqual(['conv->bn:0']);
    },
    undo: 'not an edit',
    disable: (ed) => ed.select(),
  },
  paste: {
    arrange: (ed) => ed.ui.set({ clipboard: { nodes: [ed.node('conv')!], edges: [] } }),
    check: (ed, before) => {
      const added = ed.graph.nodes.filter((n) => !ids(before).includes(n.id));
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ kind: 'Conv2D', position: { x: 240, y: 40 } });
      expect(ed.doc.selection).toEqual([added[0]!.id]);
    },
    undo: 'restores',
    disable: (ed) => ed.ui.set({ clipboard: null }),
  },
  duplicate: {
    arrange: (ed) => ed.select('conv', 'bn'),
    check: (ed, before) => {
      const added = ed.graph.nodes.filter((n) => !ids(before).includes(n.id));
      expect(added.map((n) => n.kind)).toEqual(['Conv2D', 'BatchNorm']);
      // The copy is outside the module, wired like the original, and selected.
      expect(added.every((n) => n.groupId === undefined)).toBe(true);
      expect(ed.graph.edges).toContainEqual(expect.objectContaining({ source: added[0]!.id, target: added[1]!.id }));
      expect(ed.doc.selection).toEqual(added.map((n) => n.id));
    },
    undo: 'restores',
    disable: (ed) => ed.select(),
  },
  group: {
    arrange: (ed) => ed.select('input', 'conv'),
    check: (ed) => {
      const group = ed.graph.groups.find((g) => g.id !== 'group:block')!;
      expect(group).toMatchObject({ template: 'custom', collapsed: false });
      expect(ed.graph.nodes.filter((n) => n.groupId === group.id).map((n) => n.id)).toEqual(['input', 'conv']);
      expect(ed.doc.selection).toEqual([group.id]);
    },
    undo: 'restores',
    disable: (ed) => ed.select('group:block'),
  },
  toggleModule: {
    arrange: (ed) => ed.select('bn'),
    check: (ed) => {
      expect(ed.graph.groups[0]).toMatchObject({ id: 'group:block', collapsed: true });
      expect(ed.doc.selection).toEqual(['group:block']);
    },
    undo: 'restores',
    disable: (ed) => ed.select('input'),
  },
  fit: {
    check: (ed) => expect(ed.flow.fitView).toHaveBeenCalledOnce(),
    undo: 'not an edit',
  },
  zoomReset: {
    arrange: (ed) => ed.select('conv'),
    // conv sits at (200, 0) and measures 180×100: the view centres on it at 100%.
    check: (ed) => expect(ed.flow.setCenter).toHaveBeenCalledWith(290, 50, expect.objectContaining({ zoom: 1 })),
    undo: 'not an edit',
  },
  layout: {
    check: (ed, before) => {
      expect(ed.graph.nodes.map((n) => n.position)).not.toEqual(before.nodes.map((n) => n.position));
      expect(ed.graph.edges).toEqual(before.edges);
      expect(ed.flow.fitView).toHaveBeenCalled();
    },
    undo: 'restores',
  },
  layoutDirection: {
    check: (ed, before) => {
      expect(ed.ui.layoutDirection).toBe('DOWN');
      expect(ed.graph.nodes.map((n) => n.position)).not.toEqual(before.nodes.map((n) => n.position));
    },
    undo: 'restores',
  },
  clearSelection: {
    arrange: (ed) => ed.select('conv'),
    check: (ed) => expect(ed.doc.selection).toEqual([]),
    undo: 'not an edit',
  },
  exportPng: {
    check: () => expect(fake.exports).toEqual([{ name: 'net.png', kind: 'png', size: 3 }]),
    undo: 'not an edit',
  },
  exportSvg: {
    check: () => expect(fake.exports).toEqual([{ name: 'net.svg', kind: 'svg', size: 6 }]),
    undo: 'not an edit',
  },
  exportPytorch: {
    check: (ed) => {
      expect(fake.invoked[0]).toMatchObject({ method: 'exportCode', request: { target: 'pytorch', name: 'net' } });
      expect(fake.invoked[0]!.request.graph).toEqual(ed.graph);
      expect(fake.exports).toEqual([{ name: 'net.zip', kind: 'zip', size: 'zip bytes'.length }]);
    },
    undo: 'not an edit',
  },
  exportKeras: {
    check: () => {
      expect(fake.invoked[0]).toMatchObject({ method: 'exportCode', request: { target: 'keras' } });
      expect(fake.exports).toHaveLength(1);
    },
    undo: 'not an edit',
  },
  exportOnnx: {
    check: (ed) => {
      // Browser mode (savesToDisk false): the bytes come back and download.
      expect(fake.invoked[0]).toMatchObject({ method: 'exportOnnx', request: { name: 'net', save: 'download' } });
      expect(fake.invoked[0]!.request.graph).toEqual(ed.graph);
      expect(fake.exports).toEqual([{ name: 'net.onnx', kind: 'onnx', size: 'onnx bytes'.length }]);
    },
    undo: 'not an edit',
  },
  presentLesson: {
    check: () => {
      const lessons = useLessonStore.getState();
      expect(lessons.presenting).toBe(true);
      expect(lessons.lesson?.title).toBe('Inception v2/v3: going deeper for less');
      lessons.exit();
    },
    undo: 'not an edit',
  },
  timeline: {
    check: () => {
      expect(useTimelineStore.getState().open).toBe(true);
      useTimelineStore.getState().setOpen(false);
    },
    undo: 'not an edit',
  },
  shortcuts: {
    check: (ed) => expect(ed.ui.shortcutsOpen).toBe(true),
    undo: 'not an edit',
  },
};

function arranged(action: Action): TestEditor {
  const ed = new TestEditor();
  cases[action.id].arrange?.(ed);
  return ed;
}

describe('the action registry', () => {
  it('registers exactly the shared action ids, each once, and every one has a test case here', () => {
    expect(actions.map((a) => a.id)).toEqual([...actionIds]);
    for (const action of actions) expect(cases[action.id], `no test case for action ${action.id}`).toBeDefined();
  });

  it('runs a registered action from every native menu item that names one', () => {
    const ran: string[] = [];
    const items = (list: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      list.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
    for (const platform of ['linux', 'darwin'] as const)
      for (const item of items(buildMenuTemplate(platform, { about: () => {}, run: (id) => ran.push(id) })))
        item.click?.({} as never, undefined, {} as never);
    expect(ran.length).toBeGreaterThan(10);
    for (const id of ran) expect(actions.map((a) => a.id)).toContain(id);
    // The edits a plain-layer bug once broke are all on the menu.
    expect(ran).toEqual(expect.arrayContaining(['copy', 'paste', 'duplicate', 'delete', 'group']));
  });
});

describe.each(actions.map((a) => [a.id, a] as const))('action %s', (_id, action) => {
  const spec = () => cases[action.id];

  it('does what it says, and undo takes it back where it edits the graph', async () => {
    const ed = arranged(action);
    expect(ed.enabled(action), 'enabled once arranged').toBe(true);
    const before = ed.graph;
    const history = { past: ed.doc.past, future: ed.doc.future };
    expect(await ed.run(action)).toBe(true);
    spec().check(ed, before);
    const after = ed.graph;
    switch (spec().undo) {
      case 'restores':
        expect(after).not.toEqual(before);
        ed.doc.undo();
        expect(ed.graph).toEqual(before);
        ed.doc.redo();
        expect(ed.graph).toEqual(after);
        break;
      case 'not an edit':
        expect(ed.graph).toBe(before);
        expect({ past: ed.doc.past, future: ed.doc.future }).toEqual(history);
        break;
      case 'new document':
        expect(ed.doc.past).toEqual([]);
        break;
      case 'is history':
        break;
    }
  });

  it('runs from its shortcut, with Ctrl or Cmd, and no other action claims the keys', () => {
    if (!action.keyTest) {
      expect(action.shortcut, 'a shortcut shown that no key runs').toBeUndefined();
      return;
    }
    expect(action.shortcut, 'a key test without a shortcut shown').toBeDefined();
    for (const key of [action.shortcut!, ...(spec().alsoKeys ?? [])]) {
      expect(actionForKey(keyEvent(key))?.id, key).toBe(action.id);
      if (key.includes('Ctrl')) expect(actionForKey(keyEvent(key, 'metaKey'))?.id, `${key} with Cmd`).toBe(action.id);
    }
  });

  it('is disabled where it would do nothing, and then leaves the graph alone', () => {
    const disable = spec().disable;
    const ed = arranged(action);
    if (!disable) {
      expect(action.enabled).toBeUndefined();
      return;
    }
    disable(ed);
    const before = ed.graph;
    expect(ed.enabled(action)).toBe(false);
    expect(runAction(action, ed.ctx)).toBe(false);
    expect(ed.graph).toBe(before);
  });
});

describe('actions on modules and edges', () => {
  it('copies, duplicates and deletes a selected module as its member layers', async () => {
    const ed = new TestEditor().select('group:block');
    await ed.run(findAction('copy'));
    expect(ed.ui.clipboard?.nodes.map((n) => n.id)).toEqual(['bn', 'relu']);
    await ed.run(findAction('duplicate'));
    expect(ed.graph.nodes).toHaveLength(6);
    ed.select('group:block');
    await ed.run(findAction('delete'));
    expect(ed.node('bn')).toBeUndefined();
    expect(ed.node('relu')).toBeUndefined();
    expect(ed.graph.nodes.map((n) => n.kind)).toEqual(['Input', 'Conv2D', 'BatchNorm', 'Activation']);
    expect(ed.graph.groups).toEqual([]);
  });

  it('deletes a selected edge with nothing else selected', async () => {
    const ed = new TestEditor();
    ed.selectedEdges.add('conv->bn:0');
    const del = findAction('delete');
    expect(ed.enabled(del)).toBe(true);
    await ed.run(del);
    expect(ed.graph.edges.map((e) => e.id)).toEqual(['input->conv:0', 'bn->relu:0']);
    expect(ed.graph.nodes).toHaveLength(4);
  });
});

describe('the keyboard', () => {
  const press = (shortcut: string, target: Partial<HTMLElement> | null = null) => {
    const e = { ...keyEvent(shortcut), target, preventDefault: vi.fn() } as unknown as KeyboardEvent;
    return { e, prevented: () => (e.preventDefault as ReturnType<typeof vi.fn>).mock.calls.length > 0 };
  };

  it('runs an enabled action and keeps the key from the browser', async () => {
    const ed = new TestEditor().select('conv');
    const { e, prevented } = press('Ctrl+C');
    expect(handleKey(e, ed.ctx)).toBe(true);
    expect(prevented()).toBe(true);
    expect(ed.ui.clipboard?.nodes.map((n) => n.id)).toEqual(['conv']);
  });

  it('leaves the key to the browser where the action is disabled', () => {
    const ed = new TestEditor();
    const { e, prevented } = press('Ctrl+C');
    expect(handleKey(e, ed.ctx)).toBe(false);
    expect(prevented()).toBe(false);
    expect(ed.ui.clipboard).toBeNull();
  });

  it('leaves keys typed into a field to the field, except Escape', () => {
    const ed = new TestEditor().select('conv');
    const field = { tagName: 'INPUT', isContentEditable: false };
    expect(handleKey(press('Delete', field).e, ed.ctx)).toBe(false);
    expect(ed.node('conv')).toBeDefined();
    expect(handleKey(press('Esc', field).e, ed.ctx)).toBe(true);
    expect(ed.doc.selection).toEqual([]);
  });
});

describe('a failed image export', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it("says so in the window's language, naming why", async () => {
    fake.exportFails = 'the disk is full';
    const ed = new TestEditor();
    await i18n.changeLanguage('de');
    expect(runAction(findAction('exportPng'), ed.ctx)).toBe(true);
    await vi.waitFor(() =>
      expect(ed.ui.toasts.at(-1)).toMatchObject({
        kind: 'error',
        message: 'Das Bild konnte nicht exportiert werden: the disk is full',
      }),
    );
  });
});

describe('a refused export', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it("shows the service's reason in the window's language", async () => {
    const { message, text } = runMessage('noRun', { id: 'run-7' });
    fake.invokeFails = new ApiError('failed', message, text);
    const ed = new TestEditor();
    await i18n.changeLanguage('de');
    expect(runAction(findAction('exportOnnx'), ed.ctx)).toBe(true);
    await vi.waitFor(() =>
      expect(ed.ui.toasts.at(-1)).toMatchObject({
        kind: 'error',
        message: 'ONNX-Export fehlgeschlagen: Es gibt keinen Lauf run-7.',
      }),
    );
  });
});
