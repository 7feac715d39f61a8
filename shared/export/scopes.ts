import type { Group, LayerNode } from '../graph/types';

/**
 * The module structure of an export: the whole network is the root scope, and every
 * module (group) that can be called as one function becomes a nested scope, written as
 * one class (PyTorch) or one function (Keras).
 */
export interface Scope {
  /** null for the whole network. */
  group: Group | null;
  /** What runs, in order: nodes directly in this scope and nested scopes. */
  items: ScopeItem[];
  /** Every node inside, nested scopes included. */
  members: Set<string>;
  /** Nodes outside whose outputs are used inside, in order of first use. */
  inputs: string[];
  /** Nodes inside whose outputs are used outside (or are model outputs), in graph order. */
  outputs: string[];
}

export type ScopeItem = { type: 'node'; id: string } | { type: 'scope'; scope: Scope };

/**
 * Groups are free-form in the editor: a group can be empty, name a missing parent, or be
 * non-convex (a path leaves it and comes back, e.g. a node of another group between two
 * of its nodes). A non-convex group cannot be one function call, so it is dissolved and
 * its members join the enclosing scope; everything else keeps the user's structure.
 */
export function planScopes(
  order: readonly string[],
  nodes: readonly LayerNode[],
  groups: readonly Group[],
  inputsOf: (id: string) => readonly string[],
  modelOutputs: readonly string[],
): Scope {
  const rank = new Map(order.map((id, i) => [id, i]));
  const byId = new Map(groups.map((g) => [g.id, g]));
  const parentOf = (g: Group): string | null => (g.parentId && byId.has(g.parentId) ? g.parentId : null);

  /** Chain of groups from the outermost down to the node's own group, cycles in parent links cut. */
  const chains = new Map<string, string[]>();
  for (const node of nodes) {
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let g = node.groupId ? byId.get(node.groupId) : undefined; g && !seen.has(g.id); ) {
      seen.add(g.id);
      chain.unshift(g.id);
      const parent = parentOf(g);
      g = parent ? byId.get(parent) : undefined;
    }
    chains.set(node.id, chain);
  }

  const consumers = new Map<string, string[]>();
  for (const id of order) {
    for (const source of inputsOf(id)) {
      const list = consumers.get(source) ?? [];
      list.push(id);
      consumers.set(source, list);
    }
  }
  const isModelOutput = new Set(modelOutputs);
  const dissolved = new Set<string>();
  // Item keys: a node and a group may share an id string, so each gets a prefix.
  const nodeKey = (id: string) => `node:${id}`;
  const groupKey = (id: string) => `group:${id}`;

  function build(group: Group | null, depth: number, members: Set<string>): Scope {
    /** The item a member belongs to in this scope: the first non-dissolved group below it, or itself. */
    const itemOf = (id: string): string => {
      const chain = chains.get(id) ?? [];
      for (let d = depth; d < chain.length; d++) if (!dissolved.has(chain[d]!)) return groupKey(chain[d]!);
      return nodeKey(id);
    };
    let items = orderItems(members, itemOf);
    while (items === null) items = orderItems(members, itemOf);

    const scopeItems: ScopeItem[] = items.map(({ key, ids }) => {
      if (key.startsWith('node:')) return { type: 'node', id: ids[0]! };
      const groupId = key.slice('group:'.length);
      const inner = (chains.get(ids[0]!) ?? []).indexOf(groupId) + 1;
      return { type: 'scope', scope: build(byId.get(groupId)!, inner, new Set(ids)) };
    });

    const inputs: string[] = [];
    const outputs: string[] = [];
    const sorted = [...members].sort((a, b) => rank.get(a)! - rank.get(b)!);
    for (const id of sorted) {
      for (const source of inputsOf(id)) if (!members.has(source) && !inputs.includes(source)) inputs.push(source);
      const usedOutside = (consumers.get(id) ?? []).some((c) => !members.has(c));
      if (usedOutside || isModelOutput.has(id)) outputs.push(id);
    }
    // The network's outputs keep the analysis's order, which the TF.js model uses too.
    return { group, items: scopeItems, members, inputs, outputs: group ? outputs : [...modelOutputs] };
  }

  /**
   * Members grouped into items and put in dependency order (ties by graph order). Returns
   * null after dissolving the groups that form a cycle, so the caller retries.
   */
  function orderItems(members: Set<string>, itemOf: (id: string) => string): { key: string; ids: string[] }[] | null {
    const items = new Map<string, string[]>();
    for (const id of [...members].sort((a, b) => rank.get(a)! - rank.get(b)!)) {
      const key = itemOf(id);
      const list = items.get(key) ?? [];
      list.push(id);
      items.set(key, list);
    }
    const after = new Map<string, Set<string>>();
    const waiting = new Map<string, number>();
    for (const key of items.keys()) waiting.set(key, 0);
    for (const [key, ids] of items) {
      for (const id of ids) {
        for (const source of inputsOf(id)) {
          if (!members.has(source)) continue;
          const from = itemOf(source);
          if (from === key) continue;
          const next = after.get(from) ?? new Set<string>();
          if (next.has(key)) continue;
          next.add(key);
          after.set(from, next);
          waiting.set(key, waiting.get(key)! + 1);
        }
      }
    }
    const first = (key: string) => rank.get(items.get(key)![0]!)!;
    const byRank = (a: string, b: string) => first(a) - first(b);
    let ready = [...items.keys()].filter((k) => waiting.get(k) === 0);
    const result: { key: string; ids: string[] }[] = [];
    let freed: string[] = [];
    while (ready.length > 0) {
      // Depth first: continue the branch just written, so a module reads branch by branch.
      const key = freed.length > 0 ? freed.sort(byRank)[0]! : ready.sort(byRank)[0]!;
      ready = ready.filter((k) => k !== key);
      result.push({ key, ids: items.get(key)! });
      freed = [];
      for (const next of after.get(key) ?? []) {
        waiting.set(next, waiting.get(next)! - 1);
        if (waiting.get(next) === 0) {
          ready.push(next);
          freed.push(next);
        }
      }
    }
    if (result.length === items.size) return result;
    // Dissolves every group left waiting: those on a cycle, and (harmlessly) some after one.
    for (const key of items.keys()) if (waiting.get(key)! > 0 && key.startsWith('group:')) dissolved.add(key.slice(6));
    return null;
  }

  // Input nodes stay outside every scope: they are the network's parameters.
  return build(null, 0, new Set(order.filter((id) => chains.has(id))));
}
