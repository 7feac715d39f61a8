import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import type { ApiRequest, ApiResponse } from '../../shared/api';
import type { Graph } from '../../shared/graph/types';
import { ExportProblem, exportNetwork, exportSavedModel } from './export';
import { tf } from './tfjs';
import type { TrainingService } from './train';

async function filesUnder(dir: string, prefix = ''): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(out, await filesUnder(full, rel));
    else out[rel] = new Uint8Array(await readFile(full));
  }
  return out;
}

const safeName = (name: string) => name.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '') || 'network';

/**
 * The editor's "Export to PyTorch / Keras": the same exporter as `netwright export`,
 * written to a scratch folder and handed back as one zip (a browser can only download
 * files, and a zip keeps the export's layout on the desktop too).
 */
export async function exportCodeZip(
  request: ApiRequest<'exportCode'>,
  training: TrainingService,
): Promise<ApiResponse<'exportCode'>> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'netwright-export-'));
  try {
    const outDir = path.join(scratch, 'export');
    // A run exports the network it trained, whatever the editor has open now.
    const own = request.runId ? await training.runNetwork(request.runId) : null;
    const source = own?.graph ?? request.graph;
    const graph = { ...source, groups: source.groups ?? [] } as Graph;
    const name = own?.name ?? request.name;
    const base = {
      graph,
      name,
      target: request.target,
      outDir,
      ...(request.options ? { training: request.options } : {}),
    };
    let outcome: Awaited<ReturnType<typeof exportNetwork>>;
    if (request.runId) {
      const model = await training.exportModel(request.runId);
      const modelDir = path.join(scratch, 'model');
      await mkdir(modelDir);
      await writeFile(path.join(modelDir, 'model.json'), model.modelJson);
      await writeFile(path.join(modelDir, model.weightsFileName), Buffer.from(model.weightsBase64, 'base64'));
      outcome = await exportSavedModel(tf, modelDir, base);
    } else {
      outcome = await exportNetwork(base);
    }
    if (!outcome.ok) {
      const first = outcome.diagnostics.find((d) => d.severity === 'error') ?? outcome.diagnostics[0];
      throw new ExportProblem(`The network has errors; fix them before exporting. ${first?.message ?? ''}`.trim());
    }
    const folder = `${safeName(name)}-${request.target}`;
    const files = await filesUnder(outDir);
    const zip = zipSync(Object.fromEntries(Object.entries(files).map(([rel, bytes]) => [`${folder}/${rel}`, bytes])));
    return {
      zipBase64: Buffer.from(zip).toString('base64'),
      suggestedName: `${folder}.zip`,
      files: Object.keys(files).sort(),
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
