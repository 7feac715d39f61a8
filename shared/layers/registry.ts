import type { LayerSpec } from './spec';

/**
 * kind -> spec. Each kind lives in its own file (conv2d.ts, dense.ts, ...) and is
 * listed here; nothing else in the code base enumerates kinds.
 */
const specs: readonly LayerSpec<any>[] = [];

const byKind = new Map<string, LayerSpec<any>>(specs.map((s) => [s.kind, s]));

export const layerSpecs: readonly LayerSpec<any>[] = specs;

export function getLayerSpec(kind: string): LayerSpec<any> | undefined {
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
