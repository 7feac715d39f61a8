import { newRecord } from '../../../electron/services/train/records';
import { analyzeGraph } from '../../../shared/analysis';
import { estimateTrainingMemory, prepareForTraining, type RunRecord } from '../../../shared/training';
import { options, tinyConvNet } from './helpers';

/** A run's record as the service starts it (status preparing, no message), for tests of what it keeps. */
export function startedRecord(id = 'run-test'): RunRecord {
  const graph = tinyConvNet();
  const analysis = analyzeGraph(graph);
  const net = prepareForTraining(graph, analysis);
  if (!net.ok) throw new Error(net.error);
  const o = options();
  return newRecord({
    id,
    name: 'test run',
    networkName: 'tiny',
    options: o,
    analysis,
    net,
    memory: estimateTrainingMemory(analysis.totals, o),
  });
}
