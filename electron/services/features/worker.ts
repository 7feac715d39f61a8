import { parentPort, workerData } from 'node:worker_threads';
import type * as tfjs from '@tensorflow/tfjs';
import { textOfError } from '../../../shared/api';
import { errorMessage } from '../../../shared/issues';
import { FeatureProblem, loadSerializedModel, onnxLayersModel } from '../../../trainer/features';
import { serializeModel } from '../../../trainer/serialize';
import { ensureBackend, tf } from '../tfjs';
import { prepareInput } from './inputs';
import type { FeatureReply, FeatureRequest, FeatureWorkerStart } from './protocol';
import { runFeatureTask } from './tasks';

/**
 * The features thread: keeps the models it was sent and answers on the backend training uses.
 * Maximisations run one after another; every other request is answered between their steps
 * (each step yields), so maps and filters never wait for a long maximisation to end.
 */
const start = (workerData ?? {}) as FeatureWorkerStart;
const post = (reply: FeatureReply) => parentPort!.postMessage(reply);

/** A task that failed: a FeatureProblem is the user's to fix, anything else is ours. */
function postFailure(id: FeatureRequest['id'], err: unknown): void {
  const text = textOfError(err);
  const userError = err instanceof FeatureProblem;
  post({ id, type: 'done', ok: false, message: errorMessage(err), userError, ...(text ? { text } : {}) });
}
const models = new Map<string, { model: Promise<tfjs.LayersModel>; users: number }>();
let maximisations: Promise<void> = Promise.resolve();

/** The run's model, loaded from the request when sent; older models no request uses are freed. */
function modelFor(request: FeatureRequest): { model: Promise<tfjs.LayersModel>; users: number } | null {
  const held = models.get(request.runId);
  if (held) return held;
  if (!request.model) return null;
  for (const [runId, entry] of models) {
    if (entry.users > 0) continue;
    models.delete(runId);
    void entry.model.then((m) => m.dispose()).catch(() => {});
  }
  const entry = { model: loadSerializedModel(tf, request.model), users: 0 };
  // A model that failed to load is not kept: the next request sends it again.
  entry.model.catch(() => models.delete(request.runId));
  models.set(request.runId, entry);
  return entry;
}

function prepare(request: FeatureRequest & { task: { kind: 'input' } }): void {
  try {
    post({ id: request.id, type: 'done', ok: true, result: prepareInput(request.task.source, request.task.input) });
  } catch (err) {
    postFailure(request.id, err);
  }
}

/** An ONNX file built into a TF.js model here (parsing and compiling a big one takes seconds), sent back serialized. */
async function convertOnnx(id: number, task: { name: string; bytes: Uint8Array }): Promise<void> {
  try {
    await ensureBackend(start.backend);
    const model = onnxLayersModel(tf, task.bytes, task.name);
    try {
      post({ id, type: 'done', ok: true, result: await serializeModel(tf, model) });
    } finally {
      model.dispose();
    }
  } catch (err) {
    postFailure(id, err);
  }
}

async function answer(request: FeatureRequest): Promise<void> {
  try {
    await ensureBackend(start.backend);
  } catch (err) {
    post({
      id: request.id,
      type: 'done',
      ok: false,
      message: `No TensorFlow.js backend: ${errorMessage(err)}`,
      userError: false,
    });
    return;
  }
  const entry = modelFor(request);
  if (!entry) {
    post({ id: request.id, type: 'needModel' });
    return;
  }
  entry.users += 1;
  try {
    const model = await entry.model;
    const task = request.task;
    if (task.kind === 'input' || task.kind === 'onnx') throw new Error(`${task.kind} tasks need no model`);
    const result = await runFeatureTask(tf, model, task, (step, steps, activation, preview) =>
      post({ id: request.id, type: 'step', step, steps, activation, ...(preview ? { preview } : {}) }),
    );
    post({ id: request.id, type: 'done', ok: true, result });
  } catch (err) {
    postFailure(request.id, err);
  } finally {
    entry.users -= 1;
  }
}

parentPort!.on('message', (request: FeatureRequest) => {
  if (request.task.kind === 'input') prepare(request as FeatureRequest & { task: { kind: 'input' } });
  else if (request.task.kind === 'onnx') void convertOnnx(request.id, request.task);
  else if (request.task.kind === 'maximise') maximisations = maximisations.then(() => answer(request));
  else void answer(request);
});
