import { describe, expect, it } from 'vitest';
import { optionErrors } from '../../../renderer/training/optionErrors';

describe("the Train form's errors per setting", () => {
  it('reads in German, the value given kept as typed', () => {
    const errors = optionErrors({ epochs: 0, batchSize: 5000, learningRate: -1, validationSplit: 0.95 }, 'de');
    expect(Object.fromEntries(errors)).toEqual({
      epochs: 'eine ganze Zahl von Epochen von 1 bis 10.000 erwartet, 0 erhalten',
      batchSize: 'eine Batch-Größe von 1 bis 4096 erwartet, 5000 erhalten',
      learningRate: 'eine positive Lernrate erwartet, -1 erhalten',
      validationSplit: 'ein Validierungsanteil in [0, 0,9] erwartet, 0.95 erhalten',
    });
  });

  it('covers the dataset and the choices too', () => {
    const errors = optionErrors({ dataset: { kind: 'folder', path: '' }, optimizer: 'lion' }, 'de');
    expect(errors.get('dataset.path')).toBe('ein Datei- oder Ordnerpfad erwartet, "" erhalten');
    expect(errors.get('optimizer')).toBe("einer der Werte 'sgd', 'adam', 'rmsprop' erwartet, \"lion\" erhalten");
    expect(optionErrors({ dataset: { kind: 'synthetic', samples: 0, classes: 1 } }, 'de').get('dataset.classes')).toBe(
      'eine ganze Zahl von Klassen von 2 bis 1000 erwartet, 1 erhalten',
    );
  });

  it('stays as the schema wrote it in English', () => {
    expect(optionErrors({ epochs: 0 }, 'en').get('epochs')).toBe(
      'expected a whole number of epochs from 1 to 10,000, got 0',
    );
    expect(optionErrors({}, 'de').size).toBe(0);
  });
});
