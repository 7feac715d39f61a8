import { type DiagnosticKey, type DiagnosticText, english, said, type TextValue } from './i18n/diagnosticText';
import { catalogues } from './i18n/translator';

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
  issues: readonly SourceIssue[];
}

interface SourceIssue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  /** A custom issue's text without its language, as `{ text }` (see checkStridesOrDilation). */
  params?: Record<string, unknown>;
  keys?: readonly string[];
}

export function issuesOf(error: IssueSource): Issue[] {
  return error.issues.map((i) => {
    const field = i.path.map(String).join('.');
    const text = textOf(i);
    return text ? { field, message: i.message, text } : { field, message: i.message };
  });
}

/**
 * What an issue says without its language: a custom issue's own text, zod's unknown keys, or
 * a schema's "expected <what>, got <value>" whose <what> the catalogue knows. Only a text that
 * renders to the very message in English is used, so a wording changed in one place only
 * shows in English rather than wrongly.
 */
function textOf(issue: SourceIssue): DiagnosticText | undefined {
  const own = issue.params?.text as DiagnosticText | undefined;
  const text =
    own?.key !== undefined
      ? own
      : issue.code === 'unrecognized_keys' && issue.keys
        ? said('issue.unknownKeys', { keys: issue.keys.map((k) => `"${k}"`).join(', ') }, issue.keys.length)
        : expectedText(issue.message);
  return text && english(text) === issue.message ? text : undefined;
}

const EXPECTED = 'expected ';
const GOT = ', got ';

function expectedText(message: string): DiagnosticText | undefined {
  if (!message.startsWith(EXPECTED)) return undefined;
  const rest = message.slice(EXPECTED.length);
  for (const [phrase, key] of phrases()) {
    if (rest.startsWith(`${phrase}${GOT}`)) return expectation(said(key), rest.slice(phrase.length + GOT.length));
  }
  // Enums list their quoted values: "one of 'same', 'valid'", "'nearest' or 'bilinear'".
  const listed = /^(?:one of ((?:'[^']*', )*'[^']*')|('[^']*') or ('[^']*')), got /.exec(rest);
  if (!listed) return undefined;
  const [head, values, first, second] = listed;
  const what = values
    ? said('issue.what.oneOf', { values })
    : said('issue.what.either', { first: first!, second: second! });
  return expectation(what, rest.slice(head.length));
}

const expectation = (what: DiagnosticText, got: string): DiagnosticText =>
  said('issue.expected', { what, got: got === 'nothing' ? said('issue.nothing') : got });

let known: [string, DiagnosticKey][] | undefined;

/** The catalogue's fixed <what> phrases in English, longest first, with their keys. */
function phrases(): [string, DiagnosticKey][] {
  known ??= Object.entries(catalogues.en.diagnostics.issue.what)
    .filter(([, phrase]) => !phrase.includes('{{'))
    .map(([name, phrase]): [string, DiagnosticKey] => [phrase, `issue.what.${name}` as DiagnosticKey])
    .sort((a, b) => b[0].length - a[0].length);
  return known;
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
