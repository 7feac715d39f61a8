import type { DiagnosticText } from '../../../shared/i18n/diagnosticText';

/** A file the user pointed at could not be used; the message says what and how to fix it. */
export class FileProblem extends Error {
  override name = 'FileProblem';
  constructor(
    message: string,
    /** The message in any language, where there is one. */
    readonly text?: DiagnosticText,
  ) {
    super(message);
  }
}
