import { type DiagnosticText, english, type TextValue, withText } from '../../i18n/diagnosticText';
import { errorMessage } from '../../issues';
import { UNSUPPORTED_KIND } from '../../layers/placeholder';
import { getLayerSpec, validateWithSpec } from '../../layers/registry';
import { LayerError } from '../../layers/spec';
import { oneLine } from '../json';
import { issuesValue, type ReasonKey, reasonText } from '../reasons';
import type { ImportDiagnostic } from '../types';
import type { AttrValue, OnnxNode } from './model';
import { ELEMENT_WISE_OPS } from './pending';
import { type ConstValue, type DataValue, elements, type KnownData, type Value } from './tensors';

/** A layer to add once every node is converted (so a later Add can still give a Dense its bias). */
export interface PlannedLayer {
  id: string;
  kind: string;
  params: Record<string, unknown>;
  inputs: string[];
}

/** Why an operator could not become a layer; the node becomes an Unsupported placeholder. */
export class Unconvertible extends Error {
  /** The reason in any language; `reason` (the message) is its English. */
  readonly reasonText: DiagnosticText;
  /** The placeholder's output shape where it is still known. */
  readonly outputShape: number[] | 'input' | undefined;

  constructor(key: ReasonKey, values: Record<string, TextValue> = {}, outputShape?: number[] | 'input') {
    const text = reasonText(key, values);
    super(english(text));
    this.reasonText = text;
    this.outputShape = outputShape;
  }

  get reason(): string {
    return this.message;
  }
}

/** What a weight or constant input is called in a reason: a word, or ONNX's own name ("pads"). */
export type Part = DiagnosticText | string;

export const part = (name: 'weight' | 'scale' | 'targetShape' | 'constantValue'): Part =>
  reasonText(`onnx.part.${name}`);

/** "ONNX Resize 'up' resizes in 'linear' mode…", with the count of its weights left out of the totals. */
export const unconvertedText = (node: OnnxNode, id: string, why: Unconvertible, weights = 0): DiagnosticText =>
  reasonText('frame.onnx', {
    op: oneLine(node.opType, 40),
    id,
    reason: why.reasonText,
    held: weights > 0 ? reasonText('frame.held', { weights: { int: weights } }) : '',
  });

const tidy = (name: string) => oneLine(name.replace(/^\/+/, ''), 120) || 'node';

/** The state of one conversion: values by tensor name, the layers planned, the notes. */
export class Context {
  readonly values = new Map<string, Value>();
  readonly layers: PlannedLayer[] = [];
  readonly byId = new Map<string, PlannedLayer>();
  readonly warnings: ImportDiagnostic[] = [];
  /** The ONNX node each layer was converted from, by layer id: where its weights are read. */
  readonly sources = new Map<string, OnnxNode>();
  /** A Dense given its bias by a later Add (MatMul then Add): the bias tensor's name, by layer id. */
  readonly addedBiases = new Map<string, string>();
  /** Weight elements held by operators imported as placeholders (not in the totals). */
  uncountedWeights = 0;
  private readonly ids = new Set<string>();

  private readonly uses = new Map<string, number>();

  constructor(
    readonly opset: number,
    nodes: readonly OnnxNode[],
  ) {
    for (const node of nodes) for (const name of node.inputs) this.uses.set(name, (this.uses.get(name) ?? 0) + 1);
  }

  /** How many ONNX nodes read the tensor. */
  consumers(tensor: string): number {
    return this.uses.get(tensor) ?? 0;
  }

  /** A unique node id from the ONNX node's name ("/layer1/layer1.0/conv1/Conv" → "layer1/layer1.0/conv1/Conv"). */
  freshId(name: string): string {
    const base = tidy(name);
    let id = base;
    for (let k = 1; this.ids.has(id); k++) id = `${base}_${k}`;
    this.ids.add(id);
    return id;
  }

  value(name: string): Value | undefined {
    return name === '' ? undefined : this.values.get(name);
  }

  data(node: OnnxNode, index = 0): KnownData {
    const v = this.value(node.inputs[index] ?? '');
    if (v?.kind !== 'data') throw new Unconvertible('onnx.notData', { index: index + 1 });
    if (!v.shape) throw new Unconvertible('onnx.unknownShape');
    return v as DataValue & { shape: number[] };
  }

  /** A constant input (weight, initializer, Constant), or undefined when the input is absent. */
  constant(node: OnnxNode, index: number): ConstValue | undefined {
    const name = node.inputs[index] ?? '';
    if (name === '') return undefined;
    const v = this.values.get(name);
    if (v?.kind !== 'const') throw new Unconvertible('onnx.notConstant', { index: index + 1 });
    return v;
  }

