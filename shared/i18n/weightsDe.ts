import type { weightsEn } from './weightsEn';

/** Gemeinsame Gewichte im Fenster: dieselben Schlüssel und {{Platzhalter}} wie weightsEn.ts. */
export const weightsDe: typeof weightsEn = {
  badge: 'teilt Gewichte mit {{owner}}',
  badgeTitle:
    'Verwendet die Gewichte von {{owner}} (dieselbe Keras-Schicht, erneut angewandt): Sie werden einmal gezählt, bei {{owner}}, und gemeinsam trainiert.',
  label: 'Teilt Gewichte mit:',
  unlink: 'Trennen',
  unlinkTitle: 'Dieser Schicht eigene Gewichte geben: Die Parameterzahl wächst um ihre Gewichte.',
  usedBy_one: 'Ihre Gewichte verwendet auch {{names}}.',
  usedBy_other: 'Ihre Gewichte verwenden auch {{count}} weitere Schichten: {{names}}.',
};
