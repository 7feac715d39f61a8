import { useMemo, useState } from 'react';
import type { FeatureLayer } from '../../shared/api';
import { errorText } from '../../shared/api';
import { diagnosticText } from '../../shared/i18n';
import { getApi } from '../api/transport';
import { useText } from '../i18n/useText';
import { useUiStore } from '../store/uiStore';
import { type MaximiseJob, useFeaturesStore } from './featuresStore';
import { ImageCanvas } from './ImageCanvas';
import { pixelsToRgba } from './pixels';

function JobRow({ job }: { job: MaximiseJob }) {
  const { t, decimal, language } = useText();
  const fixed = (value: number) => decimal(value.toFixed(3));
  const notify = useUiStore((s) => s.notify);
  const image = useMemo(() => (job.image ? pixelsToRgba(job.image) : null), [job.image]);
  const cancel = () =>
    getApi()
      .invoke('featureCancel', { jobId: job.jobId })
      .catch((err) => notify(errorText(err, language), 'error'));
  return (
    <li className="maximise-job" data-testid="maximise-job" data-status={job.status}>
      <div className="maximise-job-image">
        {image ? (
          <ImageCanvas
            image={image}
            size={128}
            label={t('panels.features.maximising', { layer: job.layer, channel: job.channel })}
          />
        ) : (
          <div className="feature-placeholder" />
        )}
      </div>
      <div>
        <strong>{t('panels.features.jobHeading', { layer: job.layer, channel: job.channel })}</strong>
        <div className="small">
          {t(`panels.features.jobStatus.${job.status}`)}
          {job.status === 'running' && t('panels.features.step', { step: job.step, steps: job.steps })}
          {job.activation !== null &&
            job.status === 'running' &&
            t('panels.features.meanActivation', { value: fixed(job.activation) })}
          {job.before !== null &&
            job.after !== null &&
            t('panels.features.activationChange', {
              before: fixed(job.before),
              after: fixed(job.after),
              steps: job.step,
            })}
        </div>
        {job.status === 'running' && (
          <div className="button-row">
            <progress
              max={job.steps}
              value={job.step}
              aria-label={t('panels.features.progress', { layer: job.layer, channel: job.channel })}
            />
            <button type="button" onClick={() => void cancel()}>
              {t('panels.features.cancel')}
            </button>
          </div>
        )}
        {job.message && (
          <div className={`small ${job.status === 'failed' ? 'field-error' : 'muted'}`}>
            {diagnosticText({ message: job.message, text: job.text }, language)}
          </div>
        )}
      </div>
    </li>
  );
}

/** Activation maximisation of one channel, in the features worker, with progress and cancel. */
export function MaximiseSection({
  runId,
  layers,
  layer,
  channel,
  onChange,
}: {
  runId: string;
  layers: FeatureLayer[];
  layer: string;
  channel: string;
  onChange(layer: string, channel: string): void;
}) {
  const { t, language } = useText();
  const jobs = useFeaturesStore((s) => s.jobs);
  const addJob = useFeaturesStore((s) => s.addJob);
  const [steps, setSteps] = useState('64');
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = layers.find((l) => l.name === layer);
  const units = chosen?.outputShape.at(-1) ?? 0;

  const start = async () => {
    setProblem(null);
    const c = Number(channel);
    const n = Number(steps);
    if (!Number.isInteger(c) || c < 0 || c >= units) {
      setProblem(t('panels.features.channelRange', { layer, last: units - 1 }));
      return;
    }
    if (!Number.isInteger(n) || n < 1 || n > 2000) {
      setProblem(t('panels.features.badSteps'));
      return;
    }
    try {
      const { jobId } = await getApi().invoke('featureMaximise', { runId, layer, channel: c, steps: n });
      addJob({ jobId, layer, channel: c, steps: n });
    } catch (err) {
      setProblem(errorText(err, language));
    }
  };

  return (
    <section className="feature-section" aria-label={t('panels.features.maximisation')}>
      <h3>{t('panels.features.excites')}</h3>
      <p className="muted small">{t('panels.features.maximiseIntro')}</p>
      <div className="feature-controls">
        <label>
          {t('panels.features.layer')}{' '}
          <select
            value={layer}
            onChange={(e) => onChange(e.target.value, channel)}
            aria-label={t('panels.features.layerToMaximise')}
          >
            {layers.map((l) => (
              <option key={l.name} value={l.name}>
                {t('panels.features.channels', { name: l.name, count: l.outputShape.at(-1) ?? 0 })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('panels.features.channelLabel')}{' '}
          <input
            type="number"
            className="feature-number"
            min={0}
            max={units - 1}
            aria-label={t('panels.features.channelToMaximise')}
            value={channel}
            onChange={(e) => onChange(layer, e.target.value)}
          />
        </label>
        <label>
          {t('panels.features.steps')}{' '}
          <input
            type="number"
            className="feature-number"
            min={1}
            max={2000}
            aria-label={t('panels.features.stepsLabel')}
            value={steps}
            onChange={(e) => setSteps(e.target.value)}
          />
        </label>
        <button type="button" className="primary" disabled={!layer} onClick={() => void start()}>
          {t('panels.features.maximise')}
        </button>
      </div>
      {problem && (
        <p className="field-error small" role="alert">
          {problem}
        </p>
      )}
      <ul className="maximise-jobs">
        {jobs.map((j) => (
          <JobRow key={j.jobId} job={j} />
        ))}
      </ul>
    </section>
  );
}
