import { errorMessage } from '../../../shared/issues';
import { FileProblem } from './fileProblem';

/** Why a write failed, in words, and what the user can do about it; by the system's error code. */
const reasons: Record<string, [reason: string, advice: string]> = {
  EROFS: ['the folder is read-only', 'Choose another folder.'],
  EACCES: ['permission denied', 'Choose a folder you can write to.'],
  EPERM: ['permission denied', 'Choose a folder you can write to.'],
  ENOSPC: ['the disk is full', 'Free some space or choose another disk.'],
  EDQUOT: ['the disk quota is used up', 'Free some space or choose another disk.'],
  ENOENT: ['the folder does not exist', 'Create it or choose another folder.'],
  ENOTDIR: ['a part of the path is a file, not a folder', 'Choose another folder.'],
  EISDIR: ['a folder of that name is in the way', 'Choose another name.'],
  EEXIST: ['a file of that name is in the way', 'Choose another folder.'],
  ENAMETOOLONG: ['the name is too long', 'Choose a shorter name.'],
  EMFILE: ['too many files are open', 'Close some programs and try again.'],
  ENFILE: ['too many files are open', 'Close some programs and try again.'],
  EIO: ['the disk reported an input/output error', 'Check the disk or choose another one.'],
};

export function errorCode(err: unknown): string | undefined {
  return (err as { code?: unknown } | null)?.code?.toString();
}

/** "the folder is read-only (EROFS). Choose another folder." */
export function describeWriteError(err: unknown): string {
  const code = errorCode(err);
  const known = code ? reasons[code] : undefined;
  if (known) return `${known[0]} (${code}). ${known[1]}`;
  const detail = errorMessage(err);
  return `${code ? `${code}: ` : ''}${detail}.`.replace(/\.\.$/, '.');
}

/**
 * A save or export could not be written. The message names the user's target (never a
 * temporary file) and the reason; `code` is the system's code (EROFS, ENOSPC, …).
 */
export class WriteProblem extends FileProblem {
  override name = 'WriteProblem';
  readonly code: string | undefined;
  /** The reason and the advice, without the target: "the disk is full (ENOSPC). Free …" */
  readonly reason: string;

  constructor(
    readonly target: string,
    cause: unknown,
  ) {
    const reason = describeWriteError(cause);
    super(`Cannot save to ${target}: ${reason}`);
    this.code = errorCode(cause);
    this.reason = reason;
  }
}
