import { LIMITS } from '../graph/limits';
import type { LayerNode, Shape } from '../graph/types';
import type { DiagnosticText } from '../i18n/diagnosticText';
import { type AnyLayerSpec, getLayerSpec, LayerError } from '../layers';
import { placeholderFor, placeholderSpec } from '../layers/placeholder';
import type { IndexedGraph } from './indexGraph';
import {
  countTooLargeMessage,
  cycleMessage,
  emptyOutputMessage,
  internalErrorMessage,
  invalidParamsMessage,
  outputTooLargeMessage,
  placeholderMessage,
  shapeErrorMessage,
  tooManyInputsMessage,
  unconnectedInputMessage,
  unknownKindMessage,
} from './messages';
import { type ParamsEntry, ParamsMemo } from './paramsCache';
import { ReceptiveFields } from './receptiveField';
import type { TopoResult } from './topoOrder';
import type { DiagnosticCode, NodeAnalysis, NodeParamCount, ReceptiveField, Severity } from './types';
import { youngCopy } from './young';

// Most nodes of a network (activations, pools, merges) have no weights, and a failed or
// source node no input shapes: they share one frozen value instead of one object each.
const NO_PARAMETERS: NodeParamCount = Object.freeze({ trainable: 0, nonTrainable: 0, total: 0 });
const NO_INPUTS = Object.freeze([]) as unknown as Shape[];

/** Per-node state during the pass. */
export const OK = 1;
/** The node has its own error: it is reported, and nodes after it are blocked by it. */
export const FAILED = 2;
/** An input is unknown because of an error upstream: no shape, no new error. */
export const BLOCKED = 3;

export type Report = (nodeId: string | null, severity: Severity, code: DiagnosticCode, text: DiagnosticText) => void;

/**
 * One analysis pass over an indexed graph: per-node state in flat arrays indexed
 * like the graph, and `visit`, which analyses one node whose inputs were visited
 * before it. What the node being visited has found so far lives in fields, so a
 * node costs one NodeAnalysis object and no intermediate ones.
 */
export class NodePass {
  readonly status: Uint8Array;
  /** For a BLOCKED node, the FAILED node it is waiting on (-1: none to name). */
  readonly blockedBy: Int32Array;
  /** For a FAILED node, how many nodes after it are blocked by it. */
  readonly blockedCount: Int32Array;
  /** Longest path from a source, to tell the network's end from a forgotten branch. */
  readonly depth: Int32Array;
  readonly specs: (AnyLayerSpec | undefined)[];
  /** Validated parameters per node position; keep() it once the pass is complete. */
  readonly memo: ParamsMemo;
  /** Unsupported layers analysed through with a known shape (each counted as 0). */
  placeholders = 0;
  private readonly shapes: (Shape | null)[];
  private readonly rf: ReceptiveFields;
  /** The registry's answer per kind seen: its own lookup costs several Map lookups on every node. */
  private readonly specOf = new Map<string, AnyLayerSpec | undefined>();

  private params: Record<string, unknown> | undefined;
  private inputs: Shape[] = NO_INPUTS;
  private output: Shape | null = null;
  private trainable = 0;
  private nonTrainable = 0;
  private macs = 0;
  private elements = 0;

  constructor(
    private readonly g: IndexedGraph,
    private readonly topo: TopoResult,
    private readonly report: Report,
  ) {
    const n = g.nodes.length;
    this.status = new Uint8Array(n);
    this.blockedBy = new Int32Array(n).fill(-1);
    this.blockedCount = new Int32Array(n);
    this.depth = new Int32Array(n);
    this.specs = new Array(n);
    this.shapes = new Array(n).fill(null);
    this.rf = new ReceptiveFields(n);
    this.memo = new ParamsMemo(n);
  }

  /**
   * Analyses node i inside a try/catch, so a broken layer kind can only ever
   * produce a diagnostic. A node that is not OK keeps its validated parameters
   * but shows and counts nothing it got part-way through.
   */
  visit(i: number): NodeAnalysis {
    const node = this.g.nodes[i]!;
    this.params = undefined;
    this.clearFindings();
    let status: number;
    try {
      status = this.analyze(i, node);
    } catch (error) {
      this.report(node.id, 'error', 'internal-error', internalErrorMessage(node, 'analysis', error));
      status = FAILED;
    }
    this.status[i] = status;
    if (status !== OK) {
      this.clearFindings();
      this.shapes[i] = null;
      this.rf.forget(i);
    }
    return this.result(node, status === OK ? this.rf.get(i) : null);
  }

  private clearFindings(): void {
    this.inputs = NO_INPUTS;
    this.output = null;
    this.trainable = 0;
    this.nonTrainable = 0;
    this.macs = 0;
    this.elements = 0;
  }

