import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { ExportFile } from '../../../shared/export';
import { ExportProblem } from './problem';

/** Write-then-rename, as files.ts does for projects, for text and binary contents alike. */
async function writeAtomic(file: string, contents: string | Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'w', 0o644);
  try {
    await handle.writeFile(contents);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => {});
    throw err;
  }
}

/**
 * Writes an export's files into `dir`, creating it. Other files already there are left
 * alone, so exporting again into the same folder updates it in place.
 */
export async function writeExportFiles(dir: string, files: readonly ExportFile[]): Promise<string[]> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory())
      throw new ExportProblem(`${dir} is a file; --out needs a folder (it is created if missing).`);
  } catch (err) {
    if (err instanceof ExportProblem) throw err;
  }
  try {
    await mkdir(dir, { recursive: true });
    for (const f of files) await writeAtomic(path.join(dir, f.path), f.contents);
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new ExportProblem(`Cannot write the export to ${dir} (${code ?? (err as Error).message}).`);
  }
  return files.map((f) => path.join(dir, f.path));
}
