import { formatShape } from '../analysis';
import { type Catalogue, catalogues, formatInteger, type Language, localizeDecimal, translator } from '../i18n';
import { csvField, markdownText } from '../text';
import type { Comparison } from './compare';

/** "+1,234", "−1,234" (a real minus sign, as in print), "0"; "−1.234" in German. */
export function signedInt(value: number, language: Language = 'en'): string {
  if (value === 0) return '0';
  return `${value > 0 ? '+' : '−'}${formatInteger(Math.abs(value), language)}`;
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

/** "−13,844,448 (−36.7%)": a change and its share of the first side. */
export const signedChange = (delta: number, pct: number | null, language: Language = 'en'): string =>
  `${signedInt(delta, language)} (${localizeDecimal(signedPct(pct), language)})`;

/** What the counts mean, in a language. */
export const countingNote = (language: Language = 'en'): string => catalogues[language].rewrites.compare.countingNote;

export const COUNTING_NOTE = countingNote('en');

/** A report ready for a slide or a README: totals, then one row per module, in a language. */
export function toMarkdown(c: Comparison, language: Language = 'en'): string {
  const { t, int: num } = translator('rewrites', language);
  const md = (key: keyof Catalogue['rewrites']['compare']['md']) => t(`compare.md.${key}`);
  const signed = (value: number) => signedInt(value, language);
  const delta = (value: number, share: number | null) => signedChange(value, share, language);
  const count = (value: number | undefined) => (value === undefined ? '—' : num(value));
  const a = c.a.totals;
  const b = c.b.totals;
  const d = c.difference;
  const shapes = (s: Comparison['a']) => s.outputShapes.map(formatShape).join(', ') || '?';
  const rows = c.rowsBy === 'module' ? md('moduleColumn') : md('layerColumn');
  const lines = [
    `## ${markdownText(t('compare.versus', { a: c.a.name, b: c.b.name }))}`,
    '',
    `**${comparisonHeadline(c, language)}**`,
    '',
    `| | ${markdownText(c.a.name)} | ${markdownText(c.b.name)} | ${md('change')} |`,
    '|---|---:|---:|---:|',
    `| ${md('parameters')} | ${num(a.params)} | ${num(b.params)} | ${delta(d.params, d.paramsPct)} |`,
    `| ${md('trainable')} | ${num(a.trainableParams)} | ${num(b.trainableParams)} | ${signed(d.trainableParams)} |`,
    `| ${md('nonTrainable')} | ${num(a.nonTrainableParams)} | ${num(b.nonTrainableParams)} | ${signed(d.nonTrainableParams)} |`,
    `| ${md('macs')} | ${num(a.macs)} | ${num(b.macs)} | ${delta(d.macs, d.macsPct)} |`,
    `| ${md('flops')} | ${num(a.flops)} | ${num(b.flops)} | ${signed(d.flops)} |`,
    `| ${md('outputShape')} | ${shapes(c.a)} | ${shapes(c.b)} | ${shapes(c.a) === shapes(c.b) ? md('same') : md('different')} |`,
    '',
    `### ${c.rowsBy === 'module' ? md('perModule') : md('perLayer')}`,
    '',
    `| ${rows} | ${md('paramsA')} | ${md('paramsB')} | ${md('change')} | ${md('macsA')} | ${md('macsB')} | ${md('change')} |`,
    '|---|---:|---:|---:|---:|---:|---:|',
    ...c.modules.map(
      (m) =>
        `| ${markdownText(m.module)} | ${count(m.a?.params)} | ${count(m.b?.params)} | ${delta(m.difference.params, m.difference.paramsPct)} | ${count(m.a?.macs)} | ${count(m.b?.macs)} | ${delta(m.difference.macs, m.difference.macsPct)} |`,
    ),
    '',
    `${markdownText(t('compare.md.legend', { a: c.a.name, b: c.b.name }))} ${countingNote(language)}`,
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
