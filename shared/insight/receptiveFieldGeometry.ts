import type { Analysis } from '../analysis';
import { formatShape } from '../analysis';
import type { Graph } from '../graph/types';
import { getLayerSpec, type RfStep } from '../layers';

/**
 * Where one output position of a layer looks in the network input: the rectangles the
 * receptive-field view draws. Everything is in input pixels; rectangles may reach past the
 * image, where the layers padded (zeros the network sees, no picture). Per axis the field of
 * output position p starts at `start + p·jump` and spans `size`; the window arithmetic is the
 * analysis's (receptiveField.ts) with the padding added, so the sizes agree with it by design
 * and the tests check that they do.
 */

export interface Rect {
  top: number;
  left: number;
  height: number;
  width: number;
}

/** One layer on the way from the input to the chosen node, for the step-by-step animation. */
export interface PathFrame {
  nodeId: string;
  name: string;
  kind: string;
  /** The position of this layer's output the chosen position is centred on. */
  position: [number, number];
  /** What that position sees of the input. */
  region: Rect;
  size: [number, number];
  jump: [number, number];
  /** This layer's window, "3×3" or "1×7"; null for the input. */
  kernel: [number, number] | null;
  /**
   * Centres (input pixels) of the positions of the previous frame's layer this layer's window
   * reads, per axis, with whether each lies in padding (outside that layer's output).
   */
  taps: { y: Tap[]; x: Tap[] } | null;
}

export interface Tap {
  at: number;
  padded: boolean;
}

export interface FieldGeometry {
  ok: true;
  nodeId: string;
  inputId: string;
  /** Input height and width. */
  image: [number, number];
  /** The node's output height and width. */
  output: [number, number];
  position: [number, number];
  size: [number, number];
  jump: [number, number];
  /** The whole field, reaching into padding where it does. */
  region: Rect;
  /** The part of `region` on the image; null when none is. */
  inside: Rect | null;
  /** The parts of `region` off the image (up to four bands): what the network padded. */
  padding: Rect[];
  /** Effective centre in input pixels (continuous: pixel i spans [i, i + 1)). */
  centre: [number, number];
  /** From the input to the node: the input, the layers that change the field, and the node itself. */
  path: PathFrame[];
}

export type FieldResult = FieldGeometry | { ok: false; message: string };

/** Per axis, what output position 0 sees: first input pixel, span, spacing. */
interface Axis {
  start: number;
  size: number;
  jump: number;
}
type Field = [Axis, Axis];

const fail = (message: string): FieldResult => ({ ok: false, message });

/** Per node: the step it applies, its padding before each axis, a zero-padding or crop shift, its inputs. */
interface StepInfo {
  step: RfStep;
  before: [number, number];
  shift: [number, number];
  inputs: string[];
}

interface Trace {
  fields: Map<string, Field>;
  steps: Map<string, StepInfo>;
  inputOf: string;
}

function paddingBefore(input: number, output: number, step: RfStep & { type: 'window' }, axis: 0 | 1, same: boolean) {
  if (!same) return 0;
  const eff = step.dilation[axis] * (step.kernel[axis] - 1) + 1;
  // TensorFlow's 'same': the total padding is split with the odd pixel at the end.
  return Math.floor(Math.max((output - 1) * step.stride[axis] + eff - input, 0) / 2);
}

/** Kinds whose positions do not map onto input windows by a stride and a kernel. */
const NOT_DRAWABLE: Record<string, string> = {
  UpSampling2D: 'upsampling repeats positions',
  Conv2DTranspose: 'a transposed convolution spreads each position over several outputs',
};

