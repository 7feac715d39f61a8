import { z } from 'zod';
import { oneLine, readJson } from './json';

/**
 * Finds the model inside the file, whichever wrapper it comes in:
 * - bare `model.to_json()` / Keras 3 `config.json`: `{class_name, config, ...}`
 * - TF.js `model.json` from the converter: `{modelTopology: {model_config: {...}}, weightsManifest, format}`
 * - TF.js `model.save()` from JavaScript: `{modelTopology: {class_name, config}, weightsManifest, format}`
 * - TF.js in-memory artifacts: `{modelTopology, weightSpecs}`
 * - an HDF5 attribute dump: `{model_config: "<json string>" | {...}}`
 */
export interface ModelEnvelope {
  className: string;
  config: unknown;
  /** e.g. "TensorFlow.js model.json" or "" for a bare config. */
  wrapper: string;
  kerasVersion: string | null;
  declaredWeights: number | null;
}

export type EnvelopeResult = { ok: true; model: ModelEnvelope } | { ok: false; error: string };

export const MODEL_CLASSES = new Set(['Sequential', 'Functional', 'Model']);

const NOT_A_MODEL = 'This JSON is not a Keras or TensorFlow.js model';

const weightSpec = z.looseObject({ shape: z.array(z.number().int().nonnegative()) });
const manifest = z.array(z.looseObject({ weights: z.array(weightSpec) }));

function countWeights(specs: readonly { shape: number[] }[]): number {
  let total = 0;
  for (const s of specs) total += s.shape.reduce((a, b) => a * b, 1);
  return total;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function keysOf(v: Record<string, unknown>): string {
  const keys = Object.keys(v);
  if (keys.length === 0) return 'an empty object';
  const shown = keys.slice(0, 6).map((k) => `'${oneLine(k, 30)}'`);
  return `keys ${shown.join(', ')}${keys.length > 6 ? ', …' : ''}`;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}

export function findModel(root: unknown): EnvelopeResult {
  if (!isRecord(root))
    return {
      ok: false,
      error: `${NOT_A_MODEL}: expected an object with 'class_name' and 'config' (or a TF.js model.json with 'modelTopology'), got ${typeName(root)}.`,
    };

  if (root.format === 'graph-model' || (isRecord(root.modelTopology) && Array.isArray(root.modelTopology.node)))
    return {
      ok: false,
      error:
        'This is a TensorFlow.js graph model, not a Layers model: convert the Keras model with --output_format=tfjs_layers_model, or import its Keras JSON.',
    };

  let wrapper = '';
  let declaredWeights: number | null = null;
  let inner: unknown = root;
  let kerasVersion: string | null = typeof root.keras_version === 'string' ? root.keras_version : null;

  if ('modelTopology' in root) {
    const topology = root.modelTopology;
    if (!isRecord(topology))
      return {
        ok: false,
        error: `This model.json has no usable 'modelTopology' (got ${typeName(topology)}): it may hold weights only.`,
      };
    wrapper = 'TensorFlow.js model.json';
    const m = manifest.safeParse(root.weightsManifest);
    const specs = z.array(weightSpec).safeParse(root.weightSpecs);
    if (m.success) declaredWeights = countWeights(m.data.flatMap((g) => g.weights));
    else if (specs.success) declaredWeights = countWeights(specs.data);
    if (typeof topology.keras_version === 'string') kerasVersion = topology.keras_version;
    inner = 'model_config' in topology ? topology.model_config : topology;
  } else if ('model_config' in root) {
    wrapper = 'Keras model_config';
    inner = root.model_config;
  }

  if (typeof inner === 'string') {
    // HDF5 files store model_config as a JSON string; a dump may keep it that way.
    const nested = readJson(inner);
    if (!nested.ok) return { ok: false, error: `The embedded model_config is not valid JSON: ${nested.error}` };
    inner = nested.value;
  }

  if (!isRecord(inner))
    return { ok: false, error: `${NOT_A_MODEL}: the model description is ${typeName(inner)}, not an object.` };
  if (typeof inner.keras_version === 'string') kerasVersion = inner.keras_version;
  if (typeof inner.class_name !== 'string' || !('config' in inner)) {
    return {
      ok: false,
      error: `${NOT_A_MODEL}: no 'class_name'/'config' at the top level (found ${keysOf(inner)}).`,
    };
  }
  const className = inner.class_name;
  const config = inner.config;
  const looksFunctional = isRecord(config) && Array.isArray(config.layers) && 'input_layers' in config;
  if (!MODEL_CLASSES.has(className) && !looksFunctional) {
    return {
      ok: false,
      error: `This JSON describes a single '${oneLine(className, 40)}' layer, not a model: expected class_name 'Sequential', 'Functional' or 'Model'.`,
    };
  }
  return { ok: true, model: { className, config, wrapper, kerasVersion, declaredWeights } };
}
