import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { type Analysis, analyzeGraph } from '../../../shared/analysis';
import type { ApiEvent, ApiEventPayload, BackendName, BackendReport, TrainBackendChoice } from '../../../shared/api';
import type { Graph } from '../../../shared/graph/types';
import { type DiagnosticText, english, said, type TextValue } from '../../../shared/i18n/diagnosticText';
import { errorMessage } from '../../../shared/issues';
import {
  curvesCsv,
  type ExportedModel,
  estimateTrainingMemory,
  followedBy,
  type GpuBackendName,
  type GpuReport,
  type GpuRunStart,
  gpuBackendNames,
  type MemoryBudget,
  type MemoryEstimate,
  memoryRefusalMessage,
  prepareForTraining,
  type ResolvedTrainingOptions,
  type RunRecord,
  type RunStatus,
  type RunSummary,
  type RunTextKey,
  resolveTrainingOptions,
  runMessage,
  runNameValue,
  runText,
  type TrainableNetwork,
} from '../../../shared/training';
import { closeGroup, createAllReduceGroup, GroupClosed } from '../../../trainer/allReduce';
import { SharedControl } from '../../../trainer/control';
import { type Dataset, DatasetProblem } from '../../../trainer/dataset';
import { defaultDataDir } from '../dataDir';
import { loadDataset } from '../datasets';
import { ensureBackend } from '../tfjs';
import { exportedModel } from './exportedModel';
import { GpuFeed } from './gpuFeed';
import { defaultMemoryBudget, gpuMemoryBudget } from './memoryBudget';
import type { WorkerMessage, WorkerStart } from './protocol';
import { addCurvePoint, defaultName, knownDatasetBytes, newRecord, newRunId, summary } from './records';
import type { JobOutcome } from './runJob';
import { GENERATED_BY, RunStore, writeModelFiles } from './runStore';
import { keepingTheRun, writeRunFiles } from './saveRun';
import { workersInMemory } from './workerMemory';
import { trainWorkerUrl } from './workerUrl';

const GROUP_CLOSED = new GroupClosed().message;

const isGpuBackend = (name: string | undefined): name is GpuBackendName =>
  (gpuBackendNames as readonly (string | undefined)[]).includes(name);

export type EmitEvent = <E extends ApiEvent>(event: E, payload: ApiEventPayload<E>) => void;

export interface TrainingServiceOptions {
  /** Where runs are kept (<dir>/<runId>/); null keeps them in memory (the CLI). */
  runsDir: string | null;
  emit?: EmitEvent;
  backend?: () => Promise<BackendReport>;
  memoryBudget?: (backend: BackendName) => MemoryBudget;
  workerUrl?: URL;
  /** Least time between two trainProgress events of a run (an epoch's last batch is always sent). */
  progressIntervalMs?: number;
  /**
   * With runs in memory (runsDir null): where a run is kept when saving it to the user's
   * folder fails, so a long training is not lost. Default: the data folder's runs/, which
   * the app lists; null keeps nothing.
   */
  keepRunsDir?: string | null;
  /** Workers a wasm run uses when its options name none (default: os.availableParallelism()). */
  defaultWorkers?: () => number;
  /** A GPU run whose window is silent this long is ended as failed (default 60 s; the window reports every 5 s). */
  gpuSilenceMs?: number;
}

export interface StartRequest {
  graph: Graph;
  options: unknown;
  name?: string;
  networkName?: string;
  /** Absent or 'auto': the backend the services selected at start. */
  backend?: TrainBackendChoice;
}

export interface GpuStartRequest extends StartRequest {
  backend: GpuBackendName;
  /** The device the window found, e.g. "WebGL: ANGLE (…)". */
  device: string;
}

interface ActiveRun {
  /** Rank 0 first: it reports; the others (data-parallel wasm) only train. None for a GPU run. */
  workers: Worker[];
  control: SharedControl;
  finished: Promise<RunRecord>;
  /** Ends the run with this outcome (the first call counts). */
  end(outcome: JobOutcome): void;
  lastProgressAt: number;
  curveStride: number;
  /** A run on the window's GPU: its worker lives in the window, which relays what it posts. */
  gpu?: GpuFeed;
}

