import type { Analysis } from '../analysis/types';
import type { Graph, Shape } from '../graph/types';
import { type DiagnosticText, english } from '../i18n/diagnosticText';
import { runMessage, runText } from './runText';

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

/** `error` in English; `text` the same in any language. */
export type TrainableResult = ({ ok: true } & TrainableNetwork) | { ok: false; error: string; text: DiagnosticText };

/** [H, W, 1|3], or a flat [N] that is a square grey or RGB image; otherwise why not. */
export function imageInputOrWhy(shape: Shape): ImageInput | DiagnosticText {
  if (shape.length === 3) {
    const [height, width, channels] = shape as [number, number, number];
    if (channels !== 1 && channels !== 3) return runText('inputChannels', { channels });
    return { height, width, channels, flatten: false };
  }
  if (shape.length === 1) {
    const n = shape[0]!;
    for (const channels of [1, 3] as const) {
      const side = Math.round(Math.sqrt(n / channels));
      if (side * side * channels === n) return { height: side, width: side, channels, flatten: true };
    }
    return runText('inputVector', { values: n });
  }
  return runText('inputShape', { shape: `[${shape.join(', ')}]` });
}

/** [H, W, 1|3], or a flat [N] that is a square grey or RGB image; otherwise why not, in English. */
export function imageInputFor(shape: Shape): ImageInput | string {
  const input = imageInputOrWhy(shape);
  return 'key' in input ? english(input) : input;
}

const refused = (said: { message: string; text: DiagnosticText }): TrainableResult => ({
  ok: false,
  error: said.message,
  text: said.text,
});

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
    return refused(runMessage('networkErrors', { where, problem: firstError.text ?? firstError.message }));
  }
  const inputs = graph.nodes.filter((n) => n.kind === 'Input');
  if (inputs.length !== 1) return refused(runMessage('inputCount', { count: inputs.length }));
  if (analysis.outputs.length !== 1) {
    const names = analysis.outputs.map((id) => analysis.nodes[id]?.name ?? id).join(', ');
    return refused(runMessage('outputCount', { count: analysis.outputs.length, names }));
  }
  const inputShape = analysis.nodes[inputs[0]!.id]!.outputShape!;
  const input = imageInputOrWhy(inputShape);
  if ('key' in input) return refused(runMessage('notImages', { why: input }));
  const out = analysis.nodes[analysis.outputs[0]!]!;
  const outShape = out.outputShape!;
  if (outShape.length !== 1 || outShape[0]! < 2)
    return refused(runMessage('notClassifier', { name: out.name, shape: `[${outShape.join(', ')}]` }));
  const activation = out.params?.activation as string | undefined;
  if (activation !== undefined && activation !== 'softmax' && activation !== 'linear')
    return refused(runMessage('wrongActivation', { name: out.name, activation }));
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
