import { formatBytes, formatFlopsFromMacs, formatInt, formatMacs, formatPathCount } from '../../shared/analysis';
import { finishedStatuses } from '../../shared/training/events';
import { useShellStore } from '../store/shellStore';
import { useAnalysis } from '../store/useAnalysis';
import { usePaths } from '../store/usePaths';
import { useTrainingStore } from '../training/trainingStore';

const convention =
  'A multiply-add (MAC) is one multiply-accumulate, counted for convolutions, depthwise convolutions and dense layers; ' +
  'bias adds, batch norm, activations and pooling are not MACs. FLOPs = 2 × MACs. ' +
  'Parameters are the weights Keras would create; batch-norm moving statistics are non-trainable.';

const partialNote =
  'Partial: some layer is not counted (an unsupported layer, or one after an error; see Problems), so these are lower bounds.';

export function StatusBar() {
  const { ping, backend, error } = useShellStore();
  const { totals, partial } = useAnalysis();
  const paths = usePaths();
  const live = useTrainingStore((s) => s.live);
  const training = live && !finishedStatuses.includes(live.status) ? live.backend : null;
  const backendTitle = backend?.attempts.map((a) => `${a.ok ? '✓' : '✗'} ${a.name}: ${a.reason}`).join('\n');
  return (
    <footer className="status-bar">
      <span
        data-testid="status-params"
        className={partial ? 'partial' : undefined}
        title={partial ? `${partialNote}\n${convention}` : convention}
      >
        {partial ? '≥ ' : ''}
        {formatInt(totals.params)} params ({formatInt(totals.trainableParams)} trainable,{' '}
        {formatInt(totals.nonTrainableParams)} non-trainable)
      </span>
      <span
        data-testid="status-macs"
        title={`${formatInt(totals.macs)} multiply-adds (${formatInt(totals.macs * 2)} FLOPs) per sample.\n${convention}`}
      >
        {partial ? '≥ ' : ''}
        {formatMacs(totals.macs)} · {formatFlopsFromMacs(totals.macs)}
      </span>
      <span title="Activation memory per sample, float32">{formatBytes(totals.activationBytes)} activations</span>
      <span
        data-testid="status-paths"
        title={`${paths.total.toString()} distinct paths from the input to the output: each residual block doubles them, each Inception module multiplies them by its branches ("exponential feature reuse").`}
      >
        {formatPathCount(paths.total)} {paths.total === 1n ? 'path' : 'paths'}
      </span>
      <span className="spacer" />
      {error ? (
        <span className="status-error" role="alert">
          {error}
        </span>
      ) : (
        <>
          <span data-testid="status-backend" title={backendTitle}>
            {training
              ? `TensorFlow.js: ${training} (training)`
              : backend
                ? `TensorFlow.js: ${backend.name}`
                : 'TensorFlow.js: selecting backend…'}
          </span>
          <span data-testid="status-version">
            {ping ? `Netwright ${ping.version} · ${ping.shell} · ${ping.runtime}` : 'Connecting…'}
          </span>
        </>
      )}
    </footer>
  );
}
