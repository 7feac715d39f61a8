import { useState } from 'react';

/**
 * The text of a field that the person is typing: it follows the stored value when that changes
 * (undo, another edit) but is not rewritten while it already stands for that value ("0." is 0,
 * "-" is nothing yet), so half-typed numbers keep their characters.
 */
export function useHeldText(shown: string, standsFor: (text: string) => boolean) {
  const [text, setText] = useState(shown);
  const [lastShown, setLastShown] = useState(shown);
  if (lastShown !== shown) {
    setLastShown(shown);
    if (!standsFor(text)) setText(shown);
  }
  return [text, setText] as const;
}
