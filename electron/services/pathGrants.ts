import { realpathSync } from 'node:fs';
import path from 'node:path';

/** A path the renderer named that this process never handed out; the message says how to get one. */
export class PathRefused extends Error {
  override name = 'PathRefused';
}

/** The real path (symlinks resolved) of `file`, or of its folder when the file does not exist yet. */
function realPath(file: string): string {
  const absolute = path.resolve(file);
  try {
    return realpathSync(absolute);
  } catch {
    try {
      return path.join(realpathSync(path.dirname(absolute)), path.basename(absolute));
    } catch {
      return absolute;
    }
  }
}

function isInside(child: string, folder: string): boolean {
  return child === folder || child.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
}

/**
 * File access by capability: the renderer (a web page, in browser mode) may name only
 * files this process handed out itself: chosen in its own dialogs, recorded by it in the
 * recent list or the recovery file, or given on the command line. Folders granted at
 * launch (the data folder, `--allow-dir`) may be read, never written through a renderer path.
 */
export class PathGrants {
  private readonly files = new Set<string>();
  private readonly folders: string[] = [];

  constructor(folders: readonly string[] = []) {
    for (const folder of folders) this.grantFolder(folder);
  }

  /** A file the user chose (dialog, command line) or this process recorded: readable and writable. */
  grantFile(file: string): void {
    this.files.add(realPath(file));
  }

  /** A folder whose files and subfolders may be read (never written). */
  grantFolder(folder: string): void {
    this.folders.push(realPath(folder));
  }

  mayWrite(file: string): boolean {
    return path.isAbsolute(file) && this.files.has(realPath(file));
  }

  mayRead(file: string): boolean {
    if (!path.isAbsolute(file)) return false;
    const real = realPath(file);
    return this.files.has(real) || this.folders.some((folder) => isInside(real, folder));
  }

  /** Throws PathRefused unless `file` was handed out for writing. */
  checkWrite(file: string, how: string): void {
    if (!this.mayWrite(file)) throw new PathRefused(`Refused to write ${JSON.stringify(file)}: ${how}`);
  }

  /** Throws PathRefused unless `file` lies in a granted folder or was handed out. */
  checkRead(file: string, how: string): void {
    if (!this.mayRead(file)) throw new PathRefused(`Refused to read ${JSON.stringify(file)}: ${how}`);
  }
}
