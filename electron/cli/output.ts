import { FileProblem, writeFileAtomic } from '../services/files';
import { checkWritableFolder, TargetNotWritable } from '../services/writableTarget';
import { CliError } from './io';

/** Writes one output file; a failure is the user's to fix (exit 2), named with the path they gave. */
export async function writeOrExplain(file: string, contents: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(file, contents);
  } catch (err) {
    // A WriteProblem names the file, the reason (full disk, read-only, in the way) and the fix.
    if (err instanceof FileProblem) throw new CliError(err.message);
    throw err;
  }
}

/** Before long work (training, export): the output folder must be writable, or exit 2 saying why. */
export async function writableOrExplain(dir: string, flag: string): Promise<void> {
  try {
    await checkWritableFolder(dir, flag);
  } catch (err) {
    if (err instanceof TargetNotWritable) throw new CliError(err.message);
    throw err;
  }
}
