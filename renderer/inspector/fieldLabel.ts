import { type Catalogue, catalogues } from '../../shared/i18n';
import type { Text } from '../i18n/useText';

type FieldKey = keyof Catalogue['ui']['fields'];

const isFieldKey = (key: string): key is FieldKey => Object.hasOwn(catalogues.en.ui.fields, key);

/** A setting not in the catalogue yet (test/unit/i18n/fieldLabels.test.ts fails on one): its key, spaced. */
const spaced = (key: string) => key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());

/** A layer setting's label in the current language ("Kernel (h×w)", "Kern (h×b)"). */
export function fieldLabel(key: string, t: Text['t']): string {
  return isFieldKey(key) ? t(`fields.${key}`) : spaced(key);
}
