import { type DiagnosticText, diagnosticText, type Language } from '../../shared/i18n';

interface Said {
  message: string | null;
  text?: DiagnosticText | undefined;
}

/** What a run said when it stopped, in `language`; a run kept before texts existed says its English message. */
export function runMessageText(run: Said, language: Language): string | null {
  return run.message ? diagnosticText({ message: run.message, text: run.text }, language) : null;
}

/** A run's message as a line of the panel, or nothing while it has none. */
export function RunMessage({ run, language, className }: { run: Said; language: Language; className: string }) {
  const said = runMessageText(run, language);
  return said ? (
    <div className={className} data-testid="run-message">
      {said}
    </div>
  ) : null;
}
