import { Worker } from 'node:worker_threads';
import type { ApiResponse, BackendName, FeatureImage, FeaturePixels } from '../../../shared/api';
import { type DiagnosticText, english, type TextValue } from '../../../shared/i18n/diagnosticText';
import { looksLikeOnnx } from '../../../shared/import/onnx/sniff';
import { type RunRecord, runNameValue, runText } from '../../../shared/training';
import { imageInputOrWhy } from '../../../shared/training/network';
import { SharedControl } from '../../../trainer/control';
import type { ActivationMaps, ConvFilters, LayerInfo, MaximiseResult } from '../../../trainer/features';
import type { SerializedModel } from '../../../trainer/serialize';
import type { EmitEvent, TrainingService } from '../train';
import { ModelFileProblem, modelFromFiles } from './importedModel';
import type { InputSource, PreparedInput } from './inputs';
import type { FeatureReply, FeatureRequest, FeatureTask } from './protocol';
import { featureText } from './texts';
import { featuresWorkerUrl } from './workerUrl';

/** A feature request the services refuse; the message says what is wrong and what to do. */
export class FeatureRefused extends Error {
  override name = 'FeatureRefused';
  constructor(
    message: string,
    /** The message in any language, where there is one. */
    readonly text?: DiagnosticText,
  ) {
    super(message);
  }
}

/** A refusal saying a text of the `diagnostics.features` catalogue. */
function refusal(key: Parameters<typeof featureText>[0], values: Record<string, TextValue> = {}): FeatureRefused {
  const text = featureText(key, values);
  return new FeatureRefused(english(text), text);
}

export interface FeaturesServiceOptions {
  training: Pick<TrainingService, 'get' | 'exportModel'>;
  emit?: EmitEvent;
  /** The backend the worker loads; absent: the same selection as training (NETWRIGHT_BACKEND respected). */
  backend?: BackendName;
  workerUrl?: URL;
  /** Whether the run's dataset path may be read in this session (browser mode's granted folders). */
  mayReadDataset?: (path: string) => boolean;
  /** Least time between two featureProgress events of a job (its last step is always sent). */
  progressIntervalMs?: number;
}

interface Pending {
  /** Sends the request again, with the run's model. */
  resend(): void;
  resolve(result: unknown): void;
  reject(err: Error): void;
  onStep?: (step: number, steps: number, activation: number, preview?: Float32Array) => void;
}

const maxImported = 4;

/** A message and its text, as events carry them. */
const said = (text: DiagnosticText) => ({ message: english(text), text });

const floatsBase64 = (values: Float32Array) =>
  Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');

