import { type NodeTypes, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import type { Analysis } from '../../shared/analysis';
import type { Graph } from '../../shared/graph/types';
import { collapsedOwner, FlowModel } from '../canvas/flowModel';
import { LayerNodeView } from '../canvas/LayerNodeView';
import { FrameNodeView, ModuleNodeView } from '../canvas/ModuleNodeView';
import { useText } from '../i18n/useText';
import { layoutGraph } from '../layout/elkLayout';

const nodeTypes: NodeTypes = { layer: LayerNodeView, module: ModuleNodeView, frame: FrameNodeView };

/**
 * The step's network laid out left to right, each collapsed module laid out as one box (so a
 * whole Inception v3 reads as its modules), its layers placed where the box is.
 */
async function laidOut(graph: Graph, collapsed: readonly string[]): Promise<Graph> {
  const names = new Set(collapsed);
  const groups = graph.groups.map((g) => (names.has(g.name) ? { ...g, collapsed: true } : g));
  const byId = new Map(groups.map((g) => [g.id, g]));
  const owners = new Map(graph.nodes.map((n) => [n.id, collapsedOwner(n, byId)?.id ?? n.id]));
  const boxes = [...new Set(owners.values())].map((id) => ({ id, name: id, kind: 'box', params: {} }));
  const links = new Map<string, { id: string; source: string; target: string; targetIndex: number }>();
  for (const e of graph.edges) {
    const source = owners.get(e.source)!;
    const target = owners.get(e.target)!;
    if (source !== target)
      links.set(`${source}->${target}`, { id: `${source}->${target}`, source, target, targetIndex: 0 });
  }
  // The view is about 1.25 times as wide as tall: a long network wraps into rows to fill it.
  const positions = await layoutGraph({ nodes: boxes, edges: [...links.values()], groups: [] }, 'RIGHT', 1.25);
  const nodes = graph.nodes.map((n) => ({ ...n, position: positions.get(owners.get(n.id)!) ?? { x: 0, y: 0 } }));
  return { ...graph, nodes, groups };
}

/** A read-only drawing of a step's network: pan and zoom, nothing to edit. */
export function StepCanvas(props: {
  graph: Graph;
  analysis: Analysis;
  highlight: readonly string[];
  collapsed: readonly string[];
}) {
  return (
    <ReactFlowProvider>
      <StepFlow {...props} />
    </ReactFlowProvider>
  );
}

function StepFlow({
  graph,
  analysis,
  highlight,
  collapsed,
}: {
  graph: Graph;
  analysis: Analysis;
  highlight: readonly string[];
  collapsed: readonly string[];
}) {
  const [placed, setPlaced] = useState<Graph | null>(null);
  useEffect(() => {
    let live = true;
    setPlaced(null);
    void laidOut(graph, collapsed).then((g) => {
      if (live) setPlaced(g);
    });
    return () => {
      live = false;
    };
  }, [graph, collapsed]);
  const { t, language } = useText();
  const model = useMemo(() => new FlowModel(), []);
  const marked = useMemo(
    () => new Set(graph.nodes.filter((n) => highlight.includes(n.name)).map((n) => n.id)),
    [graph, highlight],
  );
  const nodes = useMemo(
    () => (placed ? model.nodes(placed, analysis, marked, [], language) : []),
    [model, placed, analysis, marked, language],
  );
  const edges = useMemo(() => (placed ? model.edges(placed, language) : []), [model, placed, language]);
  if (!placed) return <div className="step-canvas muted">{t('panels.lesson.layingOut')}</div>;
  return (
    <div className="step-canvas" data-testid="lesson-network">
      <ReactFlow
        key={placed.nodes.length}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        fitView
        fitViewOptions={{ padding: 0.08, maxZoom: 2.2 }}
        minZoom={0.02}
        maxZoom={4}
        proOptions={{ hideAttribution: true }}
      />
    </div>
  );
}
