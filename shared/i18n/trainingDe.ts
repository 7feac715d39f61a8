import type { Catalogue } from './catalogue';
import { datasetDe } from './datasetDe';

/** What training runs say when they stop, in German: the same keys and placeholders as trainingEn.ts. */
export const trainingDe: Catalogue['diagnostics']['training'] = {
  andThen: '{{first}} {{second}}',
  cancelledAt: 'Abgebrochen in Epoche {{epoch}}, Batch {{batch}} von {{batches}}.',
  cancelledValidating: 'Abgebrochen während der Validierung von Epoche {{epoch}}.',
  cancelledBeforeStart: 'Abgebrochen, bevor das Training begann.',
  lossNotFinite: 'Der Verlust wurde {{value}}',
  lossAbove_one:
    'Der Verlust lag {{count}} Batch lang über dem {{factor}}-Fachen seines Anfangswerts ({{start}}) und erreichte {{loss}}',
  lossAbove_other:
    'Der Verlust lag {{count}} Batches in Folge über dem {{factor}}-Fachen seines Anfangswerts ({{start}}) und erreichte {{loss}}',
  diverged:
    '{{what}} in Epoche {{epoch}}, Batch {{batch}} (Lernrate {{rate}}): Das Training ist divergiert. Die Lernrate ist wahrscheinlich zu hoch: Versuchen Sie {{suggested}} oder fügen Sie Batch-Normalisierung hinzu.',
  networkErrors: 'Das Netz enthält Fehler; beheben Sie diese zuerst. {{where}}{{problem}}',
  inputCount: 'Zum Training braucht es genau eine Input-Schicht; dieses Netz hat {{count}}.',
  outputCount: 'Zum Training braucht es genau eine Ausgabe; dieses Netz endet in {{count}} ({{names}}).',
  notImages: 'Mit Bildern lässt sich nicht trainieren: {{why}}.',
  inputChannels: 'Die Eingabe hat {{channels}} Kanäle; Datensätze liefern Graustufen- (1) oder RGB-Bilder (3)',
  inputVector:
    'Die Eingabe ist ein Vektor aus {{values}} Werten, also kein quadratisches Graustufen- oder RGB-Bild (z. B. 784 = 28×28)',
  inputShape: 'Die Eingabeform {{shape}} ist kein Bild [Höhe, Breite, Kanäle]',
  notClassifier:
    '{{name}} gibt {{shape}} aus; ein Klassifikator muss in einem Vektor aus K ≥ 2 Klassenwerten enden (z. B. Dense(K) mit Softmax).',
  wrongActivation:
    '{{name}} endet in einer {{activation}}-Aktivierung; das Training zur Klassifikation braucht Softmax (oder lineare Logits): Setzen Sie die Aktivierung auf Softmax.',
  memoryNeeds:
    'Das Training braucht etwa {{total}} bei Batchgröße {{batch}} (Aktivierungen und ihre Gradienten {{activations}}, Gewichte und Gradienten {{parameters}}, Optimiererzustand {{optimizer}}, Datensatz {{dataset}}), mehr als {{budget}}.',
  memoryLowerBatch:
    '{{needs}} Verringern Sie die Batchgröße auf {{fits}} oder weniger oder verwenden Sie eine kleinere Eingabe.',
  memoryFewerSamples: '{{needs}} Verwenden Sie weniger Beispiele oder eine kleinere Eingabe.',
  memoryNothingFits:
    '{{needs}} Schon ein Beispiel pro Batch passt nicht: Verwenden Sie ein kleineres Netz oder eine kleinere Eingabe.',
  workersNeed_one:
    '{{wanted}} Trainings-Worker brauchen etwa {{total}} (jeder hält Gewichte, Optimiererzustand und Datensatz, {{each}}), mehr als {{budget}}: Verwenden Sie {{fit}} Worker oder weniger.',
  workersNeed_other:
    '{{wanted}} Trainings-Worker brauchen etwa {{total}} (jeder hält Gewichte, Optimiererzustand und Datensatz, {{each}}), mehr als {{budget}}: Verwenden Sie {{fit}} Worker oder weniger.',
  budgetMachine: '70 % des Arbeitsspeichers dieses Rechners ({{gib}} GiB)',
  budgetWasm: 'die 4 GiB, die das WebAssembly-Backend adressieren kann',
  budgetGpuSet: 'die {{size}} der GPU (NETWRIGHT_GPU_MEMORY_MB)',
  budgetGpuAssumed:
    'die für die GPU angenommenen 4 GiB (Browser melden den GPU-Speicher nicht; setzen Sie NETWRIGHT_GPU_MEMORY_MB auf den Wert Ihrer GPU)',
  noTrainingSamples:
    'Der Datensatz hat {{count}} Beispiele: Ein Validierungsanteil von {{split}} lässt keines für das Training übrig.',
  threadStopped: 'Der Trainings-Thread wurde unerwartet beendet.',
  threadCrashed: 'Der Trainings-Thread ist abgestürzt: {{reason}}',
  gpuSilent:
    'Das Fenster, das diesen Lauf auf der GPU trainierte, hat {{seconds}} s lang nicht geantwortet (es wurde geschlossen, neu geladen oder hing); die bisherigen Kurven bleiben erhalten. Starten Sie den Lauf erneut.',
  stopped: 'Das Training wurde beendet: {{reason}}',
  gpuFault:
    'Das Training wurde beendet: {{fault}}. {{kept}} Starten Sie den Lauf erneut oder wählen Sie ein anderes Backend.',
  gpuContextLost: 'Der WebGL-Kontext ging verloren',
  gpuDeviceLost: 'Das WebGPU-Gerät ging verloren',
  gpuDeviceLostWhy: 'Das WebGPU-Gerät ging verloren ({{reason}}: {{detail}})',
  gpuOutOfMemory: 'Der GPU ging der Speicher aus ({{detail}})',
  weightsGone: 'Die bisherigen Kurven bleiben erhalten; die Gewichte lagen auf der GPU und sind verloren.',
  trainedKept: 'Was bisher trainiert wurde, bleibt erhalten.',
  gpuWorkerFailed: 'Der GPU-Trainings-Worker ist fehlgeschlagen: {{reason}}',
  gpuWorkerNotRun: 'Der GPU-Trainings-Worker konnte nicht laufen: {{reason}}',
  datasetNotHanded: 'Der Datensatz konnte nicht an den GPU-Worker übergeben werden: {{reason}}',
  modelNotKept: 'Das trainierte Modell wurde nicht behalten: {{reason}}.',
  modelNotSaved: 'Das trainierte Modell konnte nicht gespeichert werden: {{reason}}',
  interrupted: 'Unterbrochen: Netwright wurde geschlossen, während dieser Lauf trainierte.',
  experimentCancelled: 'Das Experiment wurde vor dieser Variante abgebrochen.',
  busy: 'Lauf {{name}} trainiert noch; brechen Sie ihn ab oder warten Sie, bis er fertig ist.',
  backendUnusable: 'Das Backend {{backend}} ist hier nicht nutzbar: {{reason}}',
  runName_one: 'ε {{smoothing}} · {{optimizer}} {{rate}} · {{count}} Epoche',
  runName_other: 'ε {{smoothing}} · {{optimizer}} {{rate}} · {{count}} Epochen',
  noRun: 'Es gibt keinen Lauf {{id}}.',
  notTraining: 'Lauf {{name}} trainiert nicht (sein Status ist „{{status}}“).',
  noModelToExport: 'Lauf {{name}} hat kein trainiertes Modell zum Exportieren: {{why}}.',
  divergedUseless: 'er ist divergiert (seine Gewichte sind unbrauchbar)',
  itIs: 'sein Status ist „{{status}}“',
  noModelToSave: 'Lauf {{name}} hat kein trainiertes Modell zum Speichern.',
  cancelBeforeDelete: 'Brechen Sie den Lauf ab, bevor Sie ihn löschen.',
  gpuRunsElsewhere: '{{backend}}-Läufe trainieren im GPU-Worker des Fensters: Starten Sie sie mit trainStartGpu.',
  notOnGpu: 'Lauf {{name}} trainiert in einem Worker-Thread, nicht auf der GPU des Fensters.',
  invalidOptions: 'Ungültige Trainingseinstellungen: {{issue}}',
  compile: {
    layer: '{{name}}: {{reason}}',
    refused: 'TensorFlow.js lehnte sie ab: {{reason}}',
    noBuilder: 'kein TensorFlow.js-Baustein für {{kind}}',
    hardActivation:
      'TensorFlow.js kennt {{name}} nicht so, wie Keras 3 und PyTorch es definieren ({{formula}}): Verwenden Sie swish oder relu6, um hier zu trainieren, oder exportieren Sie das Netz',
    groups:
      'TensorFlow.js hat keine gruppierte Faltung (groups {{groups}}): Setzen Sie groups auf 1 oder verwenden Sie DepthwiseConv2D',
    depthwiseDilation:
      'TensorFlow.js ignoriert die Dilatation in DepthwiseConv2D (dilation {{dilation}}): Setzen Sie dilation auf 1×1',
    transposeDilation:
      'TensorFlow.js hat keine dilatierte Conv2DTranspose (dilation {{dilation}}): Setzen Sie dilation auf 1×1',
    bilinear:
      "Das bilineare Hochskalieren von TensorFlow.js tastet Pixelecken ab, nicht Pixelmitten wie Keras und PyTorch: Verwenden Sie interpolation 'nearest', um hier zu trainieren",
    layerNorm:
      'Die LayerNormalization von TensorFlow.js kann ohne gamma oder beta nicht trainieren: Setzen Sie center und scale auf true',
    relu: 'Die ReLU von TensorFlow.js hat keine negative Steigung und keine Schwelle: Setzen Sie beide auf 0 oder verwenden Sie LeakyReLU für die Steigung',
    elu: 'Die ELU von TensorFlow.js kennt nur alpha 1 (alpha {{alpha}}): Setzen Sie alpha auf 1',
  },
  dataset: datasetDe,
  status: {
    preparing: 'wird vorbereitet',
    running: 'läuft',
    paused: 'angehalten',
    completed: 'abgeschlossen',
    cancelled: 'abgebrochen',
    diverged: 'divergiert',
    failed: 'fehlgeschlagen',
    queued: 'wartet',
    training: 'trainiert',
  },
};
