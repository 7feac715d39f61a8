import { formatInt } from '../../analysis/format';
import { GraphBuilder, type NodeRef } from '../../graph/builder';
import { LIMITS } from '../../graph/limits';
import { english, said, withText } from '../../i18n/diagnosticText';
import { oneLine } from '../json';
import { reasonText } from '../reasons';
import type { ImportDiagnostic, ImportFailure, ImportOptions, ImportResult } from '../types';
import { Context, Unconvertible, unconvertedText } from './context';
import { foldConstant, weightInputs, weightTensor } from './fold';
import type { OnnxGraphInput, OnnxModel, OnnxNode } from './model';
import { CONVERTERS } from './ops';
import { PENDING_OPS } from './pending';
import { pendingShape } from './pendingShape';
import type { DataValue } from './tensors';

const DEFAULT_HINT = 'pass --input-shape H,W,C';

/** Graph names exporters give every model (torch.onnx, tf2onnx): the file's name says more. */
const GENERIC_NAMES = /^(|main_graph|torch[-_]jit(-export)?|tf2onnx|graph)$/;

type Step = { ok: true } | ImportFailure;

/** The model's graph as Netwright layers; notes go to the context's warnings. */
export function convertModel(model: OnnxModel, options: ImportOptions): ImportResult {
  return convertWithContext(model, options).result;
}

/** The same, with the conversion's state, which says which ONNX node each layer came from. */
export function convertWithContext(model: OnnxModel, options: ImportOptions): { result: ImportResult; cx: Context } {
  const cx = new Context(model.opset, model.nodes);
  return { result: convertInto(cx, model, options), cx };
}

function convertInto(cx: Context, model: OnnxModel, options: ImportOptions): ImportResult {
  if (model.nodes.length > LIMITS.nodes)
    return {
      ok: false,
      error: `The model has ${formatInt(model.nodes.length)} operators; Netwright reads at most ${formatInt(LIMITS.nodes)}.`,
    };
  for (const [name, tensor] of model.initializers) cx.values.set(name, { kind: 'const', ...tensor });
  const weights = weightInputs(
    model.nodes,
    model.inputs.map((i) => i.name),
  );
  const dataInputs = model.inputs.filter((i) => !weights.has(i.name));
  for (const input of model.inputs)
    if (weights.has(input.name)) cx.values.set(input.name, { kind: 'const', ...weightTensor(input.dims) });
  if (dataInputs.length === 0) return { ok: false, error: 'The ONNX model has no input besides its weights.' };
  for (const input of dataInputs) {
    const added = addInput(cx, input, options);
    if (!added.ok) return added;
  }
  for (const node of model.nodes) {
    const step = convertNode(cx, node, options);
    if (!step.ok) return step;
  }
  const builder = new GraphBuilder();
  const refs = new Map<string, NodeRef>();
  for (const layer of cx.layers)
    refs.set(
      layer.id,
      builder.add(
        layer.kind,
        layer.params,
        layer.inputs.map((i) => refs.get(i)!),
        layer.id,
      ),
    );
  return {
    ok: true,
    graph: builder.build(),
    name: GENERIC_NAMES.test(model.graphName) ? '' : model.graphName,
    format: `ONNX opset ${model.opset}${model.producer ? ` (${oneLine(model.producer, 40)})` : ''}`,
    warnings: [...cx.warnings, ...modelNotes(model)],
    declaredWeights: model.storedWeights > 0 ? model.storedWeights : null,
  };
}

