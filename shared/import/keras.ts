import { formatInt } from '../analysis/format';
import { GraphBuilder, type NodeRef } from '../graph/builder';
import { applyChanges } from '../graph/changes';
import { LIMITS } from '../graph/limits';
import type { Graph, Group } from '../graph/types';
import { type DiagnosticText, english, said, withText } from '../i18n/diagnosticText';
import { errorMessage } from '../issues';
import { findModel, MODEL_CLASSES, type ModelEnvelope } from './envelope';
import { oneLine, readJson } from './json';
import { convertLayer } from './layers';
import { expandNestedModels } from './nested';
import { reasonText } from './reasons';
import { sharedLayerNotes, withSharedWeights } from './shared';
import { type RawLayer, readFunctional, readSequential, type TopologyResult } from './topology';
import {
  type ImportDiagnostic,
  type ImportFailure,
  type ImportOptions,
  type ImportResult,
  UNSUPPORTED_KIND,
} from './types';

const DEFAULT_HINT = 'pass --input-shape H,W,C';

const q = (name: string) => `'${oneLine(name, 60)}'`;
const fail = (error: string): ImportFailure => ({ ok: false, error });
const failWith = (text: DiagnosticText): ImportFailure => ({ ok: false, error: english(text), text });

/**
 * Reads a Keras or TensorFlow.js Layers model (any of the JSON forms in envelope.ts,
 * Keras 2.1 to Keras 3, Functional or Sequential) into a Graph whose node ids are the
 * Keras layer names. Positions are left unset for the editor to lay out.
 *
 * Problems with the file as a whole (not JSON, not a model, a cycle, a dangling
 * reference, an input of unknown size, channels_first) fail with one line. A layer
 * Netwright cannot represent (unknown class, unsupported setting) becomes an
 * `Unsupported` node with an error in `warnings`, so the rest of the network can be
 * seen and the layer replaced; `strict: true` fails on it instead. Never throws.
 */
export function importKerasJson(text: string, options: ImportOptions = {}): ImportResult {
  try {
    return importText(text, options ?? {});
  } catch (error) {
    const detail = errorMessage(error);
    return failWith(reasonText('internal.keras', { detail: oneLine(detail, 120) }));
  }
}

function importText(text: string, options: ImportOptions): ImportResult {
  if (typeof text !== 'string') return fail(`Expected the file's text, got ${typeof text}.`);
  const override = options.inputShape;
  const badOverride = checkOverride(override);
  if (badOverride) return fail(badOverride);
  const read = readModel(text);
  if (!read.ok) return read;
  const { json, model, topology, sequential, warnings } = read;
  const expanded = expandNestedModels(topology.layers);
  if (!expanded.ok) return fail(expanded.error);
  const layers = expanded.layers;
  const problem = checkLayers(layers);
  if (problem) return fail(problem);
  const byName = new Map(layers.map((layer) => [layer.name, layer]));
  const order = topologicalOrder(layers, byName);
  if (!order.ok) return fail(order.error);
  const built = buildGraph(order.layers, options, warnings);
  if (!built.ok) return built;
  warnings.push(...fileWarnings(layers, override, model.declaredWeights, json.nonStandard));
  return {
    ok: true,
    // Keras's trainable: false, kept as Netwright's frozen layers.
    graph: withSharedWeights(
      applyChanges(withModelGroups(built.builder.build(), layers), [
        { type: 'setFrozen', ids: [...built.frozenIds], frozen: true },
      ]),
      layers,
    ),
    name: topology.name,
    format: formatLabel(model, sequential, topology.keras3),
    warnings,
    declaredWeights: model.declaredWeights,
  };
}

/**
 * Classes that keep their input's shape, met unsupported in real files: preprocessing,
 * activations, noise and dropout variants, and the custom swish / drop-connect layers of
 * EfficientNet ports. Lambda and TFOpLambda are usually element-wise (x * 2, swish).
 */
const ELEMENT_WISE =
  /^(Lambda|TFOpLambda|Rescaling|Normalization|Masking|ActivityRegularization)$|swish|silu|mish|gelu|relu|elu|activation|dropout|dropconnect|noise|softmax/i;

/**
 * The output shape an unsupported layer is analysed with, so one such layer does not stop
 * the analysis of the rest: the shape the file states (Lambda's output_shape), else its
 * input's for a one-input layer of an element-wise class (the warning says it is assumed);
 * none otherwise (a CapsuleLayer's shape cannot be guessed): the designer sets it.
 */
