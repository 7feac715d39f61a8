import { describe, expect, it } from 'vitest';
import type { OptionSpecs } from '../../../electron/cli/command';
import { commandHelp, usageLine } from '../../../electron/cli/help';
import { commands } from '../../../electron/cli/run';
import { cliText } from '../../../electron/cli/text';
import { exitCodeOf } from '../../../electron/cli/train';
import { LANGUAGES } from '../../../shared/i18n';
import { optionFields, RULE_IDS, ruleLabel, ruleLabels, rules } from '../../../shared/transforms';
import { cli, cliFixture, smallNet } from './cliHelpers';

const fx = cliFixture('netwright-cli-commands-');
const small = fx.writeProject('small', smallNet());
const en = cliText({ language: 'en' });

describe('commands describe themselves', () => {
  it('the main help lists every registered command with its summary', async () => {
    const { code, out } = await cli('--help');
    expect(code).toBe(0);
    for (const c of commands) expect(out).toContain(`${[c.name, ...c.positionals].join(' ')}`);
    for (const c of commands) expect(out).toContain(en.t(`more.help.commands.${c.name}.summary`));
  });

  it.each(commands.map((c) => [c.name, c] as const))(
    '%s --help is generated from its command object',
    async (name, c) => {
      const { code, out, err } = await cli(name, '--help');
      expect(code).toBe(0);
      expect(err).toEqual([]);
      expect(out).toBe(commandHelp(c, en));
      expect(out.startsWith(`${usageLine(c, en)}\n\n`)).toBe(true);
      expect(out).not.toMatch(/\{\{|undefined/);
      for (const [flag, o] of Object.entries(c.options as OptionSpecs)) {
        expect(out).toMatch(new RegExp(`^  --${flag}${o.value ? ` ${o.value.replace(/[|]/g, '\\|')}` : ''} +\\S`, 'm'));
      }
      expect((await cli('help', name)).out).toBe(out);
    },
  );

  it('factorize offers every rule option as a flag, described by the rule', async () => {
    const { out } = await cli('factorize', '--help');
    for (const id of RULE_IDS) {
      expect(out).toContain(`${id.padEnd(16)}${ruleLabels[id]}`);
      for (const f of optionFields(rules[id].options)) {
        expect(out).toMatch(new RegExp(`--${f.alias} `));
        expect(out).toContain(`${id}: ${f.description.split('\n')[0]}`);
      }
    }
  });

  it('an unknown option is one line naming it and the options the command takes', async () => {
    const { code, err } = await cli('analyze', small, '--frobnicate');
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toBe(
      'netwright: Unknown option --frobnicate for analyze; it takes --input-shape, --json, --help (see `npx netwright analyze --help`).',
    );
  });

  it('a missing value and a wrong number of files are one line each', async () => {
    expect((await cli('analyze', small, '--input-shape')).err).toEqual([
      'netwright: --input-shape needs a value: --input-shape H,W,C (see `npx netwright analyze --help`).',
    ]);
    const missing = await cli('suggest');
    expect(missing.code).toBe(2);
    expect(missing.err).toEqual(['netwright: Missing FILE (see `npx netwright suggest --help`).']);
  });
});

describe('negative numbers reach the range checks', () => {
  it('train --label-smoothing -0.1 says what range is allowed', async () => {
    const { code, err } = await cli('train', small, '--label-smoothing', '-0.1', '--epochs', '1');
    expect(code).toBe(2);
    expect(err.join('\n')).not.toMatch(/ambiguous/);
    expect(err.join('\n')).toMatch(/^netwright: --label-smoothing: .*-0\.1/m);
  }, 30_000);

  it('export --lr -1 and factorize --ratio -0.5 too', async () => {
    const exported = await cli('export', small, '--to', 'keras', '--out', fx.file('out'), '--lr', '-1');
    expect(exported.code).toBe(2);
    expect(exported.err).toEqual(['netwright: --lr: expected a positive learning rate, got -1']);
    const factorized = await cli('factorize', small, '--rule', 'bottleneck', '--node', 'conv3', '--ratio', '-.5');
    expect(factorized.code).toBe(2);
    expect(factorized.err).toEqual([
      'netwright: Invalid option for bottleneck: --ratio: expected a ratio above 0 and below 1, got -0.5.',
    ]);
  });
});

describe('train exit codes', () => {
  it('any end but completion is non-zero: 1, or 2 where the data or memory budget is at fault', () => {
    expect(exitCodeOf({ status: 'completed', failure: null })).toBe(0);
    expect(exitCodeOf({ status: 'diverged', failure: null })).toBe(1);
    expect(exitCodeOf({ status: 'failed', failure: 'internal' })).toBe(1);
    expect(exitCodeOf({ status: 'failed', failure: 'network' })).toBe(1);
    expect(exitCodeOf({ status: 'failed', failure: 'dataset' })).toBe(2);
    expect(exitCodeOf({ status: 'failed', failure: 'memory' })).toBe(2);
    expect(exitCodeOf({ status: 'cancelled', failure: null })).toBe(130);
  });
});

describe('rewrite rules describe themselves', () => {
  it('each registry entry is the rule of that id, with a label and described options', () => {
    expect(RULE_IDS).toEqual(Object.keys(rules));
    for (const id of RULE_IDS) {
      expect(rules[id].id).toBe(id);
      for (const language of LANGUAGES) {
        expect(ruleLabel(id, language), `${id} ${language}`).not.toBe('');
        for (const f of optionFields(rules[id].options, language))
          expect(f.description, `${id}.${f.key} ${language}`).not.toBe('');
      }
      expect(ruleLabel(id, 'de')).not.toBe(ruleLabel(id, 'en'));
    }
  });
});
