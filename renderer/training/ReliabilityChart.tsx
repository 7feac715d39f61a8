import type { Calibration } from '../../shared/training/calibration';
import { useChart } from './charts';

/**
 * Reliability diagram: accuracy per confidence bin against the diagonal of perfect
 * calibration. Bars below the diagonal mean over-confidence (what label smoothing reduces).
 */
export function ReliabilityChart({ title, calibration }: { title: string; calibration: Calibration }) {
  const canvas = useChart(
    () => ({
      type: 'bar',
      data: {
        labels: calibration.bins.map((b) => ((b.lower + b.upper) / 2).toFixed(2)),
        datasets: [
          {
            type: 'bar',
            label: 'accuracy',
            data: calibration.bins.map((b) => b.accuracy ?? 0),
            backgroundColor: '#2f6fed',
          },
          {
            type: 'line',
            label: 'perfect calibration',
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
          x: { title: { display: true, text: 'confidence' } },
          y: { min: 0, max: 1, title: { display: true, text: 'accuracy' } },
        },
      },
    }),
    [calibration],
  );
  return (
    <figure className="chart" data-testid="reliability">
      <figcaption>
        {title}: ECE {(calibration.ece * 100).toFixed(1)}%, confidence {(calibration.meanConfidence * 100).toFixed(1)}%
        vs accuracy {(calibration.accuracy * 100).toFixed(1)}%
      </figcaption>
      <div className="chart-box">
        <canvas ref={canvas} aria-label={`Reliability diagram ${title}`} role="img" />
      </div>
    </figure>
  );
}
