import { useEffect, useState } from 'react';
import type { ApiResponse } from '../../shared/api';
import { errorText } from '../../shared/api';
import { diagnosticText } from '../../shared/i18n';
import { getApi } from '../api/transport';
import { useText } from '../i18n/useText';
import { ModalDialog } from '../panels/ModalDialog';
import { useTrainingStore } from '../training/trainingStore';
import { ActivationSection } from './ActivationSection';
import { FilterSection } from './FilterSection';
import { subscribeFeatureEvents, useFeaturesStore } from './featuresStore';
import { MaximiseSection } from './MaximiseSection';
import './features.css';

type Layers = ApiResponse<'featureLayers'>;

/** What a trained run sees: its first filters, any layer's activation maps, and what excites a channel. */
export function FeaturesView() {
  const { t, language } = useText();
  const runId = useFeaturesStore((s) => s.runId);
  const subtitle = useFeaturesStore((s) => s.subtitle);
  const networkName = useFeaturesStore((s) => s.networkName);
  const close = useFeaturesStore((s) => s.close);
  const setRunsOpen = useTrainingStore((s) => s.setRunsOpen);
  const [info, setInfo] = useState<Layers | null>(null);
  /** What failed, shown in the window's language as it is now. */
  const [failure, setFailure] = useState<{ err: unknown } | null>(null);
  const problem = failure && errorText(failure.err, language);
  const [target, setTarget] = useState({ layer: '', channel: '0' });
  useEffect(subscribeFeatureEvents, []);
  useEffect(() => {
    setInfo(null);
    setFailure(null);
    if (!runId) return;
    getApi()
      .invoke('featureLayers', { runId })
      .then(
        (answer) => {
          setInfo(answer);
          setTarget({
            layer: answer.layers.find((l) => l.spatial)?.name ?? answer.layers[0]?.name ?? '',
            channel: '0',
          });
        },
        (err) => setFailure({ err }),
      );
  }, [runId]);
  if (!runId) return null;
  const backToRuns = () => {
    close();
    setRunsOpen(true);
  };

  return (
    <ModalDialog label={t('panels.features.dialog')} onClose={close}>
      <div className="sheet features-sheet">
        <div className="features-header">
          <div>
            <h2>{t('panels.features.heading', { name: networkName })}</h2>
            <div className="small muted">
              {subtitle === 'files'
                ? t('panels.features.fromFiles')
                : t('panels.runs.trainedRun', { name: subtitle.run })}
            </div>
          </div>
          <div className="button-row">
            <button type="button" onClick={backToRuns}>
              {t('panels.features.backToRuns')}
            </button>
            <button type="button" className="primary" onClick={close}>
              {t('panels.features.close')}
            </button>
          </div>
        </div>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        {!info && !problem && <p className="muted">{t('panels.features.loading')}</p>}
        {info && (
          <>
            <p className="muted small">
              {t('panels.features.inputNote', { shape: info.inputShape.join('×') })}
              {info.dataset
                ? ` · ${diagnosticText({ message: info.dataset.description, text: info.dataset.descriptionText }, language)}`
                : ''}
              {t('panels.features.workerNote')}
            </p>
            <FilterSection runId={runId} />
            <ActivationSection
              key={runId}
              runId={runId}
              layers={info.layers}
              datasetCount={info.dataset?.count ?? null}
              datasetMessage={
                info.datasetMessage &&
                diagnosticText({ message: info.datasetMessage, text: info.datasetText }, language)
              }
              onPickChannel={(layer, channel) => setTarget({ layer, channel: String(channel) })}
            />
            <MaximiseSection
              runId={runId}
              layers={info.layers}
              layer={target.layer}
              channel={target.channel}
              onChange={(layer, channel) => setTarget({ layer, channel })}
            />
          </>
        )}
      </div>
    </ModalDialog>
  );
}
