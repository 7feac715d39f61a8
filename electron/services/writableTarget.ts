import { randomBytes } from 'node:crypto';
import { stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The folder named cannot take the output: the message names it and says what to do. */
export class TargetNotWritable extends Error {
  override name = 'TargetNotWritable';
}

const reasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a part of the path is a file, not a folder',
};

const reasonOf = (err: unknown) => {
  const code = (err as { code?: string }).code;
  return (code && reasons[code]) ?? (code || String(err));
};

/** The folder itself if it exists, else the nearest existing folder above it (where it would be created). */
async function nearestExisting(dir: string): Promise<{ dir: string; isDirectory: boolean }> {
  let current = dir;
  for (;;) {
    try {
      return { dir: current, isDirectory: (await stat(current)).isDirectory() };
    } catch (err) {
      const parent = path.dirname(current);
      const code = (err as { code?: string }).code;
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === current) throw err;
      current = parent;
    }
  }
}

/**
 * Checks, before any long work, that `dir` can be created and written: a file is written
 * and removed in it (or in the nearest folder above it that exists). Trying a real write
 * catches what permission bits do not: read-only mounts, and root, whom chmod never stops.
 * `flag` is how the user named the folder (e.g. "--save"), for the message.
 */
export async function checkWritableFolder(dir: string, flag: string): Promise<void> {
  const fail = (why: string) =>
    new TargetNotWritable(`Cannot write to ${dir} (${flag}): ${why}; choose a folder you can write to.`);
  let existing: { dir: string; isDirectory: boolean };
  try {
    existing = await nearestExisting(path.resolve(dir));
  } catch (err) {
    throw fail(reasonOf(err));
  }
  if (!existing.isDirectory) {
    throw fail(
      existing.dir === path.resolve(dir)
        ? `${dir} is a file; ${flag} needs a folder (it is created if missing)`
        : `${existing.dir} is not a folder`,
    );
  }
  const probe = path.join(existing.dir, `.netwright-write-check-${randomBytes(6).toString('hex')}`);
  try {
    await writeFile(probe, '');
  } catch (err) {
    throw fail(reasonOf(err));
  }
  await unlink(probe).catch(() => {});
}
