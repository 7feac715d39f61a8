import { stat } from 'node:fs/promises';
import path from 'node:path';
import type * as tfjs from '@tensorflow/tfjs';
import type { Analysis, Diagnostic } from '../../../shared/analysis';
import { type KerasWeights, WeightsMismatch } from '../../../shared/export';
import { generateOnnx, type OnnxExport, type OnnxTensorInfo } from '../../../shared/export/onnx';
import type { Graph } from '../../../shared/graph/types';
import { appVersion } from '../appInfo';
import { makeFolder, WriteProblem, writeFileAtomic } from '../files';
import { ExportProblem } from './problem';
import { loadSavedModel, modelWeights } from './tfjsModel';

type Tf = typeof tfjs;

export interface OnnxExportRequest {
  graph: Graph;
  name: string;
  analysis?: Analysis;
}

export interface OnnxSummary {
  /** The file written (exportOnnxFile) or to be written. */
  file: string;
  bytes: number;
  opset: number;
  hasWeights: boolean;
  inputs: OnnxTensorInfo[];
  outputs: OnnxTensorInfo[];
}

export type OnnxOutcome =
  | { ok: true; onnx: OnnxExport; hasWeights: boolean }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * The ONNX file of a graph, as bytes: with `weights` (a trained model's), or the seeded
 * initial weights. A graph with errors gives its diagnostics; what the user can fix (an
 * Unsupported node, weights of another network) throws ExportProblem.
 */
export function onnxExport(request: OnnxExportRequest, weights?: KerasWeights): OnnxOutcome {
  let result: ReturnType<typeof generateOnnx>;
  try {
    result = generateOnnx({ ...request, producerVersion: appVersion, ...(weights ? { weights } : {}) });
  } catch (err) {
    if (err instanceof WeightsMismatch) throw new ExportProblem(err.message);
    throw err;
  }
  if (!result.ok) {
    if (result.problem === 'network-errors') return { ok: false, diagnostics: result.diagnostics };
    throw new ExportProblem(result.message);
  }
  return { ok: true, onnx: result.export, hasWeights: result.export.hasWeights };
}

/** A trained TF.js model's weights by name, read from a saved model.json + weights folder. */
export async function savedModelWeights(tf: Tf, modelDir: string): Promise<KerasWeights> {
  const model = await loadSavedModel(tf, modelDir);
  try {
    return await modelWeights(tf, model);
  } finally {
    model.dispose();
  }
}

/** Writes the file atomically, creating its folder; a failure names the file and why. */
export async function writeOnnxFile(file: string, bytes: Uint8Array): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    throw new ExportProblem(
      `${file} is a folder; an ONNX export is one file: give a path such as ${path.join(file, 'model.onnx')}.`,
    );
  }
  try {
    await makeFolder(path.dirname(file));
    await writeFileAtomic(file, bytes);
  } catch (err) {
    if (err instanceof WriteProblem) throw new ExportProblem(`Cannot write ${file}: ${err.reason}`);
    throw err;
  }
}

/** `netwright export --to onnx`: the graph (with a saved model's weights, when given) written to `file`. */
export async function exportOnnxFile(
  request: OnnxExportRequest & { file: string },
  weights?: KerasWeights,
): Promise<{ ok: true; summary: OnnxSummary } | { ok: false; diagnostics: Diagnostic[] }> {
  const outcome = onnxExport(request, weights);
  if (!outcome.ok) return outcome;
  await writeOnnxFile(request.file, outcome.onnx.bytes);
  const { bytes, opset, inputs, outputs } = outcome.onnx;
  return {
    ok: true,
    summary: { file: request.file, bytes: bytes.length, opset, hasWeights: outcome.hasWeights, inputs, outputs },
  };
}