function trace(graph: Graph, analysis: Analysis, target: string): Trace | string {
  const inputsOf = new Map<string, string[]>();
  for (const edge of [...graph.edges].sort((a, b) => a.targetIndex - b.targetIndex)) {
    const list = inputsOf.get(edge.target);
    if (list) list.push(edge.source);
    else inputsOf.set(edge.target, [edge.source]);
  }
  // Only the target's ancestors matter.
  const needed = new Set<string>([target]);
  const stack = [target];
  while (stack.length)
    for (const s of inputsOf.get(stack.pop()!) ?? []) if (!needed.has(s) && needed.add(s)) stack.push(s);
  const fields = new Map<string, Field>();
  const steps: Trace['steps'] = new Map();
  let inputOf = '';
  for (const id of analysis.order) {
    if (!needed.has(id)) continue;
    const node = analysis.nodes[id];
    if (!node?.outputShape || !node.params)
      return `"${node?.name ?? id}" has no known output: fix the errors upstream first.`;
    const inputs = inputsOf.get(id) ?? [];
    if (inputs.length === 0) {
      if (node.outputShape.length !== 3) {
        return `The input "${node.name}" is not an image (shape ${formatShape(node.outputShape)}): the view needs a [height, width, channels] input.`;
      }
      if (inputOf && inputOf !== id) return 'The network has two inputs: the view draws over one image only.';
      inputOf = id;
      fields.set(id, [
        { start: 0, size: 1, jump: 1 },
        { start: 0, size: 1, jump: 1 },
      ]);
      steps.set(id, { step: { type: 'identity' }, before: [0, 0], shift: [0, 0], inputs });
      continue;
    }
    const why = NOT_DRAWABLE[node.kind];
    if (why) return `"${node.name}" (${node.kind}) lies on the way: ${why}, so no single window can be drawn.`;
    const spec = getLayerSpec(node.kind);
    if (!spec) return `"${node.name}" is a layer kind Netwright does not know (${node.kind}): its field is unknown.`;
    const step = spec.rfStep(node.params as never);
    const ins = inputs.map((s) => fields.get(s));
    if (ins.some((f) => !f)) return `"${node.name}" is fed by a layer whose field is unknown.`;
    // Merges see the union of their inputs' windows.
    const union = (axis: 0 | 1): Axis => {
      const start = Math.min(...ins.map((f) => f![axis].start));
      const end = Math.max(...ins.map((f) => f![axis].start + f![axis].size));
      return { start, size: end - start, jump: Math.max(...ins.map((f) => f![axis].jump)) };
    };
    const field: Field = [union(0), union(1)];
    const before: [number, number] = [0, 0];
    const shift: [number, number] = [0, 0];
    if (step.type === 'global') {
      // Kept so a merge after a global layer still gets a field; the target itself is refused later.
      steps.set(id, { step, before, shift, inputs });
      fields.set(id, field);
      continue;
    }
    if (step.type === 'window') {
      const inShape = node.inputShapes[0];
      const same = (node.params as { padding?: unknown }).padding === 'same';
      for (const axis of [0, 1] as const) {
        const a = field[axis];
        before[axis] = paddingBefore(inShape?.[axis] ?? 0, node.outputShape[axis] ?? 0, step, axis, same);
        const eff = step.dilation[axis] * (step.kernel[axis] - 1) + 1;
        a.start -= before[axis] * a.jump;
        a.size += (eff - 1) * a.jump;
        a.jump *= step.stride[axis];
      }
    } else if (node.kind === 'ZeroPadding2D' || node.kind === 'Cropping2D') {
      const pairs =
        (node.params as { padding?: number[][]; cropping?: number[][] }).padding ??
        (node.params as { cropping: number[][] }).cropping;
      const sign = node.kind === 'ZeroPadding2D' ? -1 : 1;
      for (const axis of [0, 1] as const) {
        shift[axis] = sign * (pairs[axis]?.[0] ?? 0);
        field[axis].start += shift[axis] * field[axis].jump;
      }
    }
    steps.set(id, { step, before, shift, inputs });
    fields.set(id, field);
  }
  if (!inputOf) return 'The chosen layer is not fed by an image input.';
  return { fields, steps, inputOf };
}

const regionOf = (f: Field, p: [number, number]): Rect => ({
  top: f[0].start + p[0] * f[0].jump,
  left: f[1].start + p[1] * f[1].jump,
  height: f[0].size,
  width: f[1].size,
});

export function clipToImage(r: Rect, h: number, w: number): Rect | null {
  const top = Math.max(0, r.top);
  const left = Math.max(0, r.left);
  const bottom = Math.min(h, r.top + r.height);
  const right = Math.min(w, r.left + r.width);
  return bottom > top && right > left ? { top, left, height: bottom - top, width: right - left } : null;
}

/** `r` minus the image: bands above and below, then left and right between them. */
export function offImage(r: Rect, h: number, w: number): Rect[] {
  const bands: Rect[] = [];
  const bottom = r.top + r.height;
  const right = r.left + r.width;
  const midTop = Math.max(r.top, 0);
  const midBottom = Math.min(bottom, h);
  if (r.top < 0) bands.push({ top: r.top, left: r.left, height: Math.min(0, bottom) - r.top, width: r.width });
  if (bottom > h)
    bands.push({ top: Math.max(h, r.top), left: r.left, height: bottom - Math.max(h, r.top), width: r.width });
  if (midBottom > midTop) {
    if (r.left < 0)
      bands.push({ top: midTop, left: r.left, height: midBottom - midTop, width: Math.min(0, right) - r.left });
    if (right > w)
      bands.push({
        top: midTop,
        left: Math.max(w, r.left),
        height: midBottom - midTop,
        width: right - Math.max(w, r.left),
      });
  }
  return bands.filter((b) => b.height > 0 && b.width > 0);
}

