import { z } from 'zod';
import { issuesOf } from '../issues';
import { oneLine } from './json';

/**
 * The layer list of a Functional or Sequential config, normalized: each layer with
 * the names of the layers feeding it, in input order. Handles Keras 2's nested
 * `inbound_nodes: [[["name", 0, 0, {}], ...]]` and Keras 3's
 * `inbound_nodes: [{args: [{class_name: '__keras_tensor__', config: {keras_history: ["name", 0, 0]}}], kwargs}]`.
 */
export interface RawLayer {
  name: string;
  className: string;
  config: Record<string, unknown>;
  inputs: string[];
  registeredName?: string;
  /** Set for the InputLayer a Sequential model gets from its first layer's batch_input_shape. */
  synthesized?: boolean;
  /** The models used as layers it sits in, outermost first (nested.ts); shown as modules. */
  models?: string[];
  /** Frozen because a model it sits in is (trainable: false on the model). */
  frozen?: boolean;
  /** The call's other arguments (Keras 2 writes them after each input: TFOpLambda's `y`). */
  callKwargs?: Record<string, unknown>;
  /** Another call of the same Keras layer (its k-th inbound node): the name of the first call, whose weights it uses. */
  sharesWeightsOf?: string;
}

/**
 * The name of call `nodeIndex` of a layer: the first call keeps the Keras name, later calls
 * of a shared layer (a siamese branch, a model applied twice) are `name#2`, `name#3`, ….
 */
export function callName(name: string, nodeIndex: number): string {
  return nodeIndex === 0 ? name : `${name}#${nodeIndex + 1}`;
}

export type TopologyResult =
  | { ok: true; name: string; layers: RawLayer[]; keras3: boolean }
  | { ok: false; error: string };

const q = (name: string) => `'${oneLine(name, 60)}'`;

const layerEntry = z.looseObject({
  class_name: z.string(),
  config: z.record(z.string(), z.unknown()).nullish(),
  name: z.string().optional(),
  inbound_nodes: z.array(z.unknown()).optional(),
  registered_name: z.string().nullish(),
  module: z.string().nullish(),
  build_config: z.record(z.string(), z.unknown()).nullish(),
});
type LayerEntry = z.output<typeof layerEntry>;

/**
 * What layerEntry accepts, checked by hand: a network has hundreds of layers and zod copies
 * each one and its config, which cost Inception-v3's import more than building its graph.
 * Only a layer this refuses goes through zod, which says what is wrong with it. Returns the
 * layer itself, not a copy: nothing downstream changes a layer's config in place.
 */
function plainLayerEntry(raw: unknown): LayerEntry | undefined {
  if (!isRecord(raw)) return undefined;
  const e = raw as Record<string, unknown>;
  const fine =
    typeof e.class_name === 'string' &&
    (e.config == null || isRecord(e.config)) &&
    (e.name === undefined || typeof e.name === 'string') &&
    (e.inbound_nodes === undefined || Array.isArray(e.inbound_nodes)) &&
    (e.registered_name == null || typeof e.registered_name === 'string') &&
    (e.module == null || typeof e.module === 'string') &&
    (e.build_config == null || isRecord(e.build_config));
  return fine ? (e as LayerEntry) : undefined;
}

/** A plain object, as zod's record and object schemas take it (JSON gives no other kind). */
function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

const functionalConfig = z.looseObject({
  name: z.string().optional(),
  layers: z.array(z.unknown()),
});

const sequentialConfig = z.union([
  z.array(z.unknown()),
  z.looseObject({
    name: z.string().optional(),
    layers: z.array(z.unknown()),
    build_input_shape: z.unknown().optional(),
  }),
]);

const keras3Node = z.looseObject({ args: z.array(z.unknown()), kwargs: z.unknown().optional() });
const keras3Tensor = z.looseObject({
  class_name: z.literal('__keras_tensor__'),
  config: z.looseObject({
    keras_history: z.tuple([z.string(), z.number().int().nonnegative(), z.number().int().nonnegative()]),
  }),
});

function entryName(entry: LayerEntry): string | undefined {
  if (entry.name !== undefined) return entry.name;
  const n = entry.config?.name;
  return typeof n === 'string' ? n : undefined;
}

