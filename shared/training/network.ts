import type { Analysis } from '../analysis/types';
import type { Graph, Shape } from '../graph/types';

/** How a dataset image becomes the network's input tensor. */
export interface ImageInput {
  height: number;
  width: number;
  channels: 1 | 3;
  /** The network takes a flat vector [H·W·C] (e.g. a Keras MLP with Input(784)): images are flattened. */
  flatten: boolean;
}

export interface TrainableNetwork {
  /** The graph that is trained: its final softmax replaced by linear, so the loss sees logits. */
  trainingGraph: Graph;
  /** The original's output activation: 'softmax' is put back for inference and export. */
  head: 'softmax' | 'linear';
  input: ImageInput;
  inputShape: Shape;
  classes: number;
  outputName: string;
}

export type TrainableResult = ({ ok: true } & TrainableNetwork) | { ok: false; error: string };

/** [H, W, 1|3], or a flat [N] that is a square grey or RGB image. */
export function imageInputFor(shape: Shape): ImageInput | string {
  if (shape.length === 3) {
    const [height, width, channels] = shape as [number, number, number];
    if (channels !== 1 && channels !== 3) {
      return `the input has ${channels} channels; datasets provide grey (1) or RGB (3) images`;
    }
    return { height, width, channels, flatten: false };
  }
  if (shape.length === 1) {
    const n = shape[0]!;
    for (const channels of [1, 3] as const) {
      const side = Math.round(Math.sqrt(n / channels));
      if (side * side * channels === n) return { height: side, width: side, channels, flatten: true };
    }
    return `the input is a vector of ${n} values, which is no square grey or RGB image (e.g. 784 = 28×28)`;
  }
  return `the input shape [${shape.join(', ')}] is not an image [height, width, channels]`;
}

/**
 * Checks that the graph is a classifier Netwright can train and derives the training
 * graph: tf.losses.softmaxCrossEntropy takes logits, so a softmax on the output would be
 * applied twice. Replacing the activation (rather than removing a node) keeps every
 * layer name and weight in place, so trained weights copy straight back into the original.
 */
export function prepareForTraining(graph: Graph, analysis: Analysis): TrainableResult {
  const firstError = analysis.diagnostics.find((d) => d.severity === 'error');
  if (firstError) {
    const where = firstError.nodeId ? `${analysis.nodes[firstError.nodeId]?.name ?? firstError.nodeId}: ` : '';
    return { ok: false, error: `The network has errors; fix them first. ${where}${firstError.message}` };
  }
  const inputs = graph.nodes.filter((n) => n.kind === 'Input');
  if (inputs.length !== 1)
    return { ok: false, error: `Training needs exactly one Input; this network has ${inputs.length}.` };
  if (analysis.outputs.length !== 1) {
    const names = analysis.outputs.map((id) => analysis.nodes[id]?.name ?? id).join(', ');
    return {
      ok: false,
      error: `Training needs exactly one output; this network ends in ${analysis.outputs.length} (${names}).`,
    };
  }
  const inputShape = analysis.nodes[inputs[0]!.id]!.outputShape!;
  const input = imageInputFor(inputShape);
  if (typeof input === 'string') return { ok: false, error: `Cannot train on images: ${input}.` };
  const out = analysis.nodes[analysis.outputs[0]!]!;
  const outShape = out.outputShape!;
  if (outShape.length !== 1 || outShape[0]! < 2) {
    return {
      ok: false,
      error: `${out.name} outputs [${outShape.join(', ')}]; a classifier must end in a vector of K ≥ 2 class scores (e.g. Dense(K) with softmax).`,
    };
  }
  const activation = out.params?.activation as string | undefined;
  if (activation !== undefined && activation !== 'softmax' && activation !== 'linear') {
    return {
      ok: false,
      error: `${out.name} ends in a ${activation} activation; classification training needs softmax (or linear logits): set its activation to softmax.`,
    };
  }
  const head = activation === 'softmax' ? 'softmax' : 'linear';
  const trainingGraph: Graph =
    head === 'softmax'
      ? {
          ...graph,
          nodes: graph.nodes.map((n) =>
            n.id === out.id ? { ...n, params: { ...n.params, activation: 'linear' } } : n,
          ),
        }
      : graph;
  return { ok: true, trainingGraph, head, input, inputShape, classes: outShape[0]!, outputName: out.name };
}
