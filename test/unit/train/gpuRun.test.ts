import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandler } from '../../../electron/services/apiHandler';
import { createServices } from '../../../electron/services/index';
import { TrainingService } from '../../../electron/services/train';
import { runOnGpu } from '../../../renderer/training/gpu/gpuRun';
import { handedDataset } from '../../../renderer/training/gpu/handedDataset';
import type { GpuWorkerCommand, GpuWorkerMessage } from '../../../renderer/training/gpu/protocol';
import { type ApiEvent, type NetwrightApi, unwrapResult } from '../../../shared/api';
import { GpuReport } from '../../../shared/training';
import type { ControlState } from '../../../trainer/control';
import { runTrainingJob } from '../../../trainer/job';
import { postingHooks } from '../../../trainer/jobMessages';
import { tinyConvNet, useCpu } from './helpers';

/**
 * A GPU run end to end without a browser: the services (checks, data, record, watchdog), the
 * API handler's validation with a JSON round trip (browser mode's WebSocket), the window's relay
 * (renderer/training/gpu/gpuRun.ts), and a stand-in for the Worker that runs the same job on
 * tfjs's cpu backend. test/e2e/gpuTraining.e2e.ts runs the real Worker on WebGL.
 */
class InProcessWorker {
  private listeners: ((event: { data: GpuWorkerMessage }) => void)[] = [];
  private state: ControlState = 'run';
  terminated = false;

  addEventListener(type: string, listener: (event: { data: GpuWorkerMessage }) => void): void {
    if (type === 'message') this.listeners.push(listener);
  }

  terminate(): void {
    this.terminated = true;
  }

  postMessage(command: GpuWorkerCommand): void {
    if (command.type === 'control') {
      if (this.state !== 'cancel') this.state = command.state;
      return;
    }
    // Delivered at once: on cpu the job never yields to timers, as a real worker's messages would need.
    const post = (data: GpuWorkerMessage) => {
      for (const l of this.listeners) l({ data: structuredClone(data) });
    };
    post({ type: 'backend', backend: command.backend, detail: 'WebGL: in-process stand-in (cpu)' });
    void runTrainingJob(
      tf,
      { graph: command.graph, options: command.options, memoryBudget: command.memoryBudget },
      postingHooks({ state: () => this.state }, post),
      (_spec, input, classes) => handedDataset(command.dataset, input, classes),
    ).then((outcome) => post({ type: 'done', outcome }));
  }
}

