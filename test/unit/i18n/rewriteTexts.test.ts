import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../shared/graph/builder';
import { LANGUAGES } from '../../../shared/i18n';
import { comparisonDeck } from '../../../shared/slides';
import {
  applyRule,
  checkPrinciples,
  compareGraphs,
  comparisonHeadline,
  diagnosticText,
  RULE_IDS,
  reportText,
  ruleLabel,
  toMarkdown,
  toSvgChart,
} from '../../../shared/transforms';
import { smallNet } from '../cli/cliHelpers';

/** smallNet, then a 3×3 conv widening 16 → 48 and a max pool: a grid reduction in the costly order. */
function netForEveryRule() {
  const b = new GraphBuilder();
  let x = b.input([32, 32, 16]);
  x = b.add('Conv2D', { filters: 16, kernelSize: [5, 5], activation: 'relu' }, [x], 'conv5');
  x = b.add('Conv2D', { filters: 48, kernelSize: [3, 3], padding: 'same', activation: 'relu' }, [x], 'wide');
  x = b.add('MaxPool2D', {}, [x], 'pool');
  x = b.add('GlobalAvgPool2D', {}, [x], 'gap');
  b.add('Dense', { units: 10 }, [x], 'head');
  return b.build();
}

const nodeFor = {
  stack: 'conv5',
  asymmetric: 'conv5',
  bottleneck: 'wide',
  'grid-reduction': 'wide',
  'filter-bank': 'conv5',
};

describe('the rewrites in both languages', () => {
  it('every rule has an English and a German name', () => {
    for (const rule of RULE_IDS)
      for (const language of LANGUAGES)
        expect(ruleLabel(rule, language).length, `${rule} ${language}`).toBeGreaterThan(3);
    expect(ruleLabel('stack', 'de')).toBe('n×n → gestapelte 3×3-Faltungen');
  });

  it.each(RULE_IDS)('%s reports in German, its English fields unchanged', (rule) => {
    // The filter bank belongs at the coarsest grid: smallNet has no pooling.
    const graph = rule === 'filter-bank' ? smallNet() : netForEveryRule();
    const result = applyRule(rule, graph, graph.nodes.find((n) => n.name === nodeFor[rule])!.id);
    if (!result.ok) throw new Error(result.diagnostic.message);
    const r = result.report;
    expect(reportText(r, 'en')).toEqual({
      description: r.description,
      replacement: r.replacement,
      rfStatement: r.receptiveField.statement,
      shapeStatement: r.outputShape.statement,
      ...(r.note ? { note: r.note } : {}),
    });
    const de = reportText(r, 'de');
    expect(de.shapeStatement).toMatch(/^Ausgabeform unverändert: .* vorher und nachher\.$/);
    expect(de.rfStatement).toMatch(/^Rezeptives Feld (unverändert|ändert sich)/);
    for (const text of Object.values(de)) {
      expect(text).not.toMatch(/\{\{|undefined|report\./);
      expect(text).not.toMatch(/\b(then|the|and|channels|convolutions|before|after)\b/);
    }
    expect(de.description).not.toBe(r.description);
  });

  it('design-principle warnings in German, in English by default', () => {
    const graph = smallNet();
    const [en] = checkPrinciples(graph);
    const [de] = checkPrinciples(graph, { language: 'de' });
    expect(en!.message).toMatch(/^Large kernel: 'conv5' is a 5×5 convolution\./);
    expect(de!.message).toMatch(/^Großer Kernel: „conv5“ ist eine 5×5-Faltung\. .*zwei gestapelte 3×3-Faltungen/);
    expect(de!.code).toBe(en!.code);
  });

  it('the comparison headline and chart in German', () => {
    const a = smallNet();
    const result = applyRule('stack', a, 'conv5');
    if (!result.ok) throw new Error(result.diagnostic.message);
    const c = compareGraphs({ name: 'original', graph: a }, { name: 'factorized', graph: result.graph });
    expect(comparisonHeadline(c)).toMatch(/^−\d+(\.\d+)?% parameters, −\d+(\.\d+)?% multiply-adds$/);
    expect(comparisonHeadline(c, 'de')).toMatch(/^−\d+(,\d+)?% Parameter, −\d+(,\d+)?% Multiply-Adds$/);
    const svg = toSvgChart(c, { language: 'de' });
    expect(svg).toContain('Parameter pro Schicht');
    expect(svg).toContain('Multiply-Adds (MACs)');
    expect(svg).not.toMatch(/Parameters per|multiply-adds \(MACs\)/);
    expect(toSvgChart(c)).toContain('Parameters per layer');
    const deck = comparisonDeck(c, { language: 'de' });
    expect(deck.title).toBe('original vs. factorized');
    expect(deck.slides[0]!.headline).toBe(comparisonHeadline(c, 'de'));
    expect(deck.slides.map((slide) => slide.title)).toContain('Multiply-Adds pro Schicht');
    expect(comparisonDeck(c).slides.map((slide) => slide.title)).toContain('Multiply-adds per layer');
    const md = toMarkdown(c, 'de');
    expect(md).toContain('### Pro Schicht');
    expect(md).toMatch(/\| Parameter \| [\d.]+ \| [\d.]+ \| −[\d.]+ \(−\d+(,\d+)?%\) \|/);
    expect(md).not.toMatch(/Parameters|Change|Per layer/);
    expect(toMarkdown(c)).toContain('### Per layer');
  });

  it('a refusal says why in German, its English message unchanged', () => {
    const graph = smallNet();
    const result = applyRule('stack', graph, 'conv3');
    if (result.ok) throw new Error('stack applied to a 3×3');
    expect(result.diagnostic.message).toBe(
      "stack does not apply to 'conv3': its kernel is 3×3; stack replaces 5×5 or larger (3×3 is already the smallest odd kernel)",
    );
    expect(diagnosticText(result.diagnostic, 'en')).toBe(result.diagnostic.message);
    expect(diagnosticText(result.diagnostic, 'de')).toBe(
      'stack greift nicht bei „conv3“: ihr Kernel ist 3×3; stack ersetzt 5×5 oder größer (3×3 ist schon der kleinste ungerade Kernel)',
    );
  });
});