  private result(node: LayerNode, receptiveField: ReceptiveField | null): NodeAnalysis {
    const paramCount =
      this.trainable === 0 && this.nonTrainable === 0 ? NO_PARAMETERS : new Count(this.trainable, this.nonTrainable);
    return new Result(
      node,
      this.inputs,
      this.output,
      paramCount,
      this.macs,
      receptiveField,
      this.elements,
      this.params,
    );
  }

  private analyze(i: number, node: LayerNode): number {
    const { inStart, inSource } = this.g;
    for (let e = inStart[i]!; e < inStart[i + 1]!; e++)
      this.depth[i] = Math.max(this.depth[i]!, this.depth[inSource[e]!]! + 1);
    // Problems of the node itself are all reported, whatever happened upstream.
    const entry = this.checkOwnProblems(i, node);
    if (!entry || !this.params) return FAILED;
    // An unknown input means an error was already reported upstream: stay quiet.
    if (this.isBlocked(i)) return BLOCKED;
    if (!this.computeShape(i, node, entry.spec, this.params)) return FAILED;
    if (!this.computeCosts(node, entry.spec, this.params)) return FAILED;
    this.computeField(i, node, entry, this.params);
    return OK;
  }

  /** Reports every problem of the node itself; its validated parameters entry when there is none. */
  private checkOwnProblems(i: number, node: LayerNode): ParamsEntry | null {
    const count = this.g.inStart[i + 1]! - this.g.inStart[i]!;
    let ownError = false;
    const registered = this.registeredSpec(node.kind);
    const spec = registered ?? placeholderFor(node);
    const placeholder = !registered && spec !== undefined;
    this.specs[i] = spec;
    let entry: ParamsEntry | undefined;
    if (!spec) {
      this.report(node.id, 'error', 'unknown-kind', unknownKindMessage(node));
      ownError = true;
    } else {
      entry = this.memo.get(i, spec, node.params);
      if (entry.result.ok) {
        this.params = entry.result.params;
        if (placeholder) {
          this.placeholders += 1;
          this.report(node.id, 'warning', 'unsupported-layer', placeholderMessage(node));
        }
      } else {
        this.report(node.id, 'error', 'invalid-params', invalidParamsMessage(node, entry.result.issues));
        ownError = true;
      }
      if (count < spec.inputs.min) {
        this.report(node.id, 'error', 'unconnected-input', unconnectedInputMessage(node, spec.inputs.min, count));
        ownError = true;
      } else if (count > spec.inputs.max) {
        this.report(node.id, 'error', 'too-many-inputs', tooManyInputsMessage(node, spec.inputs.max, count));
        ownError = true;
      }
    }
    if (this.topo.onCycle[i]) {
      const loop = this.topo.loops.get(i) ?? { nodes: [i], exact: true, size: 1 };
      const names = loop.nodes.map((j) => this.g.nodes[j]!.name);
      this.report(node.id, 'error', 'cycle', cycleMessage(node, names, loop.exact, loop.size));
      ownError = true;
    }
    return ownError || !entry ? null : entry;
  }

  private registeredSpec(kind: string): AnyLayerSpec | undefined {
    let spec = this.specOf.get(kind);
    if (spec === undefined && !this.specOf.has(kind)) {
      spec = getLayerSpec(kind);
      this.specOf.set(kind, spec);
    }
    return spec;
  }

  /** True when an input has no shape; the node then waits on the failed node upstream, counted there. */
  private isBlocked(i: number): boolean {
    const { inStart, inSource } = this.g;
    for (let e = inStart[i]!; e < inStart[i + 1]!; e++) {
      const s = inSource[e]!;
      if (this.status[s] === OK) continue;
      const root = this.status[s] === FAILED ? s : this.blockedBy[s]!;
      this.blockedBy[i] = root;
      if (root >= 0) this.blockedCount[root]! += 1;
      return true;
    }
    return false;
  }

  /** The output shape from the inputs' shapes; false (reported) when the kind refuses it or it is empty or too large. */
  private computeShape(i: number, node: LayerNode, spec: AnyLayerSpec, params: Record<string, unknown>): boolean {
    const first = this.g.inStart[i]!;
    const count = this.g.inStart[i + 1]! - first;
    const inputs: Shape[] = new Array(count);
    for (let e = 0; e < count; e++) inputs[e] = this.shapes[this.g.inSource[first + e]!]!;
    this.inputs = inputs;
    let output: Shape;
    try {
      output = spec.outputShape(inputs, params);
    } catch (error) {
      if (error instanceof LayerError) this.report(node.id, 'error', 'shape-error', shapeErrorMessage(node, error));
      else this.report(node.id, 'error', 'internal-error', internalErrorMessage(node, 'outputShape', error));
      return false;
    }
    const elements = checkedElements(output);
    if (elements === 0) {
      this.report(node.id, 'error', 'shape-error', emptyOutputMessage(node, inputs, output));
      return false;
    }
    if (Number.isNaN(elements)) {
      this.report(
        node.id,
        'error',
        'internal-error',
        internalErrorMessage(node, 'outputShape', `got ${String(output)}`),
      );
      return false;
    }
    if (elements > LIMITS.tensorElements) {
      this.report(node.id, 'error', 'too-large', outputTooLargeMessage(node, output));
      return false;
    }
    // A new shape is kept as a copy, and the kind's own array dies young (young.ts says why).
    if (output !== inputs[0]) output = youngCopy(output);
    this.shapes[i] = output;
    this.output = output;
    this.elements = elements;
    return true;
  }

