import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ApiRequest, ApiResponse } from '../../../shared/api';
import type { KerasWeights } from '../../../shared/export';
import type { Graph } from '../../../shared/graph/types';
import type { DesktopPort } from '../desktop';
import type { TrainingService } from '../train';
import { onnxExport, savedModelWeights, writeOnnxFile } from './onnx';
import { ExportProblem } from './problem';

const safeName = (name: string) => name.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '') || 'network';

/** A run's trained weights, through the model it saved (written to a scratch folder and read back). */
async function runWeights(training: TrainingService, runId: string): Promise<KerasWeights> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'netwright-onnx-'));
  try {
    const model = await training.exportModel(runId);
    const dir = path.join(scratch, 'model');
    await mkdir(dir);
    await writeFile(path.join(dir, 'model.json'), model.modelJson);
    await writeFile(path.join(dir, model.weightsFileName), Buffer.from(model.weightsBase64, 'base64'));
    const { ensureBackend, tf } = await import('../tfjs');
    await ensureBackend();
    return await savedModelWeights(tf, dir);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * The editor's Export → ONNX: the same exporter as `netwright export --to onnx`. On the
 * desktop the file is written where the user chooses, atomically, and never crosses to the
 * window (ONNX files of whole networks are hundreds of megabytes); browser mode gets the
 * bytes to download.
 */
export async function exportOnnxForEditor(
  request: ApiRequest<'exportOnnx'>,
  training: TrainingService,
  desktop: DesktopPort | undefined,
  needDesktop: (what: string) => DesktopPort,
): Promise<ApiResponse<'exportOnnx'>> {
  // A run exports the network it trained, whatever the editor has open now.
  const own = request.runId ? await training.runNetwork(request.runId) : null;
  const source = own?.graph ?? request.graph;
  const graph = { ...source, groups: source.groups ?? [] } as Graph;
  const name = own?.name ?? request.name;
  const weights = request.runId ? await runWeights(training, request.runId) : undefined;
  const outcome = onnxExport({ graph, name }, weights);
  if (!outcome.ok) {
    const first = outcome.diagnostics.find((d) => d.severity === 'error') ?? outcome.diagnostics[0];
    throw new ExportProblem(`The network has errors; fix them before exporting. ${first?.message ?? ''}`.trim());
  }
  const suggestedName = `${safeName(name)}.onnx`;
  const bytes = outcome.onnx.bytes;
  if (request.save === 'download') {
    return { suggestedName, bytes: bytes.length, path: null, base64: Buffer.from(bytes).toString('base64') };
  }
  const file = await (desktop ?? needDesktop('The Export dialog')).chooseSavePath(suggestedName, 'onnx');
  if (!file) return { suggestedName, bytes: bytes.length, path: null, base64: null };
  await writeOnnxFile(file, bytes);
  return { suggestedName, bytes: bytes.length, path: file, base64: null };
}
