import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getTemplate } from '../../../shared/templates';
import { brokenNet, cli, cliFixture, smallNet } from './cliHelpers';

let fx: ReturnType<typeof cliFixture>;
let ancestor: string;
let v3: string;
beforeAll(() => {
  fx = cliFixture('netwright-compare-');
  ancestor = fx.writeProject('ancestor', getTemplate('inception-v3-unfactorized')!.build());
  v3 = fx.writeProject('inception-v3', getTemplate('inception-v3')!.build());
});

describe('netwright compare', () => {
  it('prints totals, the per-module table and the difference', async () => {
    const { code, out } = await cli('compare', ancestor, v3);
    expect(code).toBe(0);
    expect(out).toMatch(/parameters\s+37,696,232\s+23,851,784\s+−13,844,448 \(−36.7%\)/);
    expect(out).toMatch(/multiply-adds\s+9,759,473,248\s+5,713,216,096\s+−4,046,257,152 \(−41.5%\)/);
    expect(out).toMatch(/mixed4\s+3,706,240\s+1,298,944\s+−2,407,296 \(−65%\)/);
    expect(out).toMatch(/FLOPs = 2 × MACs/);
  });

  it('exports Markdown, CSV and JSON', async () => {
    expect((await cli('compare', ancestor, v3, '--md')).out).toMatch(/^## ancestor vs inception-v3\n/);
    const csv = (await cli('compare', ancestor, v3, '--csv')).out.trim().split('\n');
    expect(csv.at(-1)).toBe('total,37696232,23851784,-13844448,-36.73,9759473248,5713216096,-4046257152,-41.46');
    const json = JSON.parse((await cli('compare', ancestor, v3, '--json')).out);
    expect(json.b.totals).toEqual({
      params: 23_851_784,
      trainableParams: 23_817_352,
      nonTrainableParams: 34_432,
      macs: 5_713_216_096,
      flops: 11_426_432_192,
    });
    expect(json.difference.paramsPct).toBe(-36.73);
    expect(json.modules).toHaveLength(12);
  });

  it('writes the chart with --svg', async () => {
    const chart = fx.file('chart.svg');
    expect((await cli('compare', ancestor, v3, '--svg', chart)).code).toBe(0);
    const svg = readFileSync(chart, 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('A: ancestor');
    expect(svg).toContain('Multiply-adds per module');
  });

  it('tells two files with the same network name apart by file name', async () => {
    const a = fx.writeProject('same', smallNet());
    const b = fx.writeProject('same-copy', smallNet());
    const json = JSON.parse((await cli('compare', a, b, '--json')).out);
    expect([json.a.name, json.b.name]).toEqual(['same', 'same-copy']);
    const c = fx.writeProject('twin', smallNet());
    const twins = JSON.parse((await cli('compare', c, c, '--json')).out);
    expect(twins.difference).toMatchObject({ params: 0, macs: 0 });
  });

  it('exits 1 naming the file when a network has errors', async () => {
    const broken = fx.writeProject('broken', brokenNet());
    const { code, out } = await cli('compare', v3, broken);
    expect(code).toBe(1);
    expect(out).toMatch(/Problems in .*broken\.netwright:\n\s+error: conv3:/);
  });

  const bad: [string, string[], RegExp][] = [
    ['one file', ['a'], /Expected two files A and B, got 1/],
    ['three files', ['a', 'b', 'c'], /Expected two files A and B, got 3/],
    ['two formats', ['a', 'b', '--md', '--csv'], /Choose one output format, not --md and --csv/],
    ['a missing file', ['missing.json', 'x'], /does not exist/],
    ['an unknown flag', ['a', 'b', '--pdf'], /--pdf/],
  ];
  for (const [what, args, message] of bad) {
    it(`exits 2 with one clear line for ${what}`, async () => {
      const { code, err } = await cli(
        'compare',
        ...args.map((a) => (a.startsWith('-') || a.length > 1 ? a : fx.file(a))),
      );
      expect(code).toBe(2);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(message);
    });
  }
});
