import { type Language, translator } from '../../shared/i18n';
import { sniffImage } from '../../shared/insight';

/** Pictures past this size are refused before decoding: the view needs a thumbnail, not a poster. */
const MAX_BYTES = 20 * 1024 * 1024;

export type DroppedImage = { ok: true; href: string } | { ok: false; message: string };

function base64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/**
 * A dropped or chosen file as a data URL the view can lay under the field, or one line saying
 * why not: told by its first bytes, then decoded once, so a damaged picture is caught here too.
 */
export async function readDroppedImage(file: File, language: Language = 'en'): Promise<DroppedImage> {
  const { t } = translator('ui', language);
  if (file.size > MAX_BYTES) {
    return { ok: false, message: t('panels.field.tooLarge', { name: file.name }) };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sniff = sniffImage(file.name, bytes);
  if (!sniff.ok) return sniff;
  const href = `data:${sniff.type};base64,${base64(bytes)}`;
  try {
    const img = new Image();
    img.src = href;
    await img.decode();
  } catch {
    return { ok: false, message: t('panels.field.undecodable', { name: file.name }) };
  }
  return { ok: true, href };
}
