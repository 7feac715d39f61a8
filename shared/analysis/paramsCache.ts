import { type AnyLayerSpec, type ParamsResult, type RfStep, validateWithSpec } from '../layers';
import { paramsHash, sameParams } from './paramsHash';

/**
 * Validated parameters, so zod runs once per distinct setting rather than once per node.
 * Real networks repeat a handful of settings hundreds of times, so entries are shared by
 * content (paramsKey's notion of equal, computed without building the key). Callers must
 * not mutate the validated params handed back, which are shared, nor a params object in
 * place once analysed (the store and GraphBuilder don't; ParamsMemo relies on it).
 */
export interface ParamsEntry {
  spec: AnyLayerSpec;
  result: ParamsResult;
  /** The kind's receptive-field step for these params, computed on first use. */
  rfStep: RfStep | undefined;
}

interface ContentEntry extends ParamsEntry {
  /** The first params object seen with this content, and its keys: what later ones are compared with. */
  raw: Record<string, unknown>;
  keys: readonly string[];
  /** Another entry whose content hashes alike. */
  next: ContentEntry | undefined;
}

interface ContentTable {
  byHash: Map<number, ContentEntry>;
  size: number;
}

const byContent = new WeakMap<AnyLayerSpec, ContentTable>();
/** Distinct settings kept per kind; past this the kind's table starts over (a rare, huge, varied file). */
const CONTENT_LIMIT = 4096;

export function validatedParams(spec: AnyLayerSpec, raw: Record<string, unknown>): ParamsEntry {
  const hash = typeof raw === 'object' && raw !== null ? paramsHash(raw) : null;
  if (hash === null) return { spec, result: validateWithSpec(spec, raw), rfStep: undefined };
  let table = byContent.get(spec);
  for (let entry = table?.byHash.get(hash); entry; entry = entry.next)
    if (sameParams(entry.raw, raw, entry.keys)) return entry;
  if (!table) {
    table = { byHash: new Map(), size: 0 };
    byContent.set(spec, table);
  }
  if (table.size >= CONTENT_LIMIT) {
    table.byHash.clear();
    table.size = 0;
  }
  const entry: ContentEntry = {
    spec,
    result: validateWithSpec(spec, raw),
    rfStep: undefined,
    raw,
    keys: Object.keys(raw),
    next: table.byHash.get(hash),
  };
  table.byHash.set(hash, entry);
  table.size += 1;
  return entry;
}

/**
 * Each node position's params object and entry from the last analysis. The editor keeps a
 * node's params object until that node is edited, and its position until nodes are added
 * or removed before it, so re-analysing after an edit finds almost every node here by
 * identity alone. Two arrays per analysis instead of a WeakMap entry per params object:
 * a fresh 10,000-node graph spent more time filling that WeakMap than validating.
 */
let last: { raws: readonly unknown[]; entries: readonly ParamsEntry[] } = { raws: [], entries: [] };

export class ParamsMemo {
  private readonly before = last;
  private readonly raws: unknown[];
  private readonly entries: ParamsEntry[];

  constructor(size: number) {
    this.raws = new Array(size);
    this.entries = new Array(size);
  }

  /** The entry for the node at position i (the indexed graph's index). */
  get(i: number, spec: AnyLayerSpec, raw: Record<string, unknown>): ParamsEntry {
    const before = this.before.entries[i];
    const entry =
      before !== undefined && this.before.raws[i] === raw && before.spec === spec ? before : validatedParams(spec, raw);
    this.raws[i] = raw;
    this.entries[i] = entry;
    return entry;
  }

  /** Makes this analysis's entries the ones the next analysis looks up first. */
  keep(): void {
    last = { raws: this.raws, entries: this.entries };
  }
}
