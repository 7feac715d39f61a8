import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiHandler } from '../../../../electron/services/apiHandler';
import type { DesktopPort } from '../../../../electron/services/desktop';
import { createServices } from '../../../../electron/services/index';
import type { TrainingService } from '../../../../electron/services/train';
import { GraphBuilder } from '../../../../shared/graph/builder';
import type { Graph } from '../../../../shared/graph/types';
import { compileGraph } from '../../../../trainer/compile/compile';
import { randomizeWeights, saveTfjsModel, tempDir } from '../helpers';
import { maxAbsDifference, randomInput, runOnnx, runTfjs } from './helpers';

function net(): Graph {
  const b = new GraphBuilder();
  const x = b.input([8, 8, 3]);
  const c = b.add('Conv2D', { filters: 4, kernelSize: [3, 3], strides: [2, 2] }, [x], 'conv');
  const g = b.add('GlobalAvgPool2D', {}, [c], 'gap');
  b.add('Dense', { units: 5 }, [g], 'head');
  return b.build();
}

interface Response {
  suggestedName: string;
  bytes: number;
  path: string | null;
  base64: string | null;
}

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'nw-onnx-'));

function desktop(chosen: string | null): DesktopPort {
  return {
    chooseFileToOpen: async () => null,
    chooseSavePath: async () => chosen,
    setDocumentState: () => {},
    allowDatasetRead: async () => false,
  };
}

async function call(handler: ReturnType<typeof createApiHandler>, request: Record<string, unknown>) {
  const result = await handler('exportOnnx', { graph: net(), name: 'tiny net', ...request });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Response;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('Export → ONNX from the editor', () => {
  it('browser mode: the file comes back to download, named after the network', async () => {
    const handler = createApiHandler(createServices({ shell: 'browser', dataDir: dataDir() }));
    const value = await call(handler, { save: 'download' });
    expect(value.suggestedName).toBe('tiny_net.onnx');
    const bytes = Buffer.from(value.base64!, 'base64');
    expect(bytes.length).toBe(value.bytes);
    const [y] = await runOnnx(bytes, [randomInput([1, 8, 8, 3], 1)], [[8, 8, 3]]);
    expect(y!.shape).toEqual([1, 5]);
  });

  it('desktop: written where the Save dialog says, nothing crossing back; cancel writes nothing', async () => {
    const file = path.join(tempDir('onnx-editor'), 'chosen.onnx');
    const handler = createApiHandler(createServices({ shell: 'electron', dataDir: dataDir(), desktop: desktop(file) }));
    const value = await call(handler, { save: 'dialog' });
    expect(value).toMatchObject({ path: file, base64: null });
    expect(readFileSync(file).length).toBe(value.bytes);

    const cancelled = path.join(tempDir('onnx-editor'), 'never.onnx');
    const none = createApiHandler(createServices({ shell: 'electron', dataDir: dataDir(), desktop: desktop(null) }));
    expect(await call(none, { save: 'dialog' })).toMatchObject({ path: null, base64: null });
    expect(existsSync(cancelled)).toBe(false);
  });

  it('desktop: a place that cannot be written is named in the error', async () => {
    const blocker = path.join(tempDir('onnx-editor'), 'a-file');
    writeFileSync(blocker, 'x');
    const handler = createApiHandler(
      createServices({ shell: 'electron', dataDir: dataDir(), desktop: desktop(path.join(blocker, 'm.onnx')) }),
    );
    const result = await handler('exportOnnx', { graph: net(), name: 'n', save: 'dialog' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/Cannot write .*a-file/);
  });

  it('a run: its own network with its trained weights', async () => {
    const graph = net();
    const { model } = compileGraph(tf, graph);
    randomizeWeights(tf, model, 3);
    const saved = tempDir('onnx-run');
    await saveTfjsModel(tf, model, saved);
    const input = randomInput([2, 8, 8, 3], 2);
    const expected = runTfjs(tf, model, [input]);
    model.dispose();
    const training = {
      runNetwork: async () => ({ graph, name: 'trained net' }),
      exportModel: async () => ({
        modelJson: readFileSync(path.join(saved, 'model.json'), 'utf8'),
        weightsFileName: 'weights.bin',
        weightsBase64: readFileSync(path.join(saved, 'weights.bin')).toString('base64'),
      }),
    } as unknown as TrainingService;
    const handler = createApiHandler(createServices({ shell: 'browser', dataDir: dataDir(), training }));
    // The editor has another network open: the run's is exported.
    const other = new GraphBuilder();
    other.add('Dense', { units: 2 }, [other.input([4])]);
    const result = await handler('exportOnnx', { graph: other.build(), name: 'open', runId: 'r1', save: 'download' });
    if (!result.ok) throw new Error(result.error.message);
    const value = result.value as Response;
    expect(value.suggestedName).toBe('trained_net.onnx');
    const got = await runOnnx(Buffer.from(value.base64!, 'base64'), [input], [[8, 8, 3]]);
    expect(maxAbsDifference(got, expected)).toBeLessThan(1e-5);
  });

  it('refuses a network with errors, naming the problem', async () => {
    const graph = net();
    graph.nodes[1]!.params = { filters: 4, kernelSize: [99, 99], padding: 'valid' };
    const handler = createApiHandler(createServices({ shell: 'browser', dataDir: dataDir() }));
    const result = await handler('exportOnnx', { graph, name: 'broken', save: 'download' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/99×99/);
  });
});
