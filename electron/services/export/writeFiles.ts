import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ExportFile } from '../../../shared/export';
import { writeFileAtomic } from '../files';
import { ExportProblem } from './problem';

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
    for (const f of files) await writeFileAtomic(path.join(dir, f.path), f.contents);
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new ExportProblem(`Cannot write the export to ${dir} (${code ?? (err as Error).message}).`);
  }
  return files.map((f) => path.join(dir, f.path));
}
