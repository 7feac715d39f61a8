import { visibleText } from './visible';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text for XML (SVG, and the XML inside Office files): element content or an attribute
 * value in either quotes. Characters XML forbids (NUL, most controls, unpaired
 * surrogates) and line breaks that an attribute would fold are shown as escapes.
 */
export function xmlText(text: string): string {
  return visibleText(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}
