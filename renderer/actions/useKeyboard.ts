import { useEffect } from 'react';
import { getApi } from '../api/transport';
import { type ActionContext, actionForKey, findAction, isEnabled, runAction } from './actions';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Routes key presses to the registered actions, except while the user types in a field. */
export function useKeyboard(ctx: ActionContext): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) && e.key !== 'Escape') return;
      const action = actionForKey(e);
      // A disabled action leaves the key to the browser: Ctrl+C with no layer selected copies text.
      if (!action || !isEnabled(action, ctx)) return;
      e.preventDefault();
      runAction(action, ctx);
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
        runAction(findAction(action), ctx);
      }),
    [ctx],
  );
}
