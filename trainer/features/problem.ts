import type { Catalogue, KeyOf } from '../../shared/i18n/catalogue';
import { type DiagnosticText, english, said, type TextValue } from '../../shared/i18n/diagnosticText';

type FeatureTextKey = KeyOf<Catalogue['diagnostics']['features']>;

/** A text of the `diagnostics.features` catalogue (shared/i18n/featuresEn.ts). */
export const featureText = (key: FeatureTextKey, values: Record<string, TextValue> = {}): DiagnosticText =>
  said(`features.${key}`, values);

/**
 * A feature view cannot be computed for what the user chose; the message says what is wrong and
 * what to pick instead, and `text` says it in any language (the worker sends it on).
 */
export class FeatureProblem extends Error {
  override name = 'FeatureProblem';
  constructor(
    message: string,
    readonly text?: DiagnosticText,
  ) {
    super(message);
  }
}

/** A FeatureProblem saying `text`, its message the English rendering. */
export const featureProblem = (text: DiagnosticText): FeatureProblem => new FeatureProblem(english(text), text);

/** A FeatureProblem saying a text of the `diagnostics.features` catalogue. */
export const featureCheck = (key: FeatureTextKey, values: Record<string, TextValue> = {}): FeatureProblem =>
  featureProblem(featureText(key, values));
