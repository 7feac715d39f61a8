import { useEffect } from 'react';
import { getApi } from '../api/transport';
import { type ActionContext, actions } from './actions';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Routes key presses to the registered actions, except while the user types in a field. */
export function useKeyboard(ctx: ActionContext): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) && e.key !== 'Escape') return;
      const action = actions.find((a) => a.keyTest?.(e));
      if (!action) return;
      e.preventDefault();
      void action.perform(ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctx]);
}

/** Native menu items (desktop) run the same registered actions. */
export function useMenuActions(ctx: ActionContext): void {
  useEffect(
    () =>
      getApi().on('menuAction', ({ action }) => {
        void actions.find((a) => a.id === action)?.perform(ctx);
      }),
    [ctx],
  );
}
