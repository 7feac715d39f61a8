import type { LayerNode } from '../graph/types';
import { type DiagnosticText, said } from '../i18n/diagnosticText';
import type { GroupTotals } from './groupTotals';
import type { Report } from './nodePass';
import type { NodeAnalysis } from './types';

const NO_WEIGHTS = { trainable: 0, nonTrainable: 0, total: 0 };
const q = (node: LayerNode) => `'${node.name}'`;

/**
 * Nodes that use another node's weights (LayerNode.sharesWeightsWith: a Keras layer applied
 * more than once) count no weights of their own, so each shared set counts once, as Keras's
 * count_params() does. Takes their counts back out of the totals and modules they were added
 * to, and tells it once per shared layer; a call whose weights could not be the same (another
 * kind, another weight count, a missing node) keeps its own and is an error.
 * Returns the weights taken out.
 */
export function discountSharedWeights(
  nodes: readonly LayerNode[],
  results: Record<string, NodeAnalysis>,
  groupTotals: GroupTotals,
  report: Report,
): { trainable: number; nonTrainable: number } {
  const taken = { trainable: 0, nonTrainable: 0 };
  let byId: Map<string, LayerNode> | undefined;
  const calls = new Map<string, LayerNode[]>();
  for (const node of nodes) {
    if (node.sharesWeightsWith === undefined) continue;
    byId ??= new Map(nodes.map((n) => [n.id, n]));
    const owner = byId.get(node.sharesWeightsWith);
    const mine = results[node.id];
    const theirs = owner ? results[owner.id] : undefined;
    // Unanalysed (an error upstream, reported there): nothing to compare, the call keeps its count.
    if (!mine || (theirs && theirs.outputShape === null)) continue;
    const problem = mismatch(node, owner, mine, theirs);
    if (problem) {
      report(node.id, 'error', 'shared-weights-mismatch', problem);
      continue;
    }
    const pc = mine.paramCount;
    taken.trainable += pc.trainable;
    taken.nonTrainable += pc.nonTrainable;
    if (node.groupId !== undefined) groupTotals.add(node.groupId, -pc.trainable, -pc.nonTrainable, 0, 0);
    results[node.id] = { ...mine, paramCount: NO_WEIGHTS };
    if (pc.total > 0) calls.set(owner!.id, [...(calls.get(owner!.id) ?? []), node]);
  }
  for (const [ownerId, shared] of calls) {
    const owner = byId!.get(ownerId)!;
    const count = results[ownerId]!.paramCount.total;
    report(
      ownerId,
      'info',
      'shared-weights',
      said('analysis.sharedWeights', {
        owner: owner.name,
        count: { int: count },
        others: shared.map(q).join(', '),
        times: shared.length + 1,
      }),
    );
  }
  return taken;
}

function mismatch(
  node: LayerNode,
  owner: LayerNode | undefined,
  mine: NodeAnalysis,
  theirs: NodeAnalysis | undefined,
): DiagnosticText | null {
  if (!owner || !theirs) return said('analysis.sharedMissing', { name: node.name, owner: `${node.sharesWeightsWith}` });
  if (owner.sharesWeightsWith !== undefined)
    return said('analysis.sharedChain', { name: node.name, owner: owner.name });
  if (owner.kind !== node.kind || mine.paramCount.total !== theirs.paramCount.total)
    return said('analysis.sharedMismatch', {
      name: node.name,
      owner: owner.name,
      mine: { int: mine.paramCount.total },
      kind: node.kind,
      theirs: { int: theirs.paramCount.total },
      ownerKind: owner.kind,
    });
  return null;
}