function placeholderShape(layer: RawLayer): number[] | 'input' | undefined {
  const stated = layer.config.output_shape;
  if (Array.isArray(stated) && stated.length > 0 && stated.every((d) => Number.isInteger(d) && d > 0))
    return stated as number[];
  return layer.inputs.length === 1 && ELEMENT_WISE.test(layer.className) ? 'input' : undefined;
}

/** Why --input-shape cannot be used, or null. */
function checkOverride(override: ImportOptions['inputShape']): string | null {
  if (override === undefined) return null;
  const valid =
    Array.isArray(override) &&
    override.length === 3 &&
    override.every((d) => typeof d === 'number' && Number.isInteger(d) && d > 0);
  if (!valid)
    return `The input shape must be three positive whole numbers H,W,C, got ${oneLine(JSON.stringify(override) ?? String(override), 40)}.`;
  return tooLargeShape('The input shape', override);
}

/** "… has more than 2,147,483,647 values per sample" for a shape past LIMITS.tensorElements, else null. */
function tooLargeShape(what: string, shape: readonly number[]): string | null {
  if (shape.reduce((a, b) => a * b, 1) <= LIMITS.tensorElements) return null;
  return `${what} ${shape.join('×')} holds more than ${formatInt(LIMITS.tensorElements)} values per sample, Netwright's limit (8 GiB as float32): use a smaller shape.`;
}

type ModelRead =
  | {
      ok: true;
      json: Extract<ReturnType<typeof readJson>, { ok: true }>;
      model: ModelEnvelope;
      topology: Extract<TopologyResult, { ok: true }>;
      sequential: boolean;
      warnings: ImportDiagnostic[];
    }
  | ImportFailure;

/** The text as JSON, the model in its wrapper, and its layer list. */
function readModel(text: string): ModelRead {
  const json = readJson(text);
  if (!json.ok) return fail(json.error);
  const found = findModel(json.value);
  if (!found.ok) return fail(found.error);
  const model = found.model;
  const warnings: ImportDiagnostic[] = [];
  const sequential = model.className === 'Sequential';
  const topology = sequential ? readSequential(model.config) : readFunctional(model.config);
  if (!topology.ok) return fail(topology.error);
  if (!sequential && !MODEL_CLASSES.has(model.className))
    warnings.push({
      nodeId: null,
      severity: 'warning',
      code: 'unusual-model-class',
      ...withText(said('import.unusualModelClass', { name: oneLine(model.className, 40) })),
    });
  return { ok: true, json, model, topology, sequential, warnings };
}

/** What makes the layer list unusable as a whole: none, too many, duplicate names, inputs from nowhere. */
function checkLayers(layers: readonly RawLayer[]): string | null {
  if (layers.length === 0) return 'The model has no layers.';
  if (layers.length > LIMITS.nodes)
    return `The model has ${formatInt(layers.length)} layers; Netwright reads at most ${formatInt(LIMITS.nodes)}.`;
  const names = new Set<string>();
  for (const layer of layers) {
    if (names.has(layer.name))
      return `Two layers are named ${q(layer.name)}; Keras layer names must be unique, so the file is damaged.`;
    names.add(layer.name);
  }
  for (const layer of layers) {
    for (const source of layer.inputs) {
      if (!names.has(source))
        return `Layer ${q(layer.name)} takes input from ${q(source)}, which is not a layer of this model.`;
    }
  }
  return null;
}

