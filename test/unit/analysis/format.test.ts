import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatFlopsFromMacs,
  formatInt,
  formatMacs,
  formatParams,
  formatPercent,
  formatReceptiveField,
  formatShape,
  formatSI,
} from '../../../shared/analysis';

describe('format', () => {
  it('groups thousands', () => {
    expect(formatInt(23_851_784)).toBe('23,851,784');
    expect(formatInt(999)).toBe('999');
    expect(formatInt(1000)).toBe('1,000');
    expect(formatInt(0)).toBe('0');
    expect(formatInt(-1234567)).toBe('-1,234,567');
  });

  it('prints three significant digits with a decimal prefix', () => {
    expect(formatMacs(5_713_216_096)).toBe('5.71 G MACs');
    expect(formatMacs(568_740_352)).toBe('569 M MACs');
    expect(formatFlopsFromMacs(5_713_216_096)).toBe('11.4 G FLOPs');
    expect(formatParams(23_851_784)).toBe('23.9 M params');
    expect(formatParams(138_357_544)).toBe('138 M params');
    expect(formatSI(4_253_864)).toBe('4.25 M');
    expect(formatSI(999_700)).toBe('1 M');
    expect(formatSI(950)).toBe('950');
    expect(formatSI(0)).toBe('0');
    expect(formatSI(1_000)).toBe('1 K');
  });

  it('prints shapes, bytes, percentages and receptive fields', () => {
    expect(formatShape([35, 35, 288])).toBe('35×35×288');
    expect(formatShape([1000])).toBe('1000');
    expect(formatShape(null)).toBe('?');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(4 * 1024 ** 3)).toBe('4 GiB');
    expect(formatPercent(0.28)).toBe('28%');
    expect(formatPercent(1 / 3, 1)).toBe('33.3%');
    expect(formatReceptiveField({ size: [5, 5], jump: [1, 1], global: false })).toBe('5×5');
    expect(formatReceptiveField({ size: [7, 7], jump: [2, 2], global: false })).toBe('7×7, jump 2');
    expect(formatReceptiveField({ size: [7, 7], jump: [2, 2], global: true })).toBe('global');
    expect(formatReceptiveField(null)).toBe('?');
  });
});
