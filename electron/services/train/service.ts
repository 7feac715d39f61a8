import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { type Analysis, analyzeGraph } from '../../../shared/analysis';
import type { ApiEvent, ApiEventPayload, BackendName, BackendReport } from '../../../shared/api';
import type { Graph } from '../../../shared/graph/types';
import {
  curvesCsv,
  type ExportedModel,
  estimateTrainingMemory,
  type MemoryEstimate,
  memoryRefusal,
  prepareForTraining,
  type ResolvedTrainingOptions,
  type RunRecord,
  type RunStatus,
  type RunSummary,
  resolveTrainingOptions,
  type TrainableNetwork,
} from '../../../shared/training';
import { closeGroup, createAllReduceGroup, GroupClosed } from '../../../trainer/allReduce';
import { SharedControl } from '../../../trainer/control';
import { defaultDataDir } from '../dataDir';
import { ensureBackend } from '../tfjs';
import { exportedModel } from './exportedModel';
import { defaultMemoryBudget } from './memoryBudget';
import type { WorkerMessage, WorkerStart } from './protocol';
import { addCurvePoint, defaultName, knownDatasetBytes, newRecord, newRunId, summary } from './records';
import type { JobOutcome } from './runJob';
import { GENERATED_BY, RunStore, writeModelFiles } from './runStore';
import { keepingTheRun, writeRunFiles } from './saveRun';
import { workersInMemory } from './workerMemory';
import { trainWorkerUrl } from './workerUrl';

const GROUP_CLOSED = new GroupClosed().message;

export type EmitEvent = <E extends ApiEvent>(event: E, payload: ApiEventPayload<E>) => void;

export interface TrainingServiceOptions {
  /** Where runs are kept (<dir>/<runId>/); null keeps them in memory (the CLI). */
  runsDir: string | null;
  emit?: EmitEvent;
  backend?: () => Promise<BackendReport>;
  memoryBudget?: (backend: BackendName) => { bytes: number; label: string };
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
}

export interface StartRequest {
  graph: Graph;
  options: unknown;
  name?: string;
  networkName?: string;
}

interface ActiveRun {
  /** Rank 0 first: it reports; the others (data-parallel wasm) only train. */
  workers: Worker[];
  control: SharedControl;
  finished: Promise<RunRecord>;
  lastProgressAt: number;
  curveStride: number;
}

/** The run's end from its workers' outcomes (rank 0 first); a worker may have sent none. */
export function runOutcome(outcomes: (JobOutcome | null)[], control: SharedControl): JobOutcome {
  const cancelled = control.state() === 'cancel';
  const leader = outcomes[0] ?? {
    status: cancelled ? 'cancelled' : 'failed',
    failure: cancelled ? null : 'internal',
    message: cancelled ? 'Cancelled before training began.' : 'The training thread stopped unexpectedly.',
    model: null,
  };
  if (leader.status !== 'failed') return leader;
  // Rank 0 stopped because another worker did: that worker's message says why.
  const cause = outcomes.slice(1).find((o) => o?.status === 'failed' && !o.message?.includes(GROUP_CLOSED));
  return cause ?? leader;
}

