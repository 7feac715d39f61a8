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

/** Above this many (node, length) entries the length table is skipped, counts stay exact. */
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

function addInto(into: Map<number, bigint>, from: Map<number, bigint>, shift: number): void {
  for (const [length, count] of from) into.set(length + shift, (into.get(length + shift) ?? 0n) + count);
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
  let lengthsOf: Map<string, Map<number, bigint>> | null = tabulate ? new Map() : null;
  let entries = 0;
  for (const id of forwardOrder(graph, inputsOf)) {
    const sources = inputsOf.get(id) ?? [];
    perNode.set(id, sources.length === 0 ? 1n : sources.reduce((sum, s) => sum + (perNode.get(s) ?? 0n), 0n));
    if (!lengthsOf) continue;
    const lengths = new Map<number, bigint>();
    if (sources.length === 0) lengths.set(0, 1n);
    for (const s of sources) addInto(lengths, lengthsOf.get(s) ?? new Map(), 1);
    lengthsOf.set(id, lengths);
    entries += lengths.size;
    if (entries > lengthTableBudget) lengthsOf = null;
  }
  let total = 0n;
  const lengths = lengthsOf ? new Map<number, bigint>() : null;
  for (const node of graph.nodes) {
    const count = perNode.get(node.id);
    if (hasConsumer.has(node.id) || count === null || count === undefined) continue;
    total += count;
    if (lengths && lengthsOf) addInto(lengths, lengthsOf.get(node.id) ?? new Map(), 0);
  }
  return { perNode, total, lengths: lengths && new Map([...lengths].sort((a, b) => a[0] - b[0])) };
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
