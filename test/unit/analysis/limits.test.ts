import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import { GraphBuilder } from '../../../shared/graph/builder';
import { codes, only } from './helpers';

describe('sizes past the limits', () => {
  it('refuses an input of 1e308 with a line naming the limit, and the totals stay finite', () => {
    const b = new GraphBuilder();
    const x = b.input([1e308, 1e308, 3]);
    b.add('Conv2D', { filters: 8, kernelSize: [3, 3] }, [x], 'conv');
    const a = analyzeGraph(b.build());
    expect(codes(a, 'error')).toEqual(['too-large@input']);
    expect(only(a, 'too-large').message).toBe(
      "Input 'input' would output 1e+308×1e+308×3, more than 2,147,483,647 values per sample (Netwright's limit, 8 GiB as float32) — use a smaller input shape",
    );
    for (const value of Object.values(a.totals)) expect(Number.isFinite(value)).toBe(true);
    expect(a.nodes.conv!.outputShape).toBeNull();
  });

  it('refuses a layer whose output passes the limit, and one whose cost a double cannot count exactly', () => {
    const b = new GraphBuilder();
    const x = b.input([2048, 2048, 3]);
    b.add('Conv2D', { filters: 1024, kernelSize: [1, 1] }, [x], 'wide');
    const v = b.input([100_000], 'vector');
    const d = b.add('Dense', { units: 5_000_000 }, [v], 'd1');
    b.add('Dense', { units: 2_000_000_000 }, [d], 'huge');
    const a = analyzeGraph(b.build());
    expect(codes(a, 'error')).toEqual(['too-large@wide', 'too-large@huge']);
    expect(a.diagnostics.find((x) => x.nodeId === 'wide')!.message).toContain(
      "Conv2D 'wide' would output 2048×2048×1024",
    );
    expect(a.diagnostics.find((x) => x.nodeId === 'huge')!.message).toBe(
      "Dense 'huge' would have 1.00e+16 parameters, more than the 9,007,199,254,740,991 Netwright counts exactly — use a smaller kernel or fewer channels",
    );
    expect(a.nodes.d1!.paramCount.total).toBe(100_000 * 5_000_000 + 5_000_000);
  });

  it('shows a receptive field past 2^53 pixels as unknown, not Infinity', () => {
    const b = new GraphBuilder();
    let x = b.input([1, 1, 1]);
    // Each stride-2 'same' layer doubles the jump: 2^1100 is Infinity as a double.
    for (let k = 0; k < 1100; k++) x = b.add('MaxPool2D', { poolSize: [1, 1], strides: [2, 2], padding: 'same' }, [x]);
    const a = analyzeGraph(b.build());
    expect(codes(a)).toEqual([]);
    expect(a.nodes.maxpool2d_51!.receptiveField!.jump).toEqual([2 ** 52, 2 ** 52]);
    expect(a.nodes.maxpool2d_53!.receptiveField).toBeNull();
    expect(a.nodes[x.id]!.receptiveField).toBeNull();
  });
});
