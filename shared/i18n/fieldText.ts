import type { ReceptiveField } from '../analysis/types';
import type { Language } from './language';
import { translator } from './translator';

/** "5×5", "5×5, jump 2" or "global" in `language` (the CLI, the inspector and lesson captions). */
export function receptiveFieldText(rf: ReceptiveField | null | undefined, language: Language): string {
  if (!rf) return '?';
  const { t, decimal } = translator('common', language);
  if (rf.global) return t('receptiveField.global');
  const size = `${rf.size[0]}×${rf.size[1]}`;
  const [jh, jw] = rf.jump;
  if (jh === 1 && jw === 1) return size;
  return t('receptiveField.jump', { size, jump: decimal(jh === jw ? String(jh) : `${jh}×${jw}`) });
}
