import type { Graph } from '../graph/types';
import type { Language } from '../i18n/language';
import { formatInteger, localizeDecimal } from '../i18n/numbers';

/**
 * Paths through the network, the lecture's "exponential feature reuse": how many distinct
 * routes data can take from an input to each layer, and how long the routes to the outputs are.
 * A chain has one path; each residual block doubles the count (identity + branch); an
 * Inception module multiplies it by its number of branches. Counts outgrow doubles after a few
 * dozen blocks, so they are exact BigInts.
 */
export interface PathCounts {
  /** Paths from any source (a node without inputs) to each node; null on or after a cycle. */
  perNode: Map<string, bigint | null>;
  /** Paths from the sources to the sinks (the network's outputs). */
  total: bigint;
  /**
   * How many of those paths have each length, counted in connections (a chain input → conv →
   * dense has one path of length 2); null when the graph is too tangled to tabulate cheaply.
   */
  lengths: Map<number, bigint> | null;
}

/** Above this many (node, length) entries, gaps counted, the length table is skipped; counts stay exact. */
const lengthTableBudget = 2_000_000;

/** Kahn's algorithm without recursion: nodes on a cycle (or fed by one) never come out. */
function forwardOrder(graph: Graph, inputsOf: Map<string, string[]>): string[] {
  const pending = new Map<string, number>();
  const consumers = new Map<string, string[]>();
  for (const node of graph.nodes) pending.set(node.id, 0);
  for (const [target, sources] of inputsOf) {
    pending.set(target, sources.length);
    for (const source of sources) {
      const list = consumers.get(source);
      if (list) list.push(target);
      else consumers.set(source, [target]);
    }
  }
  const order = [...pending].filter(([, count]) => count === 0).map(([id]) => id);
  for (let i = 0; i < order.length; i++) {
    for (const next of consumers.get(order[i] as string) ?? []) {
      const left = (pending.get(next) ?? 0) - 1;
      pending.set(next, left);
      if (left === 0) order.push(next);
    }
  }
  return order;
}

/**
 * Path counts by length for one node: counts[k] paths of length min + k. Dense arrays, not
 * Maps: merging the inputs' tables is most of the work, and a Map per node and a lookup
 * per length made `analyze` of Inception-v3 spend more time here than in the analysis.
 */
interface LengthTable {
  min: number;
  counts: bigint[];
}

const SOURCE_TABLE: LengthTable = { min: 0, counts: [1n] };

/** The table of a node from its inputs' tables: every path one connection longer. */
function mergeInputs(tables: readonly LengthTable[]): LengthTable {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const t of tables) {
    if (t.counts.length === 0) continue;
    min = Math.min(min, t.min);
    max = Math.max(max, t.min + t.counts.length - 1);
  }
  if (min > max) return { min: 0, counts: [] };
  const counts: bigint[] = new Array(max - min + 1).fill(0n);
  for (const t of tables) for (let k = 0; k < t.counts.length; k++) counts[t.min - min + k]! += t.counts[k]!;
  return { min: min + 1, counts };
}

/** `lengths: false` skips the length table (the editor shows counts only, on every edit). */
export function countPaths(graph: Graph, { lengths: tabulate = true } = {}): PathCounts {
  const known = new Set(graph.nodes.map((n) => n.id));
  const inputsOf = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (!known.has(edge.source) || !known.has(edge.target)) continue;
    const list = inputsOf.get(edge.target);
    if (list) list.push(edge.source);
    else inputsOf.set(edge.target, [edge.source]);
  }
  const hasConsumer = new Set(graph.edges.filter((e) => known.has(e.target)).map((e) => e.source));
  const perNode = new Map<string, bigint | null>(graph.nodes.map((n) => [n.id, null]));
  let lengthsOf: Map<string, LengthTable> | null = tabulate ? new Map() : null;
  const EMPTY: LengthTable = { min: 0, counts: [] };
  let entries = 0;
  for (const id of forwardOrder(graph, inputsOf)) {
    const sources = inputsOf.get(id) ?? [];
    perNode.set(id, sources.length === 0 ? 1n : sources.reduce((sum, s) => sum + (perNode.get(s) ?? 0n), 0n));
    if (!lengthsOf) continue;
    const table = sources.length === 0 ? SOURCE_TABLE : mergeInputs(sources.map((s) => lengthsOf!.get(s) ?? EMPTY));
    lengthsOf.set(id, table);
    // The tables' spans, gaps included, since merging walks them whole.
    entries += table.counts.length;
    if (entries > lengthTableBudget) lengthsOf = null;
  }
  let total = 0n;
  const sinkTables: LengthTable[] = [];
  for (const node of graph.nodes) {
    const count = perNode.get(node.id);
    if (hasConsumer.has(node.id) || count === null || count === undefined) continue;
    total += count;
    if (lengthsOf) sinkTables.push(lengthsOf.get(node.id) ?? EMPTY);
  }
  return { perNode, total, lengths: lengthsOf && lengthMap(sinkTables) };
}

/** The sinks' tables summed, as a Map from length to count in increasing length. */
function lengthMap(tables: readonly LengthTable[]): Map<number, bigint> {
  // mergeInputs adds one connection; the sinks' own lengths are wanted.
  const { min, counts } = mergeInputs(tables);
  const lengths = new Map<number, bigint>();
  for (let k = 0; k < counts.length; k++) if (counts[k] !== 0n) lengths.set(min - 1 + k, counts[k]!);
  return lengths;
}

/** Whether formatPathCount writes the count out in full (below a million) rather than as a power of two. */
export const pathCountInFull = (count: bigint): boolean => count < 1_000_000n;

/**
 * "1", "4,096", or "2^64" / "≈ 2^70.3" once a count is too long to read at a glance; in German
 * "4.096" and "≈ 2^70,3".
 */
export function formatPathCount(count: bigint, language: Language = 'en'): string {
  if (pathCountInFull(count)) return formatInteger(count, language);
  const bits = count.toString(2).length - 1;
  if (count === 1n << BigInt(bits)) return `2^${bits}`;
  // log2 from the leading 53 bits: exact enough for one decimal.
  const shift = Math.max(0, bits - 52);
  const log2 = Math.log2(Number(count >> BigInt(shift))) + shift;
  return `≈ 2^${localizeDecimal(log2.toFixed(1), language)}`;
}

/** The most common path length and how many paths have it, from a length table. */
export function commonestLength(lengths: ReadonlyMap<number, bigint>): { length: number; count: bigint } | null {
  let best: { length: number; count: bigint } | null = null;
  for (const [length, count] of lengths) if (!best || count > best.count) best = { length, count };
  return best;
}
