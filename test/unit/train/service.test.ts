import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandler } from '../../../electron/services/apiHandler';
import { createServices } from '../../../electron/services/index';
import { TrainingService } from '../../../electron/services/train';
import type { ApiEvent } from '../../../shared/api';
import { tinyConvNet, useCpu } from './helpers';

const cpu = async () => ({ name: 'cpu' as const, reason: 'tests', attempts: [] });
const services: TrainingService[] = [];

function service(runsDir: string | null = null, budget = 2 ** 30) {
  const events: { event: ApiEvent; payload: unknown }[] = [];
  const s = new TrainingService({
    runsDir,
    emit: (event, payload) => events.push({ event, payload }),
    backend: cpu,
    memoryBudget: () => ({ bytes: budget, label: 'the test budget' }),
    progressIntervalMs: 0,
  });
  services.push(s);
  return { s, events };
}

const small = { dataset: { kind: 'synthetic', samples: 48 }, epochs: 2, batchSize: 8, seed: 5 };

beforeAll(useCpu);
afterAll(async () => {
  await Promise.all(services.map((s) => s.dispose()));
});

describe('TrainingService (worker thread)', () => {
  it('trains off the main thread, relays events, keeps and exports the run', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'netwright-runs-'));
    const { s, events } = service(dir);
    const { runId } = await s.start({
      graph: tinyConvNet(),
      options: { ...small, labelSmoothing: 0.1 },
      networkName: 'tiny',
    });
    const record = await s.waitForRun(runId);
    expect(record).toMatchObject({ status: 'completed', backend: 'cpu', hasModel: true, message: null });
    expect(record.name).toBe('ε 0.1 · adam 0.001 · 2 epochs');
    expect(record.network).toMatchObject({ name: 'tiny', classes: 3, head: 'softmax', inputShape: [8, 8, 3] });
    expect(record.dataset).toMatchObject({ trainSamples: 43, validationSamples: 5, classes: 3 });
    expect(record.epochs).toHaveLength(2);
    expect(record.batches).toHaveLength(12);
    const names = events.map((e) => e.event);
    expect(names[0]).toBe('trainStatus');
    expect(names.filter((n) => n === 'trainProgress')).toHaveLength(12);
    expect(names.filter((n) => n === 'trainEpoch')).toHaveLength(2);
    expect(names.at(-1)).toBe('trainFinished');
    expect(events.at(-1)!.payload).toMatchObject({ runId, status: 'completed', final: { epoch: 2 } });
    expect(readdirSync(path.join(dir, runId)).sort()).toEqual(['graph.json', 'model.json', 'run.json', 'weights.bin']);

    const exported = await s.exportModel(runId);
    const json = JSON.parse(exported.modelJson);
    expect(json.weightsManifest[0].paths).toEqual(['weights.bin']);
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest[0].weights,
        weightData: new Uint8Array(Buffer.from(exported.weightsBase64, 'base64')).buffer,
      }),
    );
    expect(loaded.outputs[0]!.shape).toEqual([null, 3]);
    loaded.dispose();
    const { csv } = await s.exportCsv(runId);
    expect(csv.split('\n')[0]).toBe(
      'epoch,loss,accuracy,val_loss,val_accuracy,ece,mean_confidence,learning_rate,samples_per_sec,seconds',
    );
    expect(csv.trim().split('\n')).toHaveLength(3);

    // A new service (the app restarted) finds the run on disk.
    const again = service(dir).s;
    const [listed] = await again.list();
    expect(listed).toMatchObject({ id: runId, status: 'completed', final: { epoch: 2 } });
    expect((await again.get(runId)).batches).toHaveLength(12);
    await again.delete(runId);
    expect(await again.list()).toEqual([]);
  }, 60_000);

  it('pauses, resumes, and cancels within one batch', async () => {
    const { s, events } = service();
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const waitFor = async (condition: () => boolean) => {
      while (!condition()) await sleep(5);
    };
    const progress = () => events.filter((e) => e.event === 'trainProgress').length;
    const statuses = () =>
      events.filter((e) => e.event === 'trainStatus').map((e) => (e.payload as { status: string }).status);
    const { runId } = await s.start({ graph: tinyConvNet(), options: { ...small, epochs: 50 } });
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
    const record = await s.waitForRun(runId);
    expect(record.status).toBe('cancelled');
    expect(progress() - atCancel).toBeLessThanOrEqual(1);
    expect(statuses()).toEqual(['preparing', 'running', 'paused', 'running', 'cancelled']);
    expect(record.hasModel).toBe(true);
    expect(() => s.resume(runId)).toThrow(/is not training \(it is cancelled\)/);
  }, 60_000);

  it('refuses before starting: invalid options, an untrainable network, too little memory', async () => {
    const { s } = service();
    await expect(s.start({ graph: tinyConvNet(), options: { labelSmoothing: 1 } })).rejects.toThrow(
      'Invalid training options: labelSmoothing: expected a label smoothing ε in [0, 1), got 1',
    );
    await expect(s.start({ graph: tinyConvNet({ activation: 'relu' }), options: {} })).rejects.toMatchObject({
      kind: 'network',
      message: expect.stringMatching(/ends in a relu activation/),
    });
    const tight = service(null, 50_000).s;
    await expect(tight.start({ graph: tinyConvNet(), options: small })).rejects.toMatchObject({
      kind: 'memory',
      message: expect.stringMatching(/more than the test budget\. Lower the batch size to \d+ or less/),
    });
    expect(await s.list()).toEqual([]);
  });

  it('reports a bad dataset from the worker as a failed run naming the file', async () => {
    const { s, events } = service();
    const { runId } = await s.start({
      graph: tinyConvNet(),
      options: { dataset: { kind: 'cifar10', path: '/nonexistent/cifar' } },
    });
    const record = await s.waitForRun(runId);
    expect(record).toMatchObject({ status: 'failed', failure: 'dataset', hasModel: false });
    expect(record.message).toBe('The CIFAR-10 dataset /nonexistent/cifar does not exist.');
    expect(events.at(-1)!.payload).toMatchObject({ status: 'failed', failure: 'dataset' });
    await expect(s.exportModel(runId)).rejects.toThrow(/has no trained model to export: it is failed/);
  }, 30_000);

  it('fails the run, not the app, when the worker cannot start', async () => {
    const s = new TrainingService({
      runsDir: null,
      backend: cpu,
      workerUrl: new URL('file:///nonexistent/train-worker.mjs'),
    });
    services.push(s);
    const { runId } = await s.start({ graph: tinyConvNet(), options: small });
    const record = await s.waitForRun(runId);
    expect(record).toMatchObject({ status: 'failed', failure: 'internal' });
    expect(record.message).toMatch(/^The training thread crashed: .*nonexistent/);
  });

  it('is reachable through the API handler, payloads validated', async () => {
    const training = service().s;
    const handler = createApiHandler(createServices({ shell: 'cli', dataDir: tmpdir(), training }));
    const bad = await handler('trainStart', { graph: tinyConvNet(), options: { epochs: 0 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(!bad.ok && bad.error.message).toMatch(/options\.epochs: .*got 0/);
    const estimate = await handler('trainEstimate', { graph: tinyConvNet(), options: small });
    expect(estimate).toMatchObject({ ok: true, value: { refusal: null, memory: { batchSize: 8 } } });
    expect(await handler('runsList', {})).toEqual({ ok: true, value: [] });
    expect(await handler('trainCancel', { runId: 'run-x' })).toMatchObject({
      ok: false,
      error: { message: 'There is no run run-x.' },
    });
  });
});
