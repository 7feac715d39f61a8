import type { Catalogue } from './catalogue';

/** What is wrong with a variant list, in German: the same keys and placeholders as experimentEn.ts. */
export const experimentDe: Catalogue['diagnostics']['experiment'] = {
  usage: 'Verwenden Sie original, factorized, smoothing=EPS oder eine Verbindung mit + (factorized+smoothing=0.1)',
  noVariants: 'Keine Varianten angegeben: {{usage}}.',
  tooMany: '{{given}} Varianten: Ein Experiment trainiert höchstens 12.',
  badSmoothing: 'Variante „{{name}}“: Label Smoothing muss in [0, 1) liegen, angegeben ist {{value}}.',
  unknown: 'Unbekannte Variante „{{name}}“: {{usage}}.',
  twice: 'Variante „{{name}}“ steht zweimal in der Liste.',
  notFactorized: 'Variante „{{name}}“: {{reason}}.',
  nothingToFactorize: 'Variante „{{name}}“: In diesem Netz lässt sich nichts faktorisieren.',
};
