import type { Calibration } from '../../shared/training/calibration';
import { useText } from '../i18n/useText';
import { useChart } from './charts';

/**
 * Reliability diagram: accuracy per confidence bin against the diagonal of perfect
 * calibration. Bars below the diagonal mean over-confidence (what label smoothing reduces).
 */
export function ReliabilityChart({ title, calibration }: { title: string; calibration: Calibration }) {
  const { t, decimal } = useText();
  const words = { accuracy: t('panels.charts.barAccuracy'), perfect: t('panels.charts.perfect') };
  const confidence = t('panels.charts.confidence');
  const pct = (value: number) => decimal((value * 100).toFixed(1));
  const canvas = useChart(
    () => ({
      type: 'bar',
      data: {
        labels: calibration.bins.map((b) => decimal(((b.lower + b.upper) / 2).toFixed(2))),
        datasets: [
          {
            type: 'bar',
            label: words.accuracy,
            data: calibration.bins.map((b) => b.accuracy ?? 0),
            backgroundColor: '#2f6fed',
          },
          {
            type: 'line',
            label: words.perfect,
            data: calibration.bins.map((b) => (b.lower + b.upper) / 2),
            borderColor: '#888',
            borderDash: [4, 4],
            pointRadius: 0,
          },
        ],
      },
      options: {
        plugins: { legend: { labels: { boxWidth: 12, font: { size: 10 } } } },
        scales: {
          x: { title: { display: true, text: confidence } },
          y: { min: 0, max: 1, title: { display: true, text: words.accuracy } },
        },
      },
    }),
    [calibration, words.accuracy, words.perfect, confidence],
  );
  return (
    <figure className="chart" data-testid="reliability">
      <figcaption>
        {t('panels.charts.reliabilityCaption', {
          title,
          ece: pct(calibration.ece),
          confidence: pct(calibration.meanConfidence),
          accuracy: pct(calibration.accuracy),
        })}
      </figcaption>
      <div className="chart-box">
        <canvas ref={canvas} aria-label={t('panels.charts.reliabilityLabel', { title })} role="img" />
      </div>
    </figure>
  );
}
