import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { datasetProblem, datasetText, refusedBecause } from './problem';

/** 'file', 'folder', or a DatasetProblem naming the path (missing, unreadable); `what` says what it should be. */
export function pathKind(path: string, kind: 'cifar10' | 'imageFolder' | 'idx'): 'file' | 'folder' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch (err) {
    const code = (err as { code?: string }).code;
    const what = datasetText(kind);
    if (code === 'ENOENT') throw datasetProblem('missing', { what, path });
    throw datasetProblem('unreadable', { what, path, why: refusedBecause(code) });
  }
}

/** The file's bytes, gunzipped when it starts with gzip's magic (MNIST is often shipped as .gz). */
export function readBytes(file: string): Uint8Array {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') throw datasetProblem('fileMissing', { file });
    if (code === 'EISDIR') throw datasetProblem('fileIsFolder', { file });
    throw datasetProblem('fileUnreadable', { file, why: refusedBecause(code) });
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes);
    } catch (err) {
      throw datasetProblem('notGzip', { file, reason: (err as Error).message });
    }
  }
  return bytes;
}

/** Entries of a folder, sorted, hidden ones (.DS_Store, .git) left out. */
export function listFolder(folder: string): { name: string; folder: boolean }[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((e) => !e.name.startsWith('.'))
      .map((e) => ({ name: e.name, folder: e.isDirectory() }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw datasetProblem('folderUnlisted', { folder, why: refusedBecause(code) });
  }
}
