import { actions } from '../actions/actions';
import { useText } from '../i18n/useText';
import { useUiStore } from '../store/uiStore';
import { useModal } from './useModal';

export function ShortcutsSheet() {
  const { t } = useText();
  const open = useUiStore((s) => s.shortcutsOpen);
  const set = useUiStore((s) => s.set);
  const dialog = useModal<HTMLDivElement>(open, () => set({ shortcutsOpen: false }));
  if (!open) return null;
  return (
    <div
      className="overlay"
      role="dialog"
      aria-modal="true"
      aria-label={t('shortcuts.heading')}
      ref={dialog}
      tabIndex={-1}
    >
      <div className="sheet">
        <h2>{t('shortcuts.heading')}</h2>
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
                <kbd>Shift</kbd> {t('shortcuts.boxSelectKeys')}
              </td>
              <td>{t('shortcuts.boxSelect')}</td>
            </tr>
          </tbody>
        </table>
        <button type="button" onClick={() => set({ shortcutsOpen: false })}>
          {t('shortcuts.close')}
        </button>
      </div>
    </div>
  );
}
