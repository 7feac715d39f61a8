import { useReactFlow } from '@xyflow/react';
import { type DragEvent, useMemo, useState } from 'react';
import type { Catalogue } from '../../shared/i18n';
import type { FlowNode } from '../canvas/flowModel';
import { paletteMime } from '../canvas/NetworkCanvas';
import { insertPaletteItem } from '../editor/insert';
import { useText } from '../i18n/useText';
import { useDocumentStore } from '../store/documentStore';
import { type PaletteGroup, type PaletteItem, paletteGroups, searchPalette } from './paletteItems';

/** Each group's heading in the catalogue (ui.palette.groups). */
const groupKeys: Record<PaletteGroup, keyof Catalogue['ui']['palette']['groups']> = {
  Input: 'input',
  Convolution: 'convolution',
  'Compression & reduction': 'compression',
  Pooling: 'pooling',
  Merge: 'merge',
  'Normalization & activation': 'normalization',
  Head: 'head',
  Modules: 'modules',
};

/** Layers grouped by purpose: click to add at the view's centre (after the selected layer), or drag onto the canvas. */
export function Palette() {
  const { t, language } = useText();
  const [query, setQuery] = useState('');
  const flow = useReactFlow<FlowNode>();
  const visible = useMemo(() => searchPalette(query, language), [query, language]);

  const addAtCentre = (item: PaletteItem) => {
    const canvas = document.querySelector('.react-flow')?.getBoundingClientRect();
    const centre = canvas
      ? flow.screenToFlowPosition({ x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 })
      : { x: 0, y: 0 };
    const state = useDocumentStore.getState();
    const feed =
      state.selection.length === 1 && !state.selection[0]!.startsWith('group:') ? state.selection[0] : undefined;
    // After the selected layer, beside it rather than on top of whatever sits at the centre.
    const after = feed ? state.graph.nodes.find((n) => n.id === feed)?.position : undefined;
    const at = after ? { x: after.x + 240, y: after.y } : { x: centre.x - 88, y: centre.y - 48 };
    const insertion = insertPaletteItem(state.graph, item, at, feed);
    state.apply(insertion.changes);
    state.select(insertion.ids);
  };

  const onDragStart = (event: DragEvent, item: PaletteItem) => {
    event.dataTransfer.setData(paletteMime, item.id);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <nav className="palette" aria-label={t('palette.label')}>
      <input
        className="palette-search"
        type="search"
        placeholder={t('palette.search')}
        aria-label={t('palette.searchLabel')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p className="palette-hint muted small">{t('palette.hint')}</p>
      {paletteGroups.map((group) => {
        const items = visible.filter((i) => i.group === group);
        if (items.length === 0) return null;
        return (
          <section key={group} aria-label={t(`palette.groups.${groupKeys[group]}`)}>
            <h3>{t(`palette.groups.${groupKeys[group]}`)}</h3>
            {items.map((item) => (
              <button
                key={item.id}
                type="button"
                className="palette-item"
                draggable
                title={`${item.description}\n${t('palette.itemHint')}`}
                onDragStart={(e) => onDragStart(e, item)}
                onClick={() => addAtCentre(item)}
              >
                {item.label}
              </button>
            ))}
          </section>
        );
      })}
      {visible.length === 0 && <p className="muted small">{t('palette.noMatch', { query })}</p>}
    </nav>
  );
}
