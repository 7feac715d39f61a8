import type { Catalogue, KeyOf } from '../i18n/catalogue';
import { type DiagnosticText, english, renderText, said, type TextValue } from '../i18n/diagnosticText';
import type { Language } from '../i18n/language';

export type RunTextKey = KeyOf<Catalogue['diagnostics']['training']>;

/** What a run says when it stops: its English message (kept, logged, printed by --json) and its text. */
export interface RunMessage {
  message: string;
  text: DiagnosticText;
}

/** A text of the `diagnostics.training` catalogue (shared/i18n/trainingEn.ts). */
export const runText = (key: RunTextKey, values: Record<string, TextValue> = {}, count?: number): DiagnosticText =>
  said(`training.${key}`, values, count);

/** A run's message and text from one catalogue key. */
export function runMessage(key: RunTextKey, values: Record<string, TextValue> = {}, count?: number): RunMessage {
  const text = runText(key, values, count);
  return { message: english(text), text };
}

/**
 * A further sentence after what a run already said (its message may be null, or English
 * only when it came from elsewhere): the English reads exactly as the two joined by a space.
 */
export function followedBy(
  before: { message: string | null; text?: DiagnosticText | undefined },
  after: DiagnosticText,
): RunMessage {
  if (!before.message) return { message: english(after), text: after };
  const text = runText('andThen', { first: before.text ?? before.message, second: after });
  return { message: english(text), text };
}

/** The settings a generated run name shows. */
interface NamedSettings {
  labelSmoothing: number;
  optimizer: string;
  learningRate: number;
  epochs: number;
}

/** The name a run gets when none is given: "ε 0.1 · adam 0.001 · 2 epochs". */
export const defaultRunName = (o: NamedSettings): DiagnosticText =>
  runText(
    'runName',
    { smoothing: o.labelSmoothing, optimizer: o.optimizer, rate: o.learningRate, count: o.epochs },
    o.epochs,
  );

/**
 * A run's name in `language`: a name the service generated (the English default for the run's
 * own settings, as run.json keeps it) reads in the language; a name the user gave stays as it is.
 */
export function runNameText(run: { name: string; settings: NamedSettings }, language: Language): string {
  const name = runNameValue(run);
  return typeof name === 'string' ? name : renderText(name, language);
}

/** A run's name as a value of another text (a refusal naming the run): generated names as texts. */
export function runNameValue(run: { name: string; settings: NamedSettings }): DiagnosticText | string {
  const generated = defaultRunName(run.settings);
  return english(generated) === run.name ? generated : run.name;
}

type StatusWord = keyof Catalogue['diagnostics']['training']['status'];
const statusWords: readonly string[] = [
  'preparing',
  'running',
  'paused',
  'completed',
  'cancelled',
  'diverged',
  'failed',
  'queued',
  'training',
] satisfies StatusWord[];

/** A run's or experiment row's status in `language` ("cancelled" / "abgebrochen"); one unknown here as it is. */
export function statusText(status: string, language: Language): string {
  return statusWords.includes(status) ? renderText(runText(`status.${status as StatusWord}`), language) : status;
}