function addInput(cx: Context, input: OnnxGraphInput, options: ImportOptions): Step {
  const hint = options.inputShapeHint ?? DEFAULT_HINT;
  const q = `'${oneLine(input.name, 60)}'`;
  const dims = input.dims;
  if (!dims || (dims.length !== 4 && dims.length !== 2))
    return {
      ok: false,
      error: `Input ${q} has ${dims ? `rank ${dims.length}` : 'no stated shape'}; Netwright reads images N×C×H×W and vectors N×F.`,
    };
  let shape: (number | null)[] = dims.length === 4 ? [dims[2]!, dims[3]!, dims[1]!] : [dims[1]!];
  if (options.inputShape && dims.length === 4) {
    const declared = shape.map((d) => d ?? '?').join('×');
    if (shape.join() !== options.inputShape.join())
      cx.warnings.push({
        nodeId: null,
        severity: 'info',
        code: 'input-shape-override',
        ...withText(said('import.onnxInputOverride', { name: q, declared, shape: options.inputShape.join('×') })),
      });
    shape = [...options.inputShape];
  }
  if (shape.some((d) => d === null)) {
    const shown = dims.map((d) => d ?? '?').join('×');
    return { ok: false, error: `Input ${q} has open sizes (N×C×H×W = ${shown}): ${hint}.` };
  }
  const known = shape as number[];
  if (known.reduce((a, b) => a * b, 1) > LIMITS.tensorElements)
    return { ok: false, error: `Input ${q} of shape ${known.join('×')} is larger than Netwright's limit per sample.` };
  const id = cx.freshId(input.name || 'input');
  cx.values.set(input.name, cx.plan(id, 'Input', { shape: known }, [], known));
  return { ok: true };
}

function convertNode(cx: Context, node: OnnxNode, options: ImportOptions): Step {
  const values = node.inputs.map((n) => cx.value(n));
  const standard = node.domain === '' || node.domain === 'ai.onnx';
  const reads = values.some((v) => v?.kind === 'data');
  if (!reads || (node.opType === 'Shape' && standard)) {
    foldConstant(cx, node);
    return { ok: true };
  }
  const id = cx.freshId(node.name);
  let out: DataValue;
  const pending = standard ? PENDING_OPS[node.opType] : undefined;
  const converter = standard ? CONVERTERS[node.opType] : undefined;
  try {
    if (pending) throw new Unconvertible('onnx.pendingKind', { kind: pending }, pendingShape(cx, node));
    if (!converter)
      throw standard
        ? new Unconvertible('onnx.notImported')
        : new Unconvertible('onnx.otherDomain', { domain: oneLine(node.domain, 40) });
    out = converter(cx, node, id);
    cx.sources.set(id, node);
  } catch (error) {
    if (!(error instanceof Unconvertible)) throw error;
    if (options.strict) {
      const text = reasonText('frame.strict', { problem: unconvertedText(node, id, error) });
      return { ok: false, error: english(text), text };
    }
    out = cx.placeholder(node, id, error);
  }
  cx.values.set(node.outputs[0] ?? '', out);
  return { ok: true };
}

/** Notes on the whole file: the counting convention, folded batch norm, stored weights. */
function modelNotes(model: OnnxModel): ImportDiagnostic[] {
  const notes: ImportDiagnostic[] = [
    {
      nodeId: null,
      severity: 'info',
      code: 'parameter-convention',
      ...withText(said('import.parameterConvention')),
    },
  ];
  const hasBatchNorm = model.nodes.some((n) => n.opType === 'BatchNormalization');
  // torch.onnx names the weights it computed itself (folding a batch norm into a conv) onnx::Conv_N.
  const folded = model.nodes.filter(
    (n) => n.opType === 'Conv' && /^onnx::Conv_\d+$/.test(n.inputs[1] ?? '') && (n.inputs[2] ?? '') !== '',
  );
  if (!hasBatchNorm && folded.length > 0)
    notes.push({
      nodeId: null,
      severity: 'info',
      code: 'batch-norm-folded',
      ...withText(said('import.batchNormFolded', { n: folded.length }, folded.length)),
    });
  if (model.storedWeights > 0)
    notes.push({
      nodeId: null,
      severity: 'info',
      code: 'weights-ignored',
      ...withText(said('import.weightsHeld', { count: { int: model.storedWeights } })),
    });
  return notes;
}
