import { activationSpec } from './activation';
import { addSpec } from './add';
import { avgPool2dSpec } from './avgPool2d';
import { batchNormSpec } from './batchNorm';
import { compress1x1Spec } from './compress1x1';
import { concatenateSpec } from './concatenate';
import { conv2dSpec } from './conv2d';
import { denseSpec } from './dense';
import { depthwiseConv2dSpec } from './depthwiseConv2d';
import { dropoutSpec } from './dropout';
import { flattenSpec } from './flatten';
import { globalAvgPool2dSpec } from './globalAvgPool2d';
import { globalMaxPool2dSpec } from './globalMaxPool2d';
import { inputSpec } from './input';
import { maxPool2dSpec } from './maxPool2d';
import { reshapeSpec } from './reshape';
import { separableConv2dSpec } from './separableConv2d';
import type { LayerSpec } from './spec';
import { stridedReductionSpec } from './stridedReduction';
import { zeroPadding2dSpec } from './zeroPadding2d';

/**
 * A spec of some kind, its params type unknown until the kind is. `any` rather than
 * `unknown` so a caller can hand a spec the params validateParams returned for it.
 */
// biome-ignore lint/suspicious/noExplicitAny: each kind has its own params type; see above.
export type AnyLayerSpec = LayerSpec<any>;

/**
 * kind -> spec. Each kind lives in its own file (conv2d.ts, dense.ts, ...) and is
 * listed here; nothing else in the code base enumerates kinds. Order is palette order.
 */
const specs: readonly AnyLayerSpec[] = [
  inputSpec,
  conv2dSpec,
  depthwiseConv2dSpec,
  separableConv2dSpec,
  zeroPadding2dSpec,
  compress1x1Spec,
  stridedReductionSpec,
  maxPool2dSpec,
  avgPool2dSpec,
  globalAvgPool2dSpec,
  globalMaxPool2dSpec,
  concatenateSpec,
  addSpec,
  batchNormSpec,
  activationSpec,
  dropoutSpec,
  flattenSpec,
  reshapeSpec,
  denseSpec,
];

const byKind = new Map<string, AnyLayerSpec>(specs.map((s) => [s.kind, s]));

export const layerSpecs: readonly AnyLayerSpec[] = specs;

export function getLayerSpec(kind: string): AnyLayerSpec | undefined {
  return byKind.get(kind);
}

export type ParamsResult = { ok: true; params: Record<string, unknown> } | { ok: false; errors: string[] };

/** Validates raw params against the kind's schema, filling defaults. */
export function validateParams(kind: string, raw: Record<string, unknown>): ParamsResult {
  const spec = byKind.get(kind);
  if (!spec) return { ok: false, errors: [`Unknown layer kind "${kind}".`] };
  const result = spec.schema.safeParse(raw);
  if (result.success) return { ok: true, params: result.data as Record<string, unknown> };
  return {
    ok: false,
    errors: result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)),
  };
}
