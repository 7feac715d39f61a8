import type * as tfjs from '@tensorflow/tfjs';
import { type Analysis, analyzeGraph, type Diagnostic } from '../../../shared/analysis';
import {
  ExportError,
  type ExportRequest,
  type ExportTarget,
  generateExport,
  prepareNetwork,
  type Tensor,
  type TrainedState,
  WeightsMismatch,
} from '../../../shared/export';
import { ExportProblem } from './problem';
import { loadSavedModel, modelWeights } from './tfjsModel';
import { writeExportFiles } from './writeFiles';

type Tf = typeof tfjs;

export interface ExportToFolder extends Omit<ExportRequest, 'trained'> {
  /** Created if missing; files already there that the export does not write are kept. */
  outDir: string;
}

export interface ExportSummary {
  target: ExportTarget;
  outDir: string;
  /** Full paths of the files written. */
  files: string[];
  hasWeights: boolean;
  /** Node names that are not Python identifiers, and what the code calls them. */
  renamed: { name: string; python: string }[];
}

export type ExportOutcome = { ok: true; summary: ExportSummary } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Writes the code of an export (model.py, train.py, README.md) for a graph. A graph
 * with errors is not exported: its diagnostics come back instead. Problems the user can
 * fix (options, an unwritable folder) throw ExportProblem.
 */
export function exportNetwork(request: ExportToFolder): Promise<ExportOutcome> {
  return write(request, undefined);
}

async function write(request: ExportToFolder, trained: TrainedState | undefined): Promise<ExportOutcome> {
  let result: ReturnType<typeof generateExport>;
  try {
    result = generateExport(trained ? { ...request, trained } : request);
  } catch (err) {
    if (err instanceof WeightsMismatch) throw new ExportProblem(err.message);
    throw err;
  }
  if (!result.ok) {
    if (result.problem === 'network-errors') return { ok: false, diagnostics: result.diagnostics };
    throw new ExportProblem(result.problem === 'bad-options' ? `Training option ${result.message}` : result.message);
  }
  const files = await writeExportFiles(request.outDir, result.export.files);
  const renamed = [...result.export.network.nodes.values()]
    .filter((n) => n.ident !== n.name && n.layer.kind !== 'Input')
    .map((n) => ({ name: n.name, python: n.ident }));
  return {
    ok: true,
    summary: { target: request.target, outDir: request.outDir, files, hasWeights: trained !== undefined, renamed },
  };
}

export interface TrainedExport extends ExportToFolder {
  /** Seeds the random reference input, so the same model gives the same files. */
  seed?: number;
}

/**
 * Exports a trained TF.js model of `request.graph` (compiled by Netwright, so layer
 * names are node names): the code, the weights converted for the target, a reference
 * input with TF.js's output for it, and check.py, which compares the two frameworks.
 */
export async function exportTrainedModel(
  tf: Tf,
  model: tfjs.LayersModel,
  request: TrainedExport,
): Promise<ExportOutcome> {
  const analysis = request.analysis ?? analyzeGraph(request.graph);
  const prepared = prepareFor(request, analysis);
  if (!prepared.ok) return { ok: false, diagnostics: prepared.diagnostics };
  const net = prepared.network;
  const nameOf = (id: string) => net.nodes.get(id)!.name;
  const inputIndex = net.inputs.map((id) => indexOf(model.inputNames, nameOf(id), 'input'));
  const outputIndex = net.outputs.map((id) => indexOf(model.outputNames, nameOf(id), 'output'));

  const weights = await modelWeights(tf, model);
  const seed = request.seed ?? 1;
  const inputs = net.inputs.map((id, i) =>
    tf.randomUniform([2, ...net.nodes.get(id)!.outputShape], 0, 1, 'float32', seed + i),
  );
  const ordered: tfjs.Tensor[] = new Array(inputs.length);
  inputIndex.forEach((modelIndex, i) => {
    ordered[modelIndex] = inputs[i]!;
  });
  const predicted = model.predict(ordered.length === 1 ? ordered[0]! : ordered);
  const outputs = Array.isArray(predicted) ? predicted : [predicted];
  const reference = {
    inputs: await Promise.all(inputs.map(toTensor)),
    outputs: await Promise.all(outputIndex.map((modelIndex) => toTensor(outputs[modelIndex]!))),
  };
  for (const t of [...inputs, ...outputs]) t.dispose();
  return write({ ...request, analysis }, { weights, reference });
}

/**
 * The same from a TF.js model saved as files (model.json + weights, as a Netwright run
 * saves it): loads it, exports, and frees it again.
 */
export async function exportSavedModel(tf: Tf, modelDir: string, request: TrainedExport): Promise<ExportOutcome> {
  const model = await loadSavedModel(tf, modelDir);
  try {
    return await exportTrainedModel(tf, model, request);
  } finally {
    model.dispose();
  }
}

function prepareFor(request: TrainedExport, analysis: Analysis) {
  try {
    return prepareNetwork(request.graph, request.name, analysis);
  } catch (err) {
    if (err instanceof ExportError) throw new ExportProblem(err.message);
    throw err;
  }
}

function indexOf(names: string[], name: string, what: string): number {
  const index = names.indexOf(name);
  if (index < 0) {
    throw new ExportProblem(
      `The trained model has no ${what} layer "${name}" (it has ${names.join(', ')}): it was not compiled from this network.`,
    );
  }
  return index;
}

async function toTensor(t: tfjs.Tensor): Promise<Tensor> {
  return { shape: t.shape, values: Float32Array.from(await t.data()) };
}
