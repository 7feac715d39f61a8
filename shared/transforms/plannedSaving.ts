import { type Analysis, analyzeGraph } from '../analysis';
import type { Edge, Graph, LayerNode } from '../graph/types';
import { GraphIndex } from './convUnit';
import type { GraphDiff } from './graphDiff';
import type { RewritePlan, RewriteRule } from './rewrite';

/** What a rewrite saves: multiply-adds and parameters, before minus after. */
export interface Saving {
  macs: number;
  params: number;
}

/**
 * What runRewrite's report would say a rewrite saves, without proving it: the rule plans, and
 * only the rewritten part (the nodes it adds and its interior) is analysed, from the rule's
 * changes alone (a cost of the part's size, not the network's), fed by Input nodes
 * of the shapes it reads. It equals the proof's figure, which sums the same nodes; whole-graph
 * analysis per candidate made "apply everything" quadratic. null where the rule does not apply.
 * Only for ranking: the rewrite chosen is still run and proven on the whole network.
 */
export function plannedSaving<O>(
  rule: RewriteRule<O>,
  graph: Graph,
  nodeId: string,
  rawOptions: unknown,
  analysis: Analysis,
  index: GraphIndex = GraphIndex.of(graph),
): Saving | null {
  const parsed = rule.options.safeParse(rawOptions ?? {});
  const node = index.byId.get(nodeId);
  if (!parsed.success || !node) return null;
  const planned = rule.plan({ graph, analysis, index, node }, parsed.data);
  return planned.ok ? savingOfPlan(planned.plan, analysis, index) : null;
}

/** What a planned rewrite saves, by analysing only the part it rewrites; null where that part has errors. */
export function savingOfPlan(plan: RewritePlan, analysis: Analysis, index: GraphIndex): Saving | null {
  const changes = plan.edit.changes;
  const interior = plan.interior ?? [];
  const region = [...interior.map((id) => index.byId.get(id)!), ...changes.added.map((a) => a.node)];
  const replaced = [...interior, ...[...changes.removedNodes].filter((id) => analysis.nodes[id])];
  const after = analyseRegion(region, edgesInto(region, changes, index), analysis);
  if (!after) return null;
  let macs = 0;
  let params = 0;
  for (const id of replaced) {
    macs += analysis.nodes[id]!.macs;
    params += analysis.nodes[id]!.paramCount.total;
  }
  for (const n of region) {
    macs -= after.nodes[n.id]!.macs;
    params -= after.nodes[n.id]!.paramCount.total;
  }
  return { macs, params };
}

/** The rewritten network's edges into the region: its kept interior's and the added ones. */
function edgesInto(region: readonly LayerNode[], changes: GraphDiff, index: GraphIndex): Edge[] {
  const inside = new Set(region.map((n) => n.id));
  const kept = region.flatMap((n) => index.incomingEdges(n.id).filter((e) => !changes.removedEdges.has(e)));
  return [...kept, ...changes.addedEdges.filter((e) => inside.has(e.target))];
}

/** The region on its own, its inputs from outside as Input nodes of their (unchanged) shapes; null if it has errors. */
function analyseRegion(region: readonly LayerNode[], into: readonly Edge[], before: Analysis): Analysis | null {
  const inside = new Set(region.map((n) => n.id));
  const inputs = new Map<string, LayerNode>();
  const edges: Edge[] = [];
  for (const e of into) {
    let source = e.source;
    if (!inside.has(source)) {
      const shape = before.nodes[source]?.outputShape;
      if (!shape) return null;
      const input = inputs.get(source) ?? {
        id: `input:${source}`,
        name: `input:${source}`,
        kind: 'Input',
        params: { shape },
      };
      inputs.set(source, input);
      source = input.id;
    }
    edges.push({ ...e, source });
  }
  // Modules are the whole graph's business: the region alone has none of them.
  const nodes = [...inputs.values(), ...region.map(({ groupId: _, ...n }) => n)];
  const analysis = analyzeGraph({ nodes, edges, groups: [] });
  return analysis.diagnostics.some((d) => d.severity === 'error') ? null : analysis;
}
