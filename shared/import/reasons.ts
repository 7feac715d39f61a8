import { type DiagnosticText, english, type ImportReasonKey, said, type TextValue } from '../i18n/diagnosticText';
import { type Issue, issuesOf, issueText } from '../issues';

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

/**
 * Validation issues as one value of a reason, reading as formatIssues writes them in English
 * ("filters: expected …; units: expected …"), the first `max`, each in any language where it has a text.
 */
export function issuesValue(issues: readonly Issue[], max = Number.POSITIVE_INFINITY, withField = true): TextValue {
  const texts = issues.slice(0, max).map((issue) => (withField ? issueText(issue) : (issue.text ?? issue.message)));
  return texts.slice(1).reduce<TextValue>((first, second) => said('issue.list', { first, second }), texts[0] ?? '');
}

/** A zod error as a reason's value: describeZodError(error, max) in any language. */
export const zodErrorValue = (error: Parameters<typeof issuesOf>[0], max?: number): TextValue =>
  issuesValue(issuesOf(error), max);

export function because(key: ReasonKey, values: Record<string, TextValue> = {}): Reason {
  const text = reasonText(key, values);
  return { reason: english(text), reasonText: text };
}
