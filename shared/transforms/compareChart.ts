import { formatSI } from '../analysis';
import { type Language, translator } from '../i18n';
import { xmlText } from '../text';
import { CHART_FONT } from '../text/fonts';
import { type Comparison, OUTSIDE_MODULES } from './compare';
import { comparisonHeadline } from './compareExport';

/**
 * The comparison as a bar chart in SVG text: one panel for parameters and one for
 * multiply-adds, a pair of bars (network A, network B) per module, with a legend
 * and axis labels. Written by hand because shared/ runs everywhere and may not use
 * a charting library; the editor rasterises the same text for PNG export.
 */

const COLORS = { a: '#4c78a8', b: '#f58518' } as const;
const BAR = 16;
const PAIR_GAP = 18;
const LEFT = 84;
const RIGHT = 24;
const PLOT_HEIGHT = 190;
const TICKS = 4;

export interface ChartOptions {
  title?: string;
  /** The language of the headline, titles and axes (default English). */
  language?: Language;
}

/** A round step so that TICKS steps reach at least `max`: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(max: number): number {
  if (max <= 0) return 1;
  const raw = max / TICKS;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw)! * power;
  return step;
}

interface Panel {
  title: string;
  axisLabel: string;
  /** What each pair of bars is: 'module' or 'layer'. */
  rowLabel: string;
  values: { a: number | null; b: number | null }[];
}

export function toSvgChart(c: Comparison, options: ChartOptions = {}): string {
  const { t } = translator('rewrites', options.language ?? 'en');
  const labels = c.modules.map((m) => (m.module === OUTSIDE_MODULES ? t('compare.outsideModules') : m.module));
  const rows = t(`compare.${c.rowsBy}`);
  const slot = 2 * BAR + PAIR_GAP;
  const longest = Math.max(...labels.map((l) => l.length), 4);
  // Labels turn 40° when they would not fit under their bars.
  const rotate = longest * 6.5 > slot;
  const labelSpace = rotate ? Math.min(140, 14 + longest * 5) : 24;
  const width = Math.max(640, LEFT + RIGHT + labels.length * slot + PAIR_GAP);
  const panels: Panel[] = [
    {
      title: t('compare.paramsPer', { rows }),
      axisLabel: t('compare.paramsAxis'),
      rowLabel: rows,
      values: c.modules.map((m) => ({ a: m.a?.params ?? null, b: m.b?.params ?? null })),
    },
    {
      title: t('compare.macsPer', { rows }),
      axisLabel: t('compare.macsAxis'),
      rowLabel: rows,
      values: c.modules.map((m) => ({ a: m.a?.macs ?? null, b: m.b?.macs ?? null })),
    },
  ];
  const header = 104;
  const panelHeight = 34 + PLOT_HEIGHT + labelSpace + 30;
  const height = header + panels.length * panelHeight + 8;
  const title = options.title ?? t('compare.versus', { a: c.a.name, b: c.b.name });

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xmlText(CHART_FONT)}" font-size="12" fill="#222">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="30" font-size="17" font-weight="600">${xmlText(title)}</text>`,
    `<text x="${LEFT}" y="54" font-size="15" font-weight="600" fill="#b35900" data-role="headline">${xmlText(comparisonHeadline(c, options.language))}</text>`,
    legend(LEFT, 80, c.a.name, c.b.name),
  ];
  panels.forEach((panel, i) => {
    parts.push(drawPanel(panel, labels, header + i * panelHeight, width, rotate, labelSpace));
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function legend(x: number, y: number, a: string, b: string): string {
  const itemA = `<rect x="${x}" y="${y - 10}" width="12" height="12" fill="${COLORS.a}"/><text x="${x + 18}" y="${y}">A: ${xmlText(a)}</text>`;
  const bx = x + 40 + Math.max(60, (a.length + 3) * 7);
  const itemB = `<rect x="${bx}" y="${y - 10}" width="12" height="12" fill="${COLORS.b}"/><text x="${bx + 18}" y="${y}">B: ${xmlText(b)}</text>`;
  return `<g aria-label="legend">${itemA}${itemB}</g>`;
}

function drawPanel(panel: Panel, labels: string[], top: number, width: number, rotate: boolean, labelSpace: number) {
  const slot = 2 * BAR + PAIR_GAP;
  const plotTop = top + 34;
  const plotBottom = plotTop + PLOT_HEIGHT;
  const max = Math.max(0, ...panel.values.flatMap((v) => [v.a ?? 0, v.b ?? 0]));
  const step = niceStep(max);
  const scaleMax = step * TICKS;
  const y = (value: number) => plotBottom - (value / scaleMax) * PLOT_HEIGHT;
  const out: string[] = [`<g aria-label="${xmlText(panel.title)}">`];
  out.push(`<text x="${LEFT}" y="${top + 18}" font-size="14" font-weight="600">${xmlText(panel.title)}</text>`);
  for (let t = 0; t <= TICKS; t++) {
    const value = t * step;
    const ty = y(value).toFixed(1);
    out.push(
      `<line x1="${LEFT}" y1="${ty}" x2="${width - RIGHT}" y2="${ty}" stroke="${t === 0 ? '#444' : '#e3e3e3'}"/>`,
      `<text x="${LEFT - 8}" y="${ty}" dy="4" text-anchor="end" fill="#555">${xmlText(formatSI(value))}</text>`,
    );
  }
  out.push(`<line x1="${LEFT}" y1="${plotTop}" x2="${LEFT}" y2="${plotBottom}" stroke="#444"/>`);
  const midY = (plotTop + plotBottom) / 2;
  out.push(
    `<text x="18" y="${midY}" transform="rotate(-90 18 ${midY})" text-anchor="middle" fill="#333">${xmlText(panel.axisLabel)}</text>`,
  );
  panel.values.forEach((v, i) => {
    const x0 = LEFT + PAIR_GAP + i * slot;
    for (const [k, value] of [
      ['a', v.a],
      ['b', v.b],
    ] as const) {
      if (value === null) continue;
      const x = k === 'a' ? x0 : x0 + BAR;
      const h = Math.max(value > 0 ? 1 : 0, plotBottom - y(value));
      out.push(
        `<rect x="${x}" y="${(plotBottom - h).toFixed(1)}" width="${BAR}" height="${h.toFixed(1)}" fill="${COLORS[k]}"><title>${xmlText(`${labels[i]} (${k.toUpperCase()}): ${formatSI(value)}`)}</title></rect>`,
      );
    }
    const lx = x0 + BAR;
    const ly = plotBottom + 14;
    out.push(
      rotate
        ? `<text x="${lx}" y="${ly}" transform="rotate(-40 ${lx} ${ly})" text-anchor="end">${xmlText(labels[i]!)}</text>`
        : `<text x="${lx}" y="${ly + 2}" text-anchor="middle">${xmlText(labels[i]!)}</text>`,
    );
  });
  const axisY = plotBottom + labelSpace + 18;
  out.push(
    `<text x="${(LEFT + width - RIGHT) / 2}" y="${axisY}" text-anchor="middle" fill="#333">${panel.rowLabel}</text>`,
    '</g>',
  );
  return out.join('\n');
}
