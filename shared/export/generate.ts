import type { Analysis, Diagnostic } from '../analysis';
import type { Graph } from '../graph/types';
import { kerasCheckScript } from './keras/check';
import { kerasModel } from './keras/model';
import { kerasTrainScript } from './keras/train';
import { type ExportNetwork, prepareNetwork } from './network';
import { parseTrainingOptions, type TrainingOptions, type TrainingOptionsInput } from './options';
import { ExportError } from './plainLayer';
import { pytorchCheckScript } from './pytorch/check';
import { pytorchModel } from './pytorch/model';
import { pytorchTrainScript } from './pytorch/train';
import { exportReadme } from './readme';
import { referenceInputName, referenceOutputName } from './reference';
import type { ExportTarget } from './target';
import { encodeTensors, type NamedTensor, type Tensor } from './tensorFile';
import { hiddenCharacterProblem } from './textCheck';
import { type KerasWeights, kerasWeightTensors, pytorchWeightTensors } from './weights';

/** Trained weights (TF.js names and layouts) and one forward pass TF.js computed with them. */
export interface TrainedState {
  weights: KerasWeights;
  /** Inputs and outputs in graph order, TF.js layouts (NHWC), batch axis first. */
  reference: { inputs: Tensor[]; outputs: Tensor[] };
}

export interface ExportRequest {
  graph: Graph;
  /** The network's name, used in docstrings and the README. */
  name: string;
  target: ExportTarget;
  training?: TrainingOptionsInput;
  trained?: TrainedState;
  analysis?: Analysis;
}

export interface ExportFile {
  /** Relative to the export folder. */
  path: string;
  contents: string | Uint8Array;
}

export interface GeneratedExport {
  target: ExportTarget;
  files: ExportFile[];
  network: ExportNetwork;
  training: TrainingOptions;
  /** PyTorch only: node id → module path (null for a final softmax left to predict()). */
  modulePaths?: Map<string, string | null>;
}

export type GenerateResult =
  | { ok: true; export: GeneratedExport }
  | { ok: false; problem: 'network-errors'; diagnostics: Diagnostic[] }
  | { ok: false; problem: 'bad-options' | 'unsupported'; message: string };

/**
 * The files of an export, as data: model.py, train.py and README.md, plus the weights,
 * the reference pass and check.py when a trained state is given. Pure, so the CLI, the
 * main process and tests share it; electron/services/export writes the files.
 * Throws WeightsMismatch when the trained weights do not belong to the graph.
 */
export function generateExport(request: ExportRequest): GenerateResult {
  const options = parseTrainingOptions(request.training ?? {});
  if (!options.ok) return { ok: false, problem: 'bad-options', message: options.error };
  let prepared: ReturnType<typeof prepareNetwork>;
  try {
    prepared = prepareNetwork(request.graph, request.name, request.analysis);
  } catch (err) {
    // A layer kind added to the catalog before the exporters learnt it.
    if (err instanceof ExportError) return { ok: false, problem: 'unsupported', message: err.message };
    throw err;
  }
  if (!prepared.ok) return { ok: false, problem: 'network-errors', diagnostics: prepared.diagnostics };
  const net = prepared.network;
  const hasWeights = request.trained !== undefined;
  const files: ExportFile[] = [];
  let modulePaths: Map<string, string | null> | undefined;
  let weights: NamedTensor[] = [];

  if (request.target === 'pytorch') {
    const model = pytorchModel(net);
    modulePaths = model.modulePaths;
    files.push({ path: 'model.py', contents: model.source });
    files.push({ path: 'train.py', contents: pytorchTrainScript(net, options.options, hasWeights) });
    if (request.trained) {
      weights = pytorchWeightTensors(net, model.modulePaths, request.trained.weights);
      files.push({ path: 'check.py', contents: pytorchCheckScript(net) });
    }
  } else {
    files.push({ path: 'model.py', contents: kerasModel(net) });
    files.push({ path: 'train.py', contents: kerasTrainScript(net, options.options, hasWeights) });
    if (request.trained) {
      weights = kerasWeightTensors(net, request.trained.weights);
      files.push({ path: 'check.py', contents: kerasCheckScript(net) });
    }
  }
  files.push({
    path: 'README.md',
    contents: exportReadme({ net, target: request.target, options: options.options, hasWeights }),
  });

  if (request.trained) {
    const weightFile = encodeTensors(weights);
    files.push(
      { path: 'weights.json', contents: weightFile.index },
      { path: 'weights.bin', contents: weightFile.data },
    );
    const { inputs, outputs } = request.trained.reference;
    const reference = encodeTensors([
      ...inputs.map((t, i) => ({ name: referenceInputName(i), ...t })),
      ...outputs.map((t, i) => ({ name: referenceOutputName(i), ...t })),
    ]);
    files.push(
      { path: 'reference.json', contents: reference.index },
      { path: 'reference.bin', contents: reference.data },
    );
  }
  const hidden = hiddenCharacterProblem(files);
  if (hidden) return { ok: false, problem: 'unsupported', message: hidden };
  const result: GeneratedExport = { target: request.target, files, network: net, training: options.options };
  if (modulePaths) result.modulePaths = modulePaths;
  return { ok: true, export: result };
}
