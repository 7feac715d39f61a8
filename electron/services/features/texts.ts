import type { Catalogue, KeyOf } from '../../../shared/i18n/catalogue';
import { type DiagnosticText, english, said, type TextValue } from '../../../shared/i18n/diagnosticText';
import { FeatureProblem } from '../../../trainer/features/problem';

type FeatureTextKey = KeyOf<Catalogue['diagnostics']['features']>;

/** A text of the `diagnostics.features` catalogue (shared/i18n/featuresEn.ts). */
export const featureText = (key: FeatureTextKey, values: Record<string, TextValue> = {}): DiagnosticText =>
  said(`features.${key}`, values);

/**
 * A FeatureProblem (the user's to fix) saying `text` in English, carrying the text so the
 * worker can send it on and the window can show it in its language.
 */
export const featureProblem = (text: DiagnosticText): FeatureProblem =>
  Object.assign(new FeatureProblem(english(text)), { text });
