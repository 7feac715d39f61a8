import { formatInt, formatShape } from '../analysis';
import { catalogues, type Language, translator } from '../i18n';
import { csvField, markdownText } from '../text';
import type { Comparison } from './compare';

/** "+1,234", "−1,234" (a real minus sign, as in print), "0". */
export function signedInt(value: number): string {
  if (value === 0) return '0';
  return `${value > 0 ? '+' : '−'}${formatInt(Math.abs(value))}`;
}

/** "−28%", "+3.5%", "n/a" where there is nothing to compare against. */
export function signedPct(value: number | null): string {
  if (value === null) return 'n/a';
  if (value === 0) return '0%';
  const digits = Math.abs(value) >= 10 ? 1 : 2;
  return `${value > 0 ? '+' : '−'}${Number(Math.abs(value).toFixed(digits))}%`;
}

/** The comparison in one line for a slide or a chart: "−43% parameters, −55% multiply-adds". */
export function comparisonHeadline(c: Comparison, language: Language = 'en'): string {
  const { t, decimal } = translator('rewrites', language);
  return t('compare.headline', {
    params: decimal(signedPct(c.difference.paramsPct)),
    macs: decimal(signedPct(c.difference.macsPct)),
  });
}

const change = (delta: number, pct: number | null) => `${signedInt(delta)} (${signedPct(pct)})`;
const cell = (value: number | undefined) => (value === undefined ? '—' : formatInt(value));

/** What the counts mean, in a language. */
export const countingNote = (language: Language = 'en'): string => catalogues[language].rewrites.compare.countingNote;

export const COUNTING_NOTE = countingNote('en');

/** A report ready for a slide or a README: totals, then one row per module. */
export function toMarkdown(c: Comparison): string {
  const a = c.a.totals;
  const b = c.b.totals;
  const d = c.difference;
  const shapes = (s: Comparison['a']) => s.outputShapes.map(formatShape).join(', ') || '?';
  const lines = [
    `## ${markdownText(c.a.name)} vs ${markdownText(c.b.name)}`,
    '',
    `**${comparisonHeadline(c)}**`,
    '',
    `| | ${markdownText(c.a.name)} | ${markdownText(c.b.name)} | Change |`,
    '|---|---:|---:|---:|',
    `| Parameters | ${formatInt(a.params)} | ${formatInt(b.params)} | ${change(d.params, d.paramsPct)} |`,
    `| Trainable | ${formatInt(a.trainableParams)} | ${formatInt(b.trainableParams)} | ${signedInt(d.trainableParams)} |`,
    `| Non-trainable | ${formatInt(a.nonTrainableParams)} | ${formatInt(b.nonTrainableParams)} | ${signedInt(d.nonTrainableParams)} |`,
    `| Multiply-adds (MACs) | ${formatInt(a.macs)} | ${formatInt(b.macs)} | ${change(d.macs, d.macsPct)} |`,
    `| FLOPs | ${formatInt(a.flops)} | ${formatInt(b.flops)} | ${signedInt(d.flops)} |`,
    `| Output shape | ${shapes(c.a)} | ${shapes(c.b)} | ${shapes(c.a) === shapes(c.b) ? 'same' : 'different'} |`,
    '',
    c.rowsBy === 'module' ? '### Per module' : '### Per layer',
    '',
    `| ${c.rowsBy === 'module' ? 'Module' : 'Layer'} | Params A | Params B | Change | MACs A | MACs B | Change |`,
    '|---|---:|---:|---:|---:|---:|---:|',
    ...c.modules.map(
      (m) =>
        `| ${markdownText(m.module)} | ${cell(m.a?.params)} | ${cell(m.b?.params)} | ${change(m.difference.params, m.difference.paramsPct)} | ${cell(m.a?.macs)} | ${cell(m.b?.macs)} | ${change(m.difference.macs, m.difference.macsPct)} |`,
    ),
    '',
    `A: ${markdownText(c.a.name)}. B: ${markdownText(c.b.name)}. Change = B − A. ${COUNTING_NOTE}`,
    '',
  ];
  return lines.join('\n');
}

/** One row per module and a final "total" row; plain numbers, change = b − a, percentages of a. */
export function toCsv(c: Comparison): string {
  const header = [
    'module',
    'params_a',
    'params_b',
    'params_change',
    'params_change_pct',
    'macs_a',
    'macs_b',
    'macs_change',
    'macs_change_pct',
  ];
  const rows = c.modules.map((m) => [
    m.module,
    m.a?.params ?? null,
    m.b?.params ?? null,
    m.difference.params,
    m.difference.paramsPct,
    m.a?.macs ?? null,
    m.b?.macs ?? null,
    m.difference.macs,
    m.difference.macsPct,
  ]);
  const d = c.difference;
  rows.push([
    'total',
    c.a.totals.params,
    c.b.totals.params,
    d.params,
    d.paramsPct,
    c.a.totals.macs,
    c.b.totals.macs,
    d.macs,
    d.macsPct,
  ]);
  return `${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\n')}\n`;
}

/** The comparison as one JSON object (totals shaped as in `analyze --json`). */
export function toJson(c: Comparison): string {
  return JSON.stringify(c);
}
