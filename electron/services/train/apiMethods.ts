import type { GpuReport } from '../../../shared/training';
import type { ServiceImplementations } from '../apiHandler';
import type { StartRequest, TrainingService } from './service';

type TrainingMethods = Pick<
  ServiceImplementations,
  | 'trainEstimate'
  | 'trainStart'
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
export function trainingMethods(training: TrainingService): TrainingMethods {
  return {
    trainEstimate: async (request) => {
      const plan = await training.plan(startRequest(request));
      return { memory: plan.memory, budgetBytes: plan.budget.bytes, refusal: plan.refusal };
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
