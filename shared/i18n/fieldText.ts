import type { ReceptiveField } from '../analysis/types';
import type { Language } from './language';
import { translator } from './translator';

/** Texts already made: a network's layers share a handful of fields, and a table asks per row. */
const made = new Map<string, string>();

/** "5×5", "5×5, jump 2" or "global" in `language` (the CLI, the inspector and lesson captions). */
export function receptiveFieldText(rf: ReceptiveField | null | undefined, language: Language): string {
  if (!rf) return '?';
  const size = `${rf.size[0]}×${rf.size[1]}`;
  const [jh, jw] = rf.jump;
  if (!rf.global && jh === 1 && jw === 1) return size;
  const key = `${language} ${rf.global} ${size} ${jh}×${jw}`;
  let text = made.get(key);
  if (text === undefined) {
    const { t, decimal } = translator('common', language);
    text = rf.global
      ? t('receptiveField.global')
      : t('receptiveField.jump', { size, jump: decimal(jh === jw ? String(jh) : `${jh}×${jw}`) });
    if (made.size >= 4096) made.clear();
    made.set(key, text);
  }
  return text;
}
