import { actions } from '../actions/actions';
import { useUiStore } from '../store/uiStore';
import { useModal } from './useModal';

export function ShortcutsSheet() {
  const open = useUiStore((s) => s.shortcutsOpen);
  const set = useUiStore((s) => s.set);
  const dialog = useModal<HTMLDivElement>(open, () => set({ shortcutsOpen: false }));
  if (!open) return null;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" ref={dialog} tabIndex={-1}>
      <div className="sheet">
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {actions
              .filter((a) => a.shortcut)
              .map((a) => (
                <tr key={a.id}>
                  <td>
                    <kbd>{a.shortcut}</kbd>
                  </td>
                  <td>{a.label}</td>
                </tr>
              ))}
            <tr>
              <td>
                <kbd>Shift</kbd> + drag / click
              </td>
              <td>Box-select / add to selection</td>
            </tr>
          </tbody>
        </table>
        <button type="button" onClick={() => set({ shortcutsOpen: false })}>
          Close
        </button>
      </div>
    </div>
  );
}
