import type { ActionId } from '../../shared/actionIds';
import { type ActionContext, findAction } from '../actions/actions';
import { useDocumentStore } from '../store/documentStore';

/** Toolbar groups; a group's caption prefixes its buttons (Export: PNG, SVG, ...). */
const buttons: { caption?: string; ids: ActionId[] }[] = [
  { ids: ['new', 'open', 'save', 'saveAs', 'import'] },
  { ids: ['undo', 'redo'] },
  { ids: ['group', 'layout', 'layoutDirection', 'fit'] },
  { caption: 'Export', ids: ['exportPng', 'exportSvg', 'exportPytorch', 'exportKeras', 'exportOnnx'] },
  { ids: ['presentLesson', 'shortcuts'] },
];

const short: Record<string, string> = {
  exportPng: 'PNG',
  exportSvg: 'SVG',
  exportPytorch: 'PyTorch',
  exportKeras: 'Keras',
  exportOnnx: 'ONNX',
  presentLesson: 'Present',
};

export function Toolbar({ ctx }: { ctx: ActionContext }) {
  const name = useDocumentStore((s) => s.name);
  const dirty = useDocumentStore((s) => s.dirty);
  const canUndo = useDocumentStore((s) => s.past.length > 0);
  const canRedo = useDocumentStore((s) => s.future.length > 0);
  const disabled: Record<string, boolean> = { undo: !canUndo, redo: !canRedo };
  return (
    <header className="toolbar" role="toolbar" aria-label="Main toolbar">
      <span className="app-title">Netwright</span>
      {buttons.map((group) => (
        <div className="toolbar-group" key={group.ids[0]}>
          {group.caption && <span className="toolbar-caption">{group.caption}</span>}
          {group.ids.map((id) => {
            const action = findAction(id);
            return (
              <button
                key={id}
                type="button"
                disabled={disabled[id]}
                title={action.shortcut ? `${action.label} (${action.shortcut})` : action.label}
                aria-label={short[id] ? action.label : undefined}
                onClick={() => void action.perform(ctx)}
              >
                {short[id] ?? action.label.replace('…', '')}
              </button>
            );
          })}
        </div>
      ))}
      <span className="doc-name" data-testid="doc-name">
        {name}
        {dirty && <span title="Unsaved changes"> •</span>}
      </span>
    </header>
  );
}
