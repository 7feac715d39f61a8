import path from 'node:path';
import { type DiagnosticText, english } from '../../../shared/i18n/diagnosticText';
import { errorMessage } from '../../../shared/issues';
import { curvesCsv, type RunRecord } from '../../../shared/training';
import type { SerializedModel } from '../../../trainer/serialize';
import { diskText } from '../disk/writeProblem';
import { FileProblem, WriteProblem, writeFileAtomic } from '../files';
import { RunStore, writeModelFiles } from './runStore';

/**
 * A run could not be saved where the user asked; the message names the target and the
 * reason, and says where the trained run is kept instead (`keptIn`), so it is not lost.
 */
export class RunNotSaved extends FileProblem {
  override name = 'RunNotSaved';
  constructor(
    readonly problem: WriteProblem,
    readonly keptIn: string | null,
    keepFailure: string | null,
  ) {
    const text = keptText(problem, keptIn, keepFailure);
    super(english(text), text);
  }
}

function keptText(problem: WriteProblem, keptIn: string | null, keepFailure: string | null): DiagnosticText {
  const said = problem.text ?? problem.message;
  if (keptIn) return diskText('keptIn', { problem: said, folder: keptIn });
  return diskText('notKept', { problem: said, why: keepFailure ?? diskText('noKeepFolder') });
}

/**
 * Writes a run into `dir`: model.json + weights.bin when there is a model (first: they
 * are what a long run produced), curves.csv and run.json. Returns the names written.
 */
export async function writeRunFiles(dir: string, record: RunRecord, model: SerializedModel | null): Promise<string[]> {
  const written: string[] = [];
  if (model) {
    await writeModelFiles(dir, model);
    written.push('model.json', 'weights.bin');
  }
  await writeFileAtomic(path.join(dir, 'curves.csv'), curvesCsv(record.epochs));
  await writeFileAtomic(path.join(dir, 'run.json'), `${JSON.stringify(record, null, 2)}\n`);
  written.push('curves.csv', 'run.json');
  return written;
}

/**
 * Runs `write`; when it fails for a disk reason, makes sure the run survives: a run in a
 * store on disk already is; one held in memory (the CLI) is stored in `keepRunsDir`.
 */
export async function keepingTheRun<T>(
  write: () => Promise<T>,
  run: { record: RunRecord; model: SerializedModel | null; storedIn: string | null; keepRunsDir: string | null },
): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!(err instanceof WriteProblem)) throw err;
    if (run.storedIn) throw new RunNotSaved(err, run.storedIn, null);
    if (!run.keepRunsDir) throw new RunNotSaved(err, null, null);
    const keeper = new RunStore(run.keepRunsDir);
    try {
      await keeper.save({ ...run.record, hasModel: run.model !== null });
      if (run.model) await keeper.saveModel(run.record.id, run.model);
    } catch (keepErr) {
      throw new RunNotSaved(err, null, errorMessage(keepErr));
    }
    throw new RunNotSaved(err, keeper.folderOf(run.record.id), null);
  }
}
