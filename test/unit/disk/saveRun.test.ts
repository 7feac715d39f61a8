import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunNotSaved, TrainingService } from '../../../electron/services/train';
import { RunStore } from '../../../electron/services/train/runStore';
import { tinyConvNet, useCpu } from '../train/helpers';
import { mountTmpfs, unmount } from './mounts';

const root = mkdtempSync(path.join(tmpdir(), 'netwright-save-run-'));
const readOnly = path.join(root, 'readonly');
const keep = path.join(root, 'kept-runs');
let readOnlySkip: string | null = null;
let service: TrainingService;
let runId: string;

beforeAll(async () => {
  await useCpu();
  readOnlySkip = mountTmpfs(readOnly, 'ro,size=64k');
  service = new TrainingService({
    runsDir: null,
    keepRunsDir: keep,
    backend: async () => ({ name: 'cpu' as const, reason: 'tests', attempts: [] }),
    memoryBudget: () => ({ bytes: 2 ** 30, label: 'the test budget' }),
  });
  ({ runId } = await service.start({
    graph: tinyConvNet(),
    options: { dataset: { kind: 'synthetic', samples: 24 }, epochs: 1, batchSize: 8, seed: 3 },
  }));
  expect((await service.waitForRun(runId)).hasModel).toBe(true);
});

afterAll(async () => {
  await service.dispose();
  unmount(readOnly);
  rmSync(root, { recursive: true, force: true });
});

async function caught(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a failure');
}

async function expectKept(err: Error, target: string, reason: string) {
  expect(err).toBeInstanceOf(RunNotSaved);
  const kept = path.join(keep, runId);
  expect(err.message).toBe(
    `Cannot save to ${target}: ${reason} The trained run is kept in ${kept}: Netwright lists it under Training, ` +
      `and \`npx netwright export FILE --to pytorch --out DIR --weights ${kept}\` exports it.`,
  );
  expect(readdirSync(kept).sort()).toEqual(['model.json', 'run.json', 'weights.bin']);
  const [record] = await new RunStore(keep).loadAll();
  expect(record).toMatchObject({ id: runId, status: 'completed', hasModel: true });
  expect(await new RunStore(keep).readModel(runId)).not.toBeNull();
}

describe('saving a trained run (the CLI keeps runs in memory)', () => {
  it('writes the model, curves and record into the folder', async () => {
    const dir = path.join(root, 'saved');
    expect(await service.saveRunFiles(runId, dir)).toEqual(['model.json', 'weights.bin', 'curves.csv', 'run.json']);
    expect(readdirSync(dir).sort()).toEqual(['curves.csv', 'model.json', 'run.json', 'weights.bin']);
  });

  it('where a file is in the way: says so and keeps the run in the data folder', async () => {
    const blocker = path.join(root, 'a-file');
    writeFileSync(blocker, 'x');
    const target = path.join(blocker, 'out');
    const err = await caught(service.saveRunFiles(runId, target));
    await expectKept(err, target, 'a part of the path is a file, not a folder (ENOTDIR). Choose another folder.');
  });

  it('to a read-only folder: names it and EROFS, and keeps the run', async (ctx) => {
    if (readOnlySkip) {
      console.warn(`skipped: ${readOnlySkip}`);
      ctx.skip();
    }
    const target = path.join(readOnly, 'trained');
    const err = await caught(service.saveModelFiles(runId, target));
    await expectKept(err, target, 'the folder is read-only (EROFS). Choose another folder.');
  });
});
