import type { Catalogue, KeyOf } from '../../../shared/i18n/catalogue';
import { type DiagnosticText, english, said, type TextValue } from '../../../shared/i18n/diagnosticText';
import { errorMessage } from '../../../shared/issues';
import { FileProblem } from './fileProblem';

type DiskTextKey = KeyOf<Catalogue['diagnostics']['disk']>;

/** A text of the `diagnostics.disk` catalogue (shared/i18n/diskEn.ts). */
export const diskText = (key: DiskTextKey, values: Record<string, TextValue> = {}): DiagnosticText =>
  said(`disk.${key}`, values);

/** Why a write failed, in words, and what the user can do about it; by the system's error code. */
const reasons: Record<string, DiskTextKey> = {
  EROFS: 'reason.readOnly',
  EACCES: 'reason.permission',
  EPERM: 'reason.permission',
  ENOSPC: 'reason.full',
  EDQUOT: 'reason.quota',
  ENOENT: 'reason.noFolder',
  ENOTDIR: 'reason.notFolder',
  EISDIR: 'reason.folderInWay',
  EEXIST: 'reason.fileInWay',
  ENAMETOOLONG: 'reason.nameTooLong',
  EMFILE: 'reason.tooManyFiles',
  ENFILE: 'reason.tooManyFiles',
  EIO: 'reason.io',
};

export function errorCode(err: unknown): string | undefined {
  return (err as { code?: unknown } | null)?.code?.toString();
}

/** "the folder is read-only (EROFS). Choose another folder.": a text for a known code, else the system's words. */
function writeErrorReason(err: unknown): string | DiagnosticText {
  const code = errorCode(err);
  const known = code ? reasons[code] : undefined;
  if (code && known) return diskText(known, { code });
  const detail = errorMessage(err);
  return `${code ? `${code}: ` : ''}${detail}.`.replace(/\.\.$/, '.');
}

/** "the folder is read-only (EROFS). Choose another folder." */
export function describeWriteError(err: unknown): string {
  const reason = writeErrorReason(err);
  return typeof reason === 'string' ? reason : english(reason);
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
    const reason = writeErrorReason(cause);
    const text = diskText('cannotSave', { target, reason });
    super(english(text), text);
    this.code = errorCode(cause);
    this.reason = typeof reason === 'string' ? reason : english(reason);
  }
}
