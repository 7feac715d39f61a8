import { describe, expect, it } from 'vitest';
import {
  decodeTensors,
  encodeTensors,
  generateExport,
  prepareNetwork,
  tfPadding,
  transpose,
} from '../../../shared/export';
import { atom, call, float, intTuple, keyword, render, str } from '../../../shared/export/python/expr';
import { className, IdentifierPool } from '../../../shared/export/python/identifiers';
import { formatStatement } from '../../../shared/export/python/source';
import { GraphBuilder } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';
import { pythonIdentifier } from '../../../shared/text';

describe("TensorFlow's 'same' padding", () => {
  it.each([
    // input, kernel, stride, dilation → [before, after]
    [32, 3, 2, 1, [0, 1]], // stride 2, even input: the odd pixel goes after
    [33, 3, 2, 1, [1, 1]],
    [35, 3, 1, 1, [1, 1]],
    [8, 2, 1, 1, [0, 1]], // even kernel at stride 1
    [224, 7, 2, 1, [2, 3]], // ResNet's stem in 'same' form
    [10, 3, 1, 2, [2, 2]], // dilation 2: a 5-wide window
    [5, 1, 2, 1, [0, 0]],
    [4, 1, 3, 1, [0, 0]], // stride larger than the window: never negative
  ])('in %i, kernel %i, stride %i, dilation %i → %j', (input, kernel, stride, dilation, pads) => {
    const [before, after] = tfPadding(input, kernel, stride, dilation, 'same');
    expect([before, after]).toEqual(pads);
    expect(Math.floor((input + before + after - ((kernel - 1) * dilation + 1)) / stride) + 1).toBe(
      Math.ceil(input / stride),
    );
  });

  it("is zero for 'valid'", () => {
    expect(tfPadding(32, 3, 2, 1, 'valid')).toEqual([0, 0]);
  });
});

describe('weight layouts', () => {
  it('HWIO → OIHW moves each value where PyTorch reads it', () => {
    const [kh, kw, ci, co] = [2, 3, 4, 5];
    const values = Float32Array.from({ length: kh * kw * ci * co }, (_, i) => i);
    const out = transpose({ shape: [kh, kw, ci, co], values }, [3, 2, 0, 1]);
    expect(out.shape).toEqual([co, ci, kh, kw]);
    const at = (o: number, i: number, h: number, w: number) => out.values[((o * ci + i) * kh + h) * kw + w];
    const src = (h: number, w: number, i: number, o: number) => values[((h * kw + w) * ci + i) * co + o];
    for (const [o, i, h, w] of [
      [0, 0, 0, 0],
      [4, 3, 1, 2],
      [2, 1, 0, 1],
    ] as const) {
      expect(at(o, i, h, w)).toBe(src(h, w, i, o));
    }
  });

  it('tensor files round-trip, little-endian with byte offsets', () => {
    const a = { name: 'a.weight', shape: [2, 2], values: Float32Array.of(1, 2, 3, 4.5) };
    const b = { name: 'b', shape: [1], values: Float32Array.of(-0.25) };
    const file = encodeTensors([a, b]);
    expect(JSON.parse(file.index).tensors).toEqual([
      { name: 'a.weight', shape: [2, 2], offset: 0 },
      { name: 'b', shape: [1], offset: 16 },
    ]);
    expect([...file.data.slice(16, 20)]).toEqual([0, 0, 0x80, 0xbe]);
    expect(decodeTensors(file.index, file.data)).toEqual([a, b]);
  });
});

