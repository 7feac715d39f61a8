import { lstat, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Our temporary files: ".<name>.<12 hex digits>.tmp" beside the file being saved. Only
 * files with this exact shape are ever removed, so other programs' files are safe.
 */
const tempPattern = /^\..+\.[0-9a-f]{12}\.tmp$/;

/**
 * A temporary file older than this was left by a save that was killed: a live save
 * renames or removes its temporary within seconds, so this age leaves room for another
 * Netwright process saving into the same folder right now.
 */
export const staleTempAgeMs = 5 * 60 * 1000;

export function tempFileFor(file: string, unique: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${unique}.tmp`);
}

export function isOurTempName(name: string): boolean {
  return tempPattern.test(name);
}

/** Removes our stale temporary files directly in `dir` (not below it); returns how many. Never throws. */
export async function removeStaleTemps(dir: string, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names.filter(isOurTempName)) {
    const file = path.join(dir, name);
    try {
      const info = await lstat(file);
      if (!info.isFile() || now - info.mtimeMs < staleTempAgeMs) continue;
      await unlink(file);
      removed += 1;
    } catch {
      // gone already, or not ours to remove: leave it
    }
  }
  return removed;
}

const cleaned = new Set<string>();

/** The first save into a folder in this process cleans it; later saves there skip the scan. */
export async function removeStaleTempsOnce(dir: string): Promise<void> {
  const key = path.resolve(dir);
  if (cleaned.has(key)) return;
  cleaned.add(key);
  await removeStaleTemps(key);
}
