import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import { GraphBuilder } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';
import { type FieldGeometry, fieldGeometry, fieldViewBox, receptiveFieldSvg } from '../../../shared/insight';
import { getTemplate } from '../../../shared/templates';
import { applyRule } from '../../../shared/transforms';

/** The rectangle an SVG element with data-part=PART draws, read back from the text. */
function drawn(svg: string, part: string): { x: number; y: number; width: number; height: number }[] {
  const found = [
    ...svg.matchAll(
      new RegExp(`<rect x="([^"]+)" y="([^"]+)" width="([^"]+)" height="([^"]+)" data-part="${part}"`, 'g'),
    ),
  ];
  return found.map((m) => ({ x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]) }));
}

function geometry(graph: Graph, name: string, position?: [number, number]): FieldGeometry {
  const analysis = analyzeGraph(graph);
  const node = graph.nodes.find((n) => n.name === name)!;
  const g = fieldGeometry(graph, analysis, node.id, position);
  if (!g.ok) throw new Error(g.message);
  return g;
}

const conv = (
  b: GraphBuilder,
  x: ReturnType<GraphBuilder['input']>,
  k: [number, number],
  name: string,
  padding = 'same',
  strides: [number, number] = [1, 1],
) => b.add('Conv2D', { filters: 8, kernelSize: k, padding, strides }, [x], name);

function fiveByFive(): Graph {
  const b = new GraphBuilder();
  conv(b, b.input([35, 35, 8]), [5, 5], 'conv5x5');
  return b.build();
}

