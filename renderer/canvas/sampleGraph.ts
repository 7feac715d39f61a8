import { GraphBuilder } from '../../shared/graph/builder';
import type { Graph } from '../../shared/graph/types';

/** The network a new window shows until the user opens or draws one. */
export function sampleGraph(): Graph {
  const b = new GraphBuilder();
  const input = b.add('Input', { shape: [32, 32, 3] }, [], 'input', { x: 0, y: 0 });
  const conv = b.add(
    'Conv2D',
    { filters: 32, kernelSize: [3, 3], padding: 'same', activation: 'relu' },
    [input],
    'conv1',
    { x: 260, y: 0 },
  );
  const pool = b.add('MaxPool2D', { poolSize: [2, 2], strides: [2, 2] }, [conv], 'pool1', { x: 520, y: 0 });
  const flat = b.add('Flatten', {}, [pool], 'flatten', { x: 780, y: 0 });
  b.add('Dense', { units: 10, activation: 'softmax' }, [flat], 'dense', { x: 1040, y: 0 });
  return b.build();
}