describe('Python names and source', () => {
  it('sanitizes node names into identifiers that cannot clash', () => {
    expect(pythonIdentifier('conv2d_1')).toBe('conv2d_1');
    expect(pythonIdentifier('3x3-reduce')).toBe('layer_3x3_reduce');
    expect(pythonIdentifier('conv 1')).toBe('conv_1');
    expect(pythonIdentifier('_modules')).toBe('layer_modules');
    const pool = new IdentifierPool();
    expect(['x', 'class', 'train', 'a-b', 'a_b'].map((n) => pool.take(pythonIdentifier(n)))).toEqual([
      'x_',
      'class_',
      'train_',
      'a_b',
      'a_b_2',
    ]);
    expect(className('dw_block_1')).toBe('DwBlock1');
    expect(className('7x7 stem')).toBe('Module7x7Stem');
  });

  it('writes floats as floats and strings in black’s quotes', () => {
    expect(render(float(1 - 0.99))).toBe('0.01');
    expect(render(float(1))).toBe('1.0');
    expect(render(float(1e-7))).toBe('1e-7');
    expect(render(str('say "hi"'))).toBe(`'say "hi"'`);
    expect(render(str('a\\b'))).toBe('"a\\\\b"');
  });

  it('lays statements out as black does: one line, then arguments together, then one per line', () => {
    const conv = call('nn.Conv2d', [atom('3'), atom('32'), intTuple([3, 3]), keyword('bias', atom('False'))]);
    expect(formatStatement(8, 'self.conv = ', conv)).toEqual([
      '        self.conv = nn.Conv2d(3, 32, (3, 3), bias=False)',
    ]);
    const long = call('nn.Conv2d', [atom('3'), atom('32'), intTuple([3, 3]), keyword('padding', intTuple([1, 1]))]);
    expect(formatStatement(8, 'self.a_rather_long_layer_name_for_a_convolution = ', long)).toEqual([
      '        self.a_rather_long_layer_name_for_a_convolution = nn.Conv2d(',
      '            3, 32, (3, 3), padding=(1, 1)',
      '        )',
    ]);
    const many = call(
      'f',
      Array.from({ length: 20 }, (_, i) => atom(`argument_${i}`)),
    );
    // A first line too long even when broken: black wraps the right-hand side in parentheses.
    const name = 'layer_3x3_reduce_of_the_feature_extract';
    expect(formatStatement(8, `${name} = `, call(`self.${name}`, [atom('x')]))).toEqual([
      `        ${name} = (`,
      `            self.${name}(x)`,
      '        )',
    ]);
    const lines = formatStatement(4, 'y = ', many);
    expect(lines[1]).toBe('        argument_0,');
    expect(lines.at(-2)).toBe('        argument_19,');
    expect(lines.at(-1)).toBe('    )');
  });
});

/** a → b → c with b outside the module holding a and c: the module cannot be one call. */
function nonConvexGroup(): Graph {
  const b = new GraphBuilder();
  const x = b.input([4, 4, 2]);
  const a = b.group('outer', 'custom', () => b.add('Conv2D', { filters: 2, kernelSize: 1 }, [x], 'a'));
  const mid = b.add('Activation', { activation: 'relu' }, [a], 'mid');
  const graph = b.build();
  const c = { id: 'c', name: 'c', kind: 'Conv2D', params: { filters: 2, kernelSize: 1 }, groupId: 'group:outer' };
  graph.nodes.push(c);
  graph.edges.push({ id: 'mid->c', source: mid.id, target: 'c', targetIndex: 0 });
  return graph;
}

describe('modules', () => {
  it('dissolves a module that a path leaves and re-enters, keeping its layers', () => {
    const prepared = prepareNetwork(nonConvexGroup(), 'n');
    if (!prepared.ok) throw new Error('graph has errors');
    const items = prepared.network.root.items.map((i) => (i.type === 'node' ? i.id : 'scope'));
    expect(items).toEqual(['a', 'mid', 'c']);
  });

  it('writes a module as a class that takes and returns its boundary tensors', () => {
    const b = new GraphBuilder();
    const x = b.input([6, 6, 3]);
    const [p, q] = b.group('split', 'custom', () => [
      b.add('Conv2D', { filters: 2, kernelSize: 1 }, [x], 'p'),
      b.add('Conv2D', { filters: 3, kernelSize: 3, strides: 2 }, [x], 'q'),
    ]);
    const pooled = b.add('MaxPool2D', { poolSize: 2, strides: 2, padding: 'same' }, [p!], 'pooled');
    b.add('Concatenate', {}, [pooled, q!], 'joined');
    const result = generateExport({ graph: b.build(), name: 'n', target: 'pytorch' });
    if (!result.ok) throw new Error('export failed');
    const model = result.export.files.find((f) => f.path === 'model.py')!.contents as string;
    expect(model).toContain('class Split(nn.Module):');
    expect(model).toContain('        return p, q\n');
    expect(model).toContain('        p, q = self.split(x)\n');
    expect(model).toContain('        self.q = nn.Conv2d(3, 3, (3, 3), stride=(2, 2))\n');
    // 6 at stride 2 with a 3×3 kernel: TensorFlow pads 0 before and 1 after.
    expect(model).toContain('q = self.q(F.pad(x, (0, 1, 0, 1)))');
    expect(model).toContain('p = self.pooled(p)');
  });
});
