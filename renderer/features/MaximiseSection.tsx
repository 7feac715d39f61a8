import { useMemo, useState } from 'react';
import type { FeatureLayer } from '../../shared/api';
import { errorMessage } from '../../shared/issues';
import { getApi } from '../api/transport';
import { useUiStore } from '../store/uiStore';
import { type MaximiseJob, useFeaturesStore } from './featuresStore';
import { ImageCanvas } from './ImageCanvas';
import { pixelsToRgba } from './pixels';

function JobRow({ job }: { job: MaximiseJob }) {
  const notify = useUiStore((s) => s.notify);
  const image = useMemo(() => (job.image ? pixelsToRgba(job.image) : null), [job.image]);
  const cancel = () =>
    getApi()
      .invoke('featureCancel', { jobId: job.jobId })
      .catch((err) => notify(errorMessage(err), 'error'));
  return (
    <li className="maximise-job" data-testid="maximise-job" data-status={job.status}>
      <div className="maximise-job-image">
        {image ? (
          <ImageCanvas image={image} size={128} label={`input maximising ${job.layer} channel ${job.channel}`} />
        ) : (
          <div className="feature-placeholder" />
        )}
      </div>
      <div>
        <strong>
          {job.layer} · channel {job.channel}
        </strong>
        <div className="small">
          {job.status}
          {job.status === 'running' && ` · step ${job.step} of ${job.steps}`}
          {job.activation !== null && job.status === 'running' && ` · mean activation ${job.activation.toFixed(3)}`}
          {job.before !== null &&
            job.after !== null &&
            ` · mean activation ${job.before.toFixed(3)} → ${job.after.toFixed(3)} in ${job.step} steps`}
        </div>
        {job.status === 'running' && (
          <div className="button-row">
            <progress max={job.steps} value={job.step} aria-label={`Maximising ${job.layer} channel ${job.channel}`} />
            <button type="button" onClick={() => void cancel()}>
              Cancel
            </button>
          </div>
        )}
        {job.message && (
          <div className={`small ${job.status === 'failed' ? 'field-error' : 'muted'}`}>{job.message}</div>
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
      setProblem(`${layer} has channels 0 to ${units - 1}.`);
      return;
    }
    if (!Number.isInteger(n) || n < 1 || n > 2000) {
      setProblem('Steps must be a whole number from 1 to 2000.');
      return;
    }
    try {
      const { jobId } = await getApi().invoke('featureMaximise', { runId, layer, channel: c, steps: n });
      addJob({ jobId, layer, channel: c, steps: n });
    } catch (err) {
      setProblem(errorMessage(err));
    }
  };

  return (
    <section className="feature-section" aria-label="Activation maximisation">
      <h3>What excites a channel</h3>
      <p className="muted small">
        Gradient ascent on the input from grey noise, raising the channel’s mean activation; random shifts, a light blur
        and a pull towards grey keep the picture readable.
      </p>
      <div className="feature-controls">
        <label>
          Layer{' '}
          <select value={layer} onChange={(e) => onChange(e.target.value, channel)} aria-label="Layer to maximise">
            {layers.map((l) => (
              <option key={l.name} value={l.name}>
                {l.name} · {l.outputShape.at(-1)} channels
              </option>
            ))}
          </select>
        </label>
        <label>
          Channel{' '}
          <input
            type="number"
            className="feature-number"
            min={0}
            max={units - 1}
            aria-label="Channel to maximise"
            value={channel}
            onChange={(e) => onChange(layer, e.target.value)}
          />
        </label>
        <label>
          Steps{' '}
          <input
            type="number"
            className="feature-number"
            min={1}
            max={2000}
            aria-label="Maximisation steps"
            value={steps}
            onChange={(e) => setSteps(e.target.value)}
          />
        </label>
        <button type="button" className="primary" disabled={!layer} onClick={() => void start()}>
          Maximise
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
