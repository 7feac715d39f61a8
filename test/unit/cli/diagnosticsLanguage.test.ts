import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import type { Language } from '../../../shared/i18n';
import { brokenNet, cliFixture, smallNet } from './cliHelpers';

const fixture = cliFixture('netwright-diag-lang-');
const cyclic = smallNet();
cyclic.edges.push({ id: 'back', source: 'conv3', target: 'conv5', targetIndex: 1 });
const cycleFile = fixture.writeProject('cycle', cyclic);
const brokenFile = fixture.writeProject('broken', brokenNet());

async function analyzeIn(language: Language, file: string, ...extra: string[]) {
  const out: string[] = [];
  const code = await runCli(['analyze', file, ...extra], { out: (t) => out.push(t), err: () => {}, language });
  return { code, out: out.join('\n') };
}

describe('analyze prints problems in the language of its output', () => {
  it('German: a cycle and a shape error read in German', async () => {
    const cycle = await analyzeIn('de', cycleFile);
    expect(cycle.code).toBe(1);
    expect(cycle.out).toMatch(/Conv2D 'conv5' liegt in einem Zyklus: 'conv5' → .* – Daten müssen in eine Richtung/);
    expect(cycle.out).not.toMatch(/is part of a loop|remove one of these connections/);

    const broken = await analyzeIn('de', brokenFile);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(
      /Conv2D 'conv3': Ein 64×64-Kernel passt nicht auf eine 32×32-Eingabe mit Padding „valid“/,
    );
    expect(broken.out).toMatch(/Wegen des Problems bei Conv2D 'conv3' haben 2 Schichten danach noch keine Form/);
    expect(broken.out).not.toMatch(/does not fit|after it have/);
  });

  it('English is the message as before, and --json keeps it in every language', async () => {
    expect((await analyzeIn('en', brokenFile)).out).toMatch(
      /Conv2D 'conv3': A 64×64 kernel does not fit a 32×32 input with padding 'valid'/,
    );
    const [en, de] = [await analyzeIn('en', cycleFile, '--json'), await analyzeIn('de', cycleFile, '--json')];
    expect(de.out).toBe(en.out);
    const messages = JSON.parse(de.out).diagnostics.map((d: { message: string }) => d.message);
    expect(messages.some((m: string) => m.includes("Conv2D 'conv5' is part of a loop"))).toBe(true);
  });

  it('the real entry point takes the language of problems from LANG', () => {
    const { stdout } = spawnSync(process.execPath, ['bin/netwright.js', 'analyze', cycleFile], {
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'de_DE.UTF-8' },
    });
    expect(stdout).toMatch(/liegt in einem Zyklus/);
  });
});
