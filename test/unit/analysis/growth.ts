import type { Graph } from '../../../shared/graph/types';

/**
 * How many properties `run` reads from the graph's nodes, edges and modules: a
 * count of work that, unlike a timing, does not depend on the machine or on what
 * else runs on it. A linear pass reads each object a few times, so the count
 * grows like the graph; a pass that walks a chain per item grows like its square.
 */
export function graphReads(graph: Graph, run: (graph: Graph) => unknown): number {
  let reads = 0;
  const counted = <T extends object>(item: T): T =>
    new Proxy(item, {
      get(target, key, receiver) {
        reads += 1;
        return Reflect.get(target, key, receiver);
      },
    });
  run({ nodes: graph.nodes.map(counted), edges: graph.edges.map(counted), groups: graph.groups.map(counted) });
  return reads;
}

/** graphReads at a large size over graphReads at a small one: about large / small when linear. */
export function readGrowth(
  build: (size: number) => Graph,
  run: (graph: Graph) => unknown,
  small: number,
  large: number,
) {
  return graphReads(build(large), run) / graphReads(build(small), run);
}
