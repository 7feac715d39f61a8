import { describe, expect, it } from 'vitest';
import { defaultName } from '../../../electron/services/train/records';
import { renderText } from '../../../shared/i18n/diagnosticText';
import { runNameText, runNameValue } from '../../../shared/training';
import { options } from './helpers';

describe("a run's generated name", () => {
  it('is kept in English, as run.json has always held it', () => {
    expect(defaultName(options({ labelSmoothing: 0.1, epochs: 2 }))).toBe('ε 0.1 · adam 0.001 · 2 epochs');
    expect(defaultName(options({ optimizer: 'sgd', epochs: 1 }))).toBe('ε 0 · sgd 0.01 · 1 epoch');
  });

  it('is shown in the window’s language; a name the user gave stays as given', () => {
    const settings = options({ labelSmoothing: 0.1, epochs: 2 });
    const generated = { name: defaultName(settings), settings };
    expect(runNameText(generated, 'de')).toBe('ε 0,1 · adam 0,001 · 2 Epochen');
    expect(runNameText(generated, 'en')).toBe('ε 0.1 · adam 0.001 · 2 epochs');
    expect(runNameText({ name: 'mein Lauf', settings }, 'de')).toBe('mein Lauf');
    // A kept name that no longer matches its settings (renamed, or made by another version) is a name.
    expect(runNameText({ name: 'ε 0.1 · adam 0.001 · 3 epochs', settings }, 'de')).toBe(
      'ε 0.1 · adam 0.001 · 3 epochs',
    );
    const one = options({ optimizer: 'rmsprop', epochs: 1 });
    expect(renderText(runNameValue({ name: defaultName(one), settings: one }) as never, 'de')).toBe(
      'ε 0 · rmsprop 0,045 · 1 Epoche',
    );
  });
});
