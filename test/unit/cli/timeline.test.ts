import { readFileSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IMAGENET_TIMELINE } from '../../../shared/insight';
import { cli, cliFixture, smallNet } from './cliHelpers';

const fx = cliFixture('netwright-timeline-');

describe('netwright timeline', () => {
  it('prints one JSON object with every network, its source and whether it is an ensemble', async () => {
    const { code, out } = await cli('timeline', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.networks.map((n: { id: string }) => n.id)).toEqual(IMAGENET_TIMELINE.map((e) => e.id));
    const v3 = json.networks.find((n: { id: string }) => n.id === 'inception-v3');
    expect(v3).toMatchObject({
      top5: 3.58,
      evaluation: 'ensemble',
      params: 23851784,
      countedFrom: 'template inception-v3',
    });
    expect(v3.source.citation).toContain('Rethinking the Inception Architecture');
    expect(json.human.top5).toBe(5.1);
    expect(json.own).toBeNull();
  });

  it('places a network file by its depth and cost, and writes the SVG', async () => {
    const file = fx.writeProject('mine', smallNet());
    const svg = fx.file('cost.svg');
    const { code, out } = await cli('timeline', file, '--view', 'cost', '--svg', svg);
    expect(code).toBe(0);
    expect(out).toMatch(/mine: depth 3, .* \(not trained on ImageNet: no error to compare\)/);
    expect(readFileSync(svg, 'utf8')).toContain('data-point="own"');
  });

  it('writes the timeline as slides', async () => {
    const deck = fx.file('timeline.pptx');
    const { code, err } = await cli('timeline', '--pptx', deck);
    expect(code).toBe(0);
    expect(err.join('\n')).toBe(`Wrote 3 slides to ${deck}`);
    const parts = Object.keys(unzipSync(new Uint8Array(readFileSync(deck))));
    expect(parts.filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p))).toHaveLength(3);
    expect(parts.some((p) => p.startsWith('ppt/charts/'))).toBe(true);
  });

  it('refuses a bad view or an unreadable file with one line and exit code 2', async () => {
    const bad = await cli('timeline', '--view', 'sideways');
    expect(bad.code).toBe(2);
    expect(bad.err.join('\n')).toContain('--view must be "year" or "cost"');
    const junk = fx.file('junk.netwright');
    writeFileSync(junk, 'not json');
    const unreadable = await cli('timeline', junk);
    expect(unreadable.code).toBe(2);
    expect(unreadable.err.join('\n')).not.toMatch(/\n\s+at /);
  });
});
