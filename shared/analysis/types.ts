import type { Shape } from '../graph/types';
import type { DiagnosticText } from '../i18n/diagnosticText';

/** Parameter counts split the way Keras reports them (docs/conventions.md, Numbers). */
export interface NodeParamCount {
  trainable: number;
  nonTrainable: number;
  total: number;
}

/**
 * What one output position of a layer sees of the network input, per spatial axis:
 * `size` is the window in input pixels, `jump` the input distance between
 * neighbouring outputs. `global` once a dense / global-pooling / flatten step has
 * mixed every position (the size then stops being meaningful).
 */
export interface ReceptiveField {
  readonly size: readonly [number, number];
  readonly jump: readonly [number, number];
  readonly global: boolean;
}

export interface NodeAnalysis {
  id: string;
  name: string;
  kind: string;
  /** Validated parameters with defaults filled; absent when they do not validate. */
  params?: Record<string, unknown>;
  /** Input shapes in slot order (edge.targetIndex); empty while any input is unknown. */
  inputShapes: Shape[];
  /** Per-sample output shape; null when this node or something upstream has an error. */
  outputShape: Shape | null;
  paramCount: NodeParamCount;
  /** Multiply-accumulates per sample (docs/conventions.md). */
  macs: number;
  receptiveField: ReceptiveField | null;
  /** Elements in this node's output, per sample. */
  activationElements: number;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** The node the problem is shown on; null for problems of the graph as a whole. */
  nodeId: string | null;
  severity: Severity;
  /** Stable identifier for tests and the UI (see DiagnosticCode). */
  code: DiagnosticCode;
  /** In English, for --json and logs; `text` renders it in any language (diagnosticText). */
  message: string;
  text: DiagnosticText;
}

export type DiagnosticCode =
  | 'cycle'
  | 'unconnected-input'
  | 'too-many-inputs'
  | 'unknown-kind'
  /** An Unsupported layer with a known output shape: counted as 0, the totals are a lower bound. */
  | 'unsupported-layer'
  | 'invalid-params'
  | 'shape-error'
  /** A layer's output or cost is past LIMITS (docs/limits.md). */
  | 'too-large'
  | 'internal-error'
  | 'duplicate-name'
  | 'duplicate-id'
  | 'missing-node'
  | 'unknown-group'
  | 'unused-output'
  /** A layer whose weights other nodes use (a shared Keras layer): counted once (info). */
  | 'shared-weights'
  /** A node that cannot use the weights it is linked to (other kind or size, missing node). */
  | 'shared-weights-mismatch'
  | 'downstream-unknown';

export interface Totals {
  params: number;
  trainableParams: number;
  nonTrainableParams: number;
  macs: number;
  /** 2 × macs: one multiply-accumulate is two floating-point operations. */
  flops: number;
  /** Sum of every node's output elements, per sample. */
  activationElements: number;
  /** activationElements as float32. */
  activationBytes: number;
}

export interface Analysis {
  /**
   * Every node id once: the acyclic part in topological order, then nodes on
   * cycles, then nodes that depend on a cycle.
   */
  order: string[];
  nodes: Record<string, NodeAnalysis>;
  totals: Totals;
  /**
   * Some layer is not counted (an unsupported layer, or one whose shape is unknown after
   * an error): the totals are a lower bound.
   */
  partial: boolean;
  /** Per module (group id), including members of nested modules. */
  groups: Record<string, Totals>;
  diagnostics: Diagnostic[];
  /** Sink node ids (no consumer), in graph order. */
  outputs: string[];
}
