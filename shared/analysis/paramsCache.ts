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
 * Each node position's params object and entry from an earlier analysis. The editor keeps a
 * node's params object until that node is edited, and the nodes' order as it is, so
 * re-analysing after an edit finds almost every node here by identity alone; a rewrite that
 * puts two layers where there was one shifts the positions after it, so a miss looks a few
 * positions either way and then keeps that shift. Two arrays per analysis instead of a
 * WeakMap entry per params object: a fresh 10,000-node graph spent more time filling that
 * WeakMap than validating.
 */
interface Positions {
  raws: readonly unknown[];
  entries: readonly (ParamsEntry | undefined)[];
}

const NONE: Positions = { raws: [], entries: [] };
/**
 * The last analysis's positions per size class (a power of two): factorize analyses its
 * whole network between many analyses of a few layers each, and each finds the positions
 * of its own kind of graph.
 */
const bySize = new Map<number, Positions>();
const sizeClass = (size: number) => 32 - Math.clz32(size);

/** How far from its old position a node's params object is looked for. */
const SHIFT_WINDOW = 4;

/**
 * Nodes after which a graph with no hit at all is taken as one the last analysis did not see
 * (a file just opened): its other nodes are not looked for there, which cost nine probes per
 * node, all missing.
 */
const GIVE_UP_AFTER = 32;

export class ParamsMemo {
  private before: Positions;
  private readonly raws: unknown[];
  private readonly entries: (ParamsEntry | undefined)[];
  /** Where the last hit was found, relative to the node's position now. */
  private shift = 0;
  private looked = 0;
  private found = false;

  constructor(size: number) {
    this.raws = new Array(size);
    this.entries = new Array(size);
    // A graph that has just grown past a power of two finds its old positions a class lower.
    this.before = bySize.get(sizeClass(size)) ?? bySize.get(sizeClass(size) - 1) ?? NONE;
  }

  /** The entry for the node at position i (the indexed graph's index). */
  get(i: number, spec: AnyLayerSpec, raw: Record<string, unknown>): ParamsEntry {
    const entry = this.remembered(i, spec, raw) ?? validatedParams(spec, raw);
    this.raws[i] = raw;
    this.entries[i] = entry;
    return entry;
  }

  private remembered(i: number, spec: AnyLayerSpec, raw: Record<string, unknown>): ParamsEntry | undefined {
    if (this.before.raws.length === 0) return undefined;
    const hit = this.at(i + this.shift, spec, raw) ?? this.shifted(i, spec, raw);
    if (hit) this.found = true;
    else if (!this.found && ++this.looked >= GIVE_UP_AFTER) this.before = NONE;
    return hit;
  }

  /** A hit a few positions either way, which becomes the shift for the nodes after it. */
  private shifted(i: number, spec: AnyLayerSpec, raw: Record<string, unknown>): ParamsEntry | undefined {
    for (let d = 1; d <= SHIFT_WINDOW; d++) {
      const later = this.at(i + this.shift + d, spec, raw);
      const earlier = later ?? this.at(i + this.shift - d, spec, raw);
      if (earlier) {
        this.shift += later ? d : -d;
        return earlier;
      }
    }
    return undefined;
  }

  private at(j: number, spec: AnyLayerSpec, raw: Record<string, unknown>): ParamsEntry | undefined {
    if (j < 0) return undefined;
    const entry = this.before.entries[j];
    return entry !== undefined && this.before.raws[j] === raw && entry.spec === spec ? entry : undefined;
  }

  /** Makes this analysis's entries the ones later analyses look up first. */
  keep(): void {
    bySize.set(sizeClass(this.raws.length), { raws: this.raws, entries: this.entries });
  }
}
