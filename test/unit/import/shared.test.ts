import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { analyzeGraph } from '../../../shared/analysis';
import { applyChanges } from '../../../shared/graph/changes';
import { createProjectFile, parseProjectText, serializeProject } from '../../../shared/graph/projectFile';
import { type ImportSuccess, importKerasJson } from '../../../shared/import';
import { analyse, analysisErrors } from './helpers';
import { sharedConv, sharedTower, siameseDense } from './sharedFixtures';

function imported(text: string): ImportSuccess {
  const r = importKerasJson(text);
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('shared layers: one node per call, the weights counted once (issue 14.1)', () => {
  it('a siamese Dense applied to two inputs: 77 parameters, as Keras counts them (not 145)', () => {
    const r = imported(siameseDense());
    const embed = r.graph.nodes.filter((n) => n.id.startsWith('embed'));
    expect(embed.map((n) => [n.id, n.kind, n.sharesWeightsWith])).toEqual([
      ['embed', 'Dense', undefined],
      ['embed#2', 'Dense', 'embed'],
    ]);
    expect(r.graph.edges.filter((e) => e.target === 'pair').map((e) => e.source)).toEqual(['embed', 'embed#2']);
    expect(r.graph.edges.filter((e) => e.target === 'embed#2').map((e) => e.source)).toEqual(['right']);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'shared-layer', severity: 'info', nodeId: 'embed' })]);
    expect(r.warnings[0]!.message).toMatch(
      /^Layer 'embed' is applied 2 times \(shared weights\): each later call \('embed#2'\)/,
    );
    const a = analyse(r);
    expect(analysisErrors(a)).toEqual([]);
    expect(a.totals).toMatchObject({ params: 77, trainableParams: 77, nonTrainableParams: 0 });
    // Both calls compute (MACs count twice), only the first holds weights.
    expect(a.totals.macs).toBe(2 * 64 + 8);
    expect(a.nodes.embed?.paramCount.total).toBe(68);
    expect(a.nodes['embed#2']?.paramCount.total).toBe(0);
    const note = a.diagnostics.find((d) => d.code === 'shared-weights');
    expect(note).toMatchObject({ nodeId: 'embed', severity: 'info' });
    expect(note?.message).toBe(
      "'embed' shares its 68 weights with 'embed#2' (one layer applied 2 times): counted once, as Keras counts them",
    );
  });

  it('analyze --json gives the same totals and carries both notes with their codes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shared-'));
    const file = join(dir, 'siamese.json');
    writeFileSync(file, siameseDense());
    const out: string[] = [];
    const code = await runCli(['analyze', file, '--json'], { out: (t) => out.push(t), err: () => {} });
    expect(code).toBe(0);
    const json = JSON.parse(out.join('\n'));
    expect(json.totals).toMatchObject({ params: 77, trainableParams: 77, nonTrainableParams: 0, partial: false });
    expect(json.diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'import', code: 'shared-layer', nodeId: 'embed' }),
        expect.objectContaining({ source: 'analysis', code: 'shared-weights', nodeId: 'embed' }),
      ]),
    );
  });

  it('Keras 3 writes the calls as {args: [keras tensor]} nodes; read the same way', () => {
    const tensor = (name: string, node: number) => ({
      class_name: '__keras_tensor__',
      config: { shape: [null, 4], dtype: 'float32', keras_history: [name, node, 0] },
    });
    const k3 = (name: string, cls: string, config: object, calls: unknown[][]) => ({
      module: 'keras.layers',
      class_name: cls,
      config: { name, trainable: true, ...config },
      registered_name: null,
      name,
      inbound_nodes: calls.map((args) => ({ args, kwargs: {} })),
    });
    const model = {
      module: 'keras',
      class_name: 'Functional',
      config: {
        name: 'siamese3',
        layers: [
          k3('left', 'InputLayer', { batch_shape: [null, 16] }, []),
          k3('right', 'InputLayer', { batch_shape: [null, 16] }, []),
          k3('embed', 'Dense', { units: 4 }, [[tensor('left', 0)], [tensor('right', 0)]]),
          k3('pair', 'Concatenate', { axis: -1 }, [[[tensor('embed', 0), tensor('embed', 1)]]]),
          k3('score', 'Dense', { units: 1 }, [[tensor('pair', 0)]]),
        ],
        input_layers: [
          ['left', 0, 0],
          ['right', 0, 0],
        ],
        output_layers: [['score', 0, 0]],
      },
      registered_name: 'Functional',
    };
    const r = imported(JSON.stringify(model));
    expect(r.graph.nodes.find((n) => n.id === 'embed#2')?.sharesWeightsWith).toBe('embed');
    expect(analyse(r).totals.params).toBe(77);
  });

  it('a Conv2D applied at two scales: 394 parameters', () => {
    const a = analyse(imported(sharedConv()));
    expect(analysisErrors(a)).toEqual([]);
    expect(a.totals.params).toBe(394);
    expect(a.nodes['shared_conv#2']?.outputShape).toEqual([16, 16, 8]);
    expect(a.nodes.both?.outputShape).toEqual([16]);
  });

  it('a nested model applied twice: two modules, the second sharing the first’s weights; 146 parameters, 8 non-trainable', () => {
    const r = imported(sharedTower());
    expect(r.graph.groups.map((g) => g.name)).toEqual(['tower', 'tower#2']);
    const second = r.graph.nodes.filter((n) => n.groupId === 'group:tower#2');
    expect(second.map((n) => [n.id, n.sharesWeightsWith])).toEqual([
      ['tower#2/conv', 'tower/conv'],
      ['tower#2/bn', 'tower/bn'],
      ['tower#2/pool', 'tower/pool'],
    ]);
    expect(r.graph.edges.filter((e) => e.target === 'tower#2/conv').map((e) => e.source)).toEqual(['b']);
    expect(r.graph.edges.filter((e) => e.target === 'joined').map((e) => e.source)).toEqual([
      'tower/pool',
      'tower#2/pool',
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['nested-model', 'nested-model', 'shared-layer']);
    expect(r.warnings[2]!.message).toMatch(/^Model 'tower' is applied 2 times .*\('tower#2'\)/);
    const a = analyse(r);
    expect(analysisErrors(a)).toEqual([]);
    expect(a.totals).toMatchObject({ params: 146, trainableParams: 138, nonTrainableParams: 8 });
    // Each call's module shows what it holds: the first the tower's 128 weights, the second none.
    expect(a.groups['group:tower']?.params).toBe(128);
    expect(a.groups['group:tower#2']?.params).toBe(0);
    expect(a.diagnostics.filter((d) => d.code === 'shared-weights').map((d) => d.nodeId)).toEqual([
      'tower/conv',
      'tower/bn',
    ]);
  });

  it('a frozen nested model applied twice: all 128 tower weights non-trainable, once', () => {
    const a = analyse(imported(sharedTower(true)));
    expect(a.totals).toMatchObject({ params: 146, trainableParams: 18, nonTrainableParams: 128 });
  });

  it('a call whose weights cannot be the first’s is an error and keeps its own count', () => {
    const r = imported(sharedConv());
    const graph = {
      ...r.graph,
      nodes: r.graph.nodes.map((n) => (n.id === 'shared_conv#2' ? { ...n, params: { ...n.params, filters: 16 } } : n)),
    };
    const a = analyzeGraph(graph);
    const error = a.diagnostics.find((d) => d.code === 'shared-weights-mismatch');
    expect(error).toMatchObject({ nodeId: 'shared_conv#2', severity: 'error' });
    expect(error?.message).toMatch(/would need 448 weights of kind Conv2D where 'shared_conv' has 224/);
    expect(a.nodes['shared_conv#2']?.paramCount.total).toBe(448);
  });

  it('removing the first call hands its weights to the next; no link is left pointing nowhere', () => {
    const r = imported(sharedTower());
    const graph = applyChanges(r.graph, [{ type: 'removeNodes', ids: ['tower/conv'] }]);
    const conv2 = graph.nodes.find((n) => n.id === 'tower#2/conv')!;
    expect(conv2.sharesWeightsWith).toBeUndefined();
    expect(graph.nodes.find((n) => n.id === 'tower#2/bn')?.sharesWeightsWith).toBe('tower/bn');
    const a = analyzeGraph(graph);
    expect(a.diagnostics.filter((d) => d.code === 'shared-weights-mismatch')).toEqual([]);
    expect(a.nodes['tower#2/conv']?.paramCount.total).toBe(112);
    const again = parseProjectText(serializeProject(createProjectFile('pair', graph)));
    expect(again.ok).toBe(true);
  });

  it('the project file keeps the link (schema 3), and refuses a link to a missing node', () => {
    const r = imported(siameseDense());
    const text = serializeProject(createProjectFile('siamese', r.graph));
    expect(JSON.parse(text).schemaVersion).toBe(3);
    const loaded = parseProjectText(text);
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.project.graph.nodes.find((n) => n.id === 'embed#2')?.sharesWeightsWith).toBe('embed');
    expect(analyzeGraph(loaded.project.graph).totals.params).toBe(77);

    const v2 = JSON.parse(text);
    v2.schemaVersion = 2;
    for (const n of v2.graph.nodes) delete n.sharesWeightsWith;
    expect(parseProjectText(JSON.stringify(v2))).toMatchObject({ ok: true, migratedFrom: 2 });

    const broken = JSON.parse(text);
    broken.graph.nodes.find((n: { id: string }) => n.id === 'embed#2').sharesWeightsWith = 'gone';
    expect(parseProjectText(JSON.stringify(broken))).toEqual({
      ok: false,
      error: 'The project file is inconsistent: node "embed#2" shares the weights of a missing node "gone".',
    });
  });
});
