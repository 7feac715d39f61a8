import type { LayerNode } from './types';

/**
 * After nodes are removed, no node may keep using the weights of one that is gone: the
 * first remaining call of a removed shared layer takes the weights over (it becomes a layer
 * of its own) and the other calls use its weights instead.
 */
export function relinkSharedWeights(nodes: LayerNode[], removed: ReadonlySet<string>): LayerNode[] {
  if (!nodes.some((n) => n.sharesWeightsWith !== undefined && removed.has(n.sharesWeightsWith))) return nodes;
  const heirs = new Map<string, string>();
  return nodes.map((node) => {
    const owner = node.sharesWeightsWith;
    if (owner === undefined || !removed.has(owner)) return node;
    const heir = heirs.get(owner);
    if (heir !== undefined) return { ...node, sharesWeightsWith: heir };
    heirs.set(owner, node.id);
    const { sharesWeightsWith: _gone, ...own } = node;
    return own;
  });
}
