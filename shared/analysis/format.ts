import type { Shape } from '../graph/types';
import type { ReceptiveField } from './types';

/**
 * Numbers for people, shared by the UI and the CLI so both print the same text.
 * Written by hand rather than with Intl so output does not depend on the locale
 * or ICU data of the machine (the CLI's output is compared in tests).
 */

/** Integer with thousands separators: 23851784 -> "23,851,784". */
export function formatInt(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Math.round(value);
  const digits = Math.abs(rounded).toString();
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return rounded < 0 ? `-${out}` : out;
}

const SI_PREFIXES = ['', 'K', 'M', 'G', 'T', 'P'] as const;

/**
 * Three significant digits with a decimal prefix: 5713216096 -> "5.71 G",
 * 568740352 -> "569 M", 950 -> "950". The space lets a unit follow ("5.71 G MACs").
 */
export function formatSI(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const sign = value < 0 ? '-' : '';
  let abs = Math.abs(value);
  let p = 0;
  while (abs >= 999.5 && p < SI_PREFIXES.length - 1) {
    abs /= 1000;
    p++;
  }
  if (p === 0) return `${sign}${Number.isInteger(abs) ? abs : toSignificant(abs)}`;
  return `${sign}${toSignificant(abs)} ${SI_PREFIXES[p]}`;
}

/** "5.71 G MACs" (one multiply-accumulate counts once; docs/conventions.md). */
export function formatMacs(macs: number): string {
  return `${formatSI(macs)} MACs`;
}

/** FLOPs for the given MACs, "11.4 G FLOPs": FLOPs = 2 × MACs (docs/conventions.md). */
export function formatFlopsFromMacs(macs: number): string {
  return `${formatSI(2 * macs)} FLOPs`;
}

/** "23.9 M params". */
export function formatParams(params: number): string {
  return `${formatSI(params)} params`;
}

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** Bytes in binary units: 1536 -> "1.50 KiB", 512 -> "512 B". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  let value = Math.abs(bytes);
  let u = 0;
  while (value >= 1023.5 && u < BINARY_UNITS.length - 1) {
    value /= 1024;
    u++;
  }
  const sign = bytes < 0 ? '-' : '';
  return u === 0 ? `${sign}${Math.round(value)} B` : `${sign}${toSignificant(value)} ${BINARY_UNITS[u]}`;
}

/** Per-sample shape: [35, 35, 288] -> "35×35×288"; null (unknown) -> "?". */
export function formatShape(shape: Shape | null | undefined): string {
  if (!shape) return '?';
  if (shape.length === 0) return 'scalar';
  return shape.join('×');
}

/** Fraction as a percentage: 0.28 -> "28%", 1/3 with digits 1 -> "33.3%". */
export function formatPercent(fraction: number, digits = 0): string {
  if (!Number.isFinite(fraction)) return String(fraction);
  return `${trimZeros((fraction * 100).toFixed(digits))}%`;
}

/** "5×5", "5×5, jump 2", or "global". */
export function formatReceptiveField(rf: ReceptiveField | null | undefined): string {
  if (!rf) return '?';
  if (rf.global) return 'global';
  const [h, w] = rf.size;
  const [jh, jw] = rf.jump;
  const size = `${h}×${w}`;
  if (jh === 1 && jw === 1) return size;
  return `${size}, jump ${jh === jw ? jh : `${jh}×${jw}`}`;
}

function toSignificant(value: number): string {
  // toPrecision(3) of 999.7 would give "1.00e+3"; callers rescale before that.
  return value >= 100 ? String(Math.round(value)) : trimZeros(value.toPrecision(3));
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