/** The spatial size of a node's output, or why it has none. */
function spatial(analysis: Analysis, id: string): [number, number] | string {
  const node = analysis.nodes[id];
  if (!node) return `No layer "${id}" in this network.`;
  const shape = node.outputShape;
  if (!shape) return `"${node.name}" has no known output: fix its errors first.`;
  if (shape.length !== 3 || node.receptiveField?.global) {
    return `"${node.name}" has no spatial output (shape ${formatShape(shape)}): each of its values sees the whole input. Pick a convolution or pooling layer.`;
  }
  return [shape[0]!, shape[1]!];
}

/**
 * The field of `nodeId` at output `position` (default: the centre position), with the layers
 * on the way that widened it. At a merge the path follows the input with the largest field,
 * the branch that decides what the merge sees.
 */
export function fieldGeometry(
  graph: Graph,
  analysis: Analysis,
  nodeId: string,
  position?: [number, number],
): FieldResult {
  const out = spatial(analysis, nodeId);
  if (typeof out === 'string') return fail(out);
  const t = trace(graph, analysis, nodeId);
  if (typeof t === 'string') return fail(t);
  const image = analysis.nodes[t.inputOf]!.outputShape as [number, number, number];
  const [h, w] = [image[0], image[1]];
  const clamp = (v: number, n: number) => Math.min(n - 1, Math.max(0, Math.round(v)));
  const pos: [number, number] = position
    ? [clamp(position[0], out[0]), clamp(position[1], out[1])]
    : [Math.floor((out[0] - 1) / 2), Math.floor((out[1] - 1) / 2)];
  const field = t.fields.get(nodeId)!;
  const region = regionOf(field, pos);
  return {
    ok: true,
    nodeId,
    inputId: t.inputOf,
    image: [h, w],
    output: out,
    position: pos,
    size: [field[0].size, field[1].size],
    jump: [field[0].jump, field[1].jump],
    region,
    inside: clipToImage(region, h, w),
    padding: offImage(region, h, w),
    centre: [region.top + region.height / 2, region.left + region.width / 2],
    path: pathFrames(analysis, t, nodeId, pos),
  };
}

/** Walks back from the node to the input, mapping the position to each layer's centre tap. */
function pathFrames(analysis: Analysis, t: Trace, nodeId: string, pos: [number, number]): PathFrame[] {
  const frames: PathFrame[] = [];
  let id: string | undefined = nodeId;
  let p: [number, number] = [...pos];
  while (id) {
    const s: StepInfo = t.steps.get(id)!;
    const f = t.fields.get(id)!;
    const node = analysis.nodes[id]!;
    // At a merge, follow the input whose field is widest.
    const next: string | undefined = [...s.inputs].sort((a, b) => area(t.fields.get(b)!) - area(t.fields.get(a)!))[0];
    if (s.step.type === 'window' || s.inputs.length === 0 || id === nodeId) {
      frames.unshift({
        nodeId: id,
        name: node.name,
        kind: node.kind,
        position: [...p],
        region: regionOf(f, p),
        size: [f[0].size, f[1].size],
        jump: [f[0].jump, f[1].jump],
        kernel: s.step.type === 'window' ? [s.step.kernel[0], s.step.kernel[1]] : null,
        taps:
          s.step.type === 'window' && next
            ? taps(s.step, s.before, p, t.fields.get(next)!, analysis.nodes[next]!.outputShape!)
            : null,
      });
    }
    if (s.step.type === 'window') {
      const step = s.step;
      p = [0, 1].map((a) => {
        const eff = step.dilation[a]! * (step.kernel[a]! - 1) + 1;
        return p[a]! * step.stride[a]! - s.before[a]! + Math.floor((eff - 1) / 2);
      }) as [number, number];
    } else p = [p[0] - s.shift[0], p[1] - s.shift[1]];
    id = next;
  }
  return frames;
}

const area = (f: Field) => f[0].size * f[1].size;

/**
 * The taps of a window layer at output position `p`: the positions of its input it reads, as
 * centres in input pixels. A tap outside the input layer's output reads padding.
 */
function taps(
  step: RfStep & { type: 'window' },
  before: [number, number],
  p: [number, number],
  inputField: Field,
  inputShape: readonly number[],
): { y: Tap[]; x: Tap[] } {
  const axisTaps = (a: 0 | 1): Tap[] => {
    const first = p[a] * step.stride[a] - before[a];
    return Array.from({ length: step.kernel[a] }, (_, k) => {
      const q = first + k * step.dilation[a];
      const { start, size, jump } = inputField[a];
      return { at: start + q * jump + size / 2, padded: q < 0 || q >= (inputShape[a] ?? 0) };
    });
  };
  return { y: axisTaps(0), x: axisTaps(1) };
}
