import { z } from 'zod';
import { actionIds } from './actionIds';
import { GraphSchema } from './graph/schema';
import { type DiagnosticText, english, isTextKey, renderText } from './i18n/diagnosticText';
import { LANGUAGES, type Language } from './i18n/language';
import { errorMessage } from './issues';
import {
  BatchProgress,
  ExportedModel,
  GpuBackendName,
  GpuReport,
  GpuRunStart,
  gpuBackendNames,
  MemoryEstimate,
  RunRecord,
  RunSummary,
  SentText,
  TrainEpochEvent,
  TrainFinishedEvent,
  TrainingOptions,
  TrainStatusEvent,
} from './training';

/**
 * The typed contract between the renderer and the main-process services. Both
 * shells (Electron IPC and the browser-mode WebSocket) carry exactly these
 * requests, responses and events; the main side validates every payload.
 */

export const backendNames = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;
export const BackendName = z.enum(backendNames);
export type BackendName = z.infer<typeof BackendName>;

/**
 * What the user may pick for a run: automatic, a backend of the services (the worker pins it),
 * or a GPU backend of the browser engine (trained in a Worker of the window).
 */
export const TrainBackendChoice = z.enum(['auto', ...backendNames, ...gpuBackendNames]);
export type TrainBackendChoice = z.infer<typeof TrainBackendChoice>;

export const BackendAttempt = z.object({
  name: BackendName,
  ok: z.boolean(),
  /** Why it was used, or why not, in words a user can act on (English). */
  reason: z.string(),
  /** The same in any language. */
  text: SentText.optional(),
});
export type BackendAttempt = z.infer<typeof BackendAttempt>;

export const BackendReport = z.object({
  name: BackendName,
  reason: z.string(),
  attempts: z.array(BackendAttempt),
});
export type BackendReport = z.infer<typeof BackendReport>;

export const ShellKind = z.enum(['electron', 'browser', 'cli']);
export type ShellKind = z.infer<typeof ShellKind>;

const NoRequest = z.object({}).strict();

/** The preferences a user sets once: the interface language ('system' follows the system locale). */
export const Settings = z.object({ language: z.enum(['system', ...LANGUAGES]).default('system') }).strict();
export type Settings = z.infer<typeof Settings>;
const Empty = z.object({});

/** `base64` carries a binary file's bytes (an .onnx model; `text` is then empty). */
export const OpenedFile = z.object({
  path: z.string().nullable(),
  name: z.string(),
  text: z.string(),
  base64: z.string().optional(),
});
export type OpenedFile = z.infer<typeof OpenedFile>;

export const ExportKind = z.enum(['png', 'svg', 'csv', 'md', 'json', 'bin', 'zip', 'pptx', 'pdf', 'onnx']);
export type ExportKind = z.infer<typeof ExportKind>;

/**
 * A recent document as the renderer sees it: `id` (written by the main side) is the only
 * handle; `location` is for display and is never accepted back as a path.
 */
export const RecentEntry = z.object({
  id: z.string(),
  name: z.string(),
  location: z.string().nullable(),
  at: z.string(),
});
export type RecentEntry = z.infer<typeof RecentEntry>;

export const RecoveredDocument = z.object({
  name: z.string(),
  filePath: z.string().nullable(),
  contents: z.string(),
  savedAt: z.string(),
});
export type RecoveredDocument = z.infer<typeof RecoveredDocument>;

const maxDocumentChars = 64 * 1024 * 1024;
const RunRef = z.object({ runId: z.string().min(1).max(100) }).strict();
const TrainRequest = z
  .object({
    graph: GraphSchema,
    options: TrainingOptions,
    /** The run's label in the run list and chart legends; "ε 0.1 · adam 0.001 · 5 epochs" when omitted. */
    name: z.string().max(200).optional(),
    /** The document's name, kept with the run. */
    networkName: z.string().max(200).optional(),
    /**
     * Pins a backend for this run; absent or 'auto': the one the services selected at start.
     * trainStart refuses webgpu and webgl (trainStartGpu runs them); trainEstimate takes every choice.
     */
    backend: TrainBackendChoice.optional(),
  })
  .strict();
const GpuTrainRequest = TrainRequest.omit({ backend: true }).extend({
  backend: GpuBackendName,
  /** The device the window found (e.g. "WebGL: ANGLE (…)"), kept with the run. */
  device: z.string().max(500),
});
const documentText = z.string().max(maxDocumentChars, 'the document is larger than 64 MB');