/** Adds the layers, inputs before the layers they feed; a layer it cannot represent becomes Unsupported. */
function buildGraph(
  order: readonly RawLayer[],
  options: ImportOptions,
  warnings: ImportDiagnostic[],
): { ok: true; builder: GraphBuilder; frozenIds: Set<string> } | ImportFailure {
  const hint = options.inputShapeHint ?? DEFAULT_HINT;
  const builder = new GraphBuilder();
  const refs = new Map<string, NodeRef>();
  const ranks = new Map<string, number | undefined>();
  const frozenIds = new Set<string>();
  for (const layer of order) {
    const inputs = layer.inputs.map((s) => refs.get(s)!);
    if (layer.className === 'InputLayer') {
      const shape = inputShape(layer, options.inputShape, hint, warnings);
      if (!shape.ok) return fail(shape.error);
      refs.set(layer.name, builder.add('Input', { shape: shape.shape }, inputs, layer.name));
      ranks.set(layer.name, shape.shape.length + 1);
      continue;
    }
    const converted = convertLayer({
      name: layer.name,
      className: layer.className,
      config: layer.config,
      inputRanks: layer.inputs.map((s) => ranks.get(s)),
      ...(layer.callKwargs ? { callKwargs: layer.callKwargs } : {}),
      ...(layer.registeredName ? { registeredName: layer.registeredName } : {}),
    });
    if (converted.ok) {
      const ref = builder.add(converted.kind, converted.params, inputs, layer.name);
      refs.set(layer.name, ref);
      if (layer.config.trainable === false || layer.frozen) frozenIds.add(ref.id);
      ranks.set(layer.name, converted.outRank);
      continue;
    }
    if (converted.fatal) return fail(converted.error);
    const note = withText(
      reasonText('frame.keras', {
        kerasClass: oneLine(layer.className, 40),
        name: q(layer.name),
        reason: converted.reasonText,
      }),
    );
    if (options.strict) return failWith(reasonText('frame.strict', { problem: note.text }));
    const outputShape = placeholderShape(layer);
    const params = {
      kerasClass: layer.className,
      reason: converted.reason,
      reasonText: converted.reasonText,
      config: layer.config,
      ...(outputShape ? { outputShape } : {}),
    };
    refs.set(layer.name, builder.add(UNSUPPORTED_KIND, params, inputs, layer.name));
    ranks.set(
      layer.name,
      outputShape === 'input' ? ranks.get(layer.inputs[0]!) : outputShape ? outputShape.length : undefined,
    );
    warnings.push({
      nodeId: layer.name,
      severity: outputShape ? 'warning' : 'error',
      code: 'unsupported-layer',
      ...note,
      kerasClass: layer.className,
    });
  }
  return { ok: true, builder, frozenIds };
}

/** Warnings about the file as a whole, after the layers' own. */
function fileWarnings(
  layers: readonly RawLayer[],
  override: ImportOptions['inputShape'],
  declaredWeights: number | null,
  nonStandard: boolean,
): ImportDiagnostic[] {
  const warnings: ImportDiagnostic[] = [];
  const inputCount = layers.filter((l) => l.className === 'InputLayer').length;
  if (override && inputCount > 1)
    warnings.push({
      nodeId: null,
      severity: 'warning',
      code: 'input-shape-override',
      ...withText(said('import.inputShapeAll', { shape: override.join('×'), inputs: inputCount })),
    });
  const frozen = layers.filter((l) => (l.config.trainable === false || l.frozen) && l.className !== 'InputLayer');
  if (frozen.length > 0)
    warnings.push({
      nodeId: frozen.length === 1 ? frozen[0]!.name : null,
      severity: 'info',
      code: 'frozen-layers',
      ...withText(
        frozen.length === 1
          ? said('import.frozenOne', { name: q(frozen[0]!.name) })
          : said('import.frozenMany', { n: frozen.length, name: q(frozen[0]!.name) }),
      ),
    });
  for (const path of nestedModelPaths(layers)) {
    const depth = path.split('/').length;
    const count = layers.filter((l) => (l.models ?? []).slice(0, depth).join('/') === path).length;
    warnings.push({
      nodeId: null,
      severity: 'info',
      code: 'nested-model',
      ...withText(said('import.nestedModel', { name: q(path), count: { int: count }, path: oneLine(path, 40) })),
    });
  }
  warnings.push(...sharedLayerNotes(layers));
  if (declaredWeights !== null)
    warnings.push({
      nodeId: null,
      severity: 'info',
      code: 'weights-ignored',
      ...withText(said('import.weightsListed', { count: { int: declaredWeights } })),
    });
  if (nonStandard)
    warnings.push({
      nodeId: null,
      severity: 'warning',
      code: 'nonstandard-json',
      ...withText(said('import.nonStandardJson')),
    });
  return warnings;
}

type ShapeResult = { ok: true; shape: number[] } | { ok: false; error: string };

const isDim = (d: unknown) => d === null || (typeof d === 'number' && Number.isInteger(d) && d > 0);