/** A request the service refuses; the message says why and what to change. */
export class TrainingRefused extends Error {
  override name = 'TrainingRefused';
  constructor(
    message: string,
    /** options: invalid settings; network: cannot be trained; memory: would not fit; busy: a run is training; run: no such run or wrong state. */
    readonly kind: 'options' | 'network' | 'memory' | 'busy' | 'run',
  ) {
    super(message);
  }
}

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
    budget: { bytes: number; label: string };
    refusal: string | null;
  }> {
    const resolved = resolveTrainingOptions(request.options);
    if (!resolved.ok) throw new TrainingRefused(`Invalid training options: ${resolved.error}`, 'options');
    const analysis = analyzeGraph(request.graph);
    const net = prepareForTraining(request.graph, analysis);
    if (!net.ok) throw new TrainingRefused(net.error, 'network');
    const backend = await (this.settings.backend ?? ensureBackend)();
    const memoryBudget = this.settings.memoryBudget ?? defaultMemoryBudget;
    const budget = memoryBudget(backend.name);
    const memory = estimateTrainingMemory(analysis.totals, resolved.options, knownDatasetBytes(resolved.options, net));
    // Data-parallel on wasm only: one wasm thread per worker, as many as the memory holds. The run records the number.
    const defaultWorkers = this.settings.defaultWorkers ?? (() => os.availableParallelism());
    const asked = resolved.options.workers !== undefined;
    const wanted = backend.name === 'wasm' ? (resolved.options.workers ?? defaultWorkers()) : 1;
    const { workers, refusal } = workersInMemory(memory, wanted, asked, memoryBudget('cpu'));
    const options = { ...resolved.options, workers };
    return {
      options,
      analysis,
      net,
      memory,
      budget,
      refusal: memoryRefusal(memory, budget.bytes, budget.label) ?? refusal,
    };
  }

  async start(request: StartRequest): Promise<{ runId: string }> {
    await this.load();
    const [runningId] = this.active.keys();
    if (runningId) {
      throw new TrainingRefused(
        `Run ${this.records.get(runningId)?.name ?? runningId} is still training; cancel it or wait for it to finish.`,
        'busy',
      );
    }
    const plan = await this.plan(request);
    if (plan.refusal) throw new TrainingRefused(plan.refusal, 'memory');
    const { options, analysis, net, memory, budget } = plan;
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
    const control = new SharedControl();
    const start: WorkerStart = { graph: request.graph, options, memoryBudget: budget, control: control.buffer };
    const count = options.workers ?? 1;
    const group = count > 1 ? createAllReduceGroup(count) : null;
    const workers = Array.from(
      { length: count },
      (_, rank) =>
        new Worker(this.settings.workerUrl ?? trainWorkerUrl(), {
          workerData: group ? { ...start, parallel: { group, rank } } : start,
        }),
    );
    let resolveFinished!: (r: RunRecord) => void;
    const finished = new Promise<RunRecord>((resolve) => {
      resolveFinished = resolve;
    });
    const run: ActiveRun = { workers, control, finished, lastProgressAt: 0, curveStride: 1 };
    this.active.set(id, run);
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
          message: `The training thread crashed: ${err.message}`,
          model: null,
        };
      });
      worker.on('exit', () => {
        // A worker gone for good must not leave the others waiting at a barrier.
        if (group) closeGroup(group);
        running -= 1;
        if (running === 0) void this.finish(record, runOutcome(outcomes, control)).then(resolveFinished);
      });
    });
    return { runId: id };
  }

  private setStatus(record: RunRecord, status: RunStatus, message: string | null = null): void {
    if (record.status === status) return;
    record.status = status;
    record.message = message;
    this.emit('trainStatus', { runId: record.id, status, message });
  }

  private onWorkerMessage(record: RunRecord, run: ActiveRun, message: Exclude<WorkerMessage, { type: 'done' }>): void {
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
        outcome = {
          ...outcome,
          message: `${outcome.message ?? ''} The trained model could not be saved: ${(err as Error).message}`.trim(),
        };
      }
    }
    record.finishedAt = new Date().toISOString();
    record.failure = outcome.failure;
    this.setStatus(record, outcome.status, outcome.message);
    record.message = outcome.message;
    this.persist(record);
    await this.saving;
    this.emit('trainFinished', {
      runId: record.id,
      status: record.status,
      message: record.message,
      failure: record.failure,
      final: record.epochs.at(-1) ?? null,
    });
    return record;
  }

  private activeRun(runId: string): ActiveRun {
    const run = this.active.get(runId);
    if (!run) {
      const record = this.records.get(runId);
      throw new TrainingRefused(
        record ? `Run ${record.name} is not training (it is ${record.status}).` : `There is no run ${runId}.`,
        'run',
      );
    }
    return run;
  }

  /** Honoured before the next batch; a run still loading its data is stopped at once. */
  cancel(runId: string): void {
    const run = this.activeRun(runId);
    run.control.set('cancel');
    if (this.records.get(runId)?.status === 'preparing') for (const w of run.workers) void w.terminate();
  }

  pause(runId: string): void {
    this.activeRun(runId).control.set('pause');
  }

  resume(runId: string): void {
    this.activeRun(runId).control.set('run');
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
    if (!record) throw new TrainingRefused(`There is no run ${runId}.`, 'run');
    return record;
  }

  async delete(runId: string): Promise<void> {
    if (this.active.has(runId)) throw new TrainingRefused('Cancel the run before deleting it.', 'run');
    await this.get(runId);
    this.records.delete(runId);
    await this.saving;
    await this.store.delete(runId);
  }

  async exportModel(runId: string): Promise<ExportedModel> {
    const record = await this.get(runId);
    const model = record.hasModel ? await this.store.readModel(runId) : null;
    if (!model) {
      const why = record.status === 'diverged' ? 'it diverged (its weights are useless)' : `it is ${record.status}`;
      throw new TrainingRefused(`Run ${record.name} has no trained model to export: ${why}.`, 'run');
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
    if (!model) throw new TrainingRefused(`Run ${record.name} has no trained model to save.`, 'run');
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
    for (const run of this.active.values()) run.control.set('cancel');
    await Promise.all([...this.active.values()].flatMap((r) => r.workers.map((w) => w.terminate())));
    await this.saving;
  }
}
