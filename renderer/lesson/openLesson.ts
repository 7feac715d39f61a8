import { translator } from '../../shared/i18n';
import { parseLessonText } from '../../shared/lessons';
import { uiLanguage } from '../i18n/i18n';
import { useUiStore } from '../store/uiStore';
import { useLessonStore } from './lessonStore';

/** A lesson file's mark, read without parsing the whole text twice over. */
export function looksLikeLesson(text: string): boolean {
  return /^\s*\{[\s\S]{0,200}"format"\s*:\s*"netwright-lesson"/.test(text);
}

/** Presents the lesson in `text`; a damaged file says what is wrong and changes nothing. */
export function openLesson(text: string, name: string): boolean {
  const read = parseLessonText(text);
  if (!read.ok) {
    const { t } = translator('ui', uiLanguage());
    useUiStore.getState().notify(t('panels.lesson.cannotOpen', { name, reason: read.error }), 'error');
    return false;
  }
  useUiStore.getState().set({ startOpen: false });
  useLessonStore.getState().present(read.lesson);
  return true;
}
