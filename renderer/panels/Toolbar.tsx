import type { ActionId } from '../../shared/actionIds';
import { type ActionContext, findAction } from '../actions/actions';
import { type UiKey, useText } from '../i18n/useText';
import { useDocumentStore } from '../store/documentStore';
import { ExportMenu } from './ExportMenu';

/** Toolbar groups, in order; a group with `menu` is one button that opens its actions. */
const groups: { ids: ActionId[]; menu?: true }[] = [
  { ids: ['new', 'open', 'save', 'saveAs', 'import'] },
  { ids: ['undo', 'redo'] },
  { ids: ['group', 'layout', 'layoutDirection', 'fit'] },
  { ids: ['exportPng', 'exportSvg', 'exportPytorch', 'exportKeras', 'exportOnnx'], menu: true },
  { ids: ['presentLesson', 'timeline', 'shortcuts'] },
];

/** Buttons shown by a short word, their full label as the tooltip. */
const short: Partial<Record<ActionId, UiKey>> = {
  presentLesson: 'toolbar.present',
  timeline: 'toolbar.timeline',
};

/**
 * Buttons every editor shows as a sign (their label is the tooltip and what a screen reader
 * says): with German's longer words the toolbar otherwise wraps to two rows at 1440×900.
 */
const signs: Partial<Record<ActionId, string>> = { undo: '↶', redo: '↷', shortcuts: '?' };

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
      {groups.map((group) => (
        <div className="toolbar-group" key={group.ids[0]}>
          {group.menu && <ExportMenu ctx={ctx} ids={group.ids} />}
          {!group.menu &&
            group.ids.map((id) => {
              const action = findAction(id);
              const shortKey = short[id];
              const shortText = signs[id] ?? (shortKey && t(shortKey));
              return (
                <button
                  key={id}
                  type="button"
                  className={signs[id] ? 'sign' : undefined}
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
      <span className="doc-name" data-testid="doc-name" title={name}>
        {name}
        {dirty && <span title={t('toolbar.unsaved')}> •</span>}
      </span>
    </header>
  );
}
