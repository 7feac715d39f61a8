import { formatSI } from '../analysis';
import { type Language, translator } from '../i18n';
import { xmlText } from '../text';
import { CHART_FONT } from '../text/fonts';
import type { Timeline, TimelinePoint } from './timeline';

/**
 * The timeline as SVG text, for export and slides (the editor draws the same data with
 * Chart.js and rasterises this text for PNG). Two views: top-5 error by year, with the human
 * estimate as a line; and multiply-adds by depth (log scale), where the user's own network can
 * stand, since it has no ImageNet error to place it by.
 */
export type TimelineView = 'year' | 'cost';

const WIDTH = 900;
const HEIGHT = 460;
const LEFT = 76;
const RIGHT = 30;
const TOP = 64;
const BOTTOM = 64;
const COLORS = { net: '#4c78a8', shallow: '#9a9a9a', human: '#c62828', own: '#e8710a' } as const;

interface Axis {
  min: number;
  max: number;
  log?: boolean;
}

const plotW = WIDTH - LEFT - RIGHT;
const plotH = HEIGHT - TOP - BOTTOM;

function scale(axis: Axis, value: number, length: number): number {
  const f = axis.log
    ? (Math.log10(value) - Math.log10(axis.min)) / (Math.log10(axis.max) - Math.log10(axis.min))
    : (value - axis.min) / (axis.max - axis.min);
  return f * length;
}

const X = (axis: Axis, v: number) => LEFT + scale(axis, v, plotW);
const Y = (axis: Axis, v: number) => TOP + plotH - scale(axis, v, plotH);
const r1 = (v: number) => Math.round(v * 10) / 10;

/** Marker radius grows with depth (area ∝ depth), so the year view shows depth too. */
export const depthRadius = (depth: number | null) => (depth === null ? 4 : 4 + Math.sqrt(depth) * 1.1);

