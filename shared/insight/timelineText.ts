import type { Language } from '../i18n';
import { timelineNotesDe } from '../i18n/insightDe';

type NoteField = 'top5' | 'singleModel' | 'templateNote' | 'note';

/** A timeline note in a language: English is the data's own text (what `--json` prints). */
export function timelineNote(language: Language, id: string, field: NoteField, english: string): string;
export function timelineNote(
  language: Language,
  id: string,
  field: NoteField,
  english: string | undefined,
): string | undefined;
export function timelineNote(
  language: Language,
  id: string,
  field: NoteField,
  english: string | undefined,
): string | undefined {
  if (english === undefined || language === 'en') return english;
  return timelineNotesDe[id]?.[field] ?? english;
}

/** The `ui` catalogue key that names how an entry's headline figure was evaluated. */
export const evaluationKey = {
  ensemble: 'panels.timeline.evaluation.ensemble',
  'single-model': 'panels.timeline.evaluation.singleModel',
  'challenge-entry': 'panels.timeline.evaluation.challengeEntry',
} as const;
