import type { Analysis } from '../analysis';
import type { Edge, Graph, LayerNode } from '../graph/types';
import type { ActivationName, Conv2DParams } from '../layers';

/** Read-only lookups over the input graph that every rule needs. */
export class GraphIndex {
  readonly byId = new Map<string, LayerNode>();
  private readonly incoming = new Map<string, Edge[]>();
  private readonly outgoing = new Map<string, Edge[]>();
  // Built on first use: a rewrite asks for them once or twice per network.
  private named: Map<string, string[]> | undefined;
  private edgesById: Map<string, Edge> | undefined;
  private placed: boolean | undefined;

  constructor(readonly graph: Graph) {
    for (const n of graph.nodes) this.byId.set(n.id, n);
    for (const e of graph.edges) {
      push(this.incoming, e.target, e);
      push(this.outgoing, e.source, e);
    }
  }

  /** One index per graph object: suggesting tries many rules on the same graph. */
  static of(graph: Graph): GraphIndex {
    let index = indexes.get(graph);
    if (!index) {
      index = new GraphIndex(graph);
      indexes.set(graph, index);
    }
    return index;
  }

  inputsOf(id: string): string[] {
    return [...(this.incoming.get(id) ?? [])].sort((a, b) => a.targetIndex - b.targetIndex).map((e) => e.source);
  }

  consumersOf(id: string): string[] {
    return (this.outgoing.get(id) ?? []).map((e) => e.target);
  }

  /** The edges into `id`, in the graph's order. */
  incomingEdges(id: string): readonly Edge[] {
    return this.incoming.get(id) ?? [];
  }

  /** The edges out of `id`, in the graph's order. */
  outgoingEdges(id: string): readonly Edge[] {
    return this.outgoing.get(id) ?? [];
  }

  /** The ids of the nodes called `name`; undefined where none is. */
  idsNamed(name: string): readonly string[] | undefined {
    if (!this.named) {
      this.named = new Map();
      for (const n of this.graph.nodes) push(this.named, n.name, n.id);
    }
    return this.named.get(name);
  }

  edgeWithId(id: string): Edge | undefined {
    this.edgesById ??= new Map(this.graph.edges.map((e) => [e.id, e]));
    return this.edgesById.get(id);
  }

  /** Whether any node is placed on the canvas (a network read from a model file is not). */
  get hasPositions(): boolean {
    this.placed ??= this.graph.nodes.some((n) => n.position);
    return this.placed;
  }

  /** The node's only consumer, if it has exactly one. */
  soleConsumer(id: string): LayerNode | undefined {
    const consumers = this.consumersOf(id);
    return consumers.length === 1 ? this.byId.get(consumers[0]!) : undefined;
  }
}

const indexes = new WeakMap<Graph, GraphIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * A convolution with the BatchNorm / Activation nodes that follow it one after
 * another, as Keras's conv2d_bn builds them. Rewrites treat the unit as one
 * layer: a new conv gets the same normalisation and nonlinearity after it.
 */
export interface ConvUnit {
  conv: LayerNode;
  params: Conv2DParams;
  inputId: string;
  inputShape: readonly [number, number, number];
  /** BatchNorm and Activation nodes after the conv, in order; each the sole consumer of the one before. */
  post: LayerNode[];
  /** The last node of the unit: what its consumers read. */
  outputId: string;
}

const isPostKind = (n: LayerNode) => n.kind === 'BatchNorm' || n.kind === 'Activation';

export function convUnit(index: GraphIndex, analysis: Analysis, conv: LayerNode): ConvUnit {
  const post: LayerNode[] = [];
  let last = conv;
  for (let next = index.soleConsumer(last.id); next && isPostKind(next) && post.length < 2; ) {
    if (post.some((p) => p.kind === next!.kind)) break;
    post.push(next);
    last = next;
    next = index.soleConsumer(last.id);
  }
  const result = analysis.nodes[conv.id]!;
  const [h, w, c] = result.inputShapes[0]!;
  return {
    conv,
    params: result.params as Conv2DParams,
    inputId: index.inputsOf(conv.id)[0]!,
    inputShape: [h!, w!, c!],
    post,
    outputId: last.id,
  };
}

/** The nonlinearity of the unit: its Activation node's, else the conv's fused one. */
export function unitActivation(unit: ConvUnit): ActivationName {
  const act = unit.post.find((n) => n.kind === 'Activation');
  return act
    ? (((act.params.activation as ActivationName | undefined) ?? 'relu') as ActivationName)
    : unit.params.activation;
}

/** Conv params as stored in a new node: plain arrays, every setting explicit. */
export function convParams(p: Conv2DParams, changes: Partial<Conv2DParams>): Record<string, unknown> {
  const q = { ...p, ...changes };
  return {
    filters: q.filters,
    kernelSize: [...q.kernelSize],
    strides: [...q.strides],
    padding: q.padding,
    dilation: [...q.dilation],
    groups: q.groups,
    useBias: q.useBias,
    activation: q.activation,
  };
}

/** "5×5", "1×7". */
export const kernelText = (k: readonly [number, number]) => `${k[0]}×${k[1]}`;
