import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  LinearScale,
  CategoryScale,
  Legend,
  Tooltip,
);

export const palette = ['#2f6fed', '#e8710a', '#1b8a3a', '#c62828', '#8e44ad', '#00838f'];

/**
 * A Chart.js chart bound to a canvas. The chart is made once and its data replaced
 * on every update (no animation), so live curves stay cheap.
 */
export function useChart(config: () => ChartConfiguration, deps: readonly unknown[]) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const next = config();
    next.options = { animation: false, responsive: true, maintainAspectRatio: false, ...next.options };
    if (chart.current && (chart.current.config as { type?: string }).type === (next as { type: string }).type) {
      chart.current.data = next.data;
      chart.current.options = next.options;
      chart.current.update('none');
    } else {
      chart.current?.destroy();
      chart.current = new Chart(canvas.current, next);
    }
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps say when the config changes.
  }, deps);
  useEffect(() => () => chart.current?.destroy(), []);
  return canvas;
}
