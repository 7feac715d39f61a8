import { diagnosticText, type Language } from '../../shared/i18n';
import { validateParams } from '../../shared/layers';

/**
 * The first problem per setting, keyed by the form's field; '' holds those of no one setting
 * (an unknown setting, an unknown kind). Read from the issues' fields, never from the messages;
 * each says its problem in `language`.
 */
export function errorsByField(
  kind: string,
  params: Record<string, unknown>,
  language: Language = 'en',
): Map<string, string> {
  const result = validateParams(kind, params);
  const map = new Map<string, string>();
  if (result.ok) return map;
  for (const issue of result.issues) {
    // A nested path ("padding.0") belongs to its top-level setting, which is the form's field.
    const key = issue.field.split('.')[0] ?? '';
    if (!map.has(key)) map.set(key, diagnosticText(issue, language));
  }
  return map;
}
