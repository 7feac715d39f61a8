import { type Language, languageFromEnvironment } from '../../shared/i18n/language';
import { type CliText, cliText } from './text';

/** Exit codes promised in docs/conventions.md. */
export const ExitCode = { ok: 0, networkErrors: 1, badInput: 2 } as const;

/** A message in the language it is printed in. */
export type LocalText = (text: CliText) => string;

/**
 * A failure the user caused or can fix: printed as one line on stderr, never a stack trace.
 * Made from a catalogue text it is printed in the output's language; `message` is English.
 */
export class CliError extends Error {
  override name = 'CliError';
  readonly #local: LocalText | undefined;
  constructor(
    message: string | LocalText,
    readonly exitCode: number = ExitCode.badInput,
  ) {
    super(typeof message === 'string' ? message : message(cliText({ language: 'en' })));
    this.#local = typeof message === 'string' ? undefined : message;
  }

  /** The message in the language of `io`. */
  in(io: Pick<CliIo, 'language'>): string {
    return this.#local ? this.#local(cliText(io)) : this.message;
  }
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The language of human-readable output (never of --json); English when absent. */
  language?: Language;
}

/**
 * A reader that stops early (`netwright analyze big.json | head`) closes the pipe, and the
 * next write fails with EPIPE: that is the reader's choice, not an error, so end quietly
 * as Unix tools do instead of printing Node's unhandled-error trace.
 */
export function endQuietlyWhenReaderCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok);
      throw error;
    });
  }
}

export const processIo: CliIo = {
  language: languageFromEnvironment(process.env),
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};
