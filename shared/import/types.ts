import type { Graph } from '../graph/types';
import type { DiagnosticText } from '../i18n/diagnosticText';

/**
 * Node kind given to a Keras layer Netwright cannot represent exactly (an unknown
 * class, or a known class with a setting we do not have). The node keeps its place
 * and connections so the rest of the network stays visible; analysis reports it as
 * an unknown kind, and its params say what it was:
 * `{ kerasClass, reason, reasonText, config }` (reasonText: the reason in any language;
 * files saved before it have only the English reason).
 */
export { UNSUPPORTED_KIND } from '../layers/placeholder';

export type ImportSeverity = 'error' | 'warning' | 'info';

export type ImportDiagnosticCode =
  /** A layer imported as an Unsupported placeholder (severity error). */
  | 'unsupported-layer'
  /** Layers marked trainable: false, imported frozen (severity info). */
  | 'frozen-layers'
  /** The file carries weights; only the architecture is imported. */
  | 'weights-ignored'
  /** Python's NaN / Infinity in the JSON, read as null. */
  | 'nonstandard-json'
  /** options.inputShape replaced a declared input shape. */
  | 'input-shape-override'
  /** The model class is not one of Sequential / Functional / Model, read as functional. */
  | 'unusual-model-class'
  /** A model used as a layer, read as a module of its layers (severity info). */
  | 'nested-model'
  /** A layer or model applied more than once: one node per call, sharing the first call's weights (info). */
  | 'shared-layer'
  /** ONNX: which parameter convention the counts follow (PyTorch's; severity info). */
  | 'parameter-convention'
  /** ONNX: the exporter folded batch norms into the convolutions; the file's weights are counted (info). */
  | 'batch-norm-folded'
  /** ONNX: an operator imported with a layer that computes slightly differently; shapes and counts exact. */
  | 'inexact-import';

/** Same shape as analysis's Diagnostic, so the UI and CLI can show both the same way. */
export interface ImportDiagnostic {
  nodeId: string | null;
  severity: ImportSeverity;
  code: ImportDiagnosticCode;
  /** In English; `text`, where there is one, says it in any language (diagnosticText). */
  message: string;
  text?: DiagnosticText;
  /** The Keras class the note is about, where it is about one layer. */
  kerasClass?: string;
}

export interface ImportOptions {
  /** Replaces the shape of every input (needed when the file says None×None×C). */
  inputShape?: readonly [number, number, number];
  /** Fail with one line on the first layer that would become an Unsupported node. */
  strict?: boolean;
  /** What to tell the user when an input size is unknown; the CLI's flag by default. */
  inputShapeHint?: string;
}

export interface ImportSuccess {
  ok: true;
  graph: Graph;
  /** The model's name from the file ('model' if it has none; '' for an ONNX exporter's generic graph name, so the caller uses the file's). */
  name: string;
  /** What was read, e.g. "Keras 3 Functional" or "TensorFlow.js model.json (TF 2.x Keras Functional)". */
  format: string;
  /** One line each; severity 'error' means a layer became an Unsupported node. */
  warnings: ImportDiagnostic[];
  /** Total weight elements listed in a TF.js weightsManifest / weightSpecs; null when the file has none. */
  declaredWeights: number | null;
}

export interface ImportFailure {
  ok: false;
  /** One line, no stack trace, says what to do where it can. In English. */
  error: string;
  /** The error in any language (diagnosticText), where it has one: an internal error, a refused placeholder. */
  text?: DiagnosticText;
}

export type ImportResult = ImportSuccess | ImportFailure;
