/** Training, pure: options, schedules, calibration, memory estimate, event payloads. No tfjs, no Node. */
export { Calibration, calibrationOf, ECE_BINS, ReliabilityBin, topPredictions } from './calibration';
export { curvesCsv } from './csv';
export { DatasetInfo, DatasetSpec, type DatasetSpecInput, datasetKinds } from './datasetSpec';
export {
  BatchProgress,
  CurvePoint,
  EpochMetrics,
  ExportedModel,
  FailureKind,
  finishedStatuses,
  MAX_CURVE_POINTS,
  NetworkSummary,
  RunRecord,
  RunStatus,
  RunSummary,
  TrainEpochEvent,
  TrainFinishedEvent,
  TrainStatusEvent,
} from './events';
export {
  GPU_CHUNK_BYTES,
  GpuBackendName,
  GpuModelHeader,
  GpuReport,
  GpuRunStart,
  gpuBackendNames,
} from './gpuRelay';
export {
  ACTIVATION_TRAINING_FACTOR,
  bytesValue,
  estimateTrainingMemory,
  type MemoryBudget,
  MemoryEstimate,
  memoryRefusal,
  memoryRefusalMessage,
  type NetworkSize,
  optimizerSlots,
} from './memory';
export { type ImageInput, imageInputFor, prepareForTraining, type TrainableNetwork } from './network';
export {
  batchNormStatisticsKinds,
  defaultLearningRates,
  type OptimizerKind,
  optimizerKinds,
  type ParsedTrainingOptions,
  ResolvedTrainingOptions,
  resolveTrainingOptions,
  type ScheduleKind,
  scheduleKinds,
  TrainingOptions,
  type TrainingOptionsInput,
} from './options';
export { seededRandom, shuffleInPlace } from './random';
export {
  defaultRunName,
  followedBy,
  type RunMessage,
  type RunTextKey,
  runMessage,
  runNameText,
  runNameValue,
  runText,
  statusText,
} from './runText';
export { learningRateAt, type ScheduleSettings } from './schedules';
export { SentText } from './sentText';