/** Feature views (what a trained network sees): the largest image file the services decode. */
const maxFeatureImageBase64 = 16 * 1024 * 1024;
/** An input for activation maps: sample `index` of the run's dataset (in the run's order), or an image file's bytes. */
export const FeatureImage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dataset'), index: z.number().int().nonnegative() }).strict(),
  z
    .object({
      kind: z.literal('file'),
      name: z.string().min(1).max(200),
      base64: z.string().max(maxFeatureImageBase64, 'the image is larger than 12 MB'),
    })
    .strict(),
]);
export type FeatureImage = z.infer<typeof FeatureImage>;
/** An image for display: 8-bit, row-major [height, width, channels], channels 1 or 3. */
export const FeaturePixels = z.object({
  height: z.number().int(),
  width: z.number().int(),
  channels: z.number().int(),
  base64: z.string(),
});
export type FeaturePixels = z.infer<typeof FeaturePixels>;
export const FeatureLayer = z.object({
  name: z.string(),
  /** The TensorFlow.js class, e.g. Conv2D. */
  kind: z.string(),
  outputShape: z.array(z.number()),
  /** [H, W, C]: it has activation maps. */
  spatial: z.boolean(),
});
export type FeatureLayer = z.infer<typeof FeatureLayer>;
const FeatureJobRef = z.object({ jobId: z.string().min(1).max(100) }).strict();

