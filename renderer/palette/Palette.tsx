import { useReactFlow } from '@xyflow/react';
import { type DragEvent, useMemo, useState } from 'react';
import type { FlowNode } from '../canvas/flowModel';
import { paletteMime } from '../canvas/NetworkCanvas';
import { insertPaletteItem } from '../editor/insert';
import { useDocumentStore } from '../store/documentStore';
import { type PaletteItem, paletteGroups, paletteItems } from './paletteItems';

/** Layers grouped by purpose: drag onto the canvas, or double-click to add at the view's centre. */
export function Palette() {
  const [query, setQuery] = useState('');
  const flow = useReactFlow<FlowNode>();
  const visible = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q
      ? paletteItems.filter((i) => `${i.label} ${i.description} ${'kind' in i ? i.kind : ''}`.toLowerCase().includes(q))
      : paletteItems;
  }, [query]);

  const addAtCentre = (item: PaletteItem) => {
    const canvas = document.querySelector('.react-flow')?.getBoundingClientRect();
    const centre = canvas
      ? flow.screenToFlowPosition({ x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 })
      : { x: 0, y: 0 };
    const state = useDocumentStore.getState();
    const feed =
      state.selection.length === 1 && !state.selection[0]!.startsWith('group:') ? state.selection[0] : undefined;
    const insertion = insertPaletteItem(state.graph, item, { x: centre.x - 88, y: centre.y - 48 }, feed);
    state.apply(insertion.changes);
    state.select(insertion.ids);
  };

  const onDragStart = (event: DragEvent, item: PaletteItem) => {
    event.dataTransfer.setData(paletteMime, item.id);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <nav className="palette" aria-label="Layer palette">
      <input
        className="palette-search"
        type="search"
        placeholder="Search layers…"
        aria-label="Search layers"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {paletteGroups.map((group) => {
        const items = visible.filter((i) => i.group === group);
        if (items.length === 0) return null;
        return (
          <section key={group} aria-label={group}>
            <h3>{group}</h3>
            {items.map((item) => (
              <button
                key={item.id}
                type="button"
                className="palette-item"
                draggable
                title={item.description}
                onDragStart={(e) => onDragStart(e, item)}
                onDoubleClick={() => addAtCentre(item)}
                onKeyDown={(e) => e.key === 'Enter' && addAtCentre(item)}
              >
                {item.label}
              </button>
            ))}
          </section>
        );
      })}
      {visible.length === 0 && <p className="muted small">No layer matches “{query}”.</p>}
    </nav>
  );
}
