import { describe, expect, it } from 'vitest';
import { diagnosticText } from '../../../shared/i18n';
import { type ImportDiagnostic, importKerasJson } from '../../../shared/import';
import { fixture, keras2Model } from '../import/helpers';
import { siameseDense } from '../import/sharedFixtures';

function notes(text: string, options?: Parameters<typeof importKerasJson>[1]): ImportDiagnostic[] {
  const result = importKerasJson(text, options);
  if (!result.ok) throw new Error(result.error);
  return result.warnings;
}

/** Files that between them draw most of the importer's notes on a Keras file. */
const files = {
  frozen: notes(
    keras2Model([
      ['a', 'Conv2D', { filters: 2, kernel_size: 1, trainable: false }, ['in']],
      ['b', 'Conv2D', { filters: 2, kernel_size: 1, trainable: false }, ['a']],
    ]),
  ),
  frozenOne: notes(keras2Model([['a', 'Conv2D', { filters: 2, kernel_size: 1, trainable: false }, ['in']]])),
  override: notes(keras2Model([['a', 'Conv2D', { filters: 2, kernel_size: 1 }, ['in']]]), { inputShape: [8, 8, 3] }),
  nonStandard: notes(fixture('vgg16.tf2.json').replace('"name":"vgg16"', '"name":"vgg16","x":NaN')),
  shared: notes(siameseDense()),
  transfer: notes(fixture('transfer_mobilenet_v2.tf2.json')),
  tfjs: notes(fixture('mobilenet_v1.tfjs-converter.model.json')),
  unsupported: notes(keras2Model([['a', 'CapsuleLayer', {}, ['in']]])),
};

describe("the importer's notes in German", () => {
  const all = Object.values(files).flat();

  it('every note has a German text', () => {
    const codes = new Set(all.map((n) => n.code));
    for (const code of [
      'frozen-layers',
      'input-shape-override',
      'shared-layer',
      'weights-ignored',
      'nonstandard-json',
      'unsupported-layer',
    ])
      expect(codes, code).toContain(code);
    for (const note of all) {
      expect(note.text, note.message).toBeDefined();
      expect(diagnosticText(note, 'en')).toBe(note.message);
      const german = diagnosticText(note, 'de');
      expect(german).not.toContain('{{');
      expect(german).not.toBe(note.message);
    }
  });

  it('reads naturally, numbers grouped the German way', () => {
    expect(diagnosticText(files.frozen[0]!, 'de')).toBe(
      "2 Schichten ('a', …) sind in der Datei eingefroren (trainable: false): Sie bleiben eingefroren, ihre Gewichte zählen als nicht trainierbar und bleiben beim Training unverändert.",
    );
    const weights = files.tfjs.find((n) => n.code === 'weights-ignored')!;
    expect(weights.message).toMatch(/^The file lists \d{1,3}(,\d{3})+ weights;/);
    expect(diagnosticText(weights, 'de')).toMatch(/^Die Datei nennt \d{1,3}(\.\d{3})+ Gewichte;/);
  });
});
