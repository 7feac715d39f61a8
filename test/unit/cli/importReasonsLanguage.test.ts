import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import type { Language } from '../../../shared/i18n';
import { keras2Model } from '../import/helpers';
import { cliFixture } from './cliHelpers';

const fixture = cliFixture('netwright-import-reasons-');
const file = fixture.file('reasons.json');
writeFileSync(
  file,
  keras2Model([
    ['bn', 'BatchNormalization', { renorm: true }, ['in']],
    ['caps', 'CapsuleLayer', {}, ['bn']],
  ]),
);

async function analyzeIn(language: Language, ...extra: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['analyze', file, ...extra], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    language,
  });
  return { code, text: [...out, ...err].join('\n') };
}

describe('analyze says why an imported layer is a placeholder in the language of its output', () => {
  it('German: the notes and problems give the German reasons, none of the English ones', async () => {
    const { code, text } = await analyzeIn('de');
    expect(code).toBe(1);
    expect(text).toContain("BatchNormalization 'bn' verwendet Batch-Renormalisierung (renorm: true)");
    expect(text).toContain("CapsuleLayer 'caps' ist eine Schichtklasse, die Netwright nicht unterstützt");
    expect(text).not.toMatch(/uses batch renormalization|is a layer class Netwright does not support/);
  });

  it('--json is the same in every language and keeps the English reasons', async () => {
    const [en, de] = [await analyzeIn('en', '--json'), await analyzeIn('de', '--json')];
    expect(de.text).toBe(en.text);
    expect(en.text).toContain(
      "CapsuleLayer 'caps' is a layer class Netwright does not support; replace it with a layer from the palette or remove it",
    );
  });
});
