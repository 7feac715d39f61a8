import { type Language, languageFromEnvironment } from '../../shared/i18n/language';

/** Exit codes promised in docs/conventions.md. */
export const ExitCode = { ok: 0, networkErrors: 1, badInput: 2 } as const;

/** A failure the user caused or can fix: printed as one line on stderr, never a stack trace. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.badInput,
  ) {
    super(message);
  }
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The language of human-readable output (never of --json); English when absent. */
  language?: Language;
}

export const processIo: CliIo = {
  language: languageFromEnvironment(process.env),
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};
