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

/** What every step of the planning reads, and the groups found to form a cycle so far. */
interface Planner {
  rank: Map<string, number>;
  groups: Map<string, Group>;
  /** Node id → its groups, outermost first. */
  chains: Map<string, string[]>;
  inputsOf: (id: string) => readonly string[];
  consumers: Map<string, string[]>;
  modelOutputs: readonly string[];
  isModelOutput: Set<string>;
  dissolved: Set<string>;
}

/** An item of a scope: a node or a nested group, with the scope's members it holds in graph order. */
interface Item {
  key: string;
  ids: string[];
}

// Item keys: a node and a group may share an id string, so each gets a prefix.
const nodeKey = (id: string) => `node:${id}`;
const groupKey = (id: string) => `group:${id}`;
const GROUP_PREFIX = 'group:';

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
  const byId = new Map(groups.map((g) => [g.id, g]));
  const planner: Planner = {
    rank: new Map(order.map((id, i) => [id, i])),
    groups: byId,
    chains: groupChains(nodes, byId),
    inputsOf,
    consumers: consumersOf(order, inputsOf),
    modelOutputs,
    isModelOutput: new Set(modelOutputs),
    dissolved: new Set(),
  };
  // Input nodes stay outside every scope: they are the network's parameters.
  return buildScope(planner, null, 0, new Set(order.filter((id) => planner.chains.has(id))));
}

/** Each node's chain of groups from the outermost down to its own, cycles in parent links cut. */
function groupChains(nodes: readonly LayerNode[], byId: Map<string, Group>): Map<string, string[]> {
  const parentOf = (g: Group): Group | undefined => (g.parentId ? byId.get(g.parentId) : undefined);
  const chains = new Map<string, string[]>();
  for (const node of nodes) {
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let g = node.groupId ? byId.get(node.groupId) : undefined; g && !seen.has(g.id); g = parentOf(g)) {
      seen.add(g.id);
      chain.unshift(g.id);
    }
    chains.set(node.id, chain);
  }
  return chains;
}

/** Node id → the nodes that read its output. */
function consumersOf(order: readonly string[], inputsOf: (id: string) => readonly string[]): Map<string, string[]> {
  const consumers = new Map<string, string[]>();
  for (const id of order) {
    for (const source of inputsOf(id)) {
      const list = consumers.get(source) ?? [];
      list.push(id);
      consumers.set(source, list);
    }
  }
  return consumers;
}

/** The scope of `group` (null: the whole network) over `members`, nested scopes built in turn. */
function buildScope(planner: Planner, group: Group | null, depth: number, members: Set<string>): Scope {
  /** The item a member belongs to in this scope: the first non-dissolved group below it, or itself. */
  const itemOf = (id: string): string => {
    const chain = planner.chains.get(id) ?? [];
    for (let d = depth; d < chain.length; d++) if (!planner.dissolved.has(chain[d]!)) return groupKey(chain[d]!);
    return nodeKey(id);
  };
  let items = orderItems(planner, members, itemOf);
  while (items === null) items = orderItems(planner, members, itemOf);

  const scopeItems = items.map(({ key, ids }): ScopeItem => {
    if (!key.startsWith(GROUP_PREFIX)) return { type: 'node', id: ids[0]! };
    const groupId = key.slice(GROUP_PREFIX.length);
    const inner = (planner.chains.get(ids[0]!) ?? []).indexOf(groupId) + 1;
    return { type: 'scope', scope: buildScope(planner, planner.groups.get(groupId)!, inner, new Set(ids)) };
  });
  const { inputs, outputs } = boundary(planner, members);
  // The network's outputs keep the analysis's order, which the TF.js model uses too.
  return { group, items: scopeItems, members, inputs, outputs: group ? outputs : [...planner.modelOutputs] };
}

/** What flows into a set of members from outside, and what of theirs is used outside or is a model output. */
function boundary(planner: Planner, members: Set<string>): { inputs: string[]; outputs: string[] } {
  const inputs: string[] = [];
  const outputs: string[] = [];
  for (const id of inGraphOrder(planner, members)) {
    for (const source of planner.inputsOf(id))
      if (!members.has(source) && !inputs.includes(source)) inputs.push(source);
    const usedOutside = (planner.consumers.get(id) ?? []).some((c) => !members.has(c));
    if (usedOutside || planner.isModelOutput.has(id)) outputs.push(id);
  }
  return { inputs, outputs };
}

const inGraphOrder = (planner: Planner, ids: Iterable<string>): string[] =>
  [...ids].sort((a, b) => planner.rank.get(a)! - planner.rank.get(b)!);

/**
 * Members grouped into items and put in dependency order (ties by graph order). Returns
 * null after dissolving the groups that form a cycle, so the caller retries.
 */
function orderItems(planner: Planner, members: Set<string>, itemOf: (id: string) => string): Item[] | null {
  const items = new Map<string, string[]>();
  for (const id of inGraphOrder(planner, members)) {
    const key = itemOf(id);
    const list = items.get(key) ?? [];
    list.push(id);
    items.set(key, list);
  }
  const { after, waiting } = itemDependencies(planner, items, members, itemOf);
  const result = dependencyOrder(planner, items, after, waiting);
  if (result.length === items.size) return result;
  // Dissolves every group left waiting: those on a cycle, and (harmlessly) some after one.
  for (const key of items.keys()) {
    if (waiting.get(key)! > 0 && key.startsWith(GROUP_PREFIX)) planner.dissolved.add(key.slice(GROUP_PREFIX.length));
  }
  return null;
}

/** Which items read which (`after`: item → the items that read it) and how many each waits for. */
function itemDependencies(
  planner: Planner,
  items: Map<string, string[]>,
  members: Set<string>,
  itemOf: (id: string) => string,
): { after: Map<string, Set<string>>; waiting: Map<string, number> } {
  const after = new Map<string, Set<string>>();
  const waiting = new Map<string, number>();
  for (const key of items.keys()) waiting.set(key, 0);
  for (const [key, ids] of items) {
    for (const id of ids) {
      for (const source of planner.inputsOf(id)) {
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
  return { after, waiting };
}

/**
 * Kahn's topological order over the items, depth first: after an item, the items it
 * just freed come next, so a module reads branch by branch. Items on a cycle are left
 * out (their `waiting` stays above zero). Counts down `waiting` as it goes.
 */
function dependencyOrder(
  planner: Planner,
  items: Map<string, string[]>,
  after: Map<string, Set<string>>,
  waiting: Map<string, number>,
): Item[] {
  const first = (key: string) => planner.rank.get(items.get(key)![0]!)!;
  const byRank = (a: string, b: string) => first(a) - first(b);
  let ready = [...items.keys()].filter((k) => waiting.get(k) === 0);
  const result: Item[] = [];
  let freed: string[] = [];
  while (ready.length > 0) {
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
  return result;
}
