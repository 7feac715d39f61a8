/**
 * The network as data. A graph is flat: modules (Inception blocks and user groups)
 * are named groups of nodes, so analysis, compilation and rewrites see one DAG
 * and a module's totals are the sum over its members.
 */

/** Per-sample tensor shape, batch axis excluded: [H, W, C] for images, [N] for vectors. */
export type Shape = readonly number[];

export interface Position {
  x: number;
  y: number;
}

export interface LayerNode {
  id: string;
  /** Unique, user-visible; becomes the layer name when compiled. */
  name: string;
  /** Key into the layer registry (shared/layers/registry.ts). */
  kind: string;
  /** Raw parameters as stored; validated and defaulted by the kind's schema. */
  params: Record<string, unknown>;
  position?: Position;
  /** The module (group) this node belongs to, if any. */
  groupId?: string;
  /**
   * Frozen (Keras's trainable: false): its weights are not trained, and count as
   * non-trainable, as Keras counts them. Absent means trainable.
   */
  frozen?: boolean;
  /**
   * The id of the node whose weights this node uses: the same Keras layer applied again (a
   * siamese branch, a model applied twice). It has no weights of its own; absent means its own.
   */
  sharesWeightsWith?: string;
}

export interface Edge {
  id: string;
  source: string;
  target: string;
  /** Input slot on the target; orders a Concatenate's inputs. */
  targetIndex: number;
}

export interface Group {
  id: string;
  name: string;
  /** Template it came from (e.g. 'inception-a'), or 'custom' for a user grouping. */
  template: string;
  collapsed: boolean;
  /** Enclosing group for nested modules. */
  parentId?: string;
}

export interface Graph {
  nodes: LayerNode[];
  edges: Edge[];
  groups: Group[];
}

export const emptyGraph = (): Graph => ({ nodes: [], edges: [], groups: [] });
