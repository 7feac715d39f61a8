import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { GraphBuilder } from '../../../shared/graph/builder';
import { createProjectFile, serializeProject } from '../../../shared/graph/projectFile';
import type { Graph } from '../../../shared/graph/types';
import { getTemplate } from '../../../shared/templates';

let dir: string;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

function writeProject(name: string, graph: Graph): string {
  const file = path.join(dir, `${name}.netwright`);
  writeFileSync(file, serializeProject(createProjectFile(name, graph)));
  return file;
}

function writeText(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function analyze(...args: string[]) {
  const c = capture();
  const code = await runCli(['analyze', ...args], c.io);
  return { code, out: c.out.join('\n'), err: c.err };
}

function smallNet(): Graph {
  const b = new GraphBuilder();
  const x = b.input([32, 32, 3]);
  const c = b.add('Conv2D', { filters: 16, kernelSize: [3, 3], padding: 'same' }, [x], 'conv');
  const p = b.add('MaxPool2D', { poolSize: [2, 2], strides: [2, 2] }, [c], 'pool');
  const f = b.add('Flatten', {}, [p], 'flatten');
  b.add('Dense', { units: 10, activation: 'softmax' }, [f], 'head');
  return b.build();
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'netwright-cli-'));
});

describe('netwright analyze', () => {
  it('prints a per-node table and totals', async () => {
    const { code, out } = await analyze(writeProject('small', smallNet()));
    expect(code).toBe(0);
    expect(out).toMatch(/conv\s+Conv2D\s+32×32×16\s+448\s+442,368/);
    expect(out).toMatch(/Parameters: 41,418 \(trainable 41,418, non-trainable 0\)/);
    expect(out).toMatch(/MACs: 483,328/);
  });

  it('prints exactly one JSON object with --json, shaped as documented', async () => {
    const { code, out } = await analyze(writeProject('iv3', getTemplate('inception-v3')!.build()), '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.totals).toMatchObject({
      params: 23_851_784,
      trainableParams: 23_817_352,
      nonTrainableParams: 34_432,
      macs: 5_713_216_096,
      flops: 11_426_432_192,
    });
    expect(typeof json.totals.paths).toBe('string');
    const lengthSum = json.totals.pathLengths.reduce((sum: bigint, l: { count: string }) => sum + BigInt(l.count), 0n);
    expect(lengthSum.toString()).toBe(json.totals.paths);
    expect(Object.keys(json.nodes[0]).sort()).toEqual([
      'id',
      'kind',
      'macs',
      'name',
      'outputShape',
      'params',
      'paths',
      'receptiveField',
    ]);
    expect(json.nodes[0].paths).toBe('1');
    expect(json.nodes.at(-1)).toMatchObject({ name: 'predictions', outputShape: [1000], params: 2_049_000 });
    expect(json.diagnostics).toEqual([]);
  });

  it('counts the paths through ResNet-50 exactly: 2^16, one per choice of identity or branch in 16 blocks', async () => {
    const file = writeProject('resnet', getTemplate('resnet50')!.build());
    const json = JSON.parse((await analyze(file, '--json')).out);
    expect(json.totals.paths).toBe(String(2 ** 16));
    const lengths = json.totals.pathLengths as { length: number; count: string }[];
    expect(lengths.map((l) => BigInt(l.count)).reduce((a, b) => a + b)).toBe(2n ** 16n);
    const text = (await analyze(file)).out;
    expect(text).toMatch(/^Paths input → output: 65,536; lengths \d+ to \d+, most often \d+ \([\d,]+ paths\)$/m);
  });

  it('--json carries the import notes with their code, node and Keras class (issue 14.5)', async () => {
    const layer = (className: string, name: string, config: object, inbound: string | null) => ({
      class_name: className,
      name,
      config: { name, ...config },
      inbound_nodes: inbound ? [[[inbound, 0, 0, {}]]] : [],
    });
    const model = {
      class_name: 'Functional',
      config: {
        name: 'with_lambda',
        layers: [
          layer('InputLayer', 'in', { batch_input_shape: [null, 8, 8, 3] }, null),
          layer('Conv2D', 'c1', { filters: 4, kernel_size: [3, 3], padding: 'same', trainable: false }, 'in'),
          layer('Lambda', 'scale', { function: 'lambda x: x * 2' }, 'c1'),
          layer('Conv2D', 'c2', { filters: 4, kernel_size: [3, 3], padding: 'same' }, 'scale'),
        ],
        input_layers: [['in', 0, 0]],
        output_layers: [['c2', 0, 0]],
      },
    };
    const file = writeText('lambda.json', JSON.stringify(model));
    const { out } = await analyze(file, '--json');
    const { diagnostics } = JSON.parse(out);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ source: 'import', code: 'frozen-layers', severity: 'info', nodeId: 'c1' }),
    );
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ source: 'analysis', code: 'unsupported-layer', nodeId: 'scale', kerasClass: 'Lambda' }),
    );
    // One diagnostic per problem: the unsupported layer is the analysis's, not reported twice.
    expect(diagnostics.filter((d: { nodeId: string }) => d.nodeId === 'scale')).toHaveLength(1);
    for (const d of diagnostics) expect(Object.keys(d)).toEqual(expect.arrayContaining(['source', 'code', 'severity']));
  });

  it('reports the layers after an unsupported one exactly, the totals marked partial (issue 14.4)', async () => {
    const file = path.join(import.meta.dirname, '../../fixtures/keras/frozen-lambda.keras2.json');
    const json = JSON.parse((await analyze(file, '--json')).out);
    // c1: 3·3·3·4 + 4 = 112 (frozen); the Lambda keeps 8×8×4; c2: 3·3·4·4 + 4 = 148.
    expect(json.totals).toMatchObject({ params: 260, trainableParams: 148, nonTrainableParams: 112, partial: true });
    expect(json.nodes.find((n: { name: string }) => n.name === 'c2')).toMatchObject({ params: 148 });
    const { code, out } = await analyze(file);
    expect(code).toBe(0); // a warning, not an error
    expect(out).toMatch(/^Parameters: at least 260 \(trainable 148, non-trainable 112\)$/m);
    expect(out).toMatch(/warning: scale: Lambda 'scale' is not supported: its output is assumed/);
  });

  it('exits 1 and prints the diagnostics when the network has errors', async () => {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    b.add('Conv2D', { filters: 4, kernelSize: [9, 9], padding: 'valid' }, [x], 'too_big');
    const { code, out } = await analyze(writeProject('broken', b.build()));
    expect(code).toBe(1);
    expect(out).toMatch(/error: too_big: .*9×9/);

    const json = JSON.parse((await analyze(writeProject('broken', b.build()), '--json')).out);
    expect(json.diagnostics[0]).toMatchObject({ nodeId: 'too_big', severity: 'error' });
  });

  it('exits 1 on a cycle, naming it', async () => {
    const graph = smallNet();
    graph.edges.push({ id: 'back', source: 'head', target: 'conv', targetIndex: 1 });
    const { code, out } = await analyze(writeProject('cycle', graph));
    expect(code).toBe(1);
    expect(out).toMatch(/part of a loop: 'conv' → 'pool' → 'flatten' → 'head' → 'conv'/);
  });

  it('exits 1 on negative sizes and wrong parameter types', async () => {
    const graph = smallNet();
    graph.nodes[0]!.params = { shape: [-32, 32, 3] };
    graph.nodes[1]!.params = { filters: 'sixteen', kernelSize: [3, 3] };
    const { code, out } = await analyze(writeProject('negative', graph));
    expect(code).toBe(1);
    expect(out).toMatch(/-32/);
    expect(out).toMatch(/sixteen|filters/);
  });

  const badFiles: [string, () => string, RegExp][] = [
    ['a missing file', () => path.join(dir, 'nope.json'), /does not exist/],
    ['a folder', () => dir, /is a folder/],
    [
      'truncated JSON',
      () => writeText('trunc.json', serializeProject(createProjectFile('t', smallNet())).slice(0, 200)),
      /truncated|not valid JSON/i,
    ],
    ['garbage', () => writeText('garbage.json', 'this is not json at all'), /JSON/],
    ['10 MB of garbage', () => writeText('big.json', '{['.repeat(5 * 1024 * 1024)), /JSON/],
    [
      'a project with wrong types',
      () =>
        writeText(
          'types.netwright',
          JSON.stringify({
            format: 'netwright-project',
            schemaVersion: 1,
            name: 'x',
            graph: { nodes: 'no', edges: [] },
          }),
        ),
      /graph\.nodes/,
    ],
    [
      'a project from the future',
      () =>
        writeText(
          'future.netwright',
          JSON.stringify({
            format: 'netwright-project',
            schemaVersion: 99,
            name: 'x',
            graph: { nodes: [], edges: [] },
          }),
        ),
      /newer Netwright/,
    ],
    ['JSON that is no model', () => writeText('other.json', '{"hello": "world"}'), /Keras|model/],
  ];
  for (const [what, make, message] of badFiles) {
    it(`exits 2 with one clear line for ${what}`, async () => {
      const { code, err } = await analyze(make());
      expect(code).toBe(2);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(message);
      expect(err[0]).not.toMatch(/\n\s+at /);
    });
  }

  it('exits 2 on bad arguments', async () => {
    expect((await analyze()).code).toBe(2);
    expect((await analyze('a', 'b')).code).toBe(2);
    expect((await analyze('--frob', 'x')).code).toBe(2);
    const bad = await analyze(writeProject('small', smallNet()), '--input-shape', '0,3');
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toMatch(/--input-shape/);
  });

  it('never prints a stack trace through the real entry point', () => {
    const result = spawnSync(process.execPath, ['bin/netwright.js', 'analyze', writeText('x.json', '[1, 2')], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });
});
