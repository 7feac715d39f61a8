import { useState } from 'react';
import { formatInt, formatSI } from '../../shared/analysis';
import { errorMessage } from '../../shared/issues';
import type { TrainingOptionsInput } from '../../shared/training/options';
import { getApi } from '../api/transport';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { useTrainingStore } from './trainingStore';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/**
 * What a factorization or label smoothing costs in accuracy: the variants trained one after
 * another with the training settings above (same data, seed and schedule), in one table.
 */
export function ExperimentPanel({ disabled }: { disabled: boolean }) {
  const experiment = useTrainingStore((s) => s.experiment);
  const options = useTrainingStore((s) => s.options);
  const setRunsOpen = useTrainingStore((s) => s.setRunsOpen);
  const graph = useDocumentStore((s) => s.graph);
  const name = useDocumentStore((s) => s.name);
  const notify = useUiStore((s) => s.notify);
  const [factorized, setFactorized] = useState(true);
  const [smoothing, setSmoothing] = useState(true);
  const variants = ['original', ...(factorized ? ['factorized'] : []), ...(smoothing ? ['smoothing=0.1'] : [])];
  const running = experiment !== null && !experiment.done;
  const start = async () => {
    useTrainingStore.setState({ experiment: null });
    try {
      const { experimentId } = await getApi().invoke('experimentStart', {
        graph,
        networkName: name,
        variants: variants.join(','),
        options: options as TrainingOptionsInput,
      });
      const current = useTrainingStore.getState().experiment;
      if (!current || current.experimentId !== experimentId)
        useTrainingStore.setState({ experiment: { experimentId, rows: [], current: null, done: false } });
    } catch (err) {
      notify(errorMessage(err), 'error');
    }
  };
  return (
    <section className="experiment" aria-label="Experiment">
      <h3>Experiment</h3>
      <p className="small muted">Train variants with the settings above, same data and seed, and compare them.</p>
      <fieldset className="experiment-variants" disabled={disabled || running}>
        <label>
          <input type="checkbox" checked disabled /> original
        </label>
        <label>
          <input type="checkbox" checked={factorized} onChange={(e) => setFactorized(e.target.checked)} /> factorized
        </label>
        <label>
          <input type="checkbox" checked={smoothing} onChange={(e) => setSmoothing(e.target.checked)} /> label smoothing
          0.1
        </label>
      </fieldset>
      <div className="button-row">
        <button type="button" disabled={disabled || running || variants.length < 2} onClick={() => void start()}>
          {running ? 'Experiment running…' : `Run experiment (${variants.length} runs)`}
        </button>
        {experiment?.done && (
          <button type="button" onClick={() => setRunsOpen(true)}>
            Compare runs…
          </button>
        )}
      </div>
      {experiment && experiment.rows.length > 0 && (
        <div className="experiment-scroll">
          <table className="experiment-table" data-testid="experiment-table">
            <thead>
              <tr>
                <th />
                <th>params</th>
                <th>MACs</th>
                <th title="milliseconds per training step on this machine">ms</th>
                <th title="validation accuracy">acc</th>
                <th title="expected calibration error (15 bins)">ECE</th>
              </tr>
            </thead>
            <tbody>
              {experiment.rows.map((r) => (
                <tr key={r.name} data-status={r.status} title={r.message ?? r.status}>
                  <th>{r.name}</th>
                  <td>{formatInt(r.params)}</td>
                  <td title={`${formatInt(r.macs)} multiply-adds`}>{formatSI(r.macs)}</td>
                  <td>{r.msPerStep === null ? r.status : r.msPerStep.toFixed(0)}</td>
                  <td>{pct(r.valAccuracy)}</td>
                  <td>{pct(r.ece)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
