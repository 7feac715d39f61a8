import { type AnyLayerSpec, type ParamsResult, type RfStep, validateWithSpec } from '../layers';
import { paramsKey } from './paramsKey';

/**
 * Validated parameters per raw params object. The editor replaces a node's params
 * object on every edit and keeps it otherwise, so identity tells us the node is
 * unchanged and zod need not run again on re-analysis. Callers must therefore
 * never mutate a params object in place (the store and GraphBuilder don't), and
 * must not mutate the validated params handed back, which are shared.
 *
 * A graph never seen before (an opened file, a fresh copy) has new objects, but
 * real networks repeat a handful of settings hundreds of times; a second cache
 * keyed by the params' content lets every repeat skip zod too.
 */
export interface ParamsEntry {
  spec: AnyLayerSpec;
  result: ParamsResult;
  /** The kind's receptive-field step for these params, computed on first use. */
  rfStep: RfStep | undefined;
}

const byObject = new WeakMap<object, ParamsEntry>();
const byContent = new WeakMap<AnyLayerSpec, Map<string, ParamsEntry>>();
/** Distinct settings kept per kind; past this the kind's table starts over (a rare, huge, varied file). */
const CONTENT_LIMIT = 4096;

export function validatedParams(spec: AnyLayerSpec, raw: Record<string, unknown>): ParamsEntry {
  const cacheable = typeof raw === 'object' && raw !== null;
  if (!cacheable) return { spec, result: validateWithSpec(spec, raw), rfStep: undefined };
  const hit = byObject.get(raw);
  // The same object under another kind (or a re-registered kind) must revalidate.
  if (hit && hit.spec === spec) return hit;
  const entry = byContentEntry(spec, raw);
  byObject.set(raw, entry);
  return entry;
}

function byContentEntry(spec: AnyLayerSpec, raw: Record<string, unknown>): ParamsEntry {
  const key = paramsKey(raw);
  let table = byContent.get(spec);
  const known = key === null ? undefined : table?.get(key);
  if (known) return known;
  const entry: ParamsEntry = { spec, result: validateWithSpec(spec, raw), rfStep: undefined };
  if (key === null) return entry;
  if (!table) {
    table = new Map();
    byContent.set(spec, table);
  }
  if (table.size >= CONTENT_LIMIT) table.clear();
  table.set(key, entry);
  return entry;
}
