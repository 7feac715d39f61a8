import { analyzeGraph } from '../../../shared/analysis';
import type { VariantResult, VariantSpec } from '../../../shared/experiments';
import { variantGraph } from '../../../shared/experiments';
import type { Graph } from '../../../shared/graph/types';
import { errorMessage } from '../../../shared/issues';
import { type RunRecord, runMessage, type TrainingOptionsInput } from '../../../shared/training';
import { TrainingRefused, type TrainingService } from './service';

export interface ExperimentRequest {
  graph: Graph;
  networkName: string;
  variants: VariantSpec[];
  options: TrainingOptionsInput;
}

/** A result row for a variant before it trains (or when it cannot), with its costs. */
function row(spec: VariantSpec, graph: Graph | null, status: string, message: string | null): VariantResult {
  const totals = graph ? analyzeGraph(graph).totals : null;
  return {
    name: spec.name,
    runId: null,
    status,
    params: totals?.params ?? 0,
    macs: totals?.macs ?? 0,
    msPerStep: null,
    valAccuracy: null,
    ece: null,
    message,
  };
}

function finished(base: VariantResult, record: RunRecord): VariantResult {
  const last = record.epochs.at(-1);
  return {
    ...base,
    runId: record.id,
    status: record.status,
    msPerStep: last && last.samplesPerSec > 0 ? (record.settings.batchSize * 1000) / last.samplesPerSec : null,
    valAccuracy: last?.valAccuracy ?? null,
    ece: last?.calibration?.ece ?? null,
    message: record.message,
    ...(record.text ? { text: record.text } : {}),
  };
}

/**
 * Trains every variant one after another through `training` (each is an ordinary run, kept
 * and listed with the others), under the same data, seed and schedule: the seed is chosen
 * once when the options give none. `onUpdate` sees the table after every change.
 */
export async function runExperiment(
  training: TrainingService,
  request: ExperimentRequest,
  onUpdate: (rows: VariantResult[], current: string | null) => void = () => {},
  cancelled: () => boolean = () => false,
): Promise<VariantResult[]> {
  const seed = request.options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const graphs = request.variants.map((spec) => variantGraph(request.graph, spec));
  const rows = request.variants.map((spec, i) => {
    const g = graphs[i]!;
    return g.ok ? row(spec, g.graph, 'queued', null) : { ...row(spec, null, 'failed', g.error), text: g.text };
  });
  onUpdate(rows, null);
  for (const [i, spec] of request.variants.entries()) {
    const g = graphs[i]!;
    if (!g.ok) continue;
    if (cancelled()) {
      rows[i] = { ...rows[i]!, status: 'cancelled', ...runMessage('experimentCancelled') };
      continue;
    }
    const options = {
      ...request.options,
      seed,
      ...(spec.labelSmoothing === undefined ? {} : { labelSmoothing: spec.labelSmoothing }),
    };
    let runId: string;
    try {
      ({ runId } = await training.start({
        graph: g.graph,
        options,
        name: `${request.networkName}: ${spec.name}`,
        networkName: `${request.networkName} (${spec.name})`,
      }));
    } catch (err) {
      // Refused (invalid options, would not fit): that variant says why; the others still train.
      const text = err instanceof TrainingRefused ? err.text : undefined;
      rows[i] = { ...rows[i]!, status: 'failed', message: errorMessage(err), ...(text ? { text } : {}) };
      onUpdate(rows, null);
      continue;
    }
    rows[i] = { ...rows[i]!, runId, status: 'training' };
    onUpdate(rows, runId);
    rows[i] = finished(rows[i]!, await training.waitForRun(runId));
    onUpdate(rows, null);
  }
  return rows;
}
