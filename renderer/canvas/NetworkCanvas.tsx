import {
  applyNodeChanges,
  Background,
  type Connection,
  Controls,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  type NodeTypes,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { checkConnection } from '../../shared/graph/connect';
import { translator } from '../../shared/i18n';
import { renderText } from '../../shared/i18n/diagnosticText';
import { connectChange, insertPaletteItem } from '../editor/insert';
import { dropMoves } from '../editor/moves';
import { useText } from '../i18n/useText';
import { findPaletteItem } from '../palette/paletteItems';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { useAnalysis } from '../store/useAnalysis';
import { useDiagnostics } from '../store/useDiagnostics';
import { FlowModel, type FlowNode } from './flowModel';
import { LayerNodeView } from './LayerNodeView';
import { FrameNodeView, ModuleNodeView } from './ModuleNodeView';

const nodeTypes: NodeTypes = { layer: LayerNodeView, module: ModuleNodeView, frame: FrameNodeView };
export const paletteMime = 'application/x-netwright-palette';

/** Module frames are backgrounds, not shapes: they would hide the layers in the minimap. */
const minimapColor = (node: { type?: string }) => (node.type === 'frame' ? 'transparent' : 'rgb(140 150 170 / 70%)');

/**
 * The canvas. The document store owns the graph; React Flow owns positions only while
 * a drag is in flight, and the drop commits them as one undoable move.
 */
export function NetworkCanvas() {
  const graph = useDocumentStore((s) => s.graph);
  const selection = useDocumentStore((s) => s.selection);
  const apply = useDocumentStore((s) => s.apply);
  const select = useDocumentStore((s) => s.select);
  const notify = useUiStore((s) => s.notify);
  const animatingLayout = useUiStore((s) => s.animatingLayout);
  const analysis = useAnalysis();
  const flow = useReactFlow();
  const model = useRef(new FlowModel());
  const { t, language } = useText();

  const selected = useMemo(() => new Set(selection), [selection]);
  const diagnostics = useDiagnostics();
  const derived = useMemo(
    () => model.current.nodes(graph, analysis, selected, diagnostics, language),
    [graph, analysis, selected, diagnostics, language],
  );
  const baseEdges = useMemo(() => model.current.edges(graph, language), [graph, language]);
  // Edge selection is the canvas's own: it only decides what Delete removes.
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(new Set());
  const edges = useMemo(
    () => baseEdges.map((e) => (selectedEdges.has(e.id) ? { ...e, selected: true } : e)),
    [baseEdges, selectedEdges],
  );
  const [nodes, setNodes] = useState<FlowNode[]>(derived);
  useEffect(() => setNodes(derived), [derived]);
  const loadCount = useDocumentStore((s) => s.loadCount);
  useEffect(() => {
    if (loadCount === 0) return;
    const frame = requestAnimationFrame(() => void flow.fitView({ padding: 0.1, maxZoom: 1 }));
    return () => cancelAnimationFrame(frame);
  }, [loadCount, flow]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      setNodes((current) => applyNodeChanges(changes, current));
      for (const c of changes)
        if (c.type === 'dimensions' && c.dimensions) model.current.measured.set(c.id, c.dimensions);
      const moves = changes.flatMap((c) =>
        c.type === 'position' && c.dragging === false && c.position ? [{ id: c.id, position: c.position }] : [],
      );
      if (moves.length) {
        const { graph } = useDocumentStore.getState();
        const drawnAt = (id: string) => derived.find((n) => n.id === id)?.position;
        apply([{ type: 'moveNodes', moves: dropMoves(graph, moves, drawnAt) }]);
      }
      if (changes.some((c) => c.type === 'select')) {
        const now = new Set(useDocumentStore.getState().selection);
        for (const c of changes) if (c.type === 'select') c.selected ? now.add(c.id) : now.delete(c.id);
        select([...now]);
      }
    },
    [apply, select, derived],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      if (changes.some((c) => c.type === 'select')) {
        setSelectedEdges((current) => {
          const next = new Set(current);
          for (const c of changes) if (c.type === 'select') c.selected ? next.add(c.id) : next.delete(c.id);
          return next;
        });
      }
      const removed = changes.flatMap((c) => (c.type === 'remove' ? [c.id] : []));
      if (removed.length) apply([{ type: 'removeEdges', ids: removed }]);
    },
    [apply],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const current = useDocumentStore.getState().graph;
      if (connection.source.startsWith('group:') || connection.target.startsWith('group:')) {
        notify(translator('ui', language).t('panels.canvas.expandToConnect'), 'error');
        return;
      }
      const check = checkConnection(current, connection.source, connection.target);
      if (!check.ok) {
        notify(renderText(check.text, language), 'error');
        return;
      }
      apply([connectChange(current, connection.source, connection.target)]);
    },
    [apply, notify, language],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(paletteMime)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const item = findPaletteItem(event.dataTransfer.getData(paletteMime));
      if (!item) return;
      event.preventDefault();
      const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const state = useDocumentStore.getState();
      const feed = state.selection.length === 1 ? state.selection[0] : undefined;
      const insertion = insertPaletteItem(state.graph, item, position, 'template' in item ? feed : undefined);
      apply(insertion.changes);
      select(insertion.ids);
    },
    [apply, select, flow],
  );

  return (
    <section
      className={animatingLayout ? 'canvas animate-layout' : 'canvas'}
      aria-label={t('panels.canvas.label')}
      data-testid="canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        snapToGrid
        snapGrid={[20, 20]}
        minZoom={0.02}
        maxZoom={2.5}
        onlyRenderVisibleElements
        colorMode="system"
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <MiniMap
          pannable
          zoomable
          ariaLabel={t('panels.canvas.minimap')}
          nodeColor={minimapColor}
          nodeStrokeWidth={0}
        />
        <Controls />
      </ReactFlow>
    </section>
  );
}
