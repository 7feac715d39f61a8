import type * as tfjs from '@tensorflow/tfjs';
import { type JobHooks, type JobOutcome, runTrainingJob as runJob, type TrainJob } from '../../../trainer/job';
import { loadDataset } from '../datasets';

export { type JobHooks, type JobOutcome, splitIndices, type TrainJob } from '../../../trainer/job';

/** A whole run in a Node thread, its data read from disk by the services' dataset loaders. */
export function runTrainingJob(tf: typeof tfjs, job: TrainJob, hooks: JobHooks): Promise<JobOutcome> {
  return runJob(tf, job, hooks, loadDataset);
}