describe('fieldGeometry', () => {
  it('draws the analysis receptive field for every spatial node of Inception-v3', () => {
    const graph = getTemplate('inception-v3')!.build();
    const analysis = analyzeGraph(graph);
    let checked = 0;
    for (const id of analysis.order) {
      const node = analysis.nodes[id]!;
      const rf = node.receptiveField;
      if (!rf || rf.global || node.outputShape?.length !== 3) {
        expect(fieldGeometry(graph, analysis, id).ok, node.name).toBe(false);
        continue;
      }
      const g = fieldGeometry(graph, analysis, id);
      if (!g.ok) throw new Error(`${node.name}: ${g.message}`);
      // Read back what is drawn: the region rectangle of the SVG, in input pixels.
      const [region] = drawn(receptiveFieldSvg(g), 'region');
      expect([region!.height, region!.width], node.name).toEqual(rf.size);
      expect(g.jump, node.name).toEqual(rf.jump);
      expect(g.path.at(-1)!.nodeId).toBe(id);
      checked++;
    }
    expect(checked).toBeGreaterThan(250);
  });

  it('grows a 5×5 window with two 3×3 convolutions: 1, 3, 5', () => {
    const stacked = applyRule('stack', fiveByFive(), 'conv5x5', {});
    if (!stacked.ok) throw new Error(stacked.diagnostic.message);
    const last = stacked.graph.nodes.filter((n) => n.kind === 'Conv2D').at(-1)!;
    const g = geometry(stacked.graph, last.name);
    expect(g.path.map((f) => f.size[0])).toEqual([1, 3, 5]);
    expect(g.path.map((f) => f.kernel)).toEqual([null, [3, 3], [3, 3]]);
    // The centre position of a 35×35 output sees pixels 15..19, the same as one 5×5.
    expect(g.region).toEqual({ top: 15, left: 15, height: 5, width: 5 });
    expect(geometry(fiveByFive(), 'conv5x5').region).toEqual(g.region);
    // Each window is centred on the same pixel.
    for (const f of g.path) expect(f.region.top + f.region.height / 2).toBe(17.5);
  });

  it('covers a 3×3 with 1×3 then 3×1', () => {
    const b = new GraphBuilder();
    conv(b, conv(b, b.input([17, 17, 8]), [1, 3], 'row'), [3, 1], 'column');
    const g = geometry(b.build(), 'column');
    expect(g.path.map((f) => f.size)).toEqual([
      [1, 1],
      [1, 3],
      [3, 3],
    ]);
    expect(g.path[2]!.taps!.y.map((t) => t.at)).toEqual([7.5, 8.5, 9.5]);
    expect(g.path[2]!.taps!.x.map((t) => t.at)).toEqual([8.5]);
  });

  it('shows padding at the border: the region leaves the image and the taps read zeros', () => {
    const g = geometry(fiveByFive(), 'conv5x5', [0, 0]);
    expect(g.region).toEqual({ top: -2, left: -2, height: 5, width: 5 });
    expect(g.inside).toEqual({ top: 0, left: 0, height: 3, width: 3 });
    const padded = g.padding.reduce((sum, r) => sum + r.height * r.width, 0);
    expect(padded).toBe(25 - 9);
    const taps = g.path.at(-1)!.taps!;
    expect(taps.y.map((t) => t.padded)).toEqual([true, true, false, false, false]);
    const svg = receptiveFieldSvg(g);
    expect(drawn(svg, 'inside')).toEqual([{ x: 0, y: 0, width: 3, height: 3 }]);
    expect(drawn(svg, 'padding').length).toBeGreaterThan(0);
    expect((svg.match(/data-padded="true"/g) ?? []).length).toBe(25 - 9);
  });

  it("places 'valid' windows and strides without padding", () => {
    const b = new GraphBuilder();
    conv(b, conv(b, b.input([9, 9, 3]), [3, 3], 'a', 'valid', [2, 2]), [3, 3], 'b', 'valid');
    const g = geometry(b.build(), 'b', [0, 0]);
    expect(g.region).toEqual({ top: 0, left: 0, height: 7, width: 7 });
    expect(g.jump).toEqual([2, 2]);
    expect(g.padding).toEqual([]);
  });

  it('refuses a node without spatial output with a message naming it', () => {
    const b = new GraphBuilder();
    const x = conv(b, b.input([8, 8, 3]), [3, 3], 'c');
    b.add('Dense', { units: 4 }, [b.add('Flatten', {}, [x], 'flat')], 'head');
    const graph = b.build();
    const analysis = analyzeGraph(graph);
    const head = graph.nodes.find((n) => n.name === 'head')!;
    const result = fieldGeometry(graph, analysis, head.id);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('"head" has no spatial output') });
    expect(fieldGeometry(graph, analysis, 'nope')).toEqual({ ok: false, message: 'No layer "nope" in this network.' });
  });

  it('draws the frames of the animation, each with the earlier windows outlined', () => {
    const stacked = applyRule('stack', fiveByFive(), 'conv5x5', {});
    if (!stacked.ok) throw new Error(stacked.diagnostic.message);
    const last = stacked.graph.nodes.filter((n) => n.kind === 'Conv2D').at(-1)!;
    const g = geometry(stacked.graph, last.name);
    const sizes = g.path.map((_, k) => drawn(receptiveFieldSvg(g, { frame: k }), 'region')[0]!.width);
    expect(sizes).toEqual([1, 3, 5]);
    expect(drawn(receptiveFieldSvg(g, { frame: 2 }), 'earlier')).toHaveLength(2);
  });

  it('refuses a background that is not a picture data URL', () => {
    const g = geometry(fiveByFive(), 'conv5x5');
    const svg = receptiveFieldSvg(g, { background: { kind: 'image', href: 'javascript:alert(1)' } });
    expect(svg).not.toContain('javascript');
    expect(svg).toContain('data-part="sample"');
  });
});

describe('fieldViewBox', () => {
  it('fits the whole image by default and closes in around the field on request', () => {
    const g = geometry(fiveByFive(), 'conv5x5');
    const whole = fieldViewBox(g);
    expect(whole.left).toBeLessThan(0);
    expect(whole.left + whole.width).toBeGreaterThan(35);
    // A 5×5 field with as much around it again: 10 pixels wide, centred on the field.
    expect(fieldViewBox(g, 'field')).toEqual({ top: 12.5, left: 12.5, height: 10, width: 10 });
  });
});