function readEntries(
  raw: unknown[],
  where: string,
): { ok: true; entries: LayerEntry[] } | { ok: false; error: string } {
  const entries: LayerEntry[] = [];
  for (let i = 0; i < raw.length; i++) {
    const plain = plainLayerEntry(raw[i]);
    if (plain) {
      entries.push(plain);
      continue;
    }
    const r = layerEntry.safeParse(raw[i]);
    if (!r.success) {
      const [issue] = issuesOf(r.error);
      const at = issue?.field ? ` ('${issue.field}': ${issue.message})` : '';
      return {
        ok: false,
        error: `${where} layer #${i + 1} is not a Keras layer: expected {class_name, config, …}${at}.`,
      };
    }
    entries.push(r.data);
  }
  return { ok: true, entries };
}

const isKeras3 = (e: LayerEntry) =>
  e.module !== undefined || e.registered_name !== undefined || e.build_config !== undefined;

/** Keras 3 call args hold tensors anywhere (Concatenate: [[t1, t2]]); collect them in order. */
function collectKeras3Tensors(value: unknown, out: Ref[], depth: number): boolean {
  if (depth > 16) return false;
  const t = keras3Tensor.safeParse(value);
  if (t.success) {
    out.push(t.data.config.keras_history);
    return true;
  }
  if (Array.isArray(value)) return value.every((v) => collectKeras3Tensors(v, out, depth + 1));
  return true;
}

type Ref = [string, number, number];
type Call = { inputs: Ref[]; kwargs: Record<string, unknown> | undefined };

/** The calls of one functional layer (one per inbound node), each with the layers feeding it, or an error line. */
function readInbound(entry: LayerEntry, name: string): { ok: true; calls: Call[] } | { ok: false; error: string } {
  const calls: Call[] = [];
  for (const node of entry.inbound_nodes ?? []) {
    const call = readNode(node);
    if (!call)
      return {
        ok: false,
        error: `Layer ${q(name)} has malformed inbound_nodes: expected [[["layer", 0, 0, {}], …]] (Keras 2) or [{"args": […], "kwargs": {}}] (Keras 3), got ${oneLine(JSON.stringify(node) ?? String(node), 60)}.`,
      };
    calls.push(call);
  }
  return { ok: true, calls };
}

const asKwargs = (v: unknown) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** One inbound node: Keras 2's list of refs, a TFOpLambda's single flat ref ["name", 0, 0, {y}], or Keras 3's {args, kwargs}. */
function readNode(node: unknown): Call | null {
  if (Array.isArray(node)) {
    const flat = typeof node[0] === 'string';
    const refs: Ref[] = [];
    let kwargs: Record<string, unknown> | undefined;
    for (const ref of flat ? [node] : node) {
      // Keras 2's [name, node_index, tensor_index, kwargs?], checked by hand: a few per layer.
      if (!(Array.isArray(ref) && ref.length >= 3 && typeof ref[0] === 'string' && isCount(ref[1]) && isCount(ref[2])))
        return null;
      refs.push([ref[0], ref[1], ref[2]]);
      kwargs ??= asKwargs(ref[3]);
    }
    return { inputs: refs, kwargs };
  }
  const k3 = keras3Node.safeParse(node);
  if (!k3.success) return null;
  const refs: Ref[] = [];
  if (!collectKeras3Tensors(k3.data.args, refs, 0)) return null;
  return { inputs: refs, kwargs: asKwargs(k3.data.kwargs) };
}