/** The run's end from its workers' outcomes (rank 0 first); a worker may have sent none. */
export function runOutcome(outcomes: (JobOutcome | null)[], control: SharedControl): JobOutcome {
  const cancelled = control.state() === 'cancel';
  const leader = outcomes[0] ?? {
    status: cancelled ? 'cancelled' : 'failed',
    failure: cancelled ? null : 'internal',
    ...runMessage(cancelled ? 'cancelledBeforeStart' : 'threadStopped'),
    model: null,
  };
  if (leader.status !== 'failed') return leader;
  // Rank 0 stopped because another worker did: that worker's message says why.
  const cause = outcomes.slice(1).find((o) => o?.status === 'failed' && !o.message?.includes(GROUP_CLOSED));
  return cause ?? leader;
}

const NOTHING = { message: null };

/** A run's message and its text; a message without one (English only) drops the text of the last. */
function setMessage(record: RunRecord, said: Pick<JobOutcome, 'message' | 'text'>): void {
  record.message = said.message;
  if (said.text && said.message !== null) record.text = said.text;
  else delete record.text;
}

/** A request the service refuses; the message says why and what to change. */
export class TrainingRefused extends Error {
  override name = 'TrainingRefused';
  constructor(
    message: string,
    /** options: invalid settings; network: cannot be trained; dataset: unusable data; memory: would not fit; busy: a run is training; run: no such run or wrong state. */
    readonly kind: 'options' | 'network' | 'dataset' | 'memory' | 'busy' | 'run',
    /** The message in any language, where there is one. */
    readonly text?: DiagnosticText,
  ) {
    super(message);
  }
}

/** Refuses with a text of the `diagnostics.training` catalogue, its English rendering the message. */
function refuse(key: RunTextKey, values: Record<string, TextValue>, kind: TrainingRefused['kind']): never {
  const told = runMessage(key, values);
  throw new TrainingRefused(told.message, kind, told.text);
}

/** A run's status as a text: the English word in the message, the language's word elsewhere. */
const statusOf = (record: RunRecord): DiagnosticText => runText(`status.${record.status}`);

/**
 * Training runs for every shell: each run trains in its own worker thread; this side keeps
 * the records (settings, curves, final metrics, status), persists them, relays progress as
 * API events, and exports trained models and curves. One run trains at a time.
 */
