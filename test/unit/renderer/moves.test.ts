import { describe, expect, it } from 'vitest';
import { dropMoves } from '../../../renderer/editor/moves';
import { applyChanges } from '../../../shared/graph/changes';
import type { Graph } from '../../../shared/graph/types';

/** conv on its own; bn and relu inside the collapsed module `group:block`, relu without a stored position. */
const graph: Graph = {
  nodes: [
    { id: 'conv', name: 'conv', kind: 'Conv2D', params: {}, position: { x: 0, y: 0 } },
    { id: 'bn', name: 'bn', kind: 'BatchNorm', params: {}, position: { x: 300, y: 100 }, groupId: 'group:block' },
    { id: 'relu', name: 'relu', kind: 'Activation', params: {}, groupId: 'group:block' },
  ],
  edges: [],
  groups: [{ id: 'group:block', name: 'block', template: 'custom', collapsed: true }],
};
const drawnAt = (id: string) => (id === 'group:block' ? { x: 280, y: 60 } : undefined);

describe('dropMoves: what a drag commits to the graph', () => {
  it('moves a dropped layer to where it was dropped', () => {
    expect(dropMoves(graph, [{ id: 'conv', position: { x: 40, y: -20 } }], drawnAt)).toEqual([
      { id: 'conv', position: { x: 40, y: -20 } },
    ]);
  });

  it('moves a collapsed module’s layers by the module’s offset from where it was drawn', () => {
    const moves = dropMoves(graph, [{ id: 'group:block', position: { x: 300, y: 20 } }], drawnAt);
    // The module moved by (+20, −40); a member with no position counts as at the origin.
    expect(moves).toEqual([
      { id: 'bn', position: { x: 320, y: 60 } },
      { id: 'relu', position: { x: 20, y: -40 } },
    ]);
    expect(moves.map((m) => m.id)).not.toContain('group:block');
  });

  it('moves layers and modules dropped together, each by its own rule', () => {
    const moves = dropMoves(
      graph,
      [
        { id: 'group:block', position: { x: 280, y: 160 } },
        { id: 'conv', position: { x: 20, y: 20 } },
      ],
      drawnAt,
    );
    expect(applyChanges(graph, [{ type: 'moveNodes', moves }]).nodes.map((n) => n.position)).toEqual([
      { x: 20, y: 20 },
      { x: 300, y: 200 },
      { x: 0, y: 100 },
    ]);
  });

  it('moves nothing for a module the canvas did not draw, and nothing for a module dropped where it was', () => {
    expect(dropMoves(graph, [{ id: 'group:gone', position: { x: 5, y: 5 } }], drawnAt)).toEqual([]);
    const still = dropMoves(graph, [{ id: 'group:block', position: { x: 280, y: 60 } }], drawnAt);
    expect(still).toEqual([
      { id: 'bn', position: { x: 300, y: 100 } },
      { id: 'relu', position: { x: 0, y: 0 } },
    ]);
  });
});
