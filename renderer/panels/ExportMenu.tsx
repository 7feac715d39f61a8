import { useEffect, useRef, useState } from 'react';
import type { ActionId } from '../../shared/actionIds';
import { type ActionContext, findAction } from '../actions/actions';
import { useText } from '../i18n/useText';

/**
 * One "Export" button that opens the formats, as desktop editors do: five format
 * buttons side by side made the toolbar wrap to a second row at 1440×900.
 */
export function ExportMenu({ ctx, ids }: { ctx: ActionContext; ids: readonly ActionId[] }) {
  const { t } = useText();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const items = [...(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step !== undefined && items.length > 0) {
      event.preventDefault();
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape') {
      // The editor's own Escape (clear selection) must not also fire.
      event.stopPropagation();
      setOpen(false);
      trigger.current?.focus();
    }
  };

  return (
    <div className="toolbar-menu" ref={root}>
      <button
        ref={trigger}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
      >
        {t('toolbar.export')} ▾
      </button>
      {open && (
        <div className="toolbar-menu-list" role="menu" aria-label={t('toolbar.export')} onKeyDown={onKeyDown}>
          {ids.map((id) => {
            const action = findAction(id);
            return (
              <button
                key={id}
                type="button"
                role="menuitem"
                title={action.shortcut ? `${action.label} (${action.shortcut})` : undefined}
                onClick={() => {
                  setOpen(false);
                  void action.perform(ctx);
                }}
              >
                {action.label.replace('…', '')}
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
