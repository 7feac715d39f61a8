import { diagnosticText } from '../../shared/i18n';
import type { Language } from '../../shared/i18n/language';
import { issuesOf } from '../../shared/issues';
import { TrainingOptions } from '../../shared/training/options';

/** What is wrong with each setting of the Train form ("epochs", "dataset.path"), in the language. */
export function optionErrors(options: unknown, language: Language): Map<string, string> {
  const map = new Map<string, string>();
  const parsed = TrainingOptions.safeParse(options);
  if (!parsed.success) for (const i of issuesOf(parsed.error)) map.set(i.field, diagnosticText(i, language));
  return map;
}
