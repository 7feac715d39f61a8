import type { Edge, Graph, Group, LayerNode, Position } from './types';

/** A handle to a node already added; pass it as an input to later layers. */
export interface NodeRef {
  readonly id: string;
  readonly name: string;
}

/**
 * Builds graphs in code, the way Keras's functional API reads: templates, the
 * importer, rewrites and tests all use it, so every graph is made the same way.
 * Names must be unique; ids are derived from names so graphs built twice are equal.
 */
export class GraphBuilder {
  private readonly nodes: LayerNode[] = [];
  private readonly edges: Edge[] = [];
  private readonly groups: Group[] = [];
  private readonly names = new Set<string>();
  private readonly groupStack: string[] = [];
  private readonly counters = new Map<string, number>();

  constructor(base?: Graph) {
    if (!base) return;
    for (const n of base.nodes) {
      this.nodes.push(n);
      this.names.add(n.name);
    }
    this.edges.push(...base.edges);
    this.groups.push(...base.groups);
  }

  /** A fresh name from a prefix: conv2d, conv2d_1, conv2d_2, ... (Keras's scheme). */
  uniqueName(prefix: string): string {
    let n = this.counters.get(prefix) ?? 0;
    let name = n === 0 ? prefix : `${prefix}_${n}`;
    while (this.names.has(name)) {
      n += 1;
      name = `${prefix}_${n}`;
    }
    this.counters.set(prefix, n + 1);
    return name;
  }

  add(
    kind: string,
    params: Record<string, unknown>,
    inputs: readonly NodeRef[] = [],
    name?: string,
    position?: Position,
  ): NodeRef {
    const finalName = name ?? this.uniqueName(kind.toLowerCase());
    if (this.names.has(finalName)) throw new Error(`Duplicate node name "${finalName}"`);
    this.names.add(finalName);
    const id = finalName;
    const node: LayerNode = { id, name: finalName, kind, params: { ...params } };
    const groupId = this.groupStack.at(-1);
    if (groupId) node.groupId = groupId;
    if (position) node.position = position;
    this.nodes.push(node);
    inputs.forEach((input, index) => {
      this.edges.push({ id: `${input.id}->${id}:${index}`, source: input.id, target: id, targetIndex: index });
    });
    return { id, name: finalName };
  }

  input(shape: readonly number[], name = 'input'): NodeRef {
    return this.add('Input', { shape: [...shape] }, [], name);
  }

  /** Everything added inside `body` belongs to a new module (group). */
  group<T>(name: string, template: string, body: () => T): T {
    const parentId = this.groupStack.at(-1);
    const group: Group = { id: `group:${name}`, name, template, collapsed: false };
    if (parentId) group.parentId = parentId;
    this.groups.push(group);
    this.groupStack.push(group.id);
    try {
      return body();
    } finally {
      this.groupStack.pop();
    }
  }

  build(): Graph {
    return {
      nodes: this.nodes.map((n) => ({ ...n })),
      edges: this.edges.map((e) => ({ ...e })),
      groups: this.groups.map((g) => ({ ...g })),
    };
  }
}
