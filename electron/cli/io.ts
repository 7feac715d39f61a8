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
