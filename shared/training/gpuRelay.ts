import { z } from 'zod';
import { DatasetInfo } from './datasetSpec';
import { BatchProgress, EpochMetrics, FailureKind } from './events';
import { MemoryEstimate } from './memory';
import { ResolvedTrainingOptions } from './options';
import { SentText } from './sentText';

/**
 * A GPU run trains in a Worker of the window (the browser engine's WebGPU or WebGL), while the
 * services keep its record, as for every run. The window fetches the dataset the services
 * loaded, in chunks, and relays what the worker posts with these reports.
 */
export const gpuBackendNames = ['webgpu', 'webgl'] as const;
export const GpuBackendName = z.enum(gpuBackendNames);
export type GpuBackendName = z.output<typeof GpuBackendName>;

/** Binary data crosses the API as base64 in chunks of at most this many bytes (the WebSocket limit is 64 MB). */
export const GPU_CHUNK_BYTES = 8 * 2 ** 20;

/** The trained model without its weights, which come before it in `weights` reports. */
export const GpuModelHeader = z.object({
  modelTopology: z.unknown(),
  /** tfjs's WeightsManifestEntry list, checked for what the services read of it. */
  weightSpecs: z.array(z.object({ name: z.string(), shape: z.array(z.number().int()), dtype: z.string() }).loose()),
  weightBytes: z.number().int().nonnegative(),
});
export type GpuModelHeader = z.output<typeof GpuModelHeader>;

/** JSON (browser mode's WebSocket) turns a diverged run's NaN loss into null; it is NaN again here. */
const nanFromNull = (value: unknown) => {
  if (typeof value !== 'object' || value === null) return value;
  const v = value as Record<string, unknown>;
  return { ...v, loss: v.loss ?? Number.NaN, accuracy: v.accuracy ?? Number.NaN };
};

const numberOrNaN = z.union([z.number(), z.nan()]);
const lossMayBeNaN = { loss: numberOrNaN, accuracy: numberOrNaN };

export const GpuReport = z.discriminatedUnion('type', [
  /** The backend started; `detail` names the device (e.g. "WebGL: ANGLE (…)"). */
  z.object({ type: z.literal('backend'), backend: GpuBackendName, detail: z.string().max(500) }),
  z.object({ type: z.literal('dataset'), info: DatasetInfo, memory: MemoryEstimate }),
  z.object({ type: z.literal('status'), status: z.enum(['running', 'paused']) }),
  z.object({
    type: z.literal('batch'),
    progress: z.preprocess(nanFromNull, BatchProgress.omit({ runId: true }).extend(lossMayBeNaN)),
  }),
  z.object({ type: z.literal('epoch'), metrics: z.preprocess(nanFromNull, EpochMetrics.extend(lossMayBeNaN)) }),
  /** A slice of the trained weights, in order, before `done`. */
  z.object({ type: z.literal('weights'), offset: z.number().int().nonnegative(), base64: z.string() }),
  z.object({
    type: z.literal('done'),
    outcome: z.object({
      status: z.enum(['completed', 'cancelled', 'diverged', 'failed']),
      message: z.string().nullable(),
      text: SentText.optional(),
      failure: FailureKind.nullable(),
      model: GpuModelHeader.nullable(),
    }),
  }),
  /** The window is still there (sent every few seconds, also while paused). */
  z.object({ type: z.literal('alive') }),
]);
export type GpuReport = z.output<typeof GpuReport>;

/** What the window needs to start the worker: the run's resolved settings and the dataset's shape. */
export const GpuRunStart = z.object({
  runId: z.string(),
  /** The settings with every choice made (seed, learning rate): what the record keeps. */
  options: ResolvedTrainingOptions,
  /** Memory the run may use on the GPU, and how that figure was found. */
  memoryBudget: z.object({ bytes: z.number(), label: z.string(), text: SentText.optional() }),
  dataset: z.object({
    count: z.number().int(),
    classes: z.number().int(),
    input: z.object({
      height: z.number().int(),
      width: z.number().int(),
      channels: z.union([z.literal(1), z.literal(3)]),
      flatten: z.boolean(),
    }),
    info: DatasetInfo.omit({ trainSamples: true, validationSamples: true }),
    pixelBytes: z.number().int(),
    labelBytes: z.number().int(),
  }),
});
export type GpuRunStart = z.output<typeof GpuRunStart>;
