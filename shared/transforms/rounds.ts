import type { GraphIndex } from './convUnit';
import type { RewritePlan } from './rewrite';

/** How far a rule reads around the node it rewrites; see SavingsCache.forgetAround. */
export const READS_WITHIN = 3;

/**
 * Rewrites planned on the same network that can be put in together: none changes a node
 * another one reads (the nodes within three connections of the node it rewrites), and no
 * two add the same name (names are made unique on the network alone). Rewrites that keep
 * the receptive field then leave each other's savings and proofs as they were alone.
 */
export class RoundOfRewrites {
  private readonly reads = new Set<string>();
  private readonly changed = new Set<string>();
  private readonly names = new Set<string>();

  constructor(private readonly index: GraphIndex) {}

  /** The nodes a rewrite of `nodeId` reads; null where a rewrite already taken changed one of them. */
  readsOf(nodeId: string): Set<string> | null {
    const near = within(this.index, [nodeId], READS_WITHIN);
    for (const id of near) if (this.changed.has(id)) return null;
    return near;
  }

  /** Takes the rewrite unless it changes what one already taken reads, or adds a name one already added. */
  take(reads: ReadonlySet<string>, plan: RewritePlan): boolean {
    const changes = plan.edit.changes;
    const touched = [...changes.removedNodes, ...(plan.interior ?? [])];
    for (const e of [...changes.removedEdges, ...changes.addedEdges]) touched.push(e.source, e.target);
    const own = changes.added.flatMap((a) => [a.node.id, a.node.name]);
    if (touched.some((id) => this.reads.has(id)) || own.some((name) => this.names.has(name))) return false;
    for (const id of [...reads, ...touched]) this.reads.add(id);
    for (const id of touched) this.changed.add(id);
    for (const name of own) this.names.add(name);
    return true;
  }
}

/** The nodes within `hops` connections (either way) of `seeds`, the seeds included. */
export function within(index: GraphIndex, seeds: readonly string[], hops: number): Set<string> {
  const near = new Set(seeds);
  let frontier = [...near];
  for (let hop = 0; hop < hops; hop++) {
    const next: string[] = [];
    for (const id of frontier)
      for (const other of [...index.inputsOf(id), ...index.consumersOf(id)])
        if (!near.has(other)) {
          near.add(other);
          next.push(other);
        }
    frontier = next;
  }
  return near;
}
