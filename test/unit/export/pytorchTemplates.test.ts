import { beforeAll, describe, expect, it } from 'vitest';
import { writeExportFiles } from '../../../electron/services/export/writeFiles';
import { type GeneratedExport, generateExport } from '../../../shared/export';
import { templates } from '../../../shared/templates';
import {
  announceSkip,
  runProbe,
  type StructureResult,
  shapeMismatches,
  structureCase,
  tempDir,
  torchCheck,
} from './helpers';

announceSkip('PyTorch template exports', torchCheck, "Install Debian's python3-torch (see .ci/run).");

/**
 * Every template exported to PyTorch and built by torch: parameters and batch-norm
 * buffers equal our trainable / non-trainable counts, and forward hooks see exactly the
 * analysis's shape at every layer. One Python process builds all of them (~20 s).
 */
describe.skipIf(!torchCheck.ok)('PyTorch export of every template', () => {
  const exports = new Map<string, GeneratedExport>();
  const results = new Map<string, StructureResult>();

  beforeAll(async () => {
    const root = tempDir('templates');
    const cases = [];
    for (const t of templates) {
      const result = generateExport({ graph: t.build(), name: t.id, target: 'pytorch' });
      if (!result.ok) throw new Error(`${t.id} did not export: ${JSON.stringify(result)}`);
      const dir = `${root}/${t.id}`;
      await writeExportFiles(dir, result.export.files);
      exports.set(t.id, result.export);
      cases.push(structureCase(dir, result.export.network, result.export.modulePaths!));
    }
    runProbe<StructureResult>(cases).forEach((r, i) => {
      results.set(templates[i]!.id, r);
    });
  }, 600_000);

  for (const t of templates) {
    it(`${t.id}: parameter counts and every layer's shape match the analysis`, () => {
      const result = results.get(t.id)!;
      expect(result.error).toBeUndefined();
      const { network, modulePaths } = exports.get(t.id)!;
      const totals = network.analysis.totals;
      expect(result.trainable).toBe(totals.trainableParams);
      expect(result.frozenParameters).toBe(0);
      expect(result.nonTrainable).toBe(totals.nonTrainableParams);
      expect(shapeMismatches(network, modulePaths!, result)).toEqual([]);
      expect(result.finite).toBe(true);
    });
  }

  it('covers the templates the issue names', () => {
    for (const id of ['small-inception', 'mobilenet-v1', 'inception-v3', 'inception-a', 'inception-b', 'inception-c']) {
      expect(results.has(id), id).toBe(true);
    }
  });
});
