import { parseVariants, type VariantResult } from '../../../shared/experiments';
import type { GpuReport } from '../../../shared/training';
import type { ServiceImplementations } from '../apiHandler';
import { runExperiment } from './experiment';
import { type EmitEvent, type StartRequest, TrainingRefused, type TrainingService } from './service';

type TrainingMethods = Pick<
  ServiceImplementations,
  | 'trainEstimate'
  | 'trainStart'
  | 'experimentStart'
  | 'trainStartGpu'
  | 'trainGpuData'
  | 'trainGpuReport'
  | 'trainCancel'
  | 'trainPause'
  | 'trainResume'
  | 'runsList'
  | 'runGet'
  | 'runDelete'
  | 'runExportModel'
  | 'runExportCsv'
>;

type TrainRequest = Parameters<ServiceImplementations['trainStart']>[0];

/** The handler has parsed the request (defaults filled); the input type still has groups optional. */
const startRequest = (r: TrainRequest): StartRequest => ({ ...r, graph: { ...r.graph, groups: r.graph.groups ?? [] } });

/** The training half of shared/api.ts over one TrainingService. */
export function trainingMethods(training: TrainingService, emit: EmitEvent = () => {}): TrainingMethods {
  let experiments = 0;
  return {
    experimentStart: async ({ graph, networkName, variants, options }) => {
      const parsed = parseVariants(variants);
      if (!parsed.ok) throw new TrainingRefused(parsed.error, 'options', parsed.text);
      const experimentId = `experiment-${++experiments}`;
      const request = {
        graph: { ...graph, groups: graph.groups ?? [] },
        networkName,
        variants: parsed.variants,
        options,
      };
      const update = (rows: VariantResult[], current: string | null, done: boolean) =>
        emit('experimentUpdate', { experimentId, rows, current, done });
      // Runs in the background: the window follows it through the events.
      void runExperiment(training, request, (rows, current) => update(rows, current, false)).then(
        (rows) => update(rows, null, true),
        () => update([], null, true),
      );
      return { experimentId };
    },
    trainEstimate: async (request) => {
      const plan = await training.plan(startRequest(request));
      const { memory, budget, refusal, refusalText } = plan;
      return { memory, budgetBytes: budget.bytes, refusal, ...(refusalText ? { refusalText } : {}) };
    },
    trainStart: (request) => training.start(startRequest(request)),
    trainStartGpu: (request) =>
      training.startGpu({ ...startRequest(request), backend: request.backend, device: request.device }),
    trainGpuData: async ({ runId, part, offset }) => ({ base64: training.gpuData(runId, part, offset) }),
    trainGpuReport: async ({ runId, report }) => {
      // The handler parsed it: a NaN loss that JSON carried as null is NaN again (the output type).
      training.gpuReport(runId, report as GpuReport);
      return {};
    },
    trainCancel: async ({ runId }) => {
      training.cancel(runId);
      return {};
    },
    trainPause: async ({ runId }) => {
      training.pause(runId);
      return {};
    },
    trainResume: async ({ runId }) => {
      training.resume(runId);
      return {};
    },
    runsList: () => training.list(),
    runGet: ({ runId }) => training.get(runId),
    runDelete: async ({ runId }) => {
      await training.delete(runId);
      return {};
    },
    runExportModel: ({ runId }) => training.exportModel(runId),
    runExportCsv: ({ runId }) => training.exportCsv(runId),
  };
}
