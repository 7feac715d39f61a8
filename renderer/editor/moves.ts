import type { Graph, Position } from '../../shared/graph/types';

export interface NodeMove {
  id: string;
  position: Position;
}

/**
 * The graph edit for nodes dropped at the end of a drag. A layer moves itself; a module
 * (collapsed, so its layers are not drawn) moves its member layers by its own offset
 * from where the canvas drew it, and a module the canvas did not draw moves nothing.
 */
export function dropMoves(
  graph: Graph,
  dropped: readonly NodeMove[],
  drawnAt: (moduleId: string) => Position | undefined,
): NodeMove[] {
  const moves = dropped.filter((m) => !m.id.startsWith('group:'));
  for (const m of dropped) {
    if (!m.id.startsWith('group:')) continue;
    const origin = drawnAt(m.id);
    if (!origin) continue;
    const dx = m.position.x - origin.x;
    const dy = m.position.y - origin.y;
    for (const n of graph.nodes) {
      if (n.groupId !== m.id) continue;
      const p = n.position ?? { x: 0, y: 0 };
      moves.push({ id: n.id, position: { x: p.x + dx, y: p.y + dy } });
    }
  }
  return moves;
}
