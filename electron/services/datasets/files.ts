import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { DatasetProblem } from './problem';

const describeCode = (code: string | undefined) =>
  code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? 'unreadable');

/** 'file', 'folder', or a DatasetProblem naming the path (missing, unreadable). */
export function pathKind(path: string, what: string): 'file' | 'folder' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') throw new DatasetProblem(`${what} ${path} does not exist.`);
    throw new DatasetProblem(`${what} ${path} cannot be read (${describeCode(code)}).`);
  }
}

/** The file's bytes, gunzipped when it starts with gzip's magic (MNIST is often shipped as .gz). */
export function readBytes(file: string): Uint8Array {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') throw new DatasetProblem(`${file} does not exist.`);
    if (code === 'EISDIR') throw new DatasetProblem(`${file} is a folder, not a file.`);
    throw new DatasetProblem(`${file} cannot be read (${describeCode(code)}).`);
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes);
    } catch (err) {
      throw new DatasetProblem(`${file} looks gzip-compressed but does not decompress: ${(err as Error).message}.`);
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
    throw new DatasetProblem(`The folder ${folder} cannot be listed (${describeCode(code)}).`);
  }
}
