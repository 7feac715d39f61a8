import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../shared/graph/builder';
import { applyChanges } from '../../../shared/graph/changes';
import { checkConnection } from '../../../shared/graph/connect';
import { renderText } from '../../../shared/i18n/diagnosticText';

function branchy() {
  const b = new GraphBuilder();
  const x = b.input([8, 8, 3], 'in');
  const a = b.add('Conv2D', { filters: 4, kernelSize: [1, 1] }, [x], 'a');
  const c = b.add('Conv2D', { filters: 4, kernelSize: [3, 3] }, [x], 'c');
  const d = b.add('Conv2D', { filters: 4, kernelSize: [5, 5] }, [x], 'd');
  b.add('Concatenate', {}, [a, c, d], 'cat');
  return b.build();
}

const inputsOf = (graph: ReturnType<typeof branchy>, target: string) =>
  graph.edges
    .filter((e) => e.target === target)
    .sort((x, y) => x.targetIndex - y.targetIndex)
    .map((e) => e.source);

describe('graph changes', () => {
  it('never mutates the graph it is given', () => {
    const graph = branchy();
    const frozen = JSON.stringify(graph);
    applyChanges(graph, [
      { type: 'removeNodes', ids: ['c'] },
      { type: 'setParams', id: 'a', params: { filters: 9, kernelSize: [1, 1] } },
      { type: 'moveNodes', moves: [{ id: 'd', position: { x: 1, y: 2 } }] },
    ]);
    expect(JSON.stringify(graph)).toBe(frozen);
  });

  it('removing a node removes its edges and keeps the remaining input slots dense and in order', () => {
    const after = applyChanges(branchy(), [{ type: 'removeNodes', ids: ['c'] }]);
    expect(after.nodes.map((n) => n.id)).not.toContain('c');
    expect(inputsOf(after, 'cat')).toEqual(['a', 'd']);
    expect(
      after.edges
        .filter((e) => e.target === 'cat')
        .map((e) => e.targetIndex)
        .sort(),
    ).toEqual([0, 1]);
  });

  it('reorders a concatenation', () => {
    const graph = branchy();
    const ids = graph.edges
      .filter((e) => e.target === 'cat')
      .sort((x, y) => x.targetIndex - y.targetIndex)
      .map((e) => e.id);
    const after = applyChanges(graph, [{ type: 'reorderInputs', target: 'cat', edgeIds: [ids[2]!, ids[0]!, ids[1]!] }]);
    expect(inputsOf(after, 'cat')).toEqual(['d', 'a', 'c']);
  });

  it('groups, collapses and ungroups, keeping unchanged nodes identical', () => {
    const graph = branchy();
    const group = { id: 'group:m', name: 'm', template: 'custom', collapsed: false };
    const grouped = applyChanges(graph, [
      { type: 'addGroup', group, memberIds: ['a', 'c'] },
      { type: 'setGroupCollapsed', id: 'group:m', collapsed: true },
    ]);
    expect(grouped.nodes.filter((n) => n.groupId === 'group:m').map((n) => n.id)).toEqual(['a', 'c']);
    expect(grouped.groups[0]!.collapsed).toBe(true);
    expect(grouped.nodes.find((n) => n.id === 'd')).toBe(graph.nodes.find((n) => n.id === 'd'));
    const ungrouped = applyChanges(grouped, [{ type: 'ungroup', id: 'group:m' }]);
    expect(ungrouped.groups).toEqual([]);
    expect(ungrouped.nodes.some((n) => 'groupId' in n)).toBe(false);
  });

  it('moving keeps params identical, so the analysis can skip unchanged layers', () => {
    const graph = branchy();
    const after = applyChanges(graph, [{ type: 'moveNodes', moves: [{ id: 'a', position: { x: 5, y: 6 } }] }]);
    expect(after.nodes[1]!.position).toEqual({ x: 5, y: 6 });
    expect(after.nodes[1]!.params).toBe(graph.nodes[1]!.params);
  });
});

describe('connection checks', () => {
  it('allows a new input to a merge, in the next slot', () => {
    expect(checkConnection(branchy(), 'in', 'cat')).toEqual({ ok: true, targetIndex: 3 });
  });

  it('refuses a cycle, a second input to a single-input layer, inputs to an Input, self-loops and duplicates', () => {
    const graph = branchy();
    const loopy = new GraphBuilder();
    const x = loopy.input([8, 8, 4], 'x');
    const y = loopy.add('Conv2D', { filters: 4, kernelSize: [3, 3] }, [x], 'y');
    const sum = loopy.add('Add', {}, [x, y], 'sum');
    loopy.add('Conv2D', { filters: 4, kernelSize: [3, 3] }, [sum], 'z');
    const reasons = [
      checkConnection(loopy.build(), 'z', 'sum'),
      checkConnection(graph, 'a', 'c'),
      checkConnection(graph, 'a', 'in'),
      checkConnection(graph, 'a', 'a'),
      checkConnection(graph, 'a', 'cat'),
    ].map((r) => (r.ok ? 'ok' : r.reason));
    expect(reasons[0]).toMatch(/loop/);
    expect(reasons[1]).toMatch(/takes one input.*Concatenate or Add/);
    expect(reasons[2]).toMatch(/Input/);
    expect(reasons[3]).toMatch(/itself/);
    expect(reasons[4]).toMatch(/already connected/);
    const german = [checkConnection(loopy.build(), 'z', 'sum'), checkConnection(graph, 'a', 'c')].map((r) =>
      r.ok ? 'ok' : renderText(r.text, 'de'),
    );
    expect(german).toEqual([
      'Das ergäbe eine Schleife („sum“ speist bereits „z“): Daten müssen in eine Richtung fließen.',
      'Conv2D „c“ nimmt eine Eingabe und hat schon eine: Zum Zusammenführen von Zweigen ein Concatenate oder Add einfügen.',
    ]);
  });
});
