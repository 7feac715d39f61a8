import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import { catalogues, formatInteger } from '../../../shared/i18n';
import { getTemplate, templates, templateText } from '../../../shared/templates';

describe('template names and descriptions', () => {
  it('exist for every template in both languages, with every count filled in', () => {
    expect(Object.keys(catalogues.en.templates).sort()).toEqual(templates.map((t) => t.id).sort());
    for (const template of templates)
      for (const language of ['en', 'de'] as const) {
        const { label, description } = templateText(template, language);
        expect(label, template.id).not.toBe('');
        expect(description, template.id).not.toMatch(/\{\{|\}\}/);
      }
  });

  it('take their counts from the analysis, written in the language', () => {
    const template = getTemplate('googlenet')!;
    const totals = analyzeGraph(template.build()).totals;
    const en = templateText(template, 'en').description;
    expect(en).toContain(`${formatInteger(totals.params, 'en')} parameters, of which 14,560 are batch-norm statistics`);
    expect(en).toContain('(torchvision counts the other 6,624,904), 1.5 G multiply-adds');
    const de = templateText(template, 'de').description;
    expect(de).toContain('6.639.464 Parameter, davon 14.560 Batch-Norm-Statistiken');
    expect(de).toContain('1,5 G Multiply-Adds');
    expect(templateText(getTemplate('inception-v3')!, 'de').description).toContain(
      '23.851.784 Parameter, 5,71 G Multiply-Adds',
    );
    expect(templateText(getTemplate('small-inception')!, 'de').label).toBe('Kleines Inception (32×32, 10 Klassen)');
  });

  it('keep the English name as the template label the CLI lists', () => {
    expect(getTemplate('inception-v3-unfactorized')!.label).toBe('Inception v3, unfactorized ancestor');
  });
});
