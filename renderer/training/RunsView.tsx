import { useEffect, useMemo, useState } from 'react';
import { errorText } from '../../shared/api';
import { translator } from '../../shared/i18n';
import type { RunRecord } from '../../shared/training/events';
import { runNameText, statusText } from '../../shared/training/runText';
import { getApi, getFiles } from '../api/transport';
import { useFeaturesStore } from '../features/featuresStore';
import { OpenModelButton } from '../features/OpenModelButton';
import { exportCode } from '../files/exportCode';
import { uiLanguage } from '../i18n/i18n';
import { useText } from '../i18n/useText';
import { ModalDialog } from '../panels/ModalDialog';
import { useUiStore } from '../store/uiStore';
import { CurvesChart, type Series } from './CurvesChart';
import { palette } from './charts';
import { ReliabilityChart } from './ReliabilityChart';
import { RunMessage } from './RunMessage';
import { useTrainingStore } from './trainingStore';

function base64ToBlob(base64: string, type: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type });
}

/** Every kept run; tick two or more to overlay their curves and compare their calibration. */
export function RunsView() {
  const { t, decimal, language } = useText();
  const ui = translator('ui', language);
  const open = useTrainingStore((s) => s.runsOpen);
  const runs = useTrainingStore((s) => s.runs);
  const refresh = useTrainingStore((s) => s.refreshRuns);
  const setOpen = useTrainingStore((s) => s.setRunsOpen);
  const notify = useUiStore((s) => s.notify);
  const [chosen, setChosen] = useState<string[]>([]);
  const [records, setRecords] = useState<Record<string, RunRecord>>({});

  useEffect(() => {
    if (open) refresh().catch((err) => notify(errorText(err, uiLanguage()), 'error'));
  }, [open, refresh, notify]);
  useEffect(() => {
    for (const id of chosen) {
      if (records[id]) continue;
      getApi()
        .invoke('runGet', { runId: id })
        .then(
          (r) => setRecords((all) => ({ ...all, [id]: r })),
          (err) => notify(errorText(err, uiLanguage()), 'error'),
        );
    }
  }, [chosen, records, notify]);

  const selected = chosen.map((id) => records[id]).filter((r): r is RunRecord => !!r);
  const lossSeries = useMemo(
    () =>
      selected.flatMap((r, i): Series[] => [
        {
          label: ui.t('panels.charts.runVal', { name: runNameText(r, ui.language) }),
          color: palette[i % palette.length],
          points: r.epochs.filter((e) => e.valLoss !== null).map((e) => ({ x: e.epoch, y: e.valLoss! })),
        },
        {
          label: ui.t('panels.charts.runTrain', { name: runNameText(r, ui.language) }),
          color: palette[i % palette.length],
          dashed: true,
          points: r.epochs.map((e) => ({ x: e.epoch, y: e.loss })),
        },
      ]),
    [selected, ui],
  );
  const accSeries = useMemo(
    () =>
      selected.flatMap((r, i): Series[] => [
        {
          label: ui.t('panels.charts.runVal', { name: runNameText(r, ui.language) }),
          color: palette[i % palette.length],
          points: r.epochs.filter((e) => e.valAccuracy !== null).map((e) => ({ x: e.epoch, y: e.valAccuracy! })),
        },
        {
          label: ui.t('panels.charts.runTrain', { name: runNameText(r, ui.language) }),
          color: palette[i % palette.length],
          dashed: true,
          points: r.epochs.map((e) => ({ x: e.epoch, y: e.accuracy })),
        },
      ]),
    [selected, ui],
  );
  if (!open) return null;

  const exportModel = async (id: string) => {
    try {
      const model = await getApi().invoke('runExportModel', { runId: id });
      const files = getFiles();
      await files.exportFile('model.json', 'json', new Blob([model.modelJson], { type: 'application/json' }));
      await files.exportFile(
        model.weightsFileName,
        'bin',
        base64ToBlob(model.weightsBase64, 'application/octet-stream'),
      );
    } catch (err) {
      notify(errorText(err, language), 'error');
    }
  };
  const exportCsv = async (id: string) => {
    try {
      const { csv, suggestedName } = await getApi().invoke('runExportCsv', { runId: id });
      await getFiles().exportFile(suggestedName, 'csv', new Blob([csv], { type: 'text/csv' }));
    } catch (err) {
      notify(errorText(err, language), 'error');
    }
  };

  return (
    <ModalDialog label={t('panels.runs.dialog')} onClose={() => setOpen(false)}>
      <div className="sheet runs">
        <h2>{t('panels.runs.heading')}</h2>
        {runs.length === 0 && <p className="muted">{t('panels.runs.none')}</p>}
        <table className="runs-table">
          <tbody>
            {runs.map((r) => (
              <tr key={r.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('panels.runs.compare', { name: runNameText(r, language) })}
                    checked={chosen.includes(r.id)}
                    onChange={(e) => setChosen((c) => (e.target.checked ? [...c, r.id] : c.filter((x) => x !== r.id)))}
                  />
                </td>
                <td>
                  <strong>{runNameText(r, language)}</strong>
                  <div className="small muted">
                    {r.network.name} · {statusText(r.status, language)} · ε {decimal(String(r.settings.labelSmoothing))}{' '}
                    · {r.backend ?? '?'}
                  </div>
                  <RunMessage run={r} language={language} className="small muted" />
                </td>
                <td className="small">
                  {r.final?.valAccuracy != null
                    ? t('panels.runs.valAcc', { accuracy: decimal((r.final.valAccuracy * 100).toFixed(1)) })
                    : ''}
                  {r.final?.calibration
                    ? t('panels.runs.ece', { ece: decimal((r.final.calibration.ece * 100).toFixed(1)) })
                    : ''}
                </td>
                <td>
                  <button
                    type="button"
                    disabled={!r.hasModel}
                    title={t('panels.runs.featuresTitle')}
                    onClick={() => {
                      setOpen(false);
                      useFeaturesStore.getState().open(r.id, { run: runNameText(r, language) }, r.network.name);
                    }}
                  >
                    {t('panels.runs.features')}
                  </button>
                  <button type="button" disabled={!r.hasModel} onClick={() => void exportModel(r.id)}>
                    {t('panels.runs.model')}
                  </button>
                  <button type="button" onClick={() => void exportCsv(r.id)}>
                    CSV
                  </button>
                  <button
                    type="button"
                    disabled={!r.hasModel}
                    title={t('panels.runs.pytorchTitle')}
                    onClick={() => void exportCode('pytorch', r.id)}
                  >
                    PyTorch
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {selected.length > 0 && (
          <div className="runs-charts">
            <CurvesChart
              title={t('panels.charts.loss')}
              series={lossSeries}
              yLabel={t('panels.charts.lossAxis')}
              testId="runs-loss"
            />
            <CurvesChart
              title={t('panels.charts.accuracy')}
              series={accSeries}
              yLabel={t('panels.charts.accuracyAxis')}
            />
            <div className="reliability-row">
              {selected.map((r) => {
                const calibration = r.epochs.at(-1)?.calibration;
                return calibration ? (
                  <ReliabilityChart key={r.id} title={runNameText(r, language)} calibration={calibration} />
                ) : null;
              })}
            </div>
          </div>
        )}
        <div className="button-row">
          <OpenModelButton onOpened={() => setOpen(false)} />
          <button type="button" className="primary" onClick={() => setOpen(false)}>
            {t('panels.runs.close')}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
