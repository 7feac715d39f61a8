import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../shared/graph/builder';
import { comparisonDeck } from '../../../shared/slides';
import { COUNTING_NOTE, compareGraphs } from '../../../shared/transforms';
import { inceptionComparison } from './fixtures';

describe('comparisonDeck', () => {
  const deck = comparisonDeck(inceptionComparison(), { title: 'Inception v3: original vs factorized' });

  it('opens with the title and the headline', () => {
    expect(deck.title).toBe('Inception v3: original vs factorized');
    expect(deck.slides[0]).toMatchObject({
      title: 'Inception v3: original vs factorized',
      headline: '−36.7% parameters, −41.5% multiply-adds',
    });
    expect(deck.slides[0]!.caption).toContain('**Parameters:** 37,696,232 → 23,851,784 (−36.7%)');
  });

  it('has the totals as a table with every count and the change', () => {
    const totals = deck.slides[1]!.table!;
    expect(totals.header).toEqual(['', 'original', 'factorized', 'Change (B − A)']);
    expect(totals.rows.map((r) => r[0])).toEqual([
      'Parameters',
      'Trainable',
      'Non-trainable',
      'Multiply-adds (MACs)',
      'FLOPs',
      'Output shape',
    ]);
    expect(totals.rows[0]).toEqual(['Parameters', 37_696_232, 23_851_784, '−13,844,448 (−36.7%)']);
    expect(totals.rows[2]).toEqual(['Non-trainable', 29_632, 34_432, '+4,800']);
    expect(totals.rows[3]).toEqual(['Multiply-adds (MACs)', 9_759_473_248, 5_713_216_096, '−4,046,257,152 (−41.5%)']);
    expect(totals.rows[5]).toEqual(['Output shape', '1000', '1000', 'same']);
  });

  it('charts parameters and multiply-adds per module, both sides', () => {
    const [params, macs] = [deck.slides[2]!.chart!, deck.slides[3]!.chart!];
    expect(params.categories.slice(0, 2)).toEqual(['mixed0', 'mixed1']);
    expect(params.categories.at(-1)).toBe('(outside modules)');
    expect(params.series.map((s) => s.name)).toEqual(['original', 'factorized']);
    const mixed4 = params.categories.indexOf('mixed4');
    expect(params.series.map((s) => s.values[mixed4])).toEqual([3_706_240, 1_298_944]);
    expect(macs.yLabel).toBe('multiply-adds (MACs)');
    const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
    expect(macs.series.map((s) => sum(s.values))).toEqual([9_759_473_248, 5_713_216_096]);
  });

  it('splits the per-module table evenly over slides and keeps every row', () => {
    const tables = deck.slides.slice(4);
    expect(tables.map((s) => s.title)).toEqual(['Per module (1/2)', 'Per module (2/2)']);
    expect(tables.map((s) => s.table!.rows.length)).toEqual([6, 6]);
    const rows = tables.flatMap((s) => s.table!.rows);
    expect(rows.map((r) => r[0])).toEqual(inceptionComparison().modules.map((m) => m.module));
    expect(rows.find((r) => r[0] === 'mixed4')).toEqual([
      'mixed4',
      3_706_240,
      1_298_944,
      '−65%',
      1_070_104_576,
      374_063_104,
      '−65%',
    ]);
    const one = comparisonDeck(inceptionComparison(), { rowsPerSlide: 100 });
    expect(one.slides.at(-1)!.title).toBe('Per module');
  });

  it('puts the counting convention in the notes', () => {
    for (const slide of deck.slides) expect(slide.notes).toContain(COUNTING_NOTE);
  });

  it('names rows by layer where the networks have no modules', () => {
    const net = (filters: number) => {
      const b = new GraphBuilder();
      const x = b.add('Conv2D', { filters, kernelSize: [3, 3] }, [b.input([8, 8, 3])], 'conv');
      b.add('Dense', { units: 2 }, [b.add('GlobalAvgPool2D', {}, [x], 'gap')], 'head');
      return b.build();
    };
    const layers = comparisonDeck(compareGraphs({ name: 'a', graph: net(4) }, { name: 'b', graph: net(8) }));
    expect(layers.title).toBe('a vs b');
    expect(layers.slides[2]!.title).toBe('Parameters per layer');
    expect(layers.slides[4]!.table!.header[0]).toBe('Layer');
    expect(layers.slides[4]!.table!.rows.map((r) => r[0])).toEqual(['conv', 'head']);
  });
  it('speaks German everywhere in a German deck', () => {
    const de = comparisonDeck(inceptionComparison(), { language: 'de', rowsPerSlide: 100 });
    const totals = de.slides[1]!;
    expect(totals.title).toBe('Summen');
    expect(totals.table!.header).toEqual(['', 'original', 'factorized', 'Änderung (B − A)']);
    expect(totals.table!.rows.map((r) => r[0])).toEqual([
      'Parameter',
      'Trainierbar',
      'Nicht trainierbar',
      'Multiply-Adds (MACs)',
      'FLOPs',
      'Ausgabeform',
    ]);
    expect(totals.table!.rows[0]![3]).toBe('−13.844.448 (−36,7%)');
    expect(totals.table!.rows[5]![3]).toBe('gleich');
    expect(de.slides[0]!.caption).toContain('**Parameter:** 37.696.232 → 23.851.784 (−36,7%)');
    expect(de.slides[0]!.caption).toContain('- A: original; B: factorized');
    const perModule = de.slides.at(-1)!;
    expect(perModule.title).toBe('Pro Modul');
    expect(perModule.table!.header).toEqual([
      'Modul',
      'Parameter A',
      'Parameter B',
      'Änderung',
      'MACs A',
      'MACs B',
      'Änderung',
    ]);
    expect(perModule.table!.rows[0]![3]).toMatch(/^[−+][\d,]+%$|^0%$|^n\/a$/);
    for (const slide of de.slides) expect(slide.notes).toContain('A: original. B: factorized. Änderung = B − A.');
  });
});
