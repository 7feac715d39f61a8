import { useState } from 'react';
import { formatSI } from '../../shared/analysis';
import { errorText } from '../../shared/api';
import type { TrainingOptionsInput } from '../../shared/training/options';
import { statusText } from '../../shared/training/runText';
import { getApi } from '../api/transport';
import { useText } from '../i18n/useText';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { runMessageText } from './RunMessage';
import { useTrainingStore } from './trainingStore';

const pct = (v: number | null, decimal: (text: string) => string) =>
  v === null ? '—' : `${decimal((v * 100).toFixed(1))}%`;

/**
 * What a factorization or label smoothing costs in accuracy: the variants trained one after
 * another with the training settings above (same data, seed and schedule), in one table.
 */
export function ExperimentPanel({ disabled }: { disabled: boolean }) {
  const { t, int, decimal, language } = useText();
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
      notify(errorText(err, language), 'error');
    }
  };
  return (
    <section className="experiment" aria-label={t('panels.experiment.label')}>
      <h3>{t('panels.experiment.heading')}</h3>
      <p className="small muted">{t('panels.experiment.intro')}</p>
      <fieldset className="experiment-variants" disabled={disabled || running}>
        <label>
          <input type="checkbox" checked disabled /> {t('panels.experiment.original')}
        </label>
        <label>
          <input type="checkbox" checked={factorized} onChange={(e) => setFactorized(e.target.checked)} />{' '}
          {t('panels.experiment.factorized')}
        </label>
        <label>
          <input type="checkbox" checked={smoothing} onChange={(e) => setSmoothing(e.target.checked)} />{' '}
          {t('panels.experiment.smoothing')}
        </label>
      </fieldset>
      <div className="button-row">
        <button type="button" disabled={disabled || running || variants.length < 2} onClick={() => void start()}>
          {running ? t('panels.experiment.running') : t('panels.experiment.run', { count: variants.length })}
        </button>
        {experiment?.done && (
          <button type="button" onClick={() => setRunsOpen(true)}>
            {t('panels.experiment.compareRuns')}
          </button>
        )}
      </div>
      {experiment && experiment.rows.length > 0 && (
        <div className="experiment-scroll">
          <table className="experiment-table" data-testid="experiment-table">
            <thead>
              <tr>
                <th />
                <th>{t('panels.experiment.params')}</th>
                <th>MACs</th>
                <th title={t('panels.experiment.msTitle')}>ms</th>
                <th title={t('panels.experiment.accTitle')}>{t('panels.experiment.acc')}</th>
                <th title={t('panels.experiment.eceTitle')}>ECE</th>
              </tr>
            </thead>
            <tbody>
              {experiment.rows.map((r) => (
                <tr
                  key={r.name}
                  data-status={r.status}
                  title={runMessageText(r, language) ?? statusText(r.status, language)}
                >
                  <th>{r.name}</th>
                  <td>{int(r.params)}</td>
                  <td title={t('panels.experiment.macsTitle', { macs: int(r.macs) })}>{decimal(formatSI(r.macs))}</td>
                  <td>{r.msPerStep === null ? statusText(r.status, language) : r.msPerStep.toFixed(0)}</td>
                  <td>{pct(r.valAccuracy, decimal)}</td>
                  <td>{pct(r.ece, decimal)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