export const apiContract = {
  /** Answers at once: proves the round trip renderer -> main -> renderer. */
  ping: {
    request: NoRequest,
    response: z.object({
      app: z.literal('netwright'),
      version: z.string(),
      shell: ShellKind,
      platform: z.string(),
      runtime: z.string(),
    }),
  },
  /** Waits for backend selection (started when main starts) and reports it. */
  backendInfo: {
    request: NoRequest,
    response: BackendReport,
  },
  /** Desktop only: the native Open dialog, then the file's text; null when cancelled. */
  openFileDialog: {
    request: z.object({ purpose: z.enum(['open', 'import']) }).strict(),
    response: OpenedFile.nullable(),
  },
  /**
   * Desktop only: write (atomically) to `path`, or ask where first (no path, or saveAs). `path`
   * must be a file this session opened or saved through its own dialogs or the recent list.
   */
  saveFile: {
    request: z
      .object({ path: z.string().nullable(), suggestedName: z.string(), contents: documentText, saveAs: z.boolean() })
      .strict(),
    response: z.object({ path: z.string(), name: z.string() }).nullable(),
  },
  /** Desktop only: save an exported image or table through the native Save dialog. */
  exportFile: {
    request: z
      .object({ suggestedName: z.string(), kind: ExportKind, base64: z.string().max(maxDocumentChars) })
      .strict(),
    response: z.object({ path: z.string() }).nullable(),
  },
  /** Crash recovery: the unsaved document, written every few seconds while dirty. */
  recoveryWrite: {
    request: z.object({ name: z.string(), filePath: z.string().nullable(), contents: documentText }).strict(),
    response: Empty,
  },
  recoveryRead: { request: NoRequest, response: RecoveredDocument.nullable() },
  recoveryClear: { request: NoRequest, response: Empty },
  recentList: { request: NoRequest, response: z.array(RecentEntry) },
  /** Remembers a document just opened or saved (a copy too, so browser mode can reopen it); `path` as for saveFile. */
  recentAdd: {
    request: z.object({ name: z.string(), path: z.string().nullable(), contents: documentText }).strict(),
    response: Empty,
  },
  recentOpen: { request: z.object({ id: z.string() }).strict(), response: OpenedFile },
  /** The user's preferences, kept in the data folder (defaults when there are none yet). */
  settingsGet: { request: NoRequest, response: Settings },
  /** Stores the preferences and answers what was stored. */
  settingsSet: { request: Settings, response: Settings },
  /** Title and unsaved-changes state, so the desktop window can mark itself and ask before closing. */
  setDocumentState: {
    request: z.object({ title: z.string(), dirty: z.boolean() }).strict(),
    response: Empty,
  },
  /** Memory a run would need per batch, and the refusal it would meet (null: it fits). Starts nothing. */
  trainEstimate: {
    request: TrainRequest,
    response: z.object({
      memory: MemoryEstimate,
      budgetBytes: z.number(),
      refusal: z.string().nullable(),
      /** The refusal in any language. */
      refusalText: SentText.optional(),
    }),
  },
  /**
   * Compiles and trains in a worker thread; progress arrives as trainStatus, trainProgress,
   * trainEpoch and one trainFinished event. Refuses (fails) at once for a network that cannot
   * be trained, invalid options, a run that would not fit in memory, or while another run trains.
   */
  trainStart: { request: TrainRequest, response: z.object({ runId: z.string() }) },
  /**
   * A run on the browser engine's GPU, trained in a Worker of the calling window: the services
   * check the request as for trainStart, load the dataset and keep the record; the window
   * fetches the data (trainGpuData), relays the worker's messages (trainGpuReport) and obeys
   * trainControl events. A run silent for a minute is ended as failed (the window closed).
   */
  trainStartGpu: { request: GpuTrainRequest, response: GpuRunStart },
  /** One chunk (at most 8 MB) of a GPU run's dataset, from `offset`. */
  trainGpuData: {
    request: RunRef.extend({ part: z.enum(['pixels', 'labels']), offset: z.number().int().nonnegative() }).strict(),
    response: z.object({ base64: z.string() }),
  },
  trainGpuReport: { request: RunRef.extend({ report: GpuReport }).strict(), response: Empty },
  /**
   * Trains variants of the network (original, factorized, smoothing=EPS, combined with +) one
   * after another under the same data, seed and schedule; each is an ordinary run. Progress as
   * the runs' own events plus experimentUpdate with the result table.
   */
  experimentStart: {
    request: z
      .object({
        graph: GraphSchema,
        networkName: z.string().max(200),
        variants: z.string().min(1).max(500),
        options: TrainingOptions,
      })
      .strict(),
    response: z.object({ experimentId: z.string() }),
  },
  /** Stops within one batch; the model trained so far is kept (status cancelled). */
  trainCancel: { request: RunRef, response: Empty },
  trainPause: { request: RunRef, response: Empty },
  trainResume: { request: RunRef, response: Empty },
  /** Every kept run, newest first, without per-batch curves. */
  runsList: { request: NoRequest, response: z.array(RunSummary) },
  /** One run with its settings, per-epoch metrics and calibration, and per-batch curve. */
  runGet: { request: RunRef, response: RunRecord },
  runDelete: { request: RunRef, response: Empty },
  /** The trained model in TF.js Layers format: save modelJson as model.json and the weights beside it under weightsFileName. */
  runExportModel: { request: RunRef, response: ExportedModel },
  /**
   * PyTorch or Keras code for the graph (model.py, train.py, README.md) as a zip; with a
   * runId, that run's trained weights too, plus check.py comparing the frameworks.
   */
  exportCode: {
    request: z
      .object({
        graph: GraphSchema,
        name: z.string().min(1).max(200),
        target: z.enum(['pytorch', 'keras']),
        options: TrainingOptions.optional(),
        runId: z.string().min(1).max(100).optional(),
      })
      .strict(),
    response: z.object({ zipBase64: z.string(), suggestedName: z.string(), files: z.array(z.string()) }),
  },
  /**
   * The graph as one ONNX file (opset 13, NCHW); with a runId, that run's trained weights, else
   * seeded initial ones. `save: 'dialog'` (desktop) asks where in the native Save dialog and
   * writes the file there atomically, so a large model never crosses to the window
   * (`path` null: cancelled); `'download'` (browser mode) returns the bytes.
   */
  exportOnnx: {
    request: z
      .object({
        graph: GraphSchema,
        name: z.string().min(1).max(200),
        runId: z.string().min(1).max(100).optional(),
        save: z.enum(['dialog', 'download']),
      })
      .strict(),
    response: z.object({
      suggestedName: z.string(),
      bytes: z.number(),
      path: z.string().nullable(),
      base64: z.string().nullable(),
    }),
  },
  /**
   * Two networks compared as slides (headline, totals, native charts, per-module table):
   * an editable PowerPoint file, or PDF where LibreOffice is installed (see slideFormats).
   */
  compareSlides: {
    request: z
      .object({
        a: z.object({ name: z.string().min(1).max(200), graph: GraphSchema }).strict(),
        b: z.object({ name: z.string().min(1).max(200), graph: GraphSchema }).strict(),
        title: z.string().min(1).max(200).optional(),
        format: z.enum(['pptx', 'pdf']),
        /** The language of the slides' words; English where absent. */
        language: z.enum(LANGUAGES).optional(),
      })
      .strict(),
    response: z.object({ base64: z.string(), suggestedName: z.string() }),
  },
  /** Which slide formats the services can write here: PDF needs LibreOffice. */
  slideFormats: { request: NoRequest, response: z.object({ formats: z.array(z.enum(['pptx', 'pdf'])) }) },
  /** Per-epoch curves as CSV (Keras CSVLogger columns plus calibration). */
  runExportCsv: { request: RunRef, response: z.object({ csv: z.string(), suggestedName: z.string() }) },
  /** A trained run's layers (which have activation maps), its input shape and its dataset's size. */
  featureLayers: {
    request: RunRef,
    response: z.object({
      layers: z.array(FeatureLayer),
      inputShape: z.array(z.number()),
      /** The run's dataset as the run saw it; null with `datasetMessage` saying why when it cannot be read now. */
      dataset: z
        .object({ count: z.number(), description: z.string(), descriptionText: SentText.optional() })
        .nullable(),
      datasetMessage: z.string().nullable(),
      /** `datasetMessage` in any language. */
      datasetText: SentText.optional(),
    }),
  },
  /** The first convolution's kernel, float32 little-endian [kh, kw, in, out] in base64. */
  featureFilters: {
    request: RunRef,
    response: z.object({
      layer: z.string(),
      kernelHeight: z.number(),
      kernelWidth: z.number(),
      inChannels: z.number(),
      outChannels: z.number(),
      base64: z.string(),
    }),
  },
  /** One layer's activation maps for one input, computed in the features worker: float32 [H, W, C] in base64. */
  featureActivations: {
    request: RunRef.extend({ layer: z.string().min(1).max(200), image: FeatureImage }).strict(),
    response: z.object({
      layer: z.string(),
      height: z.number(),
      width: z.number(),
      channels: z.number(),
      base64: z.string(),
      /** The input as the network received it (resized, channels converted). */
      input: FeaturePixels,
      /** The sample's class name (dataset inputs only). */
      label: z.string().nullable(),
    }),
  },
  /**
   * Starts activation maximisation of one channel (gradient ascent on the input with jitter,
   * blur and L2) in the features worker; featureProgress after steps, one featureFinished.
   */
  featureMaximise: {
    request: RunRef.extend({
      layer: z.string().min(1).max(200),
      channel: z.number().int().nonnegative(),
      steps: z.number().int().min(1).max(2000),
      seed: z.number().int().optional(),
    }).strict(),
    response: z.object({ jobId: z.string() }),
  },
  /** Stops a maximisation before its next step; the image so far is sent (status cancelled). */
  featureCancel: { request: FeatureJobRef, response: Empty },
  /**
   * A TF.js Layers model (model.json and the weight files its manifest names) for the feature
   * views: kept in memory under the returned id, which the other feature methods take as runId.
   */
  featureImportModel: {
    request: z
      .object({
        name: z.string().min(1).max(200),
        modelJson: documentText,
        weights: z.array(z.object({ name: z.string().min(1).max(200), base64: documentText }).strict()).max(100),
      })
      .strict(),
    response: z.object({ runId: z.string(), name: z.string() }),
  },
  /** An ONNX model with its weights (as PyTorch exports it), opened for the feature views like a TF.js one. */
  featureImportOnnx: {
    request: z.object({ name: z.string().min(1).max(200), base64: documentText }).strict(),
    response: z.object({ runId: z.string(), name: z.string() }),
  },
} as const;

