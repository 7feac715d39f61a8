import { type DiagnosticText, said, type TextValue } from './i18n/diagnosticText';

/**
 * One way to report a validation problem: the field it concerns and what is wrong. The
 * CLI, the API and the inspector all format issues with `formatIssues`, and the inspector
 * reads `field` directly instead of parsing it back out of a message.
 */
export interface Issue {
  /** Dotted path of the offending setting ("kernelSize", "layers.0.name"); '' for the whole value. */
  field: string;
  message: string;
  /** The message without its language, where its source gave one (else `message` is shown as is). */
  text?: DiagnosticText;
}

/** The part of a ZodError read here; structural so this file needs no zod import. */
interface IssueSource {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

export function issuesOf(error: IssueSource): Issue[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
}

/** "kernelSize: expected …", or the bare message when no field is named (`whole` names it instead). */
export function formatIssue(issue: Issue, whole?: string): string {
  const field = issue.field || whole;
  return field ? `${field}: ${issue.message}` : issue.message;
}

/** Issues as one line, "key: message; key: message", the first `max` of them. */
export function formatIssues(issues: readonly Issue[], max = Number.POSITIVE_INFINITY): string {
  return issues
    .slice(0, max)
    .map((issue) => formatIssue(issue))
    .join('; ');
}

/** A zod error as one line, every issue naming its field. */
export const describeZodError = (error: IssueSource, max?: number): string => formatIssues(issuesOf(error), max);

/** The message of anything thrown: an Error's own message, else the value as text. */
export const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** An issue as a text without its language: "field: message" like formatIssue. */
export function issueText(issue: Issue): TextValue {
  const message = issue.text ?? issue.message;
  return issue.field ? said('issue.field', { field: issue.field, message }) : message;
}
