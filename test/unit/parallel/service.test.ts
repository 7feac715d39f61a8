import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrainingService } from '../../../electron/services/train';
import type { JobOutcome } from '../../../electron/services/train/runJob';
import { runOutcome } from '../../../electron/services/train/service';
import { parallelBytes } from '../../../electron/services/train/workerMemory';
import type { ApiEvent, BackendReport } from '../../../shared/api';
import { GroupClosed } from '../../../trainer/allReduce';
import { SharedControl } from '../../../trainer/control';
import { tinyConvNet, useCpu } from '../train/helpers';

/**
 * The service believes the backend is wasm, so it starts data-parallel workers; the workers
 * themselves train on cpu (NETWRIGHT_BACKEND=cpu from useCpu), which is all these tests need.
 */
const wasm = async (): Promise<BackendReport> => ({ name: 'wasm', reason: 'tests', attempts: [] });
const cpu = async (): Promise<BackendReport> => ({ name: 'cpu', reason: 'tests', attempts: [] });
const services: TrainingService[] = [];

function service(backend = wasm, budget = 2 ** 30) {
  const events: { event: ApiEvent; payload: unknown }[] = [];
  const s = new TrainingService({
    runsDir: null,
    emit: (event, payload) => events.push({ event, payload }),
    backend,
    memoryBudget: () => ({ bytes: budget, label: 'the test budget' }),
    progressIntervalMs: 0,
    defaultWorkers: () => 3,
  });
  services.push(s);
  return { s, events };
}

const small = { dataset: { kind: 'synthetic', samples: 48 }, epochs: 2, batchSize: 8, seed: 5 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(useCpu);
afterAll(async () => {
  await Promise.all(services.map((s) => s.dispose()));
});

describe('TrainingService with data-parallel workers', () => {
  it('trains with one worker per core by default on wasm; rank 0 alone reports, as one worker would', async () => {
    const { s, events } = service();
    const { runId } = await s.start({ graph: tinyConvNet(), options: small });
    const record = await s.waitForRun(runId);
    expect(record).toMatchObject({ status: 'completed', hasModel: true, message: null });
    expect(record.settings.workers).toBe(3);
    expect(record.epochs).toHaveLength(2);
    const names = events.map((e) => e.event);
    expect(names.filter((n) => n === 'trainProgress')).toHaveLength(12);
    expect(names.filter((n) => n === 'trainEpoch')).toHaveLength(2);
    expect(names.filter((n) => n === 'trainFinished')).toHaveLength(1);
  }, 60_000);

  it('uses the workers asked for, and one on a backend other than wasm', async () => {
    const two = service().s;
    expect((await two.plan({ graph: tinyConvNet(), options: { ...small, workers: 2 } })).options.workers).toBe(2);
    const native = service(cpu).s;
    expect((await native.plan({ graph: tinyConvNet(), options: { ...small, workers: 4 } })).options.workers).toBe(1);
    await expect(two.start({ graph: tinyConvNet(), options: { workers: 0 } })).rejects.toThrow(
      'Invalid training options: workers: expected a number of workers from 1 to 256, got 0',
    );
  });

  it('starts fewer workers than cores when their memory would not fit, and refuses that many when asked', async () => {
    const graph = tinyConvNet();
    const { memory } = await service().s.plan({ graph, options: small });
    const twoFit = parallelBytes(memory, 2);
    const tight = service(wasm, twoFit).s;
    expect((await tight.plan({ graph, options: small })).options.workers).toBe(2);
    const asked = await tight.plan({ graph, options: { ...small, workers: 3 } });
    expect(asked.refusal).toMatch(
      /^3 training workers need about .+ \(each holds the weights, optimizer state and dataset, .+\), more than the test budget: use 2 workers or fewer\.$/,
    );
    await expect(tight.start({ graph, options: { ...small, workers: 3 } })).rejects.toMatchObject({ kind: 'memory' });
  });

  it('pauses, resumes and cancels every worker', async () => {
    const { s, events } = service();
    const waitFor = async (condition: () => boolean) => {
      while (!condition()) await sleep(5);
    };
    const progress = () => events.filter((e) => e.event === 'trainProgress').length;
    const statuses = () =>
      events.filter((e) => e.event === 'trainStatus').map((e) => (e.payload as { status: string }).status);
    const { runId } = await s.start({ graph: tinyConvNet(), options: { ...small, epochs: 50, workers: 2 } });
    await waitFor(() => progress() >= 2);
    s.pause(runId);
    await waitFor(() => statuses().includes('paused'));
    const whilePaused = progress();
    await sleep(200);
    expect(progress()).toBe(whilePaused);
    s.resume(runId);
    await waitFor(() => progress() >= whilePaused + 2);
    const atCancel = progress();
    s.cancel(runId);
    // Resolves only once every worker has exited.
    const record = await s.waitForRun(runId);
    expect(record.status).toBe('cancelled');
    expect(progress() - atCancel).toBeLessThanOrEqual(1);
    expect(statuses()).toEqual(['preparing', 'running', 'paused', 'running', 'cancelled']);
    expect(record.hasModel).toBe(true);
  }, 60_000);
});

describe('the run outcome from its workers', () => {
  const control = new SharedControl();
  const failed = (message: string): JobOutcome => ({ status: 'failed', failure: 'internal', message, model: null });
  const completed: JobOutcome = { status: 'completed', failure: null, message: null, model: null };
  const closed = failed(`Training stopped: ${new GroupClosed().message}`);

  it('is rank 0’s, unless rank 0 stopped only because another worker failed', () => {
    expect(runOutcome([completed, null], control)).toBe(completed);
    const crash = failed('The training thread crashed: out of memory');
    expect(runOutcome([closed, closed, crash], control)).toBe(crash);
    expect(runOutcome([closed, closed], control)).toBe(closed);
  });

  it('says so when rank 0 sent nothing', () => {
    expect(runOutcome([null, completed], control).message).toBe('The training thread stopped unexpectedly.');
  });
});
