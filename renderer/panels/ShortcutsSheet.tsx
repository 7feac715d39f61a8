import { actions } from '../actions/actions';
import { useText } from '../i18n/useText';
import { useUiStore } from '../store/uiStore';
import { ModalDialog } from './ModalDialog';

export function ShortcutsSheet() {
  const { t } = useText();
  const open = useUiStore((s) => s.shortcutsOpen);
  const set = useUiStore((s) => s.set);
  if (!open) return null;
  return (
    <ModalDialog label={t('shortcuts.heading')} onClose={() => set({ shortcutsOpen: false })}>
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
    </ModalDialog>
  );
}
