import { writeFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import type { Language } from '../../../shared/i18n';
import { cliFixture } from './cliHelpers';

// An importer failure with a text, as the Keras importer returns for an internal error (a bug,
// so no file triggers it on purpose): made from the real catalogue key.
vi.mock('../../../shared/import/keras', async (actual) => {
  const { english } = await import('../../../shared/i18n/diagnosticText');
  const { reasonText } = await import('../../../shared/import/reasons');
  const text = reasonText('internal.keras', { detail: 'x is undefined' });
  return { ...(await actual()), importKerasJson: () => ({ ok: false, error: english(text), text }) };
});

const fixture = cliFixture('netwright-import-failure-');
const file = fixture.file('model.json');
writeFileSync(file, '{"class_name": "Sequential", "config": {"layers": []}}');

async function analyzeIn(language: Language, ...extra: string[]) {
  const lines: string[] = [];
  const code = await runCli(['analyze', file, ...extra], {
    out: (t) => lines.push(t),
    err: (t) => lines.push(t),
    language,
  });
  return { code, text: lines.join('\n') };
}

describe("an import failure's one line in the language of the output", () => {
  it('German: the file, then why in German', async () => {
    const { code, text } = await analyzeIn('de');
    expect(code).toBe(2);
    expect(text).toBe(
      `netwright: ${file}: Interner Fehler beim Importieren (das ist ein Fehler in Netwright; bitte melden): x is undefined`,
    );
  });

  it('English as before', async () => {
    const { code, text } = await analyzeIn('en');
    expect(code).toBe(2);
    expect(text).toBe(
      `netwright: ${file}: Internal error while importing (this is a bug; please report it): x is undefined`,
    );
  });
});
