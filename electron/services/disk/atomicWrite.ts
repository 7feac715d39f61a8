import { type FileHandle, mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { removeStaleTempsOnce, tempFileFor } from './staleTemps';
import { errorCode, WriteProblem } from './writeProblem';

/** Makes sure the folder exists, creating what is missing; a failure names `dir` and the real reason. */
export async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    // Node's recursive mkdir says ENOENT when a parent cannot be created (read-only disk,
    // no permission): creating the missing folders one by one gives the real reason.
    throw new WriteProblem(dir, errorCode(err) === 'ENOENT' ? await stepwiseMkdirError(dir, err) : err);
  }
}

async function stepwiseMkdirError(dir: string, original: unknown): Promise<unknown> {
  const missing: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    missing.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing) {
    try {
      await mkdir(d);
    } catch (err) {
      if (errorCode(err) !== 'EEXIST') return err;
    }
  }
  return original;
}

/** Flushes the folder's entry for a renamed file; some systems (Windows) cannot open folders, which is fine. */
async function syncFolder(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // best effort: the file itself is already on disk
  } finally {
    await handle?.close().catch(() => {});
  }
}

/**
 * Write-then-rename in the same folder, fsynced: a crash leaves the old file or the new
 * one, never half. A failed write removes its temporary file (on a full disk it would eat
 * the space left) and throws a WriteProblem naming `file`, not the temporary. Temporary
 * files that killed saves left in this folder are removed on the first save here.
 */
export async function writeFileAtomic(file: string, contents: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await removeStaleTempsOnce(dir);
  // Imported here: loading node:crypto costs the CLI ~15 ms at start, and `analyze` never writes.
  const { randomBytes } = await import('node:crypto');
  const temp = tempFileFor(file, randomBytes(6).toString('hex'));
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx', 0o644);
  } catch (err) {
    throw new WriteProblem(file, err);
  }
  try {
    await handle.writeFile(contents);
    await handle.sync();
    const closing = handle;
    handle = undefined;
    await closing.close();
    await rename(temp, file);
  } catch (err) {
    await handle?.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw new WriteProblem(file, err);
  }
  await syncFolder(dir);
}
