import { useEffect } from 'react';
import { getApi } from '../api/transport';
import { type ActionContext, actionForKey, findAction, isEnabled, runAction } from './actions';

/** Inputs that take no typing: Ctrl+Z after ticking one undoes the tick, as elsewhere. */
const untypedInputs = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color']);

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  if (el.tagName === 'INPUT') return !untypedInputs.has((el as HTMLInputElement).type);
  return el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}

/**
 * Runs the action a key press names and says whether it did. Keys typed into a field stay
 * the field's (Escape excepted), and a disabled action leaves the key to the browser:
 * Ctrl+C with no layer selected copies a panel's text.
 */
export function handleKey(e: KeyboardEvent, ctx: ActionContext): boolean {
  if (isTyping(e.target) && e.key !== 'Escape') return false;
  const action = actionForKey(e);
  if (!action || !isEnabled(action, ctx)) return false;
  e.preventDefault();
  return runAction(action, ctx);
}

/** Routes key presses to the registered actions. */
export function useKeyboard(ctx: ActionContext): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => void handleKey(e, ctx);
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