export const apiEvents = {
  backendSelected: BackendReport,
  /** A native menu item was chosen: run the renderer action with this id. */
  menuAction: z.object({ action: z.enum(actionIds) }),
  /** A run's status changed: preparing, running, paused, then completed / cancelled / diverged / failed. */
  trainStatus: TrainStatusEvent,
  /** After a batch (at most about ten a second, and always an epoch's first and last batch). */
  trainProgress: BatchProgress,
  /** After each epoch: losses, accuracies, calibration on the validation split. */
  trainEpoch: TrainEpochEvent,
  /** For the window training a GPU run: pause, resume or cancel it (its worker obeys within a batch). */
  trainControl: z.object({ runId: z.string(), state: z.enum(['run', 'pause', 'cancel']) }),
  /** Exactly once per run, last. */
  trainFinished: TrainFinishedEvent,
  /** An experiment's table after every change; `current`: the run training now; `done` once, last. */
  experimentUpdate: z.object({
    experimentId: z.string(),
    rows: z.array(
      z.object({
        name: z.string(),
        runId: z.string().nullable(),
        status: z.string(),
        params: z.number(),
        macs: z.number(),
        msPerStep: z.number().nullable(),
        valAccuracy: z.number().nullable(),
        ece: z.number().nullable(),
        message: z.string().nullable(),
        text: SentText.optional(),
      }),
    ),
    current: z.string().nullable(),
    done: z.boolean(),
  }),
  /** A maximisation's step (at most about ten a second, and always its last). */
  featureProgress: z.object({
    jobId: z.string(),
    step: z.number(),
    steps: z.number(),
    activation: z.number(),
    /** The picture so far, about once a second. */
    image: FeaturePixels.optional(),
  }),
  /** Exactly once per maximisation, last: the image (null when it failed) and the channel's mean before and after. */
  featureFinished: z.object({
    jobId: z.string(),
    status: z.enum(['completed', 'cancelled', 'failed']),
    message: z.string().nullable(),
    /** `message` in any language, where it has one. */
    text: SentText.optional(),
    image: FeaturePixels.nullable(),
    steps: z.number(),
    before: z.number().nullable(),
    after: z.number().nullable(),
  }),
} as const;