  /**
   * Parameters and multiply-adds. Costs are extras: if a kind fails at them the
   * shape is still right, so report it and keep the node usable downstream. Costs
   * past what a double counts exactly are the network's error (false).
   */
  private computeCosts(node: LayerNode, spec: AnyLayerSpec, params: Record<string, unknown>): boolean {
    const output = this.output!;
    try {
      const pc = spec.paramCount(this.inputs, params);
      const macs = spec.macs(this.inputs, output, params);
      if (!isCount(pc.trainable) || !isCount(pc.nonTrainable) || !isCount(macs)) {
        throw new Error(`got ${pc.trainable} / ${pc.nonTrainable} parameters and ${macs} multiply-adds`);
      }
      const total = pc.trainable + pc.nonTrainable;
      if (total > LIMITS.layerCount || macs > LIMITS.layerCount) {
        this.report(node.id, 'error', 'too-large', countTooLargeMessage(node, total, macs));
        return false;
      }
      // A frozen layer's weights all count as non-trainable, as Keras counts them.
      this.trainable = node.frozen ? 0 : pc.trainable;
      this.nonTrainable = node.frozen ? total : pc.nonTrainable;
      this.macs = macs;
    } catch (error) {
      this.report(node.id, 'error', 'internal-error', internalErrorMessage(node, 'costs', error));
    }
    return true;
  }

  /** The receptive field from the inputs' fields; like costs, a failure is reported and leaves the node usable. */
  private computeField(i: number, node: LayerNode, entry: ParamsEntry, params: Record<string, unknown>): void {
    const { inStart, inSource } = this.g;
    const first = inStart[i]!;
    const count = inStart[i + 1]! - first;
    try {
      let known = true;
      if (count === 0) this.rf.start(i);
      for (let e = 0; e < count && known; e++) known = this.rf.mergeInput(i, inSource[first + e]!, e === 0);
      if (entry.rfStep === undefined) entry.rfStep = entry.spec.rfStep(params);
      // What an unsupported layer sees is unknown, and so is everything it feeds.
      if (entry.spec === placeholderSpec) this.rf.forget(i);
      else if (known) this.rf.apply(i, entry.rfStep!);
    } catch (error) {
      this.rf.forget(i);
      this.report(node.id, 'error', 'internal-error', internalErrorMessage(node, 'receptiveField', error));
    }
  }
}

type ResultConstructor = new (
  node: LayerNode,
  inputShapes: Shape[],
  outputShape: Shape | null,
  paramCount: NodeParamCount,
  macs: number,
  receptiveField: ReceptiveField | null,
  activationElements: number,
  params: Record<string, unknown> | undefined,
) => NodeAnalysis;

/**
 * A node's result, made by `new` rather than as an object literal so it stays young (young.ts
 * says why). The prototype is Object.prototype: a result is a plain object, with its fields
 * in the order the literal had (params last, only when valid).
 */
const Result = function (
  this: Record<string, unknown>,
  node: LayerNode,
  inputShapes: Shape[],
  outputShape: Shape | null,
  paramCount: NodeParamCount,
  macs: number,
  receptiveField: ReceptiveField | null,
  activationElements: number,
  params: Record<string, unknown> | undefined,
) {
  this.id = node.id;
  this.name = node.name;
  this.kind = node.kind;
  this.inputShapes = inputShapes;
  this.outputShape = outputShape;
  this.paramCount = paramCount;
  this.macs = macs;
  this.receptiveField = receptiveField;
  this.activationElements = activationElements;
  if (params) this.params = params;
} as unknown as ResultConstructor;
Result.prototype = Object.prototype;

/** A weighted node's parameter count, made by `new` for the reason Result is. */
const Count = function (this: Record<string, unknown>, trainable: number, nonTrainable: number) {
  this.trainable = trainable;
  this.nonTrainable = nonTrainable;
  this.total = trainable + nonTrainable;
} as unknown as new (
  trainable: number,
  nonTrainable: number,
) => NodeParamCount;
Count.prototype = Object.prototype;

/** Element count of a shape: 0 if a dimension is zero or below, NaN if it is not a whole number. */
function checkedElements(shape: Shape): number {
  if (!Array.isArray(shape)) return Number.NaN;
  let product = 1;
  let empty = false;
  for (let d = 0; d < shape.length; d++) {
    const dim = shape[d];
    if (typeof dim !== 'number' || !Number.isInteger(dim)) return Number.NaN;
    if (dim <= 0) empty = true;
    product *= dim;
  }
  return empty ? 0 : product;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
