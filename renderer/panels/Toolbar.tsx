import { type ActionContext, findAction } from '../actions/actions';
import { useDocumentStore } from '../store/documentStore';

const buttons: string[][] = [
  ['new', 'open', 'save', 'saveAs', 'import'],
  ['undo', 'redo'],
  ['group', 'layout', 'layoutDirection', 'fit'],
  ['exportPng', 'exportSvg', 'exportPytorch', 'exportKeras', 'shortcuts'],
];

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
        <div className="toolbar-group" key={group[0]}>
          {group.map((id) => {
            const action = findAction(id);
            return (
              <button
                key={id}
                type="button"
                disabled={disabled[id]}
                title={action.shortcut ? `${action.label} (${action.shortcut})` : action.label}
                onClick={() => void action.perform(ctx)}
              >
                {action.label.replace('…', '')}
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
