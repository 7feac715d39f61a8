import { beforeAll, describe, expect, it } from 'vitest';
import { getTemplate } from '../../../shared/templates';
import { brokenNet, cli, cliFixture, smallNet } from './cliHelpers';

let fx: ReturnType<typeof cliFixture>;
beforeAll(() => {
  fx = cliFixture('netwright-suggest-');
});

describe('netwright suggest', () => {
  it('lists the factorizations ranked by saving, then the design warnings', async () => {
    const { code, out } = await cli('suggest', fx.writeProject('small', smallNet()));
    expect(code).toBe(0);
    expect(out).toMatch(/factorizations for small, most multiply-adds saved first/);
    expect(out).toMatch(/asymmetric\s+conv5\s+1×5 then 5×1\s+3,932,160\s+−60%/);
    expect(out).toMatch(/stack\s+conv5\s+two stacked 3×3 convolutions\s+1,835,008\s+−28%/);
    expect(out).toMatch(/Design-principle warnings[\s\S]*Large kernel: 'conv5' is a 5×5 convolution/);
    const rows = out.split('\n').filter((l) => /^\s*\d+\s{2}/.test(l));
    const saved = rows.map((l) =>
      Number(
        l
          .trim()
          .split(/\s{2,}/)[4]!
          .replace(/,/g, ''),
      ),
    );
    expect(saved).toEqual([...saved].sort((a, b) => b - a));
  });

  it('prints one JSON object with --json', async () => {
    const { code, out } = await cli('suggest', fx.writeProject('small', smallNet()), '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['totals', 'suggestions', 'warnings']);
    // 25·16·16 + BN 48 + (9·16·16 + 16) + (16·10 + 10) parameters.
    expect(json.totals).toMatchObject({ params: 8_938, macs: 8_913_056 });
    expect(json.suggestions[0]).toMatchObject({ rule: 'filter-bank', nodeName: 'conv5', macs: { savedPct: 80 } });
    expect(json.suggestions.find((s: { rule: string }) => s.rule === 'asymmetric')).toMatchObject({
      rule: 'asymmetric',
      nodeName: 'conv5',
      macs: { saved: 3_932_160, savedPct: 60 },
      outputShape: { before: [32, 32, 16], after: [32, 32, 16], equal: true },
      receptiveField: { equal: true },
    });
    expect(json.warnings[0]).toMatchObject({ code: 'large-kernel', node: 'conv5', rule: 'asymmetric' });
  });

  it('finds the factorizations of the unfactorized Inception v3', async () => {
    const file = fx.writeProject('ancestor', getTemplate('inception-v3-unfactorized')!.build());
    const json = JSON.parse((await cli('suggest', file, '--json')).out);
    const rules = new Set(json.suggestions.map((s: { rule: string }) => s.rule));
    expect(rules).toEqual(new Set(['stack', 'asymmetric', 'bottleneck', 'grid-reduction', 'filter-bank']));
  });

  it('exits 1 with the problems when the network has errors', async () => {
    const { code, out } = await cli('suggest', fx.writeProject('broken', brokenNet()));
    expect(code).toBe(1);
    expect(out).toMatch(/error: conv3: .*64×64/);
    expect(
      JSON.parse((await cli('suggest', fx.writeProject('broken', brokenNet()), '--json')).out).diagnostics[0],
    ).toMatchObject({
      nodeId: 'conv3',
      severity: 'error',
    });
  });

  it('exits 2 with one line on bad arguments or files', async () => {
    for (const args of [[], ['a', 'b'], ['--frob', 'x'], [fx.file('missing.json')]]) {
      const { code, err } = await cli('suggest', ...args);
      expect(code).toBe(2);
      expect(err).toHaveLength(1);
    }
  });
});
