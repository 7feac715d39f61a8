import { type DiagnosticText, english, type ImportReasonKey, said, type TextValue } from '../i18n/diagnosticText';

/** A key of the importReasons namespace without it: "keras.renorm", "onnx.notData". */
export type ReasonKey = ImportReasonKey extends `importReasons:${infer K}` ? K : never;

/**
 * Why a layer was kept as a placeholder: the English words (what `params.reason` and --json
 * have always held) and the text they are rendered from, which any language can render.
 */
export interface Reason {
  reason: string;
  reasonText: DiagnosticText;
}

export const reasonText = (key: ReasonKey, values: Record<string, TextValue> = {}): DiagnosticText =>
  said(`importReasons:${key}`, values);

export function because(key: ReasonKey, values: Record<string, TextValue> = {}): Reason {
  const text = reasonText(key, values);
  return { reason: english(text), reasonText: text };
}
