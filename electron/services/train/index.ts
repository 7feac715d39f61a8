/** Training off the main thread: a worker per run, managed by TrainingService. */
export { trainingMethods } from './apiMethods';
export { type JobOutcome, runTrainingJob, splitIndices, type TrainJob } from './runJob';
export { RunNotSaved } from './saveRun';
export {
  type EmitEvent,
  type StartRequest,
  TrainingRefused,
  TrainingService,
  type TrainingServiceOptions,
} from './service';
