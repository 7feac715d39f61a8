import type { ActionId } from '../../shared/actionIds';
import { type ActionContext, findAction } from '../actions/actions';
import { type Text, type UiKey, useText } from '../i18n/useText';
import { useDocumentStore } from '../store/documentStore';

/** Toolbar groups; a group's caption prefixes its buttons (Export: PNG, SVG, ...). */
const buttons: { caption?: UiKey; ids: ActionId[] }[] = [
  { ids: ['new', 'open', 'save', 'saveAs', 'import'] },
  { ids: ['undo', 'redo'] },
  { ids: ['group', 'layout', 'layoutDirection', 'fit'] },
  { caption: 'toolbar.export', ids: ['exportPng', 'exportSvg', 'exportPytorch', 'exportKeras', 'exportOnnx'] },
  { ids: ['presentLesson', 'timeline', 'shortcuts'] },
];

/** Buttons shown by a short name, their full label as the tooltip: a format's name, or a word. */
const short: Partial<Record<ActionId, (t: Text['t']) => string>> = {
  exportPng: () => 'PNG',
  exportSvg: () => 'SVG',
  exportPytorch: () => 'PyTorch',
  exportKeras: () => 'Keras',
  exportOnnx: () => 'ONNX',
  presentLesson: (t) => t('toolbar.present'),
  timeline: (t) => t('toolbar.timeline'),
};

export function Toolbar({ ctx }: { ctx: ActionContext }) {
  const { t } = useText();
  const name = useDocumentStore((s) => s.name);
  const dirty = useDocumentStore((s) => s.dirty);
  const canUndo = useDocumentStore((s) => s.past.length > 0);
  const canRedo = useDocumentStore((s) => s.future.length > 0);
  const disabled: Record<string, boolean> = { undo: !canUndo, redo: !canRedo };
  return (
    <header className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <span className="app-title">Netwright</span>
      {buttons.map((group) => (
        <div className="toolbar-group" key={group.ids[0]}>
          {group.caption && <span className="toolbar-caption">{t(group.caption)}</span>}
          {group.ids.map((id) => {
            const action = findAction(id);
            const shortText = short[id]?.(t);
            return (
              <button
                key={id}
                type="button"
                disabled={disabled[id]}
                title={action.shortcut ? `${action.label} (${action.shortcut})` : action.label}
                aria-label={shortText ? action.label : undefined}
                onClick={() => void action.perform(ctx)}
              >
                {shortText ?? action.label.replace('…', '')}
              </button>
            );
          })}
        </div>
      ))}
      <span className="doc-name" data-testid="doc-name">
        {name}
        {dirty && <span title={t('toolbar.unsaved')}> •</span>}
      </span>
    </header>
  );
}
