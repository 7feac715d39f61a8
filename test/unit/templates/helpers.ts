import { type Analysis, analyzeGraph } from '../../../shared/analysis';
import type { Graph } from '../../../shared/graph/types';

/** Analysis of a template graph plus the lookups the template tests share. */
export function analyse(graph: Graph): Analysis {
  return analyzeGraph(graph);
}

export function errors(a: Analysis): string[] {
  return a.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.nodeId}: ${d.code}: ${d.message}`);
}

/** Output shape of the node named `name` (node ids are names in built graphs). */
export function shapeOf(graph: Graph, a: Analysis, name: string): readonly number[] | null | undefined {
  const node = graph.nodes.find((n) => n.name === name);
  if (!node) throw new Error(`no node named ${name}`);
  return a.nodes[node.id]?.outputShape;
}

/** Ids of a group and every group nested inside it. */
function groupAndDescendants(graph: Graph, groupId: string): Set<string> {
  const ids = new Set([groupId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const g of graph.groups) {
      if (g.parentId && ids.has(g.parentId) && !ids.has(g.id)) {
        ids.add(g.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** Parameters and MACs summed over a group's member nodes, computed here from per-node results. */
export function memberSums(graph: Graph, a: Analysis, groupId: string) {
  const ids = groupAndDescendants(graph, groupId);
  let params = 0;
  let nonTrainableParams = 0;
  let macs = 0;
  for (const n of graph.nodes) {
    if (!n.groupId || !ids.has(n.groupId)) continue;
    const na = a.nodes[n.id]!;
    params += na.paramCount.total;
    nonTrainableParams += na.paramCount.nonTrainable;
    macs += na.macs;
  }
  return { params, nonTrainableParams, macs };
}
