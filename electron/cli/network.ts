import type { Analysis, Totals } from '../../shared/analysis';
import { renderText } from '../../shared/i18n/diagnosticText';
import { FileProblem, type LoadedNetwork, loadNetworkFile } from '../services/files';
import { CliError } from './io';

/** Loads a project or Keras JSON for a command; file problems become exit code 2. */
export async function loadNetworkForCli(file: string, inputShape?: [number, number, number]): Promise<LoadedNetwork> {
  try {
    return await loadNetworkFile(file, inputShape ? { inputShape } : {});
  } catch (err) {
    if (err instanceof FileProblem) {
      const said = err.text;
      throw new CliError(said ? (t) => renderText(said, t.language) : err.message);
    }
    throw err;
  }
}

/** The totals object every --json output shares (analyze, factorize, compare). */
export function totalsJson(totals: Totals) {
  return {
    params: totals.params,
    trainableParams: totals.trainableParams,
    nonTrainableParams: totals.nonTrainableParams,
    macs: totals.macs,
    flops: totals.flops,
  };
}

export function hasErrors(analysis: Analysis): boolean {
  return analysis.diagnostics.some((d) => d.severity === 'error');
}
