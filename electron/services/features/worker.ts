import { parentPort, workerData } from 'node:worker_threads';
import type * as tfjs from '@tensorflow/tfjs';
import { errorMessage } from '../../../shared/issues';
import { FeatureProblem, loadSerializedModel } from '../../../trainer/features';
import { ensureBackend, tf } from '../tfjs';
import type { FeatureReply, FeatureRequest, FeatureWorkerStart } from './protocol';
import { runFeatureTask } from './tasks';

/**
 * The features thread: loads a run's model once and answers requests one after another on the
 * backend training uses. A maximisation step blocks its thread; here it cannot stall the services.
 */
const start = (workerData ?? {}) as FeatureWorkerStart;
const post = (reply: FeatureReply) => parentPort!.postMessage(reply);
let held: { runId: string; model: tfjs.LayersModel } | null = null;
let queue: Promise<void> = Promise.resolve();

async function modelFor(request: FeatureRequest): Promise<tfjs.LayersModel> {
  if (held?.runId === request.runId) return held.model;
  if (!request.model) throw new Error(`the worker does not hold run ${request.runId}'s model`);
  held?.model.dispose();
  held = null;
  const model = await loadSerializedModel(tf, request.model);
  held = { runId: request.runId, model };
  return model;
}

async function answer(request: FeatureRequest): Promise<void> {
  try {
    await ensureBackend(start.backend);
    const model = await modelFor(request);
    const result = await runFeatureTask(tf, model, request.task, (step, steps, activation) =>
      post({ id: request.id, type: 'step', step, steps, activation }),
    );
    post({ id: request.id, type: 'done', ok: true, result });
  } catch (err) {
    post({
      id: request.id,
      type: 'done',
      ok: false,
      message: errorMessage(err),
      userError: err instanceof FeatureProblem,
    });
  }
}

parentPort!.on('message', (request: FeatureRequest) => {
  queue = queue.then(() => answer(request));
});
