import { isLayerKind } from '../layers';
import type { Language } from './language';
import { catalogues } from './translator';

/** What people read about a layer kind: its name and one sentence. */
export interface LayerText {
  label: string;
  description: string;
}

/** A kind's name and description in a language; a kind Netwright lacks reads as unsupported. */
export function layerText(kind: string, language: Language): LayerText {
  const texts = catalogues[language].layers;
  if (!isLayerKind(kind)) return texts.unsupported;
  return { label: texts.label[kind], description: texts.description[kind] };
}