function setUp(gpuSilenceMs?: number) {
  const listeners = new Map<ApiEvent, Set<(payload: unknown) => void>>();
  const events: { event: ApiEvent; payload: unknown }[] = [];
  const training = new TrainingService({
    runsDir: null,
    keepRunsDir: null,
    emit: (event, payload) => {
      events.push({ event, payload });
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    backend: async () => ({ name: 'cpu', reason: 'tests', attempts: [] }),
    progressIntervalMs: 0,
    gpuSilenceMs,
  });
  trainings.push(training);
  const handler = createApiHandler(createServices({ shell: 'browser', dataDir: '/nonexistent', training }));
  const api: NetwrightApi = {
    invoke: async (method, request) =>
      unwrapResult(await handler(method, JSON.parse(JSON.stringify(request)))) as never,
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
  const workers: InProcessWorker[] = [];
  const createWorker = () => {
    const w = new InProcessWorker();
    workers.push(w);
    return w as unknown as Worker;
  };
  return { training, api, events, workers, createWorker };
}

const trainings: TrainingService[] = [];
const small = { dataset: { kind: 'synthetic' as const, samples: 48 }, epochs: 2, batchSize: 8, seed: 5 };
const request = (options: object = small) => ({
  graph: tinyConvNet(),
  options,
  networkName: 'tiny',
  backend: 'webgl' as const,
  device: 'WebGL: test GPU',
});

beforeAll(useCpu);
afterAll(async () => {
  await Promise.all(trainings.map((t) => t.dispose()));
});

describe('a run on the window GPU, relayed to the services', () => {
  it('trains, keeps the record and the model, and exports it like any run', async () => {
    const { training, api, createWorker, workers, events } = setUp();
    const fractions: number[] = [];
    const { runId, finished } = await runOnGpu(api, request(), {
      createWorker,
      onDataProgress: (_runId, f) => fractions.push(f),
    });
    await finished;
    const record = await training.waitForRun(runId);
    expect(record).toMatchObject({
      status: 'completed',
      message: null,
      backend: 'webgl',
      device: 'WebGL: in-process stand-in (cpu)',
      hasModel: true,
      dataset: { trainSamples: 43, validationSamples: 5, classes: 3 },
    });
    expect(record.settings.seed).toBe(5);
    expect(record.epochs).toHaveLength(2);
    expect(record.batches).toHaveLength(12);
    expect(fractions.at(-1)).toBe(1);
    expect(workers[0]!.terminated).toBe(true);
    expect(events.filter((e) => e.event === 'trainFinished')).toHaveLength(1);
    const exported = await training.exportModel(runId);
    const specs = JSON.parse(exported.modelJson).weightsManifest[0].weights as { shape: number[] }[];
    const parameters = specs.reduce((sum, s) => sum + s.shape.reduce((a, b) => a * b, 1), 0);
    expect(Buffer.from(exported.weightsBase64, 'base64').length).toBe(parameters * 4);
  });

  it('pauses and cancels through the services (trainControl reaches the worker)', async () => {
    const { training, api, createWorker, events } = setUp();
    let batches = 0;
    // The job runs in this thread and never yields to timers: act from the services' events.
    api.on('trainProgress', ({ runId }) => {
      batches += 1;
      if (batches === 2) training.pause(runId);
    });
    api.on('trainStatus', ({ runId, status }) => {
      if (status === 'paused') training.cancel(runId);
    });
    const { runId, finished } = await runOnGpu(api, request({ ...small, epochs: 50 }), { createWorker });
    await finished;
    const record = await training.waitForRun(runId);
    expect(record.status).toBe('cancelled');
    expect(record.message).toMatch(/^Cancelled at epoch 1, batch \d of 6\.$/);
    expect(events.filter((e) => e.event === 'trainControl').map((e) => (e.payload as { state: string }).state)).toEqual(
      ['pause', 'cancel'],
    );
  });

  it('ends a run whose window went silent, and refuses its later reports', async () => {
    const { training, api } = setUp(150);
    const start = await api.invoke('trainStartGpu', request());
    const record = await training.waitForRun(start.runId);
    expect(record.status).toBe('failed');
    expect(record.message).toMatch(/^The window training this run on the GPU stopped answering for 0 s/);
    await expect(api.invoke('trainGpuReport', { runId: start.runId, report: { type: 'alive' } })).rejects.toThrow(
      /is not training \(it is failed\)/,
    );
  });

  it('refuses what it cannot train before keeping a run', async () => {
    const { training, api } = setUp();
    await expect(training.start(request())).rejects.toThrow(/WebGL runs train in the window's GPU worker/);
    await expect(api.invoke('trainStartGpu', { ...request(), backend: 'metal' as never })).rejects.toThrow(/backend/);
    const bad = request({ ...small, dataset: { kind: 'idx', path: '/nonexistent/images.idx' } });
    await expect(api.invoke('trainStartGpu', bad)).rejects.toThrow(/\/nonexistent\/images\.idx/);
    expect(await training.list()).toEqual([]);
  });

  it('reads a NaN loss that JSON carried as null as NaN again', () => {
    const progress = {
      epoch: 1,
      epochs: 1,
      batch: 1,
      batches: 1,
      loss: null,
      accuracy: 0.5,
      learningRate: 0.1,
      samplesPerSec: 1,
      etaSeconds: 0,
      fraction: 1,
    };
    const parsed = GpuReport.parse({ type: 'batch', progress });
    expect(parsed.type === 'batch' && Number.isNaN(parsed.progress.loss)).toBe(true);
  });
});