function frame(title: string, subtitle: string): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="${xmlText(CHART_FONT)}" font-size="12" fill="#222">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="28" font-size="17" font-weight="600">${xmlText(title)}</text>`,
    `<text x="${LEFT}" y="48" font-size="12" fill="#555">${xmlText(subtitle)}</text>`,
    `<rect x="${LEFT}" y="${TOP}" width="${plotW}" height="${plotH}" fill="none" stroke="#999"/>`,
  ];
}

function ticks(
  x: Axis,
  xTicks: number[],
  xText: (v: number) => string,
  y: Axis,
  yTicks: number[],
  yText: (v: number) => string,
) {
  const out: string[] = [];
  for (const v of xTicks) {
    const px = r1(X(x, v));
    out.push(
      `<line x1="${px}" y1="${TOP + plotH}" x2="${px}" y2="${TOP + plotH + 5}" stroke="#999"/>`,
      `<text x="${px}" y="${TOP + plotH + 19}" text-anchor="middle">${xmlText(xText(v))}</text>`,
    );
  }
  for (const v of yTicks) {
    const py = r1(Y(y, v));
    out.push(
      `<line x1="${LEFT}" y1="${py}" x2="${LEFT + plotW}" y2="${py}" stroke="#eee"/>`,
      `<text x="${LEFT - 8}" y="${py + 4}" text-anchor="end">${xmlText(yText(v))}</text>`,
    );
  }
  return out;
}

function axisTitles(xTitle: string, yTitle: string) {
  return [
    `<text x="${LEFT + plotW / 2}" y="${HEIGHT - 20}" text-anchor="middle" fill="#444">${xmlText(xTitle)}</text>`,
    `<text transform="translate(18 ${TOP + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#444">${xmlText(yTitle)}</text>`,
  ];
}

function marker(px: number, py: number, r: number, color: string, label: string, id: string) {
  // About 6.5 px a character at 11 px: a label that would run off the right goes to the left.
  const left = px + r + 4 + label.length * 6.5 > WIDTH - 4;
  const text = left
    ? `<text x="${r1(px - r - 4)}" y="${r1(py + 4)}" text-anchor="end" font-size="11">${xmlText(label)}</text>`
    : `<text x="${r1(px + r + 4)}" y="${r1(py + 4)}" font-size="11">${xmlText(label)}</text>`;
  return `<g data-point="${xmlText(id)}"><circle cx="${r1(px)}" cy="${r1(py)}" r="${r1(r)}" fill="${color}" fill-opacity="0.75" stroke="#fff"/>${text}</g>`;
}

const isNetwork = (p: TimelinePoint) => p.depth !== null;

function yearView(t: Timeline, language: Language): string[] {
  const { t: say, decimal } = translator('insight', language);
  // One slot per entry in year order: same-year entries (2014, 2015) would otherwise overlap.
  const x: Axis = { min: -0.5, max: t.points.length - 0.5 };
  const y: Axis = { min: 0, max: 30 };
  const parts = frame(say('timeline.titleYear'), say('timeline.subtitleYear'));
  parts.push(...ticks(x, [], String, y, [0, 5, 10, 15, 20, 25, 30], (v) => `${v}%`));
  parts.push(...axisTitles('', say('timeline.top5Axis')));
  const hy = r1(Y(y, t.human.value));
  parts.push(
    `<g data-point="human"><line x1="${LEFT}" y1="${hy}" x2="${LEFT + plotW}" y2="${hy}" stroke="${COLORS.human}" stroke-dasharray="6 4"/>` +
      `<text x="${LEFT + 6}" y="${hy - 6}" fill="${COLORS.human}">${xmlText(say('timeline.human', { value: decimal(String(t.human.value)) }))}</text></g>`,
  );
  t.points.forEach((p, i) => {
    const px = r1(X(x, i));
    const py = Y(y, p.entry.top5.value);
    const r = depthRadius(p.depth?.value ?? null);
    const color = isNetwork(p) ? COLORS.net : COLORS.shallow;
    parts.push(
      `<g data-point="${xmlText(p.entry.id)}"><circle cx="${px}" cy="${r1(py)}" r="${r1(r)}" fill="${color}" fill-opacity="0.75" stroke="#fff"/>` +
        `<text x="${px}" y="${r1(py - r - 5)}" text-anchor="middle" font-size="11" font-weight="600">${decimal(String(p.entry.top5.value))}%</text>` +
        `<text x="${px}" y="${TOP + plotH + 18}" text-anchor="middle" font-size="11">${xmlText(p.entry.name)}</text>` +
        `<text x="${px}" y="${TOP + plotH + 31}" text-anchor="middle" font-size="11" fill="#555">${p.entry.year}</text>` +
        `<text x="${px}" y="${TOP + plotH + 44}" text-anchor="middle" font-size="11" fill="#555">${xmlText(p.depth ? say('timeline.layers', { depth: p.depth.value }) : say('timeline.noCnn'))}</text></g>`,
    );
  });
  parts.push('</svg>');
  return parts;
}

function costView(t: Timeline, language: Language): string[] {
  const { t: say, decimal } = translator('insight', language);
  const nets = t.points.filter((p) => p.depth && p.macs);
  const own = t.own;
  const depths = [...nets.map((p) => p.depth!.value), own?.depth ?? 0];
  const macs = [...nets.map((p) => p.macs!.value), ...(own && own.macs > 0 ? [own.macs] : [])];
  const x: Axis = { min: 0, max: Math.max(160, Math.ceil(Math.max(...depths) / 20) * 20 + 10) };
  const lo = 10 ** Math.floor(Math.log10(Math.min(...macs)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...macs) * 1.01));
  const y: Axis = { min: lo, max: hi, log: true };
  const decades: number[] = [];
  for (let v = lo; v <= hi * 1.0001; v *= 10) decades.push(v);
  const depthTicks: number[] = [];
  for (let d = 0; d <= x.max; d += x.max > 200 ? 50 : 20) depthTicks.push(d);
  const parts = frame(say('timeline.titleCost'), say('timeline.subtitleCost'));
  parts.push(...ticks(x, depthTicks, String, y, decades, (v) => decimal(formatSI(v))));
  parts.push(...axisTitles(say('timeline.depthAxis'), say('timeline.macsAxis')));
  for (const p of nets) {
    parts.push(
      marker(X(x, p.depth!.value), Y(y, p.macs!.value), 5, COLORS.net, `${p.entry.name} (${p.entry.year})`, p.entry.id),
    );
  }
  if (own && own.macs > 0) {
    const px = X(x, own.depth);
    const py = Y(y, own.macs);
    const label = say('timeline.own', { name: own.name });
    const left = px + 10 + label.length * 7 > WIDTH - 4;
    parts.push(
      `<g data-point="own"><rect x="${r1(px - 6)}" y="${r1(py - 6)}" width="12" height="12" fill="${COLORS.own}" transform="rotate(45 ${r1(px)} ${r1(py)})"/>` +
        `<text x="${r1(left ? px - 10 : px + 10)}" y="${r1(py - 8)}"${left ? ' text-anchor="end"' : ''} fill="${COLORS.own}" font-weight="600">${xmlText(label)}</text></g>`,
    );
  } else if (own) {
    parts.push(
      `<text x="${LEFT + 8}" y="${TOP + 18}" fill="${COLORS.own}">${xmlText(say('timeline.ownNoMacs', { name: own.name }))}</text>`,
    );
  }
  parts.push('</svg>');
  return parts;
}

export function timelineSvg(timeline: Timeline, view: TimelineView = 'year', language: Language = 'en'): string {
  return `${(view === 'year' ? yearView(timeline, language) : costView(timeline, language)).join('\n')}\n`;
}
