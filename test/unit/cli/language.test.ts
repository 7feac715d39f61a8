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

  it('compare, factorize, the help and argument errors speak German too', async () => {
    const run = async (...args: string[]) => {
      const lines: string[] = [];
      const code = await runCli(args, { out: (t) => lines.push(t), err: (t) => lines.push(t), language: 'de' });
      return { code, text: lines.join('\n') };
    };
    const factorized = fixture.file('factorized.netwright');
    const fx = await run('factorize', file, '--all', '--out', factorized);
    expect(fx.code).toBe(0);
    expect(fx.text).toMatch(/^2 Umformungen angewendet\.$/m);
    expect(fx.text).toMatch(/^Parameter: 8\.938 → 4\.394: −4\.544 \(−50,8%\)$/m);
    expect(fx.text).toMatch(/^ {2}Zusätzliche Tiefe: 1 Nichtlinearität\.$/m);
    const cmp = await run('compare', file, factorized);
    expect(cmp.text.split('\n')[0]).toBe('−50,8% Parameter, −52,9% Multiply-Adds');
    expect(cmp.text).toMatch(/^Schicht +Parameter A +Parameter B +Änderung/m);
    expect(cmp.text).toMatch(/^Parameter sind die Gewichte, die Keras anlegen würde\./m);
    expect(cmp.text).not.toMatch(/parameters|multiply-adds|change/);
    const help = await run('--help');
    expect(help.text).toMatch(/^Aufruf: npx netwright <Befehl> \[Optionen\]$/m);
    expect(help.text).toMatch(/^ {2}compare A B +Zwei Netze nebeneinander/m);
    const compareHelp = (await run('compare', '--help')).text;
    expect(compareHelp).toMatch(/^ {2}--md +Markdown-Tabellen ausgeben$/m);
    expect(compareHelp).not.toMatch(/\{\{/);
    expect((await run('factorize', '--help')).text).toMatch(/^ {2}stack +n×n → gestapelte 3×3-Faltungen$/m);
    expect((await run('timeline')).text).toMatch(/^Netz +Jahr +Top-5 +als +Einzelmodell +Tiefe +Parameter +MACs$/m);
    expect((await run('slides', '--builtin', 'inception')).text).toBe(
      'netwright: --out DECK.pptx oder --out DECK.pdf wird benötigt.',
    );
    const wrong = await run('compare', file);
    expect(wrong.code).toBe(2);
    expect(wrong.text).toBe(
      'netwright: Erwartet: zwei Dateien A und B, angegeben: 1 (siehe `npx netwright compare --help`).',
    );
  });

  it('German through LANG at the real entry point: help and an argument error', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/netwright.js', ...args], {
        encoding: 'utf8',
        env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'de_DE.UTF-8' },
      });
    expect(run('--help').stdout).toMatch(/^Befehle:$/m);
    expect(run('analyze', file, '--input-shape', '1,2').stderr).toBe(
      'netwright: --input-shape muss aus drei positiven ganzen Zahlen H,W,C bestehen (z. B. 299,299,3), angegeben: „1,2“.\n',
    );
  });
});
