import { formatBytes, formatPathCount, formatSI } from '../../shared/analysis';
import { finishedStatuses } from '../../shared/training/events';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { useText } from '../i18n/useText';
import { useShellStore } from '../store/shellStore';
import { useAnalysis } from '../store/useAnalysis';
import { usePaths } from '../store/usePaths';
import { attemptReason } from '../training/backendChoices';
import { useTrainingStore } from '../training/trainingStore';

export function StatusBar() {
  const { t, int, decimal, language } = useText();
  const { ping, backend, error } = useShellStore();
  const { totals, partial } = useAnalysis();
  const paths = usePaths();
  const live = useTrainingStore((s) => s.live);
  const training = live && !finishedStatuses.includes(live.status) ? live.backend : null;
  const backendTitle = backend?.attempts
    .map((a) => `${a.ok ? '✓' : '✗'} ${a.name}: ${attemptReason(a, language)}`)
    .join('\n');
  const convention = t('status.convention');
  const atLeast = partial ? '≥ ' : '';
  const pathCount = formatPathCount(paths.total, language);
  return (
    <footer className="status-bar">
      <span
        data-testid="status-params"
        className={partial ? 'partial' : undefined}
        title={partial ? `${t('status.partial')}\n${convention}` : convention}
      >
        {t('status.params', {
          atLeast,
          params: int(totals.params),
          trainable: int(totals.trainableParams),
          nonTrainable: int(totals.nonTrainableParams),
        })}
      </span>
      <span
        data-testid="status-macs"
        title={`${t('status.macsTitle', { macs: int(totals.macs), flops: int(totals.macs * 2) })}\n${convention}`}
      >
        {t('status.macs', {
          atLeast,
          macs: decimal(formatSI(totals.macs)),
          flops: decimal(formatSI(2 * totals.macs)),
        })}
      </span>
      <span title={t('status.activationsTitle')}>
        {t('status.activations', { bytes: decimal(formatBytes(totals.activationBytes)) })}
      </span>
      <span data-testid="status-paths" title={t('status.pathsTitle', { paths: paths.total.toString() })}>
        {t('status.paths', { paths: pathCount, count: paths.total === 1n ? 1 : 2 })}
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
              ? t('status.backendTraining', { backend: training })
              : backend
                ? t('status.backend', { backend: backend.name })
                : t('status.selectingBackend')}
          </span>
          <span
            data-testid="status-version"
            title={ping ? `Netwright ${ping.version} · ${ping.shell} · ${ping.runtime}` : undefined}
          >
            {ping ? `Netwright ${ping.version} · ${ping.shell} · ${ping.runtime}` : t('status.connecting')}
          </span>
        </>
      )}
      <LanguagePicker />
    </footer>
  );
}
