import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ExportFile } from '../../../shared/export';
import { makeFolder, WriteProblem, writeFileAtomic } from '../files';
import { ExportProblem } from './problem';

/**
 * Writes an export's files into `dir`, creating it. Other files already there are left
 * alone, so exporting again into the same folder updates it in place. A failure names
 * the folder and the reason (read-only, full, no permission), never a temporary file.
 */
export async function writeExportFiles(dir: string, files: readonly ExportFile[]): Promise<string[]> {
  const info = await stat(dir).catch(() => null);
  if (info && !info.isDirectory())
    throw new ExportProblem(`${dir} is a file; --out needs a folder (it is created if missing).`);
  try {
    await makeFolder(dir);
    for (const f of files) {
      const file = path.join(dir, f.path);
      if (path.dirname(f.path) !== '.') await makeFolder(path.dirname(file));
      await writeFileAtomic(file, f.contents);
    }
  } catch (err) {
    if (err instanceof WriteProblem) throw new ExportProblem(`Cannot write the export to ${dir}: ${err.reason}`);
    throw err;
  }
  return files.map((f) => path.join(dir, f.path));
}
