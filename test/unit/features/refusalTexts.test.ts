import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeaturesService } from '../../../electron/services/features';
import { prepareInput } from '../../../electron/services/features/inputs';
import { TrainingService } from '../../../electron/services/train';
import type { RunRecord } from '../../../shared/training';
import { refusal as anyRefusal } from '../refusal';
import { startedRecord } from '../train/recordFixture';

/** The check's English message (unchanged) and its German text: it must carry a text. */
async function refusal(attempt: () => unknown): Promise<{ en: string; de: string }> {
  const { en, de, carried } = await anyRefusal(attempt);
  expect(carried, en).toBe(true);
  return { en, de };
}

/** Features over a runs folder holding one run that kept no model. */
function featuresWith(status: RunRecord['status']): FeaturesService {
  const record = { ...startedRecord('run-done'), name: 'erster', status, finishedAt: new Date().toISOString() };
  const dir = mkdtempSync(path.join(tmpdir(), 'netwright-feature-refusals-'));
  mkdirSync(path.join(dir, record.id));
  writeFileSync(path.join(dir, record.id, 'run.json'), JSON.stringify(record));
  const training = new TrainingService({ runsDir: dir, keepRunsDir: null });
  return new FeaturesService({ training, backend: 'cpu' });
}

describe('feature view refusals in German', () => {
  it('a run without trained weights', async () => {
    expect(await refusal(() => featuresWith('failed').layers('run-done'))).toEqual({
      en: 'Run erster has no trained weights (it failed without keeping a model): train a network to completion, then open its features.',
      de: 'Lauf erster hat keine trainierten Gewichte (er ist fehlgeschlagen, ohne ein Modell zu behalten): Trainieren Sie ein Netz zu Ende und öffnen Sie dann seine Merkmale.',
    });
    expect(await refusal(() => featuresWith('cancelled').filters('run-done'))).toMatchObject({
      en: expect.stringContaining('(it is cancelled without keeping a model)'),
      de: expect.stringContaining('(sein Status ist „abgebrochen“, und er hat kein Modell behalten)'),
    });
    expect(await refusal(() => featuresWith('failed').layers('run-nope'))).toMatchObject({
      de: 'Es gibt keinen Lauf run-nope.',
    });
  });

  it('model files that cannot be opened, and a maximisation that is not running', async () => {
    const features = featuresWith('failed');
    expect(await refusal(() => features.importModel('model.json', '{"format": "graph-model"}', []))).toEqual({
      en: 'model.json is not a TF.js Layers model.json (it needs modelTopology and weightsManifest): save the model with model.save() or tensorflowjs_converter.',
      de: 'model.json ist keine model.json eines TF.js-Layers-Modells (sie braucht modelTopology und weightsManifest): Speichern Sie das Modell mit model.save() oder tensorflowjs_converter.',
    });
    const manifest = JSON.stringify({ modelTopology: {}, weightsManifest: [{ paths: ['w1.bin'], weights: [] }] });
    expect(await refusal(() => features.importModel('model.json', manifest, []))).toMatchObject({
      de: 'model.json nennt die Gewichtsdatei w1.bin, die nicht gewählt wurde: Wählen Sie model.json zusammen mit allen Gewichtsdateien.',
    });
    expect(await refusal(() => features.importOnnx('net.onnx', Buffer.from('hello').toString('base64')))).toMatchObject(
      { de: expect.stringMatching(/^net\.onnx ist kein ONNX-Modell: Wählen Sie eine \.onnx-Datei/) },
    );
    expect(await refusal(() => features.cancel('features-7'))).toEqual({
      en: 'There is no maximisation features-7 running.',
      de: 'Es läuft keine Maximierung features-7.',
    });
  });

  it('inputs the worker cannot prepare: an unreadable dataset, a sample past its end, a file that is no image', async () => {
    const input = { height: 8, width: 8, channels: 3, flatten: false } as const;
    const dataset = (spec: RunRecord['settings']['dataset']) => ({
      runId: `r-${spec.kind}`,
      spec,
      classes: 3,
      seed: 1,
    });
    const missing = path.join(tmpdir(), 'netwright-no-such-folder');
    expect(
      await refusal(() =>
        prepareInput({ kind: 'dataset', dataset: dataset({ kind: 'folder', path: missing }), index: null }, input),
      ),
    ).toEqual({
      en: `The run's dataset cannot be read now: The image folder ${missing} does not exist.`,
      de: `Der Datensatz des Laufs lässt sich gerade nicht lesen: Der Bildordner ${missing} existiert nicht.`,
    });
    const synthetic = dataset({ kind: 'synthetic', samples: 12 });
    expect(await refusal(() => prepareInput({ kind: 'dataset', dataset: synthetic, index: 12 }, input))).toEqual({
      en: "The run's dataset has samples 0 to 11; there is no sample 12.",
      de: 'Der Datensatz des Laufs hat die Beispiele 0 bis 11; ein Beispiel 12 gibt es nicht.',
    });
    const bytes = new Uint8Array(Buffer.from('these are not pixels'));
    expect(await refusal(() => prepareInput({ kind: 'file', name: 'notes.txt', bytes }, input))).toEqual({
      en: 'notes.txt is neither a PNG nor a JPEG (it starts with 74 68 65 73). Choose a PNG or JPEG image.',
      de: 'notes.txt ist weder PNG noch JPEG (die Datei beginnt mit 74 68 65 73). Wählen Sie ein PNG- oder JPEG-Bild.',
    });
  });
});