export type ApiMethod = keyof typeof apiContract;
export type ApiRequest<M extends ApiMethod> = z.input<(typeof apiContract)[M]['request']>;
export type ApiResponse<M extends ApiMethod> = z.output<(typeof apiContract)[M]['response']>;
export type ApiEvent = keyof typeof apiEvents;
export type ApiEventPayload<E extends ApiEvent> = z.output<(typeof apiEvents)[E]>;

export const apiMethods = Object.keys(apiContract) as ApiMethod[];

export function isApiMethod(value: unknown): value is ApiMethod {
  return typeof value === 'string' && Object.hasOwn(apiContract, value);
}

export const ApiErrorCode = z.enum(['bad-request', 'unknown-method', 'forbidden', 'failed']);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

/**
 * Why a request failed: the English `message` (what logs show) and, where the service said it
 * through the catalogue, its `text` in any language.
 */
export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  text?: DiagnosticText;
}

/** Errors cross process boundaries as data: Electron mangles thrown errors' messages. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly text?: DiagnosticText,
  ) {
    super(message);
  }
}

export function unwrapResult<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message, result.error.text);
}

/**
 * The text a thrown error carries (a refused run, an unusable dataset), when it is a text of the
 * catalogue that reads in English as the error's very message: a wording changed in one place
 * only then shows in English rather than wrongly.
 */
export function textOfError(err: unknown): DiagnosticText | undefined {
  if (!(err instanceof Error)) return undefined;
  const text = (err as { text?: unknown }).text as Partial<DiagnosticText> | null | undefined;
  if (typeof text?.key !== 'string' || !isTextKey(text.key)) return undefined;
  if (text.values === null || typeof text.values !== 'object') return undefined;
  const known = text as DiagnosticText;
  try {
    return english(known) === err.message ? known : undefined;
  } catch {
    return undefined; // a value that is no text: the message alone is shown
  }
}

/** What a thrown error says in a language: its text where it carries one, else its English message. */
export function errorText(err: unknown, language: Language): string {
  const text = textOfError(err);
  return text ? renderText(text, language) : errorMessage(err);
}

/** What the preload exposes as `window.netwright`: results stay envelopes across the bridge. */
export interface NetwrightBridge {
  invoke<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResult<ApiResponse<M>>>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void;
}

/** What the renderer codes against, whichever shell carries it. */
export interface NetwrightApi {
  invoke<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void;
}

/** The largest browser-mode request the host answers; the renderer refuses larger ones before sending. */
export const wsMessageLimitBytes = 64 * 1024 * 1024;

export function wsTooLargeMessage(bytes: number): string {
  const mb = (n: number) => `${Math.ceil(n / 2 ** 20)} MB`;
  return `This request is ${mb(bytes)}; browser mode carries at most ${mb(wsMessageLimitBytes)} to the host. Use the desktop app, or make the network smaller.`;
}

/** Browser-mode wire format over the WebSocket. */
export const WsRequest = z.object({ id: z.number().int().nonnegative(), method: z.string(), payload: z.unknown() });
export type WsRequest = z.infer<typeof WsRequest>;
export type WsServerMessage =
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'event'; event: ApiEvent; payload: unknown };
