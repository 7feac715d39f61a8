import { type AnyLayerSpec, type ParamsResult, type RfStep, validateWithSpec } from '../layers';

/**
 * Validated parameters per raw params object. The editor replaces a node's params
 * object on every edit and keeps it otherwise, so identity tells us the node is
 * unchanged and zod need not run again on re-analysis. Callers must therefore
 * never mutate a params object in place (the store and GraphBuilder don't), and
 * must not mutate the validated params handed back, which are shared.
 */
export interface ParamsEntry {
  spec: AnyLayerSpec;
  result: ParamsResult;
  /** The kind's receptive-field step for these params, computed on first use. */
  rfStep: RfStep | undefined;
}

const cache = new WeakMap<object, ParamsEntry>();

export function validatedParams(spec: AnyLayerSpec, raw: Record<string, unknown>): ParamsEntry {
  const cacheable = typeof raw === 'object' && raw !== null;
  if (cacheable) {
    const hit = cache.get(raw);
    // The same object under another kind (or a re-registered kind) must revalidate.
    if (hit && hit.spec === spec) return hit;
  }
  const entry: ParamsEntry = { spec, result: validateWithSpec(spec, raw), rfStep: undefined };
  if (cacheable) cache.set(raw, entry);
  return entry;
}
