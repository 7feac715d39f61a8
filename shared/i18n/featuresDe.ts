import type { Catalogue } from './catalogue';

/** Why a feature view cannot be shown, in German: the same keys and placeholders as featuresEn.ts. */
export const featuresDe: Catalogue['diagnostics']['features'] = {
  noWeights:
    'Lauf {{name}} hat keine trainierten Gewichte ({{why}}): Trainieren Sie ein Netz zu Ende und öffnen Sie dann seine Merkmale.',
  divergedUseless: 'er ist divergiert, seine Gewichte sind also unbrauchbar',
  stillTraining: 'er trainiert noch; öffnen Sie seine Merkmale, wenn er fertig ist',
  failedNoModel: 'er ist fehlgeschlagen, ohne ein Modell zu behalten',
  statusNoModel: 'sein Status ist „{{status}}“, und er hat kein Modell behalten',
  noDataset: 'Ein geöffnetes Modell kommt ohne seinen Datensatz: Wählen Sie eine Bilddatei.',
  datasetOutside:
    'Der Datensatz dieses Laufs ({{path}}) liegt außerhalb der Ordner, die diese Sitzung lesen darf: Wählen Sie stattdessen eine Bilddatei oder geben Sie den Ordner frei.',
  noImageInput: 'Das Netz nimmt kein Bild: {{why}}.',
  noMaximisation: 'Es läuft keine Maximierung {{id}}.',
  cancelledAfter: 'Abgebrochen nach {{steps}} von {{total}} Schritten.',
  notOnnx:
    '{{name}} ist kein ONNX-Modell: Wählen Sie eine .onnx-Datei (torch.onnx.export) oder eine TF.js-model.json mit ihren Gewichtsdateien.',
  notImageModel:
    '{{name}} nimmt {{shape}}; die Merkmalsansichten brauchen ein graues oder RGB-Bild fester Größe [H, W, 1 oder 3].',
  notLoaded: 'TensorFlow.js konnte {{name}} nicht laden: {{reason}}',
  notJson: '{{name}} ist kein JSON ({{reason}}): Wählen Sie eine TF.js-model.json.',
  notLayersModel:
    '{{name}} ist keine model.json eines TF.js-Layers-Modells (sie braucht modelTopology und weightsManifest): Speichern Sie das Modell mit model.save() oder tensorflowjs_converter.',
  graphModel:
    '{{name}} ist ein TF.js-Graph-Modell, das keine Schichten zum Hineinsehen hat: Konvertieren Sie das Keras-Modell als Layers-Modell.',
  weightFileMissing:
    '{{name}} nennt die Gewichtsdatei {{file}}, die nicht gewählt wurde: Wählen Sie model.json zusammen mit allen Gewichtsdateien.',
  datasetUnreadable: 'Der Datensatz des Laufs lässt sich gerade nicht lesen: {{reason}}',
  noSample: 'Der Datensatz des Laufs hat die Beispiele 0 bis {{last}}; ein Beispiel {{index}} gibt es nicht.',
  notAnImage: '{{problem}} Wählen Sie ein PNG- oder JPEG-Bild.',
  noLayer: 'Das Modell hat keine Schicht namens {{name}}; wählen Sie eine aus der Schichtliste.',
  inputCount: 'Das Modell hat {{inputs}} Eingänge; die Merkmalsansichten brauchen einen einzigen Bildeingang.',
  severalOutputs: '{{layer}} hat mehrere Ausgaben; wählen Sie eine andere Schicht.',
  noMaps:
    '{{layer}} gibt {{shape}} aus, das hat weder Höhe noch Breite, also gibt es keine Karten zu zeigen: Wählen Sie eine Faltung, ein Pooling, eine Verkettung oder eine andere Schicht mit einer Ausgabe [H, W, C].',
  inputSize: 'Die Eingabe hat {{values}} Werte; das Modell nimmt {{shape}} = {{size}}.',
  noConv: 'Das Modell hat keine Conv2D-Schicht, also keine Filter, die sich als Bilder zeigen ließen.',
  flatInput: 'Das Modell nimmt eine flache Eingabe {{shape}}, kein Bild [H, W, C]; es gibt kein Bild zu optimieren.',
  noChannel: '{{layer}} hat die Kanäle 0 bis {{last}}; einen Kanal {{channel}} gibt es nicht.',
  weightsMismatch: '{{layer}} hat {{ours}}, die Datei gibt aber {{theirs}} (bitte melden Sie das).',
  onnxUnreadable: '{{name}}: {{reason}}',
  cannotRun: '{{name}} läuft nicht in TensorFlow.js: {{reason}}',
};
