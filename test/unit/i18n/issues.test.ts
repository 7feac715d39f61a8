import { describe, expect, it } from 'vitest';
import { errorsByField } from '../../../renderer/inspector/fieldErrors';
import { checkFieldValue } from '../../../renderer/inspector/fieldModel';
import { diagnosticText } from '../../../shared/i18n';
import type { Issue } from '../../../shared/issues';
import { layerSpecs, validateParams } from '../../../shared/layers';

const BAD_VALUES: unknown[] = ['x', -1, 0, 0.5, 2, [], [0, 0], [-1, 2, 3], {}, null, true, Number.NaN];

/** Every issue the layer kinds' schemas raise for a range of wrong values in each of their settings. */
function everyIssue(): { kind: string; issue: Issue }[] {
  const out: { kind: string; issue: Issue }[] = [];
  for (const spec of layerSpecs) {
    const empty = validateParams(spec.kind, {});
    const fields = new Set(empty.ok ? Object.keys(empty.params) : empty.issues.map((i) => i.field.split('.')[0]!));
    for (const field of fields)
      for (const value of BAD_VALUES) {
        const result = validateParams(spec.kind, { ...(empty.ok ? empty.params : {}), [field]: value, stray: 1 });
        if (!result.ok) for (const issue of result.issues) out.push({ kind: spec.kind, issue });
      }
  }
  return out;
}

describe('validation issues in German', () => {
  const issues = everyIssue();

  it('every issue of every layer kind has a text: German, nothing left to fill, English unchanged', () => {
    expect(issues.length).toBeGreaterThan(200);
    const untranslated = issues.filter(({ issue }) => !issue.text).map(({ kind, issue }) => `${kind} ${issue.message}`);
    expect([...new Set(untranslated)]).toEqual([]);
    for (const { issue } of issues) {
      expect(diagnosticText(issue, 'en')).toBe(issue.message);
      const german = diagnosticText(issue, 'de');
      expect(german).not.toContain('{{');
      expect(german, issue.message).not.toBe(issue.message);
    }
  });

  it("the inspector's field errors follow the language", () => {
    const conv = { filters: 0, kernelSize: 3, strides: 2, dilation: 2 };
    const de = errorsByField('Conv2D', conv, 'de');
    expect(de.get('filters')).toBe('eine positive ganze Zahl erwartet, 0 erhalten');
    expect(errorsByField('Conv2D', { ...conv, padding: 'full' }, 'de').get('padding')).toBe(
      "einer der Werte 'same', 'valid' erwartet, \"full\" erhalten",
    );
    expect(de.get('dilation')).toMatch(/^strides 2×2 zusammen mit dilation 2×2 wird nicht unterstützt/);
    expect(errorsByField('Conv2D', conv).get('filters')).toBe('expected a positive whole number, got 0');
    expect(errorsByField('Dense', { units: 4, bias: true }, 'de').get('')).toBe('Unbekannte Einstellung: "bias"');
    expect(errorsByField('Conv3D', {}, 'de').get('')).toBe('Unbekannte Schichtart „Conv3D“.');
    expect(checkFieldValue('Dense', { units: 4 }, 'units', 'many', 'de')).toBe(
      'eine positive ganze Zahl erwartet, "many" erhalten',
    );
    expect(checkFieldValue('Dense', { units: 4 }, 'units', 'many')).toBe(
      'expected a positive whole number, got "many"',
    );
  });

  it('invalid settings in the Problems list read in German', async () => {
    const { analyzeGraph } = await import('../../../shared/analysis');
    const { GraphBuilder } = await import('../../../shared/graph/builder');
    const b = new GraphBuilder();
    b.add('Dense', { units: -3 }, [b.input([4])], 'head');
    const [d] = analyzeGraph(b.build()).diagnostics.filter((x) => x.code === 'invalid-params');
    expect(d!.message).toBe("Dense 'head' has invalid settings: units: expected a positive whole number, got -3");
    expect(diagnosticText(d!, 'de')).toBe(
      "Dense 'head' hat ungültige Einstellungen: units: eine positive ganze Zahl erwartet, -3 erhalten",
    );
  });
});
