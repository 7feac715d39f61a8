import type { Graph } from '../graph/types';
import { said, withText } from '../i18n/diagnosticText';
import { oneLine } from './json';
import type { RawLayer } from './topology';
import type { ImportDiagnostic } from './types';

const q = (name: string) => `'${oneLine(name, 60)}'`;

/** Marks each later call of a shared Keras layer as using the first call's weights. */
export function withSharedWeights(graph: Graph, layers: readonly RawLayer[]): Graph {
  const owners = new Map(layers.filter((l) => l.sharesWeightsOf).map((l) => [l.name, l.sharesWeightsOf!]));
  if (owners.size === 0) return graph;
  const ids = new Set(graph.nodes.map((n) => n.id));
  const nodes = graph.nodes.map((node) => {
    const owner = owners.get(node.id);
    return owner !== undefined && ids.has(owner) ? { ...node, sharesWeightsWith: owner } : node;
  });
  return { ...graph, nodes };
}

const CALL = /#\d+$/;

/** One note per Keras layer or model applied more than once (its later calls are `name#2`, …). */
export function sharedLayerNotes(layers: readonly RawLayer[]): ImportDiagnostic[] {
  const layerCalls = new Map<string, string[]>();
  const modelCalls = new Map<string, Set<string>>();
  for (const l of layers) {
    if (l.sharesWeightsOf && CALL.test(l.name)) {
      const base = l.name.replace(CALL, '');
      layerCalls.set(base, [...(layerCalls.get(base) ?? []), l.name]);
    }
    const models = l.models ?? [];
    for (let i = 0; i < models.length; i++) {
      if (!CALL.test(models[i]!)) continue;
      const path = models.slice(0, i + 1).join('/');
      const base = path.replace(CALL, '');
      modelCalls.set(base, (modelCalls.get(base) ?? new Set()).add(path));
    }
  }
  return [
    ...[...layerCalls].map(([name, calls]) => note(name, calls, 'Layer')),
    ...[...modelCalls].map(([name, calls]) => note(name, [...calls], 'Model')),
  ];
}

function note(name: string, later: readonly string[], what: 'Layer' | 'Model'): ImportDiagnostic {
  const values = { name: q(name), times: { int: later.length + 1 }, calls: later.map(q).join(', ') };
  return {
    nodeId: what === 'Layer' ? name : null,
    severity: 'info',
    code: 'shared-layer',
    ...withText(said(what === 'Model' ? 'import.sharedModel' : 'import.sharedLayer', values)),
  };
}