export function readFunctional(config: unknown): TopologyResult {
  const c = functionalConfig.safeParse(config);
  if (!c.success)
    return {
      ok: false,
      error:
        "The functional model's config has no 'layers' list: expected config: {name, layers: […], input_layers, output_layers}.",
    };
  const read = readEntries(c.data.layers, 'Model');
  if (!read.ok) return read;
  const layers: RawLayer[] = [];
  const callCount = new Map<string, number>();
  const pending: [RawLayer, Ref[]][] = [];
  for (const [i, entry] of read.entries.entries()) {
    const name = entryName(entry);
    if (name === undefined || name === '')
      return { ok: false, error: `Model layer #${i + 1} (${oneLine(entry.class_name, 40)}) has no name.` };
    const inbound = readInbound(entry, name);
    if (!inbound.ok) return inbound;
    callCount.set(name, inbound.calls.length);
    // An input layer (or a layer no call reaches) is still one node.
    const calls = inbound.calls.length > 0 ? inbound.calls : [{ inputs: [], kwargs: undefined }];
    for (const [k, call] of calls.entries()) {
      const layer: RawLayer = {
        name: callName(name, k),
        className: entry.class_name,
        config: entry.config ?? {},
        inputs: call.inputs.map(([source, nodeIndex]) => callName(source, nodeIndex)),
      };
      if (call.kwargs && Object.keys(call.kwargs).length > 0) layer.callKwargs = call.kwargs;
      if (k > 0) layer.sharesWeightsOf = name;
      if (entry.registered_name) layer.registeredName = entry.registered_name;
      layers.push(layer);
      pending.push([layer, call.inputs]);
    }
  }
  // A reference to a call a layer does not have points at nothing.
  for (const [layer, refs] of pending) {
    for (const [source, nodeIndex] of refs) {
      const calls = callCount.get(source);
      if (calls === undefined) continue; // reported as a missing layer by the caller
      if (nodeIndex > 0 && nodeIndex >= Math.max(calls, 1))
        return {
          ok: false,
          error: `Layer ${q(layer.name)} takes input from call ${nodeIndex + 1} of ${q(source)}, which is applied ${calls === 2 ? 'twice' : calls <= 1 ? 'only once' : `${calls} times`}: the file is inconsistent.`,
        };
    }
  }
  return { ok: true, name: c.data.name ?? 'model', layers, keras3: read.entries.some(isKeras3) };
}

const INPUT_CLASSES = new Set(['InputLayer']);

export function readSequential(config: unknown): TopologyResult {
  const c = sequentialConfig.safeParse(config);
  if (!c.success)
    return {
      ok: false,
      error:
        "The Sequential model's config has no 'layers' list: expected config: {name, layers: […]} or a list of layers.",
    };
  const list = Array.isArray(c.data) ? c.data : c.data.layers;
  const modelName = Array.isArray(c.data) ? 'sequential' : (c.data.name ?? 'sequential');
  const buildInputShape = Array.isArray(c.data) ? undefined : c.data.build_input_shape;
  const read = readEntries(list, 'Sequential');
  if (!read.ok) return read;
  if (read.entries.length === 0) return { ok: false, error: 'The Sequential model has no layers.' };

  const used = new Set<string>();
  const counters = new Map<string, number>();
  const fresh = (prefix: string) => {
    let k = counters.get(prefix) ?? 0;
    let name = k === 0 ? prefix : `${prefix}_${k}`;
    while (used.has(name)) {
      k += 1;
      name = `${prefix}_${k}`;
    }
    counters.set(prefix, k + 1);
    used.add(name);
    return name;
  };
  const named = read.entries.map((e) => {
    const n = entryName(e);
    if (n) used.add(n);
    return n;
  });

  const layers: RawLayer[] = [];
  const first = read.entries[0]!;
  if (!INPUT_CLASSES.has(first.class_name)) {
    const fc = first.config ?? {};
    const batchShape =
      fc.batch_input_shape ??
      fc.batch_shape ??
      (Array.isArray(fc.input_shape) ? [null, ...fc.input_shape] : undefined) ??
      buildInputShape ??
      first.build_config?.input_shape;
    const base = named[0] ?? snake(first.class_name);
    layers.push({
      name: fresh(`${base}_input`),
      className: 'InputLayer',
      config: batchShape === undefined ? {} : { batch_input_shape: batchShape },
      inputs: [],
      synthesized: true,
    });
  }
  for (const [i, entry] of read.entries.entries()) {
    const name = named[i] ?? fresh(snake(entry.class_name));
    const prev = layers.at(-1);
    const layer: RawLayer = {
      name,
      className: entry.class_name,
      config: entry.config ?? {},
      inputs: prev ? [prev.name] : [],
    };
    if (entry.registered_name) layer.registeredName = entry.registered_name;
    layers.push(layer);
  }
  return { ok: true, name: modelName, layers, keras3: read.entries.some(isKeras3) };
}

/** Keras's default layer-name prefix: Conv2D -> conv2d, BatchNormalization -> batch_normalization. */
function snake(className: string): string {
  // Keras's to_snake_case.
  const intermediate = className.replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2');
  const snaked = intermediate
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '');
  return snaked || 'layer';
}
