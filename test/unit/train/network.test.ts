import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import { GraphBuilder } from '../../../shared/graph/builder';
import { getTemplate } from '../../../shared/templates';
import { imageInputFor, prepareForTraining } from '../../../shared/training';
import { tinyConvNet } from './helpers';

const prepare = (graph = tinyConvNet()) => prepareForTraining(graph, analyzeGraph(graph));

describe('preparing a network for training', () => {
  it('trains the small Inception net on logits and restores softmax afterwards', () => {
    const graph = getTemplate('small-inception')!.build();
    const r = prepare(graph);
    if (!r.ok) throw new Error(r.error);
    expect(r.head).toBe('softmax');
    expect(r.classes).toBe(10);
    expect(r.input).toEqual({ height: 32, width: 32, channels: 3, flatten: false });
    expect(r.trainingGraph.nodes.find((n) => n.name === 'predictions')!.params.activation).toBe('linear');
    expect(graph.nodes.find((n) => n.name === 'predictions')!.params.activation).toBe('softmax'); // not mutated
  });

  it('takes linear logits as they are', () => {
    const r = prepare(tinyConvNet({ activation: 'linear' }));
    expect(r.ok && r.head).toBe('linear');
  });

  it('refuses an output activation that is not softmax or linear', () => {
    const r = prepare(tinyConvNet({ activation: 'sigmoid' }));
    expect(!r.ok && r.error).toMatch(/predictions ends in a sigmoid activation.*set its activation to softmax/);
  });

  it('refuses two outputs, naming them', () => {
    const b = new GraphBuilder();
    const x = b.input([4, 4, 1]);
    const f = b.add('Flatten', {}, [x]);
    b.add('Dense', { units: 2 }, [f], 'a');
    b.add('Dense', { units: 2 }, [f], 'b');
    const r = prepare(b.build());
    expect(!r.ok && r.error).toMatch(/exactly one output; this network ends in 2 \(a, b\)/);
  });

  it('refuses an output that is not a class vector', () => {
    const b = new GraphBuilder();
    const x = b.input([4, 4, 1]);
    b.add('Conv2D', { filters: 2, kernelSize: [1, 1] }, [x], 'map');
    const r = prepare(b.build());
    expect(!r.ok && r.error).toMatch(/map outputs \[4, 4, 2\]; a classifier must end in a vector/);
  });

  it('refuses a network with errors, quoting the first', () => {
    const b = new GraphBuilder();
    const x = b.input([4, 4, 1]);
    b.add('Conv2D', { filters: 2, kernelSize: [9, 9], padding: 'valid' }, [x], 'big');
    const r = prepare(b.build());
    expect(!r.ok && r.error).toMatch(/^The network has errors; fix them first\. big: /);
  });

  it('maps flat inputs to square grey or RGB images', () => {
    expect(imageInputFor([784])).toEqual({ height: 28, width: 28, channels: 1, flatten: true });
    expect(imageInputFor([3072])).toEqual({ height: 32, width: 32, channels: 3, flatten: true });
    expect(imageInputFor([100, 100, 4])).toMatch(/4 channels/);
    expect(imageInputFor([10])).toMatch(/no square grey or RGB image/);
  });
});
