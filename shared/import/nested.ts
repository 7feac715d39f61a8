import { oneLine } from './json';
import { callName, type RawLayer, readFunctional, readSequential } from './topology';

/** Keras classes of a whole model, which a model may use as one of its layers (transfer learning). */
const MODEL_AS_LAYER = new Set(['Model', 'Functional', 'Sequential']);
const MAX_DEPTH = 8;

const q = (name: string) => `'${oneLine(name, 60)}'`;

type Expanded = { ok: true; layers: RawLayer[] } | { ok: false; error: string };

/** Whether a layer entry is a model used as a layer: a model class with its own layer list. */
function isNestedModel(layer: RawLayer): boolean {
  if (!MODEL_AS_LAYER.has(layer.className)) return false;
  return Array.isArray(layer.config.layers) || Array.isArray(layer.config);
}

/** The layer calls of input_layers / output_layers: [["name", 0, 0], …] or (Keras 3, one) ["name", 0, 0]. */
function endpointNames(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  const entries = typeof value[0] === 'string' ? [value] : value;
  const names: string[] = [];
  for (const entry of entries) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') return null;
    const nodeIndex = entry[1];
    names.push(callName(entry[0], Number.isInteger(nodeIndex) && nodeIndex > 0 ? nodeIndex : 0));
  }
  return names;
}

const hasShape = (config: Record<string, unknown>) =>
  config.batch_input_shape !== undefined || config.batch_shape !== undefined || config.shape !== undefined;

/**
 * Replaces every model used as a layer by its own layers, named `model/layer` and marked with
 * the path of models they sit in (the editor shows each as a module). The nested model's inputs
 * become the tensors it was called on; the layers that used its output use its output layer. A
 * frozen model (trainable: false) freezes all its layers, as Keras does. A model applied more
 * than once expands once per call (`model`, `model#2`), the later calls sharing the first's weights.
 */
export function expandNestedModels(layers: readonly RawLayer[], depth = 0): Expanded {
  const out: RawLayer[] = [];
  const byName = new Map<string, RawLayer>();
  /** A nested model's name -> the (renamed) layer giving its output. */
  const outputOf = new Map<string, string>();
  for (const layer of layers) {
    if (!isNestedModel(layer)) {
      const kept = { ...layer, inputs: [...layer.inputs] };
      out.push(kept);
      byName.set(kept.name, kept);
      continue;
    }
    if (depth >= MAX_DEPTH) {
      return { ok: false, error: `Model ${q(layer.name)} is nested more than ${MAX_DEPTH} models deep.` };
    }
    const sequential = layer.className === 'Sequential';
    const inner = sequential ? readSequential(layer.config) : readFunctional(layer.config);
    if (!inner.ok) return { ok: false, error: `In the nested model ${q(layer.name)}: ${inner.error}` };
    const expanded = expandNestedModels(inner.layers, depth + 1);
    if (!expanded.ok) return { ok: false, error: `In the nested model ${q(layer.name)}: ${expanded.error}` };
    const innerLayers = expanded.layers;
    const inputNames = sequential
      ? innerLayers.filter((l) => l.className === 'InputLayer').map((l) => l.name)
      : endpointNames(layer.config.input_layers);
    const outputNames = sequential ? [innerLayers.at(-1)!.name] : endpointNames(layer.config.output_layers);
    if (!inputNames || !outputNames) {
      return {
        ok: false,
        error: `The nested model ${q(layer.name)} has no readable input_layers / output_layers: expected [["name", 0, 0], …].`,
      };
    }
    if (outputNames.length !== 1) {
      return {
        ok: false,
        error: `The nested model ${q(layer.name)} has ${outputNames.length} outputs; Netwright reads nested models with one output.`,
      };
    }
    const sources = layer.inputs.map((s) => outputOf.get(s) ?? s);
    if (sources.length !== inputNames.length) {
      return {
        ok: false,
        error: `The nested model ${q(layer.name)} takes ${inputNames.length} input(s) but is called on ${sources.length}.`,
      };
    }
    const prefix = `${layer.name}/`;
    // The nested model's inputs are the tensors it is called on.
    const alias = new Map<string, string>();
    inputNames.forEach((name, i) => {
      const outer = byName.get(sources[i]!);
      const innerInput = innerLayers.find((l) => l.name === name);
      // A Sequential starting with a nested model states its input shape only inside it.
      if (outer?.synthesized && !hasShape(outer.config) && innerInput) outer.config = { ...innerInput.config };
      alias.set(name, sources[i]!);
    });
    const frozen = layer.config.trainable === false;
    for (const l of innerLayers) {
      if (alias.has(l.name)) continue;
      const renamed: RawLayer = {
        ...l,
        name: prefix + l.name,
        inputs: l.inputs.map((s) => alias.get(s) ?? prefix + s),
        models: [layer.name, ...(l.models ?? [])],
      };
      if (frozen) renamed.frozen = true;
      // A model applied again (layer.sharesWeightsOf) reuses the first call's layers' weights.
      const owner = layer.sharesWeightsOf ?? (l.sharesWeightsOf ? layer.name : undefined);
      if (owner) renamed.sharesWeightsOf = `${owner}/${l.sharesWeightsOf ?? l.name}`;
      out.push(renamed);
      byName.set(renamed.name, renamed);
    }
    outputOf.set(layer.name, alias.get(outputNames[0]!) ?? prefix + outputNames[0]!);
  }
  // The layers that used a nested model's output now use its output layer.
  for (const l of out) l.inputs = l.inputs.map((s) => outputOf.get(s) ?? s);
  return { ok: true, layers: out };
}
