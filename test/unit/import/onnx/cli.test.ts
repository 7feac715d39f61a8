import { writeFileSync } from 'node:fs';
import { onnx } from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import { cli, cliFixture } from '../../cli/cliHelpers';
import { tinyModel } from './builder';

const fx = cliFixture('netwright-onnx-cli-');

function write(name: string, bytes: Uint8Array): string {
  const file = fx.file(name);
  writeFileSync(file, bytes);
  return file;
}

const convNet = (input: (number | string)[] = [1, 3, 32, 32], opset = 13) =>
  tinyModel({
    input,
    opset,
    weights: { w: [8, 3, 3, 3], b: [8] },
    nodes: [
      { op: 'Conv', inputs: ['x', 'w', 'b'], attrs: { kernel_shape: [3, 3], pads: [1, 1, 1, 1] } },
      { op: 'Relu', inputs: ['prev'] },
    ],
  });

/** Exit 2 and exactly one line on stderr, naming the file, with no stack trace. */
async function refused(file: string, ...extra: string[]) {
  const run = await cli('analyze', file, ...extra);
  expect(run.code).toBe(2);
  expect(run.out).toBe('');
  expect(run.err).toHaveLength(1);
  const [line] = run.err as [string];
  expect(line.trim().split('\n')).toHaveLength(1);
  expect(line).not.toMatch(/\n\s+at |Internal error/);
  return line;
}

describe('netwright analyze on ONNX files', () => {
  it('reads a model by its extension and counts it, saying the parameter convention', async () => {
    const run = await cli('analyze', write('net.onnx', convNet()), '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out);
    expect(json.totals).toMatchObject({ params: 224, trainableParams: 224, macs: 216 * 32 * 32, partial: false });
    expect(json.nodes.map((n: { kind: string }) => n.kind)).toEqual(['Input', 'Conv2D', 'Activation']);
    expect(json.diagnostics).toContainEqual(
      expect.objectContaining({ source: 'import', code: 'parameter-convention', severity: 'info' }),
    );
  });

  it('reads it by content too, whatever the file is called', async () => {
    const run = await cli('analyze', write('exported-model', convNet()), '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out).totals.params).toBe(224);
  });

  it('an operator without a layer: partial totals in --json and the op type in its diagnostic', async () => {
    const bytes = tinyModel({
      weights: { w: [8, 3, 1, 1] },
      nodes: [
        { op: 'Conv', inputs: ['x', 'w'], attrs: { kernel_shape: [1, 1] } },
        { op: 'Erf', inputs: ['prev'], name: 'erf' },
      ],
    });
    const run = await cli('analyze', write('erf.onnx', bytes), '--json');
    const json = JSON.parse(run.out);
    expect(json.totals).toMatchObject({ params: 24, partial: true });
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ nodeId: 'erf', kerasClass: 'ONNX Erf' }));
  });

  it('a truncated file: exit 2, one line', async () => {
    const bytes = convNet();
    const line = await refused(write('truncated.onnx', bytes.subarray(0, Math.floor(bytes.length * 0.6))));
    expect(line).toMatch(/^.*truncated\.onnx: It is not a readable ONNX model: the protobuf is truncated or damaged/);
  });

  it('a protobuf that is not a model: exit 2, one line', async () => {
    const tensor = onnx.TensorProto.encode({ dims: [2, 2], dataType: 1, floatData: [1, 2, 3, 4] }).finish();
    const line = await refused(write('tensor.onnx', tensor));
    expect(line).toContain('not an ONNX model');
  });

  it('an opset Netwright does not know: exit 2, naming it and the range', async () => {
    const line = await refused(write('opset21.onnx', convNet([1, 3, 32, 32], 21)));
    expect(line).toContain('opset 21');
    expect(line).toContain('11 to 18');
  });

  it('open spatial sizes: exit 2 asking for --input-shape; with it, the given size is analysed', async () => {
    const file = write('dynamic.onnx', convNet([1, 3, 'height', 'width']));
    expect(await refused(file)).toContain('--input-shape');
    const run = await cli('analyze', file, '--input-shape', '64,48,3', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out).nodes[1].outputShape).toEqual([64, 48, 8]);
  });
});
