import { useText } from '../i18n/useText';
import { palette, useChart } from './charts';

export interface Series {
  label: string;
  points: { x: number; y: number }[];
  dashed?: boolean;
  color?: string;
}

/** Loss or accuracy against epochs, several series on the same axes (runs overlaid). */
export function CurvesChart({
  title,
  series,
  yLabel,
  testId,
}: {
  title: string;
  series: Series[];
  yLabel: string;
  testId?: string;
}) {
  const epoch = useText().t('panels.charts.epoch');
  const canvas = useChart(
    () => ({
      type: 'line',
      data: {
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.points,
          borderColor: s.color ?? palette[i % palette.length],
          backgroundColor: s.color ?? palette[i % palette.length],
          borderDash: s.dashed ? [5, 4] : [],
          borderWidth: 1.5,
          pointRadius: s.points.length > 40 ? 0 : 2,
        })),
      },
      options: {
        parsing: false,
        plugins: { legend: { labels: { boxWidth: 12, font: { size: 10 } } }, title: { display: false } },
        scales: {
          x: { type: 'linear', title: { display: true, text: epoch } },
          y: { title: { display: true, text: yLabel } },
        },
      },
    }),
    [series, yLabel, epoch],
  );
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div className="chart-box">
        <canvas ref={canvas} aria-label={title} role="img" />
      </div>
    </figure>
  );
}
