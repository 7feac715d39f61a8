import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseProjectText } from '../../../shared/graph/projectFile';
import { getTemplate } from '../../../shared/templates';
import { asymmetricRule } from '../../../shared/transforms';
import { brokenNet, cli, cliFixture, smallNet } from './cliHelpers';

let fx: ReturnType<typeof cliFixture>;
let small: string;
beforeAll(() => {
  fx = cliFixture('netwright-factorize-');
  small = fx.writeProject('small', smallNet());
});

describe('netwright factorize', () => {
  it('applies one rule to one node and prints the report', async () => {
    const { code, out } = await cli('factorize', small, '--rule', 'stack', '--node', 'conv5');
    expect(code).toBe(0);
    expect(out).toContain('stack: conv5 (5×5, 16 → 16) → two stacked 3×3 convolutions');
    expect(out).toContain('multiply-adds 6,553,600 → 4,718,592: −1,835,008 (−28%)');
    expect(out).toContain('Receptive field unchanged (in network-input pixels): 5×5 before and after');
    expect(out).toContain('Output shape unchanged: 32×32×16 before and after.');
    expect(out).toMatch(/1 rewrite applied\.\nParameters: 8,938 → /);
  });

  it('prints exactly the documented JSON with --json', async () => {
    const { code, out } = await cli('factorize', small, '--rule', 'asymmetric', '--node', 'conv5', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['before', 'after', 'saved', 'rewrites']);
    expect(Object.keys(json.before)).toEqual(['params', 'trainableParams', 'nonTrainableParams', 'macs', 'flops']);
    expect(json.before).toMatchObject({ params: 8_938, macs: 8_913_056 });
    expect(json.saved).toEqual({
      params: json.before.params - json.after.params,
      macs: 3_932_160,
      paramsPct: expect.any(Number),
      macsPct: 44.12,
    });
    expect(json.rewrites).toHaveLength(1);
    expect(json.rewrites[0]).toMatchObject({ rule: 'asymmetric', nodeName: 'conv5', macs: { savedPct: 60 } });
  });

  it('writes the result with --out as a project that analyses to the reported totals', async () => {
    const out = fx.file('stacked.netwright');
    const json = JSON.parse((await cli('factorize', small, '--rule', 'stack', '--all', '--out', out, '--json')).out);
    const project = parseProjectText(readFileSync(out, 'utf8'));
    expect(project.ok && project.project.name).toBe('small (factorized)');
    const analysed = JSON.parse((await cli('analyze', out, '--json')).out);
    expect(analysed.totals).toMatchObject(json.after);
    expect(analysed.nodes.map((n: { name: string }) => n.name)).toContain('conv5_3x3b');
  });

  it('takes the options of the rule', async () => {
    const run = async (...args: string[]) =>
      JSON.parse((await cli('factorize', small, '--json', ...args)).out).rewrites[0];
    expect(
      (await run('--rule', 'stack', '--node', 'conv5', '--channels', '8', '--activation', 'linear')).depthAdded,
    ).toBe(0);
    expect((await run('--rule', 'asymmetric', '--node', 'conv5', '--order', 'nx1')).added).toEqual([
      'conv5_5x1',
      'conv5_5x1_bn',
      'conv5_5x1_relu',
      'conv5_1x5',
    ]);
    expect((await run('--rule', 'bottleneck', '--node', 'conv3', '--ratio', '0.25')).replacement).toBe(
      '1×1 compression to 4 channels, then the 3×3',
    );
  });

  it('without --rule, applies the best rewrite at a node, or everything with --all', async () => {
    const best = JSON.parse((await cli('factorize', small, '--node', 'conv5', '--json')).out);
    // The network has one grid size, so the filter bank applies, and 1×5 ‖ 5×1 saves 4/5 of a 5×5.
    expect(best.rewrites.map((r: { rule: string }) => r.rule)).toEqual(['filter-bank']);
    const everything = JSON.parse((await cli('factorize', small, '--all', '--json')).out);
    expect(everything.rewrites.map((r: { rule: string; nodeName: string }) => `${r.rule}:${r.nodeName}`)).toEqual([
      'asymmetric:conv5',
      'asymmetric:conv3',
    ]);
  });

  describe('with a rule whose rewrite the proof refuses', () => {
    afterEach(() => vi.restoreAllMocks());

    it('--all makes the others and names the refused one in a warning', async () => {
      // A broken rule: its rewrite of conv3 would give the output one channel too many.
      const plan = asymmetricRule.plan.bind(asymmetricRule);
      vi.spyOn(asymmetricRule, 'plan').mockImplementation((ctx, o) => {
        const planned = plan(ctx, o);
        if (!planned.ok || ctx.node.name !== 'conv3') return planned;
        const last = planned.plan.edit.changes.added.find((a) => a.node.id === planned.plan.outputAfter)!;
        last.node.params = { ...last.node.params, filters: 17 };
        return planned;
      });
      const { code, out, err } = await cli('factorize', small, '--all');
      expect(code).toBe(0);
      expect(err).toEqual([
        "warning: asymmetric on 'conv3' was not made: it would change the output shape from 32×32×16 to 32×32×17",
      ]);
      expect(out).toContain('asymmetric: conv5 (5×5, 16 → 16)');
      expect(out).toContain('1 rewrite applied.');
    });
  });

  it('prints the saving of "apply everything" on the unfactorized Inception v3', async () => {
    const file = fx.writeProject('ancestor', getTemplate('inception-v3-unfactorized')!.build());
    const { code, out } = await cli('factorize', file, '--all');
    expect(code).toBe(0);
    expect(out).toMatch(
      /28 rewrites applied\.\nParameters: 37,696,232 → 21,482,636: −16,213,596 \(−43%\)\nMACs: 9,759,473,248 → /,
    );
  }, 30_000);

  it('says so when nothing applies, and exits 0', async () => {
    const { code, out } = await cli('factorize', small, '--rule', 'grid-reduction', '--all');
    expect(code).toBe(0);
    expect(out).toMatch(/Nothing to rewrite: rule grid-reduction applies nowhere in small/);
  });

  it('exits 1 with the problems when the network has errors', async () => {
    const { code, out } = await cli('factorize', fx.writeProject('broken', brokenNet()), '--rule', 'stack', '--all');
    expect(code).toBe(1);
    expect(out).toMatch(/error: conv3:/);
  });

  const bad: [string, string[], RegExp][] = [
    ['an unknown rule', ['--rule', 'squash', '--all'], /Unknown rule "squash": use one of stack, asymmetric/],
    ['an unknown node', ['--rule', 'stack', '--node', 'nope'], /There is no node named "nope"/],
    [
      'a rule that does not apply',
      ['--rule', 'stack', '--node', 'conv3'],
      /stack does not apply to 'conv3': its kernel is 3×3/,
    ],
    ['a rule that does not apply to the kind', ['--rule', 'asymmetric', '--node', 'gap'], /it is a GlobalAvgPool2D/],
    [
      'zero channels',
      ['--rule', 'stack', '--node', 'conv5', '--channels', '0'],
      /Invalid option for stack: --channels: expected a positive whole number of channels, got 0/,
    ],
    [
      'text for a number',
      ['--rule', 'bottleneck', '--node', 'conv3', '--ratio', 'half'],
      /--ratio: expected a ratio above 0 and below 1, got "half"/,
    ],
    [
      'an option of another rule',
      ['--rule', 'stack', '--node', 'conv5', '--ratio', '0.5'],
      /Invalid option for stack: --ratio does not apply to stack/,
    ],
    [
      'a bad order',
      ['--rule', 'asymmetric', '--node', 'conv5', '--order', 'diagonal'],
      /--order: expected '1xn' or 'nx1', got "diagonal"/,
    ],
    ['an option without a rule', ['--all', '--channels', '4'], /--channels needs --rule/],
    ['neither --node nor --all', ['--rule', 'stack'], /Give either --node NAME or --all/],
    ['both --node and --all', ['--rule', 'stack', '--node', 'conv5', '--all'], /Give either --node NAME or --all/],
    ['no saving anywhere at a node', ['--node', 'gap'], /No rewrite saves anything at 'gap'/],
  ];
  for (const [what, args, message] of bad) {
    it(`exits 2 with one clear line for ${what}`, async () => {
      const { code, err, out } = await cli('factorize', small, ...args);
      expect(code).toBe(2);
      expect(err).toHaveLength(1);
      expect(err[0]!.split('\n')[0]).toMatch(message);
      expect(out).toBe('');
    });
  }
});
