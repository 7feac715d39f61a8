import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createApiHandler } from '../../../electron/services/apiHandler';
import { createServices } from '../../../electron/services/index';
import { GraphBuilder } from '../../../shared/graph/builder';

function net() {
  const b = new GraphBuilder();
  const x = b.input([8, 8, 3]);
  const c = b.add('Conv2D', { filters: 4, kernelSize: [3, 3], strides: [2, 2] }, [x], 'conv');
  const g = b.add('GlobalAvgPool2D', {}, [c], 'gap');
  b.add('Dense', { units: 5, activation: 'softmax' }, [g], 'head');
  return b.build();
}

const handler = () =>
  createApiHandler(createServices({ shell: 'browser', dataDir: mkdtempSync(path.join(tmpdir(), 'nw-export-')) }));

describe('export code from the editor', () => {
  it('zips model.py, train.py and README.md with the chosen label smoothing', async () => {
    const result = await handler()('exportCode', {
      graph: net(),
      name: 'tiny net',
      target: 'pytorch',
      options: { labelSmoothing: 0.1 },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as { zipBase64: string; suggestedName: string; files: string[] };
    expect(value.suggestedName).toBe('tiny_net-pytorch.zip');
    expect(value.files).toEqual(expect.arrayContaining(['README.md', 'model.py', 'train.py']));
    const zip = unzipSync(new Uint8Array(Buffer.from(value.zipBase64, 'base64')));
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(['tiny_net-pytorch/model.py']));
    expect(strFromU8(zip['tiny_net-pytorch/train.py']!)).toMatch(/label_smoothing/);
    expect(strFromU8(zip['tiny_net-pytorch/model.py']!)).toMatch(/def build_model/);
  });

  it('refuses a network with errors, naming the problem', async () => {
    const graph = net();
    graph.nodes[1]!.params = { filters: 4, kernelSize: [99, 99], padding: 'valid' };
    const result = await handler()('exportCode', { graph, name: 'broken', target: 'keras' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/errors.*99×99|99×99/);
  });
});