/** [0, 1] floats to 8-bit pixels for display. */
function pixelsOf(values: Float32Array, height: number, width: number, channels: number): FeaturePixels {
  const bytes = Uint8Array.from(values, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
  return { height, width, channels, base64: Buffer.from(bytes).toString('base64') };
}

function whyNoWeights(record: RunRecord): DiagnosticText {
  if (record.status === 'diverged') return featureText('divergedUseless');
  if (record.status === 'running' || record.status === 'preparing' || record.status === 'paused')
    return featureText('stillTraining');
  if (record.status === 'failed') return featureText('failedNoModel');
  return featureText('statusNoModel', { status: runText(`status.${record.status}`) });
}

/**
 * What a trained network sees, for every shell: the first filters, activation maps and
 * activation maximisation of a kept run, computed in one worker thread (the model loaded once
 * per run) on the backend training uses, so neither the window nor the services wait on tfjs.
 */
export class FeaturesService {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly jobs = new Map<string, SharedArrayBuffer>();
  private jobCount = 0;
  /** TF.js models the user opened, by the id the API hands out in place of a run id. */
  private readonly imported = new Map<string, { name: string; model: SerializedModel; inputShape: number[] }>();
  private importCount = 0;

  constructor(private readonly settings: FeaturesServiceOptions) {}

  private emit: EmitEvent = (event, payload) => this.settings.emit?.(event, payload);

  private startWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.settings.workerUrl ?? featuresWorkerUrl(), {
      workerData: { backend: this.settings.backend },
    });
    worker.unref();
    worker.on('message', (reply: FeatureReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      if (reply.type === 'needModel') {
        pending.resend();
        return;
      }
      if (reply.type === 'step') {
        pending.onStep?.(reply.step, reply.steps, reply.activation, reply.preview);
        return;
      }
      this.pending.delete(reply.id);
      if (reply.ok) pending.resolve(reply.result);
      else pending.reject(reply.userError ? new FeatureRefused(reply.message, reply.text) : new Error(reply.message));
    });
    const stopped = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const p of this.pending.values()) p.reject(new Error(`The features thread stopped: ${why}`));
      this.pending.clear();
    };
    worker.on('error', (err) => stopped(err.message));
    worker.on('exit', (code) => stopped(`it exited with code ${code}`));
    this.worker = worker;
    return worker;
  }

  /** The run's record, refusing one without trained weights. */
  private async trainedRun(runId: string): Promise<RunRecord> {
    const record = await this.settings.training.get(runId);
    if (!record.hasModel) {
      throw refusal('noWeights', { name: runNameValue(record), why: whyNoWeights(record) });
    }
    return record;
  }

  /** What the views need of a run or an imported model; refuses a run without trained weights. */
  private async source(runId: string): Promise<{ inputShape: number[]; record: RunRecord | null }> {
    const imported = this.imported.get(runId);
    if (imported) return { inputShape: imported.inputShape, record: null };
    const record = await this.trainedRun(runId);
    return { inputShape: record.network.inputShape, record };
  }

  private async storedModel(runId: string): Promise<SerializedModel> {
    const imported = this.imported.get(runId);
    // A copy: the buffer sent is transferred (detached here).
    if (imported) return { ...imported.model, weightData: imported.model.weightData.slice(0) };
    const exported = await this.settings.training.exportModel(runId);
    const json = JSON.parse(exported.modelJson);
    const bytes = Buffer.from(exported.weightsBase64, 'base64');
    return {
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest[0].weights,
      weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    };
  }

  /** Sends one task about run `runId`; its model follows when the worker asks for it. */
  private async call<T>(runId: string, task: FeatureTask, onStep?: Pending['onStep']): Promise<T> {
    await this.source(runId);
    return this.send<T>(runId, task, onStep);
  }

  private send<T>(runId: string, task: FeatureTask, onStep?: Pending['onStep']): Promise<T> {
    const worker = this.startWorker();
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, {
        resend: () => {
          this.storedModel(runId).then(
            (model) => worker.postMessage({ id, runId, model, task } satisfies FeatureRequest, [model.weightData]),
            (err: Error) => {
              this.pending.delete(id);
              reject(err);
            },
          );
        },
        resolve: (r) => resolve(r as T),
        reject,
        onStep,
      });
      worker.postMessage({ id, runId, task } satisfies FeatureRequest);
    });
  }

  /** Where sample `index` of the run's dataset comes from; refuses what this session may not read. */
  private datasetSource(record: RunRecord | null, index: number | null): InputSource {
    if (!record) throw refusal('noDataset');
    const spec = record.settings.dataset;
    const datasetPath = 'path' in spec ? spec.path : undefined;
    if (datasetPath !== undefined && this.settings.mayReadDataset && !this.settings.mayReadDataset(datasetPath)) {
      throw refusal('datasetOutside', { path: datasetPath });
    }
    const dataset = { runId: record.id, spec, classes: record.network.classes, seed: record.settings.seed };
    return { kind: 'dataset', dataset, index };
  }

  /** The chosen input at the network's input size, prepared in the worker (datasets and big JPEGs take time). */
  private prepare(runId: string, inputShape: number[], source: InputSource): Promise<PreparedInput> {
    const input = imageInputOrWhy(inputShape);
    if ('key' in input) throw refusal('noImageInput', { why: input });
    return this.call<PreparedInput>(runId, { kind: 'input', source, input });
  }

  async layers(runId: string): Promise<ApiResponse<'featureLayers'>> {
    const { record } = await this.source(runId);
    const answer = await this.call<{ layers: LayerInfo[]; inputShape: number[] }>(runId, { kind: 'layers' });
    try {
      const { dataset } = await this.prepare(runId, answer.inputShape, this.datasetSource(record, null));
      return { ...answer, dataset, datasetMessage: null };
    } catch (err) {
      if (!(err instanceof FeatureRefused)) throw err;
      return { ...answer, dataset: null, datasetMessage: err.message, ...(err.text ? { datasetText: err.text } : {}) };
    }
  }

  async filters(runId: string): Promise<ApiResponse<'featureFilters'>> {
    const { values, ...shape } = await this.call<ConvFilters>(runId, { kind: 'filters' });
    return { ...shape, base64: floatsBase64(values) };
  }

  async activations(runId: string, layer: string, image: FeatureImage): Promise<ApiResponse<'featureActivations'>> {
    const source = await this.source(runId);
    const { pixels, label } = await this.prepare(
      runId,
      source.inputShape,
      image.kind === 'dataset'
        ? this.datasetSource(source.record, image.index)
        : { kind: 'file', name: image.name, bytes: new Uint8Array(Buffer.from(image.base64, 'base64')) },
    );
    if (!pixels) throw new Error('the worker prepared no input');
    const floats = Float32Array.from(pixels, (p) => p / 255);
    const maps = await this.call<ActivationMaps>(runId, { kind: 'activations', layer, input: floats });
    const [h, w, c] = source.inputShape.length === 3 ? source.inputShape : [1, pixels.length, 1];
    return {
      layer: maps.layer,
      height: maps.height,
      width: maps.width,
      channels: maps.channels,
      base64: floatsBase64(maps.values),
      input: { height: h!, width: w!, channels: c!, base64: Buffer.from(pixels).toString('base64') },
      label,
    };
  }

  /** Starts a maximisation; it reports through featureProgress and one featureFinished. */
  async maximise(request: {
    runId: string;
    layer: string;
    channel: number;
    steps: number;
    seed?: number;
  }): Promise<{ jobId: string }> {
    const source = await this.source(request.runId);
    const [height, width, channels] = source.inputShape;
    const jobId = `features-${++this.jobCount}`;
    const control = new SharedArrayBuffer(4);
    this.jobs.set(jobId, control);
    const interval = this.settings.progressIntervalMs ?? 100;
    let lastAt = 0;
    const onStep = (step: number, steps: number, activation: number, preview?: Float32Array) => {
      const now = performance.now();
      if (!preview && step !== steps && step !== 1 && now - lastAt < interval) return;
      lastAt = now;
      const image = preview && channels ? pixelsOf(preview, height!, width!, channels) : undefined;
      this.emit('featureProgress', { jobId, step, steps, activation, ...(image ? { image } : {}) });
    };
    const task: FeatureTask = {
      kind: 'maximise',
      layer: request.layer,
      channel: request.channel,
      steps: request.steps,
      seed: request.seed ?? 1,
      control,
    };
    this.call<MaximiseResult>(request.runId, task, onStep).then(
      (r) => {
        this.jobs.delete(jobId);
        this.emit('featureFinished', {
          jobId,
          status: r.status,
          ...(r.status === 'cancelled'
            ? said(featureText('cancelledAfter', { steps: r.steps, total: request.steps }))
            : { message: null }),
          image: pixelsOf(r.image, r.height, r.width, r.channels),
          steps: r.steps,
          before: r.before,
          after: r.after,
        });
      },
      (err: Error) => {
        this.jobs.delete(jobId);
        this.emit('featureFinished', {
          jobId,
          status: 'failed',
          message: err.message,
          ...(err instanceof FeatureRefused && err.text ? { text: err.text } : {}),
          image: null,
          steps: 0,
          before: null,
          after: null,
        });
      },
    );
    return { jobId };
  }

  /** Honoured before the next step (the worker reads the flag without waiting for a message). */
  cancel(jobId: string): void {
    const control = this.jobs.get(jobId);
    if (!control) throw refusal('noMaximisation', { id: jobId });
    new SharedControl(control).set('cancel');
  }

  /** A TF.js Layers model the user opened: checked by loading it in the worker, then kept under a new id. */
  async importModel(name: string, modelJson: string, weights: { name: string; base64: string }[]) {
    let model: SerializedModel;
    try {
      model = modelFromFiles(name, modelJson, weights);
    } catch (err) {
      if (err instanceof ModelFileProblem) throw new FeatureRefused(err.message, err.text);
      throw err;
    }
    return this.keepImported(name, model);
  }

  /**
   * An ONNX model with its weights, as PyTorch exports it: the worker imports its graph,
   * compiles it and sets the file's weights, then it is kept as an opened TF.js model is.
   */
  async importOnnx(name: string, base64: string) {
    const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
    if (!looksLikeOnnx(bytes)) {
      throw refusal('notOnnx', { name });
    }
    const model = await this.send<SerializedModel>('', { kind: 'onnx', name, bytes });
    return this.keepImported(name, model);
  }

  /** Keeps an opened model under a new id once the worker has loaded it and its input suits the views. */
  private async keepImported(name: string, model: SerializedModel) {
    const runId = `model-${++this.importCount}`;
    const entry = { name, model, inputShape: [] as number[] };
    this.imported.set(runId, entry);
    // Opened models live in memory only: the oldest go once a few more are open.
    for (const old of [...this.imported.keys()].slice(0, -maxImported)) this.imported.delete(old);
    try {
      const { inputShape } = await this.call<{ inputShape: number[] }>(runId, { kind: 'layers' });
      if ('key' in imageInputOrWhy(inputShape) || inputShape.includes(0)) {
        throw refusal('notImageModel', { name, shape: `[${inputShape.map((d) => d || '?').join(', ')}]` });
      }
      entry.inputShape = inputShape;
      return { runId, name };
    } catch (err) {
      this.imported.delete(runId);
      if (err instanceof FeatureRefused) throw err;
      throw refusal('notLoaded', { name, reason: (err as Error).message });
    }
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
