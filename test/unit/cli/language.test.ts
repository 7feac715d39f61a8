import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import type { Language } from '../../../shared/i18n';
import { cliFixture, smallNet } from './cliHelpers';

const fixture = cliFixture('netwright-lang-');
const file = fixture.writeProject('small', smallNet());

async function analyzeIn(language: Language, ...extra: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['analyze', file, ...extra], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    language,
  });
  return { code, out: out.join('\n'), err };
}

describe('analyze speaks the language of its output', () => {
  it('German: labels, totals and thousands separators', async () => {
    const { code, out } = await analyzeIn('de');
    expect(code).toBe(0);
    expect(out).toMatch(/^Name\s+Art\s+Ausgabe\s+Parameter\s+MACs\s+rezeptives Feld$/m);
    expect(out).toMatch(/^Parameter: 8\.938 \(trainierbar 8\.906, nicht trainierbar 32\)$/m);
    expect(out).toMatch(/^MACs: 8\.913\.056 {3}FLOPs: 17\.826\.112 \(= 2 × MACs\)$/m);
    expect(out).toMatch(/^Pfade Eingabe → Ausgabe: 1; Länge 6$/m);
    expect(out).not.toMatch(/Parameters|trainable|Paths/);
  });

  it('English is the same text as before languages existed', async () => {
    const { out } = await analyzeIn('en');
    expect(out).toMatch(/^Parameters: 8,938 \(trainable 8,906, non-trainable 32\)$/m);
    expect(out).toMatch(/^name\s+kind\s+output\s+params\s+MACs\s+receptive field$/m);
  });

  it('template and suggest speak it too', async () => {
    const run = async (...args: string[]) => {
      const out: string[] = [];
      await runCli(args, { out: (t) => out.push(t), err: () => {}, language: 'de' });
      return out.join('\n');
    };
    const list = await run('template');
    expect(list).toMatch(/^ID\s+Art\s+Parameter\s+MACs\s+Name$/m);
    expect(list).toMatch(/^inception-v3\s+Netz\s+23\.851\.784\s/m);
    expect(await run('suggest', file)).toMatch(/^\d+ Faktorisierungen? für small/m);
  });

  it('--json is the same in every language', async () => {
    const [en, de] = [await analyzeIn('en', '--json'), await analyzeIn('de', '--json')];
    expect(de.out).toBe(en.out);
    expect(JSON.parse(de.out).totals.params).toBe(8938);
  });

  it('the real entry point takes the language from LANG, LC_ALL overriding it', () => {
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['bin/netwright.js', 'analyze', file], {
        encoding: 'utf8',
        env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', ...env },
      }).stdout;
    expect(run({ LANG: 'de_DE.UTF-8' })).toMatch(/^Parameter: 8\.938 /m);
    expect(run({ LANG: 'de_DE.UTF-8', LC_ALL: 'en_US.UTF-8' })).toMatch(/^Parameters: 8,938 /m);
    expect(run({ LANG: 'fr_FR.UTF-8' })).toMatch(/^Parameters: 8,938 /m);
  });
});
