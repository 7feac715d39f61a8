import { english, said } from '../i18n/diagnosticText';
import { type Issue, issuesOf } from '../issues';
import { activationSpec } from './activation';
import { addSpec } from './add';
import { averageSpec } from './average';
import { avgPool2dSpec } from './avgPool2d';
import { batchNormSpec } from './batchNorm';
import { compress1x1Spec } from './compress1x1';
import { concatenateSpec } from './concatenate';
import { conv2dSpec } from './conv2d';
import { conv2dTransposeSpec } from './conv2dTranspose';
import { cropping2dSpec } from './cropping2d';
import { denseSpec } from './dense';
import { depthwiseConv2dSpec } from './depthwiseConv2d';
import { dropoutSpec } from './dropout';
import { eluSpec } from './elu';
import { flattenSpec } from './flatten';
import { globalAvgPool2dSpec } from './globalAvgPool2d';
import { globalMaxPool2dSpec } from './globalMaxPool2d';
import { inputSpec } from './input';
import { layerNormalizationSpec } from './layerNormalization';
import { leakyReluSpec } from './leakyRelu';
import { maximumSpec } from './maximum';
import { maxPool2dSpec } from './maxPool2d';
import { minimumSpec } from './minimum';
import { multiplySpec } from './multiply';
import { normalizationSpec } from './normalization';
import { permuteSpec } from './permute';
import { preluSpec } from './prelu';
import { reluSpec } from './relu';
import { rescalingSpec } from './rescaling';
import { reshapeSpec } from './reshape';
import { separableConv2dSpec } from './separableConv2d';
import type { LayerSpec } from './spec';
import { stridedReductionSpec } from './stridedReduction';
import { subtractSpec } from './subtract';
import { upSampling2dSpec } from './upSampling2d';
import { zeroPadding2dSpec } from './zeroPadding2d';

/**
 * A spec of some kind, its params type unknown until the kind is. `any` rather than
 * `unknown` so a caller can hand a spec the params validateParams returned for it.
 */
// biome-ignore lint/suspicious/noExplicitAny: each kind has its own params type; see above.
export type AnyLayerSpec = LayerSpec<any>;

/** Checks, when the table is written, that every spec sits under its own kind. */
const byKind = <T extends { [K in keyof T]: AnyLayerSpec & { kind: K } }>(table: T): T => table;

/**
 * kind -> spec: the one list of layer kinds, which defines LayerKind. Each kind lives in its
 * own file (conv2d.ts, dense.ts, ...). The per-kind tables elsewhere (the TF.js builders,
 * kerasClassOf, the exporters' switches, the palette offers) are keyed by LayerKind, so a kind
 * added here and missed there fails the type check; docs/adding-a-layer-kind.md lists them,
 * and the few places the compiler cannot check.
 */
const specs = byKind({
  Input: inputSpec,
  Conv2D: conv2dSpec,
  DepthwiseConv2D: depthwiseConv2dSpec,
  SeparableConv2D: separableConv2dSpec,
  Conv2DTranspose: conv2dTransposeSpec,
  ZeroPadding2D: zeroPadding2dSpec,
  Cropping2D: cropping2dSpec,
  UpSampling2D: upSampling2dSpec,
  Compress1x1: compress1x1Spec,
  StridedReduction: stridedReductionSpec,
  MaxPool2D: maxPool2dSpec,
  AvgPool2D: avgPool2dSpec,
  GlobalAvgPool2D: globalAvgPool2dSpec,
  GlobalMaxPool2D: globalMaxPool2dSpec,
  Concatenate: concatenateSpec,
  Add: addSpec,
  Multiply: multiplySpec,
  Subtract: subtractSpec,
  Average: averageSpec,
  Maximum: maximumSpec,
  Minimum: minimumSpec,
  BatchNorm: batchNormSpec,
  LayerNormalization: layerNormalizationSpec,
  Activation: activationSpec,
  ReLU: reluSpec,
  LeakyReLU: leakyReluSpec,
  PReLU: preluSpec,
  ELU: eluSpec,
  Rescaling: rescalingSpec,
  Normalization: normalizationSpec,
  Dropout: dropoutSpec,
  Flatten: flattenSpec,
  Reshape: reshapeSpec,
  Permute: permuteSpec,
  Dense: denseSpec,
});

type Specs = typeof specs;

/** Every layer kind the catalog knows. A graph node's `kind` is a plain string until checked with isLayerKind. */
export type LayerKind = keyof Specs;

/** The validated params of one kind, as its spec's schema fills them. */
export type ParamsOf<K extends LayerKind> = Specs[K] extends LayerSpec<infer P, K> ? P : never;

export const layerKinds = Object.keys(specs) as readonly LayerKind[];

export const layerSpecs: readonly AnyLayerSpec[] = Object.values(specs);

export function isLayerKind(kind: string): kind is LayerKind {
  return Object.hasOwn(specs, kind);
}

export function getLayerSpec(kind: string): AnyLayerSpec | undefined {
  return isLayerKind(kind) ? specs[kind] : undefined;
}

export type ParamsResult = { ok: true; params: Record<string, unknown> } | { ok: false; issues: Issue[] };

/** Validates raw params against the kind's schema, filling defaults; each issue names its field ('' for none). */
export function validateParams(kind: string, raw: Record<string, unknown>): ParamsResult {
  const spec = getLayerSpec(kind);
  if (!spec) {
    const text = said('issue.unknownKind', { kind });
    return { ok: false, issues: [{ field: '', message: english(text), text }] };
  }
  return validateWithSpec(spec, raw);
}

/** A spec's schema over raw params (also for specs outside the registry: the unsupported placeholder). */
export function validateWithSpec(spec: AnyLayerSpec, raw: Record<string, unknown>): ParamsResult {
  const result = spec.schema.safeParse(raw);
  if (result.success) return { ok: true, params: result.data as Record<string, unknown> };
  return { ok: false, issues: issuesOf(result.error) };
}