  /** A weight's dims, which the conversion needs. */
  dims(node: OnnxNode, index: number, rank: number, what: Part): number[] {
    const c = this.constant(node, index);
    if (!c?.dims) throw new Unconvertible('onnx.weightNoShape', { what, expected: rank });
    if (c.dims.length !== rank)
      throw new Unconvertible('onnx.weightRank', { what, rank: c.dims.length, expected: rank });
    return c.dims;
  }

  /** A small constant's values (pads, shapes, clip bounds). */
  numbers(node: OnnxNode, index: number, what: Part): number[] | undefined {
    const c = this.constant(node, index);
    if (!c) return undefined;
    if (!c.values) throw new Unconvertible('onnx.notStored', { what });
    return c.values;
  }

  attr(node: OnnxNode, name: string): AttrValue {
    return node.attrs.get(name);
  }

  int(node: OnnxNode, name: string, fallback: number): number {
    const v = node.attrs.get(name);
    return typeof v === 'number' ? v : fallback;
  }

  ints(node: OnnxNode, name: string): number[] | undefined {
    const v = node.attrs.get(name);
    return Array.isArray(v) ? v : undefined;
  }

  /** Plans a layer after checking its params and computing its shape with the kind's own spec. */
  layer(
    id: string,
    kind: string,
    params: Record<string, unknown>,
    inputs: readonly KnownData[],
    nonNegative = false,
  ): KnownData {
    const spec = getLayerSpec(kind);
    if (!spec) throw new Unconvertible('onnx.lacksKind', { kind });
    const checked = validateWithSpec(spec, params);
    if (!checked.ok)
      throw new Unconvertible('onnx.settingsMisfit', { kind, issues: issuesValue(checked.issues, undefined, false) });
    let shape: number[];
    try {
      shape = [
        ...spec.outputShape(
          inputs.map((i) => i.shape),
          checked.params,
        ),
      ];
    } catch (error) {
      const detail = oneLine(errorMessage(error), 160);
      // The layer kind's own text where it says just that, so it reads in any language too.
      const text = error instanceof LayerError && english(error.text) === detail ? error.text : detail;
      throw new Unconvertible('onnx.asKind', { kind, detail: text });
    }
    return this.plan(id, kind, params, inputs, shape, nonNegative) as KnownData;
  }

  plan(
    id: string,
    kind: string,
    params: Record<string, unknown>,
    inputs: readonly DataValue[],
    shape: number[] | null,
    nonNegative = false,
  ): DataValue {
    const planned = { id, kind, params, inputs: inputs.map((i) => i.node) };
    this.layers.push(planned);
    this.byId.set(id, planned);
    return { kind: 'data', node: id, shape, nonNegative };
  }

  /** An operator kept as an Unsupported node so the rest of the network is still analysed. */
  placeholder(node: OnnxNode, id: string, why: Unconvertible): DataValue {
    let outputShape = why.outputShape;
    const inputs = node.inputs.map((n) => this.value(n)).filter((v): v is DataValue => v?.kind === 'data');
    if (outputShape === undefined && inputs.length === 1 && ELEMENT_WISE_OPS.has(node.opType)) outputShape = 'input';
    const weights = node.inputs
      .map((n) => this.value(n))
      .filter((v): v is ConstValue => v?.kind === 'const' && v.weight && v.dims !== null)
      .reduce((sum, v) => sum + elements(v.dims!), 0);
    this.uncountedWeights += weights;
    const config = Object.fromEntries(
      [...node.attrs].map(([k, v]) => [k, typeof v === 'object' && !Array.isArray(v) ? '(tensor)' : v]),
    );
    const params = {
      kerasClass: `ONNX ${oneLine(node.opType, 40)}`,
      onnxOp: node.opType,
      reason: why.reason,
      reasonText: why.reasonText,
      config,
      ...(outputShape ? { outputShape } : {}),
    };
    this.warnings.push({
      nodeId: id,
      severity: outputShape ? 'warning' : 'error',
      code: 'unsupported-layer',
      ...withText(unconvertedText(node, id, why, weights)),
      kerasClass: params.kerasClass,
    });
    let shape: number[] | null = null;
    if (outputShape === 'input') shape = inputs.length === 1 ? inputs[0]!.shape : null;
    else if (outputShape) shape = outputShape;
    return this.plan(id, UNSUPPORTED_KIND, params, inputs, shape);
  }
}
