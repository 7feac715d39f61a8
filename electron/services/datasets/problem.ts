import type { Catalogue, KeyOf } from '../../../shared/i18n/catalogue';
import { english, type TextValue } from '../../../shared/i18n/diagnosticText';
import { runText } from '../../../shared/training/runText';
import { DatasetProblem } from '../../../trainer/dataset';

export { DatasetProblem };

export const fmt = (n: number) => n.toLocaleString('en-US');

export type DatasetTextKey = KeyOf<Catalogue['diagnostics']['training']['dataset']>;

/** A text of shared/i18n/datasetEn.ts, e.g. one phrase put into another. */
export const datasetText = (key: DatasetTextKey, values: Record<string, TextValue> = {}) =>
  runText(`dataset.${key}`, values);

/** A dataset problem whose message is the catalogue's English text, carrying that text for other languages. */
export function datasetProblem(key: DatasetTextKey, values: Record<string, TextValue> = {}): DatasetProblem {
  const text = datasetText(key, values);
  return new DatasetProblem(english(text), text);
}

/** A count as `fmt` writes it in English ("60,000"), grouped for each language. */
export const grouped = (n: number): TextValue => ({ int: n });

/** Why the system refused to read a path: "permission denied", or its error code. */
export const refusedBecause = (code: string | undefined): TextValue =>
  code === 'EACCES' || code === 'EPERM' ? datasetText('permissionDenied') : (code ?? 'unreadable');