function inputShape(
  layer: RawLayer,
  override: readonly number[] | undefined,
  hint: string,
  warnings: ImportDiagnostic[],
): ShapeResult {
  const c = layer.config;
  const batchShape =
    c.batch_input_shape ?? c.batch_shape ?? (Array.isArray(c.shape) ? [null, ...c.shape] : undefined) ?? undefined;
  let declared: (number | null)[] | undefined;
  if (batchShape !== undefined && batchShape !== null) {
    if (!Array.isArray(batchShape) || batchShape.length < 2 || !batchShape.every(isDim))
      return {
        ok: false,
        error: `Input ${q(layer.name)} has a malformed shape ${oneLine(JSON.stringify(batchShape) ?? '', 60)}: expected [null, H, W, C].`,
      };
    declared = batchShape.slice(1) as (number | null)[];
  }
  if (override) {
    if (declared && declared.join(',') !== override.join(','))
      warnings.push({
        nodeId: layer.name,
        severity: 'info',
        code: 'input-shape-override',
        ...withText(
          said('import.inputOverride', { name: q(layer.name), declared: dims(declared), shape: override.join('×') }),
        ),
      });
    return { ok: true, shape: [...override] };
  }
  if (!declared) {
    const what = layer.synthesized
      ? 'The Sequential model declares no input shape (no InputLayer, batch_input_shape or batch_shape)'
      : `Input ${q(layer.name)} declares no shape`;
    return { ok: false, error: `${what}: ${hint}.` };
  }
  if (declared.some((d) => d === null)) {
    const spatial = declared.length === 3 && declared[0] === null && declared[1] === null ? 'spatial ' : '';
    return { ok: false, error: `Input ${q(layer.name)} has unknown ${spatial}size (${dims(declared)}): ${hint}.` };
  }
  const tooLarge = tooLargeShape(`Input ${q(layer.name)} of shape`, declared as number[]);
  if (tooLarge) return { ok: false, error: tooLarge };
  return { ok: true, shape: declared as number[] };
}

const dims = (shape: readonly (number | null)[]) => shape.map((d) => (d === null ? 'None' : String(d))).join('×');

type OrderResult = { ok: true; layers: RawLayer[] } | { ok: false; error: string };

/**
 * Depth-first, iterative (a 10,000-layer chain must not overflow the stack), visiting
 * layers in file order so a valid Keras file keeps its order; a back edge is a cycle.
 */
function topologicalOrder(layers: readonly RawLayer[], byName: ReadonlyMap<string, RawLayer>): OrderResult {
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: done
  const out: RawLayer[] = [];
  for (const root of layers) {
    if (state.has(root.name)) continue;
    const stack: [RawLayer, number][] = [[root, 0]];
    state.set(root.name, 1);
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const [layer, next] = top;
      if (next < layer.inputs.length) {
        top[1] = next + 1;
        const source = byName.get(layer.inputs[next]!)!;
        const s = state.get(source.name);
        if (s === 1) {
          const path = stack.map(([l]) => l.name);
          const loop = path.slice(path.indexOf(source.name));
          // The stack runs from consumer to producer; show the data flow.
          const shown = [...loop, source.name].reverse().slice(0, 8).map(q);
          return {
            ok: false,
            error: `The model has a cycle: ${shown.join(' → ')}${loop.length > 7 ? ' → …' : ''}; a Keras model cannot loop, so the file is damaged.`,
          };
        }
        if (s === undefined) {
          state.set(source.name, 1);
          stack.push([source, 0]);
        }
        continue;
      }
      stack.pop();
      state.set(layer.name, 2);
      out.push(layer);
    }
  }
  return { ok: true, layers: out };
}

function formatLabel(model: ModelEnvelope, sequential: boolean, keras3: boolean): string {
  const v = model.kerasVersion ?? '';
  let family: string;
  if (keras3 || v.startsWith('3')) family = 'Keras 3';
  else if (v.startsWith('tfjs')) family = 'TensorFlow.js Layers';
  else if (model.className === 'Functional') family = 'TF 2.x Keras';
  else family = 'Keras 2';
  const label = `${family} ${sequential ? 'Sequential' : model.className}`;
  return model.wrapper ? `${model.wrapper} (${label})` : label;
}

/** Every distinct model path ("base", "base/block1"), outermost first. */
function nestedModelPaths(layers: readonly RawLayer[]): string[] {
  const paths = new Set<string>();
  for (const l of layers) {
    const models = l.models ?? [];
    for (let i = 1; i <= models.length; i++) paths.add(models.slice(0, i).join('/'));
  }
  return [...paths];
}

/** Each model used as a layer becomes a module holding its layers, nested as the models are. */
function withModelGroups(graph: Graph, layers: readonly RawLayer[]): Graph {
  const paths = nestedModelPaths(layers);
  if (paths.length === 0) return graph;
  const groupId = (path: string) => `group:${path}`;
  const groups: Group[] = paths.map((path) => {
    const parts = path.split('/');
    const group: Group = { id: groupId(path), name: parts.at(-1)!, template: 'keras-model', collapsed: false };
    if (parts.length > 1) group.parentId = groupId(parts.slice(0, -1).join('/'));
    return group;
  });
  const pathOf = new Map(layers.filter((l) => l.models).map((l) => [l.name, l.models!.join('/')]));
  const nodes = graph.nodes.map((node) => {
    const path = pathOf.get(node.id);
    return path ? { ...node, groupId: groupId(path) } : node;
  });
  return { ...graph, nodes, groups: [...graph.groups, ...groups] };
}
