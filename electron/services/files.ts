import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isProjectFileJson, parseProjectValue } from '../../shared/graph/projectFile';
import type { Graph } from '../../shared/graph/types';
import { said } from '../../shared/i18n/diagnosticText';
import { type ImportDiagnostic, type ImportFailure, importKerasJson } from '../../shared/import';
import { readJson } from '../../shared/import/json';
import { looksLikeOnnx } from '../../shared/import/onnx/sniff';
import { FileProblem } from './disk/fileProblem';

export { makeFolder, writeFileAtomic } from './disk/atomicWrite';
export { FileProblem } from './disk/fileProblem';
export { removeStaleTemps, staleTempAgeMs } from './disk/staleTemps';
export { describeWriteError, WriteProblem } from './disk/writeProblem';

export interface LoadedNetwork {
  graph: Graph;
  name: string;
  source: 'project' | 'keras' | 'onnx';
  /** What the importer noted (empty for a project file). */
  warnings: ImportDiagnostic[];
}

const maxFileBytes = 256 * 1024 * 1024;

/** "file: why", keeping the importer's text (an internal error, a strict refusal) for other languages. */
const importFailed = (file: string, failure: ImportFailure) =>
  new FileProblem(
    `${file}: ${failure.error}`,
    failure.text && said('issue.field', { field: file, message: failure.text }),
  );

async function readBytes(file: string): Promise<Buffer> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new FileProblem(`${file} is a folder, not a file.`);
    size = info.size;
  } catch (err) {
    if (err instanceof FileProblem) throw err;
    const code = (err as { code?: string }).code;
    throw new FileProblem(
      code === 'ENOENT' ? `${file} does not exist.` : `${file} cannot be read (${code ?? String(err)}).`,
    );
  }
  if (size > maxFileBytes)
    throw new FileProblem(`${file} is ${Math.round(size / 2 ** 20)} MB: too large for a network description.`);
  return readFile(file);
}

/** Reads a Netwright project, a Keras / TensorFlow.js Layers JSON or an ONNX model, whichever the file is. */
export async function loadNetworkFile(
  file: string,
  options: { inputShape?: [number, number, number] } = {},
): Promise<LoadedNetwork> {
  const bytes = await readBytes(file);
  const name = path.basename(file, path.extname(file));
  if (/\.onnx$/i.test(file) || looksLikeOnnx(bytes)) {
    // Loaded only for ONNX files: the protobuf schema is not needed for the rest.
    const { importOnnx } = await import('../../shared/import/onnx');
    const imported = importOnnx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), options);
    if (!imported.ok) throw importFailed(file, imported);
    return { graph: imported.graph, name: imported.name || name, source: 'onnx', warnings: imported.warnings };
  }
  const text = bytes.toString('utf8');
  const json = readJson(text);
  if (!json.ok) throw new FileProblem(`${file}: ${json.error}`);
  if (isProjectFileJson(json.value)) {
    const loaded = parseProjectValue(json.value);
    if (!loaded.ok) throw new FileProblem(`${file}: ${loaded.error}`);
    return { graph: loaded.project.graph, name: loaded.project.name, source: 'project', warnings: [] };
  }
  const imported = importKerasJson(text, options.inputShape ? { inputShape: options.inputShape } : {});
  if (!imported.ok) throw importFailed(file, imported);
  return {
    graph: imported.graph,
    name: imported.name || name,
    source: 'keras',
    warnings: imported.warnings,
  };
}