export class TrainingService {
  private readonly store: RunStore;
  private readonly records = new Map<string, RunRecord>();
  private readonly active = new Map<string, ActiveRun>();
  private loaded: Promise<void> | null = null;
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly settings: TrainingServiceOptions) {
    this.store = new RunStore(settings.runsDir);
  }

  private emit: EmitEvent = (event, payload) => this.settings.emit?.(event, payload);

  private load(): Promise<void> {
    this.loaded ??= this.store.loadAll().then((records) => {
      for (const r of records) if (!this.records.has(r.id)) this.records.set(r.id, r);
    });
    return this.loaded;
  }

  private persist(record: RunRecord): void {
    const snapshot = structuredClone(record);
    this.saving = this.saving.then(() => this.store.save(snapshot)).catch(() => {});
  }

  /** Options validated, network checked, memory estimated; throws TrainingRefused with the reason. */
  async plan(request: StartRequest): Promise<{
    options: ResolvedTrainingOptions;
    analysis: Analysis;
    net: TrainableNetwork;
    memory: MemoryEstimate;
    budget: MemoryBudget;
    /** Why the run would not fit, in English; `refusalText` the same in any language. */
    refusal: string | null;
    refusalText: DiagnosticText | null;
  }> {
    const resolved = resolveTrainingOptions(request.options);
    if (!resolved.ok) {
      const { field, text, message } = resolved.issue;
      refuse('invalidOptions', { issue: said('issue.field', { field, message: text ?? message }) }, 'options');
    }
    const analysis = analyzeGraph(request.graph);
    const net = prepareForTraining(request.graph, analysis);
    if (!net.ok) throw new TrainingRefused(net.error, 'network', net.text);
    const memoryBudget = this.settings.memoryBudget ?? defaultMemoryBudget;
    const backend = await this.backendFor(request.backend ?? 'auto');
    const budget = isGpuBackend(backend) ? gpuMemoryBudget() : memoryBudget(backend);
    const memory = estimateTrainingMemory(analysis.totals, resolved.options, knownDatasetBytes(resolved.options, net));
    // Data-parallel on wasm only: one wasm thread per worker, as many as the memory holds. The run records the number.
    const defaultWorkers = this.settings.defaultWorkers ?? (() => os.availableParallelism());
    const asked = resolved.options.workers !== undefined;
    const wanted = backend === 'wasm' ? (resolved.options.workers ?? defaultWorkers()) : 1;
    const { workers, refusal } = workersInMemory(memory, wanted, asked, memoryBudget('cpu'));
    const options = { ...resolved.options, workers };
    const tooBig = memoryRefusalMessage(memory, budget) ?? refusal;
    return {
      options,
      analysis,
      net,
      memory,
      budget,
      refusal: tooBig?.message ?? null,
      refusalText: tooBig?.text ?? null,
    };
  }

  /** The backend a run on `choice` gets; refuses one the services tried at start and could not load. */
  private async backendFor(choice: TrainBackendChoice): Promise<BackendName | GpuBackendName> {
    if (isGpuBackend(choice)) return choice;
    const report = await (this.settings.backend ?? ensureBackend)();
    if (choice === 'auto') return report.name;
    const failed = report.attempts.find((a) => a.name === choice && !a.ok);
    if (failed) {
      const reason = failed.text && english(failed.text) === failed.reason ? failed.text : failed.reason;
      const said = runMessage('backendUnusable', { backend: choice, reason });
      throw new TrainingRefused(said.message, 'options', said.text);
    }
    return choice;
  }

  private refuseWhileBusy(): void {
    const [runningId] = this.active.keys();
    if (runningId) {
      const running = this.records.get(runningId);
      const said = runMessage('busy', { name: running ? runNameValue(running) : runningId });
      throw new TrainingRefused(said.message, 'busy', said.text);
    }
  }

  /** The record of a run about to start, kept and announced; its network is stored beside it. */
  private createRecord(request: StartRequest, plan: Awaited<ReturnType<TrainingService['plan']>>): RunRecord {
    const { options, analysis, net, memory } = plan;
    const id = newRunId();
    const record = newRecord({
      id,
      name: request.name?.trim() || defaultName(options),
      networkName: request.networkName ?? 'network',
      options,
      analysis,
      net,
      memory,
    });
    this.records.set(id, record);
    this.persist(record);
    const graph = request.graph;
    this.saving = this.saving.then(() => this.store.saveGraph(id, graph)).catch(() => {});
    this.emit('trainStatus', { runId: id, status: 'preparing', message: null });
    return record;
  }

  /** An active run whose `end` finishes it once, with the record and the event. */
  private activate(record: RunRecord, workers: Worker[], control: SharedControl, gpu?: GpuFeed): ActiveRun {
    let ended = false;
    let resolveFinished!: (r: RunRecord) => void;
    const finished = new Promise<RunRecord>((resolve) => {
      resolveFinished = resolve;
    });
    const run: ActiveRun = {
      workers,
      control,
      finished,
      end: (outcome) => {
        if (ended) return;
        ended = true;
        void this.finish(record, outcome).then(resolveFinished);
      },
      lastProgressAt: 0,
      curveStride: 1,
      gpu,
    };
    this.active.set(record.id, run);
    return run;
  }

  async start(request: StartRequest): Promise<{ runId: string }> {
    await this.load();
    if (isGpuBackend(request.backend)) {
      refuse('gpuRunsElsewhere', { backend: request.backend === 'webgpu' ? 'WebGPU' : 'WebGL' }, 'options');
    }
    this.refuseWhileBusy();
    const plan = await this.plan(request);
    if (plan.refusal) throw new TrainingRefused(plan.refusal, 'memory', plan.refusalText ?? undefined);
    const { options, budget } = plan;
    const record = this.createRecord(request, plan);
    const control = new SharedControl();
    const pinned = request.backend && request.backend !== 'auto' ? request.backend : undefined;
    const start: WorkerStart = {
      graph: request.graph,
      options,
      memoryBudget: budget,
      control: control.buffer,
      backend: pinned,
    };
    const count = options.workers ?? 1;
    const group = count > 1 ? createAllReduceGroup(count) : null;
    const workers = Array.from(
      { length: count },
      (_, rank) =>
        new Worker(this.settings.workerUrl ?? trainWorkerUrl(), {
          workerData: group ? { ...start, parallel: { group, rank } } : start,
        }),
    );
    const run = this.activate(record, workers, control);
    // Rank 0's outcome is the run's; a failure of another rank explains rank 0's "another worker stopped".
    const outcomes: (JobOutcome | null)[] = workers.map(() => null);
    let running = count;
    workers.forEach((worker, rank) => {
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'done') outcomes[rank] = message.outcome;
        else if (rank === 0) this.onWorkerMessage(record, run, message);
      });
      worker.on('error', (err) => {
        outcomes[rank] ??= {
          status: 'failed',
          failure: 'internal',
          ...runMessage('threadCrashed', { reason: err.message }),
          model: null,
        };
      });
      worker.on('exit', () => {
        // A worker gone for good must not leave the others waiting at a barrier.
        if (group) closeGroup(group);
        running -= 1;
        if (running === 0) run.end(runOutcome(outcomes, control));
      });
    });
    return { runId: record.id };
  }

  /**
   * A run on the browser engine's GPU (see trainStartGpu in shared/api.ts): checked like any
   * run, its dataset loaded here and handed to the window in chunks.
   */
  async startGpu(request: GpuStartRequest): Promise<GpuRunStart> {
    await this.load();
    this.refuseWhileBusy();
    const plan = await this.plan(request);
    if (plan.refusal) throw new TrainingRefused(plan.refusal, 'memory', plan.refusalText ?? undefined);
    const { options, net, budget } = plan;
    let data: Dataset;
    try {
      data = loadDataset(options.dataset, net.input, net.classes, options.seed);
    } catch (err) {
      if (err instanceof DatasetProblem) throw new TrainingRefused(err.message, 'dataset', err.text);
      throw err;
    }
    const record = this.createRecord(request, plan);
    record.backend = request.backend;
    record.device = request.device;
    this.activate(record, [], new SharedControl(), new GpuFeed(data));
    this.watchGpuRuns();
    return {
      runId: record.id,
      options,
      memoryBudget: budget,
      dataset: {
        count: data.count,
        classes: data.classes,
        input: data.input,
        info: data.info,
        pixelBytes: data.pixels.byteLength,
        labelBytes: data.labels.byteLength,
      },
    };
  }

  private gpuRun(runId: string): { run: ActiveRun; feed: GpuFeed; record: RunRecord } {
    const run = this.activeRun(runId);
    const record = this.records.get(runId)!;
    if (!run.gpu) refuse('notOnGpu', { name: runNameValue(record) }, 'run');
    run.gpu.heard();
    return { run, feed: run.gpu, record };
  }

  gpuData(runId: string, part: 'pixels' | 'labels', offset: number): string {
    return this.gpuRun(runId).feed.chunk(part, offset);
  }

  /** One message the window's GPU worker posted, relayed in order. */
  gpuReport(runId: string, report: GpuReport): void {
    const { run, feed, record } = this.gpuRun(runId);
    switch (report.type) {
      case 'alive':
        return;
      case 'backend':
        record.backend = report.backend;
        record.device = report.detail;
        return;
      case 'weights':
        feed.addWeights(report.offset, report.base64);
        return;
      case 'done': {
        const { model: header, ...outcome } = report.outcome;
        let model: JobOutcome['model'] = null;
        let said: Pick<JobOutcome, 'message' | 'text'> = outcome;
        try {
          model = header ? feed.model(header) : null;
        } catch (err) {
          said = followedBy(outcome, runText('modelNotKept', { reason: errorMessage(err) }));
        }
        run.end({ ...outcome, ...said, model });
        return;
      }
      case 'dataset':
        feed.release();
        this.onWorkerMessage(record, run, report);
        return;
      default:
        this.onWorkerMessage(record, run, report);
    }
  }

  private gpuWatch: ReturnType<typeof setInterval> | null = null;

  /** Ends GPU runs whose window went silent (closed, reloaded, crashed): nothing else would. */
  private watchGpuRuns(): void {
    if (this.gpuWatch) return;
    const silence = this.settings.gpuSilenceMs ?? 60_000;
    this.gpuWatch = setInterval(
      () => {
        const now = performance.now();
        let gpuRuns = 0;
        for (const [runId, run] of this.active) {
          if (!run.gpu) continue;
          gpuRuns += 1;
          if (now - run.gpu.lastHeard <= silence) continue;
          this.emit('trainControl', { runId, state: 'cancel' });
          run.end({
            status: 'failed',
            failure: 'internal',
            ...runMessage('gpuSilent', { seconds: Math.round(silence / 1000) }),
            model: null,
          });
        }
        if (gpuRuns === 0) this.stopGpuWatch();
      },
      Math.min(5000, silence / 4),
    );
    this.gpuWatch.unref?.();
  }

  private stopGpuWatch(): void {
    if (this.gpuWatch) clearInterval(this.gpuWatch);
    this.gpuWatch = null;
  }

  private setStatus(record: RunRecord, status: RunStatus, said: Pick<JobOutcome, 'message' | 'text'> = NOTHING): void {
    if (record.status === status) return;
    record.status = status;
    setMessage(record, said);
    const { message, text } = record;
    this.emit('trainStatus', { runId: record.id, status, message, ...(text ? { text } : {}) });
  }

  private onWorkerMessage(
    record: RunRecord,
    run: ActiveRun,
    message: Exclude<WorkerMessage, { type: 'done' }> | Exclude<GpuReport, { type: 'backend' }>,
  ): void {
    switch (message.type) {
      case 'backend':
        record.backend = message.report.name;
        break;
      case 'dataset':
        record.dataset = message.info;
        record.memory = message.memory;
        this.persist(record);
        break;
      case 'status':
        this.setStatus(record, message.status);
        break;
      case 'batch': {
        const p = message.progress;
        run.curveStride = addCurvePoint(record, p, run.curveStride);
        const now = performance.now();
        const interval = this.settings.progressIntervalMs ?? 100;
        if (p.batch === p.batches || p.batch === 1 || now - run.lastProgressAt >= interval) {
          run.lastProgressAt = now;
          this.emit('trainProgress', { runId: record.id, ...p });
        }
        break;
      }
      case 'epoch':
        record.epochs.push(message.metrics);
        this.persist(record);
        this.emit('trainEpoch', { runId: record.id, metrics: message.metrics });
        break;
    }
  }

  private async finish(record: RunRecord, outcome: JobOutcome): Promise<RunRecord> {
    this.active.delete(record.id);
    if (outcome.model) {
      try {
        await this.store.saveModel(record.id, outcome.model);
        record.hasModel = true;
      } catch (err) {
        outcome = { ...outcome, ...followedBy(outcome, runText('modelNotSaved', { reason: (err as Error).message })) };
      }
    }
    record.finishedAt = new Date().toISOString();
    record.failure = outcome.failure;
    this.setStatus(record, outcome.status, outcome);
    setMessage(record, outcome);
    this.persist(record);
    await this.saving;
    this.emit('trainFinished', {
      runId: record.id,
      status: record.status,
      message: record.message,
      ...(record.text ? { text: record.text } : {}),
      failure: record.failure,
      final: record.epochs.at(-1) ?? null,
    });
    return record;
  }

  private activeRun(runId: string): ActiveRun {
    const run = this.active.get(runId);
    if (!run) {
      const record = this.records.get(runId);
      if (record) refuse('notTraining', { name: runNameValue(record), status: statusOf(record) }, 'run');
      refuse('noRun', { id: runId }, 'run');
    }
    return run;
  }

  /** Honoured before the next batch; a run still loading its data is stopped at once. */
  cancel(runId: string): void {
    const run = this.activeRun(runId);
    this.control(runId, run, 'cancel');
    if (this.records.get(runId)?.status !== 'preparing') return;
    for (const w of run.workers) void w.terminate();
    if (run.gpu) run.end({ status: 'cancelled', failure: null, ...runMessage('cancelledBeforeStart'), model: null });
  }

  pause(runId: string): void {
    this.control(runId, this.activeRun(runId), 'pause');
  }

  resume(runId: string): void {
    this.control(runId, this.activeRun(runId), 'run');
  }

  /** Worker threads read the shared control; a GPU run's window is told by event. */
  private control(runId: string, run: ActiveRun, state: 'run' | 'pause' | 'cancel'): void {
    run.control.set(state);
    if (run.gpu) this.emit('trainControl', { runId, state });
  }

  /** Resolves with the final record when the run ends (the CLI and tests wait on it). */
  async waitForRun(runId: string): Promise<RunRecord> {
    const run = this.active.get(runId);
    return run ? run.finished : this.get(runId);
  }

  async list(): Promise<RunSummary[]> {
    await this.load();
    return [...this.records.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map(summary);
  }

  async get(runId: string): Promise<RunRecord> {
    await this.load();
    const record = this.records.get(runId);
    if (!record) refuse('noRun', { id: runId }, 'run');
    return record;
  }

  async delete(runId: string): Promise<void> {
    if (this.active.has(runId)) refuse('cancelBeforeDelete', {}, 'run');
    await this.get(runId);
    this.records.delete(runId);
    await this.saving;
    await this.store.delete(runId);
  }

  async exportModel(runId: string): Promise<ExportedModel> {
    const record = await this.get(runId);
    const model = record.hasModel ? await this.store.readModel(runId) : null;
    if (!model) {
      const why =
        record.status === 'diverged' ? runText('divergedUseless') : runText('itIs', { status: statusOf(record) });
      refuse('noModelToExport', { name: runNameValue(record), why }, 'run');
    }
    return exportedModel(model, GENERATED_BY);
  }

  /** The network the run trained and its name, or null for runs kept before networks were stored. */
  async runNetwork(runId: string): Promise<{ graph: Graph; name: string } | null> {
    const record = await this.get(runId);
    await this.saving;
    const graph = await this.store.readGraph(runId);
    return graph ? { graph, name: record.network.name } : null;
  }

  /**
   * Writes model.json + weights.bin into `folder`. On a disk failure throws RunNotSaved,
   * which names `folder`, the reason, and where the run is kept instead.
   */
  async saveModelFiles(runId: string, folder: string): Promise<void> {
    const record = await this.get(runId);
    const model = await this.store.readModel(runId);
    if (!model) refuse('noModelToSave', { name: runNameValue(record) }, 'run');
    await keepingTheRun(() => writeModelFiles(folder, model), this.keepable(record, model));
  }

  /**
   * The CLI's --save: model.json + weights.bin (when trained), curves.csv and run.json into
   * `dir`; returns the names written. On a disk failure throws RunNotSaved, as above.
   */
  async saveRunFiles(runId: string, dir: string): Promise<string[]> {
    const record = await this.get(runId);
    const model = record.hasModel ? await this.store.readModel(runId) : null;
    return keepingTheRun(() => writeRunFiles(dir, record, model), this.keepable(record, model));
  }

  private keepable(record: RunRecord, model: Awaited<ReturnType<RunStore['readModel']>>) {
    const keepRunsDir =
      this.settings.keepRunsDir === undefined ? path.join(defaultDataDir(), 'runs') : this.settings.keepRunsDir;
    return { record, model, storedIn: this.store.folderOf(record.id), keepRunsDir };
  }

  async exportCsv(runId: string): Promise<{ csv: string; suggestedName: string }> {
    const record = await this.get(runId);
    return { csv: curvesCsv(record.epochs), suggestedName: `${record.id}-curves.csv` };
  }

  /** Stops every worker (app quit, tests). */
  async dispose(): Promise<void> {
    this.stopGpuWatch();
    for (const [runId, run] of this.active) this.control(runId, run, 'cancel');
    await Promise.all([...this.active.values()].flatMap((r) => r.workers.map((w) => w.terminate())));
    await this.saving;
  }
}
