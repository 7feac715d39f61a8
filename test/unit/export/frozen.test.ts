import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { writeExportFiles } from '../../../electron/services/export/writeFiles';
import { analyzeGraph } from '../../../shared/analysis';
import { generateExport } from '../../../shared/export';
import { GraphBuilder } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';
import {
  announceSkip,
  PYTHON,
  pythonCheck,
  runProbe,
  type StructureResult,
  structureCase,
  tempDir,
  torchCheck,
} from './helpers';

announceSkip('PyTorch export of frozen layers', torchCheck, "Install Debian's python3-torch (see .ci/run).");

/** A conv and its batch norm frozen (a pretrained stem), a trainable conv and head after them. */
function frozenStem(): Graph {
  const b = new GraphBuilder();
  let x = b.input([8, 8, 3]);
  x = b.add('Conv2D', { filters: 4, kernelSize: [3, 3], padding: 'same' }, [x], 'stem');
  x = b.add('BatchNorm', {}, [x], 'stem_bn');
  x = b.add('Conv2D', { filters: 4, kernelSize: [3, 3], padding: 'same', activation: 'relu' }, [x], 'top');
  x = b.add('GlobalAvgPool2D', {}, [x]);
  b.add('Dense', { units: 3, activation: 'softmax' }, [x], 'head');
  const graph = b.build();
  for (const node of graph.nodes) if (node.name.startsWith('stem')) node.frozen = true;
  return graph;
}

describe('exports of frozen layers', () => {
  it.skipIf(!pythonCheck.ok)('Keras code marks them trainable=False, and only them', () => {
    const result = generateExport({ graph: frozenStem(), name: 'frozen', target: 'keras' });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const code = String(result.export.files.find((f) => f.path === 'model.py')!.contents);
    const frozenCalls = code.split('\n').filter((line) => line.includes('trainable=False'));
    expect(frozenCalls).toHaveLength(2);
    expect(frozenCalls.some((l) => l.includes('Conv2D'))).toBe(true);
    expect(frozenCalls.some((l) => l.includes('BatchNormalization'))).toBe(true);
    const parse = spawnSync(PYTHON, ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: code });
    expect(parse.status).toBe(0);
  });

  it.skipIf(!torchCheck.ok)(
    'PyTorch builds them without gradients, counts as the analysis does, and keeps the frozen batch norm in eval mode',
    async () => {
      const graph = frozenStem();
      const totals = analyzeGraph(graph).totals;
      const result = generateExport({ graph, name: 'frozen', target: 'pytorch' });
      if (!result.ok) throw new Error(JSON.stringify(result));
      const dir = tempDir('frozen');
      await writeExportFiles(dir, result.export.files);
      const [probe] = runProbe<StructureResult>([
        structureCase(dir, result.export.network, result.export.modulePaths!),
      ]);
      expect(probe!.error).toBeUndefined();
      expect(probe!.trainable).toBe(totals.trainableParams);
      expect(probe!.frozenParameters + probe!.nonTrainable).toBe(totals.nonTrainableParams);
      const modes = spawnSync(
        PYTHON,
        [
          '-c',
          'import sys; sys.path.insert(0, sys.argv[1]); import model; m = model.build_model().train(); ' +
            'print(m.stem_bn.training, m.top.training)',
          dir,
        ],
        { encoding: 'utf8' },
      );
      expect(modes.stderr).toBe('');
      expect(modes.stdout.trim()).toBe('False True');
    },
    120_000,
  );
});
