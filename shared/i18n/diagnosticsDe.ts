import type { Catalogue } from './catalogue';
import { diskDe } from './diskDe';
import { experimentDe } from './experimentDe';
import { featuresDe } from './featuresDe';
import { trainingDe } from './trainingDe';

/** The problem texts in German: the same keys and placeholders as diagnosticsEn.ts. */
export const diagnosticsDe: Catalogue['diagnostics'] = {
  and: '{{first}} und {{second}}',
  import: {
    unusualModelClass:
      'Die Modellklasse „{{name}}“ ist weder Sequential noch Functional noch Model; sie wurde als funktionales Modell gelesen.',
    inputShapeAll: 'Die Eingabeform {{shape}} wurde auf alle {{inputs}} Eingaben angewandt.',
    frozenOne:
      'Die Schicht {{name}} ist in der Datei eingefroren (trainable: false): Sie bleibt eingefroren, ihre Gewichte zählen als nicht trainierbar und bleiben beim Training unverändert.',
    frozenMany:
      '{{n}} Schichten ({{name}}, …) sind in der Datei eingefroren (trainable: false): Sie bleiben eingefroren, ihre Gewichte zählen als nicht trainierbar und bleiben beim Training unverändert.',
    nestedModel:
      'Das als Schicht verwendete Modell {{name}} wird als Modul aus seinen {{count}} Schichten gezeigt (benannt „{{path}}/…“); seine Parameter zählen so, wie Keras sie zählt.',
    weightsListed:
      'Die Datei nennt {{count}} Gewichte; Netwright importiert nur die Architektur, nicht die Werte der Gewichte.',
    weightsHeld:
      'Die Datei enthält {{count}} Gewichtswerte; Netwright importiert nur die Architektur, nicht die Werte der Gewichte.',
    nonStandardJson: 'Die Datei enthält NaN oder Infinity (Pythons JSON-Erweiterung); sie wurden als null gelesen.',
    inputOverride: 'Die Eingabe {{name}} ist als {{declared}} deklariert; verwendet wird wie verlangt {{shape}}.',
    onnxInputOverride:
      'Die Eingabe {{name}} ist als {{declared}} (H×W×C) deklariert; verwendet wird wie verlangt {{shape}}.',
    sharedLayer:
      'Die Schicht {{name}} wird {{times}}-mal angewandt (geteilte Gewichte): Jeder weitere Aufruf ({{calls}}) ist ein eigener Knoten, der die Gewichte des ersten Aufrufs verwendet, einmal gezählt, wie Keras sie zählt.',
    sharedModel:
      'Das Modell {{name}} wird {{times}}-mal angewandt (geteilte Gewichte): Jeder weitere Aufruf ({{calls}}) ist ein eigener Knoten, der die Modellgewichte des ersten Aufrufs verwendet, einmal gezählt, wie Keras sie zählt.',
    parameterConvention:
      'Die Parameter folgen der Konvention von PyTorch: trainierbar = sum(p.numel() for p in model.parameters()); laufender Mittelwert und laufende Varianz der Batch-Normalisierung sind nicht trainierbar; num_batches_tracked wird nicht gezählt.',
    batchNormFolded_one:
      'Die Batch-Normalisierung wurde vom Exporter in {{n}} Faltung eingerechnet (ein Export im Eval-Modus): Gezählt wird, was die Datei enthält, weniger Gewichte als das PyTorch-Modell (seine Skalierungen, Verschiebungen und laufenden Statistiken der Batch-Normalisierung fehlen). Um das Modell selbst zu zählen, mit training=torch.onnx.TrainingMode.TRAINING, do_constant_folding=False exportieren.',
    batchNormFolded_other:
      'Die Batch-Normalisierung wurde vom Exporter in {{n}} Faltungen eingerechnet (ein Export im Eval-Modus): Gezählt wird, was die Datei enthält, weniger Gewichte als das PyTorch-Modell (seine Skalierungen, Verschiebungen und laufenden Statistiken der Batch-Normalisierung fehlen). Um das Modell selbst zu zählen, mit training=torch.onnx.TrainingMode.TRAINING, do_constant_folding=False exportieren.',
    maxPoolPadding:
      'ONNX-MaxPool „{{id}}“ füllt mit −∞ auf; importiert wird es als Zero-Padding mit anschließendem „valid“-Pooling, das abweicht, wo seine Eingabe negativ sein kann (Form und Zählungen sind exakt).',
    averagePoolPadding:
      'ONNX-AveragePool „{{id}}“ lässt sein Padding aus dem Mittelwert heraus; importiert wird es als Zero-Padding mit anschließendem „valid“-Pooling, das die Nullen am Rand mitzählt (Form und Zählungen sind exakt).',
  },
  issue: {
    field: '{{field}}: {{message}}',
    list: '{{first}}; {{second}}',
    expected: '{{what}} erwartet, {{got}} erhalten',
    nothing: 'nichts',
    unknownKeys_one: 'Unbekannte Einstellung: {{keys}}',
    unknownKeys_other: 'Unbekannte Einstellungen: {{keys}}',
    unknownKind: 'Unbekannte Schichtart „{{kind}}“.',
    stridesWithDilation:
      'strides {{strides}} zusammen mit dilation {{dilation}} wird nicht unterstützt (Keras verlangt, dass Stride oder Dilatation 1 ist) – einen der beiden Werte auf 1 setzen',
    statisticsTogether:
      'mean und variance müssen zusammen angegeben werden (oder beide null, dann von adapt() gelernt), aber nur eines ist gesetzt',
    negativeVariance: 'Varianzen ≥ 0 erwartet, {{value}} erhalten',
    notSize: '„{{raw}}“ ist keine Größe: Zahlen wie 3×3 oder 2 eingeben.',
    notNumber: '„{{raw}}“ ist keine Zahl: Ziffern wie {{example}} eingeben.',
    notNumbers: '„{{raw}}“ ist keine Zahl: 0,5 eingeben, oder eine je Kanal: 0,5; 0,25; 2.',
    what: {
      oneOf: 'einer der Werte {{values}}',
      either: '{{first}} oder {{second}}',
      positiveWhole: 'eine positive ganze Zahl',
      bool: 'true oder false',
      pair: 'eine positive ganze Zahl oder ein Paar [Höhe, Breite] davon',
      padding: 'eine ganze Zahl ≥ 0, ein Paar [Höhe, Breite] oder [[oben, unten], [links, rechts]]',
      number: 'eine Zahl',
      nonNegative: 'eine Zahl ≥ 0',
      positive: 'eine Zahl > 0',
      unit: 'eine Zahl von 0 bis 1',
      ratio: 'ein Anteil größer als 0 und höchstens 1',
      axis: 'eine ganze Zahl ungleich 0 (0 ist die Batch-Achse, -1 die Kanalachse)',
      rate: 'eine Rate von 0 bis ausschließlich 1',
      inputShape: '[Höhe, Breite, Kanäle] oder [Länge] aus positiven ganzen Zahlen',
      mean: 'eine Liste von Zahlen (eine oder eine pro Kanal) oder null',
      variance: 'eine Liste von Zahlen ≥ 0 (eine oder eine pro Kanal) oder null',
      dims: 'eine Umordnung der Achsen 1…n (die Batch-Achse 0 bleibt vorn), z. B. [2, 1, 3]',
      perChannel: 'eine Zahl oder eine Liste von Zahlen (eine je Kanal)',
      sharedAxes: 'null oder eine Liste verschiedener Achsen ≥ 1 (die Batch-Achse ist 0, wie in Keras)',
      targetShape: 'eine Liste positiver ganzer Zahlen mit höchstens einer -1 (für „was übrig bleibt“)',
      epochs: 'eine ganze Zahl von Epochen von 1 bis 10.000',
      batchSize: 'eine Batch-Größe von 1 bis 4096',
      labelSmoothing: 'ein Label Smoothing ε in [0, 1)',
      learningRate: 'eine positive Lernrate',
      learningRateMax: 'eine Lernrate von höchstens 1000',
      momentum: 'ein Momentum in [0, 1)',
      rmspropDecay: 'ein RMSProp-Zerfall in [0, 1)',
      rmspropEpsilon: 'ein positives RMSProp-ε',
      adamEpsilon: 'ein positives Adam-ε',
      stepFactor: 'ein Stufenfaktor in (0, 1]',
      weightDecay: 'ein Weight Decay ≥ 0',
      weightDecayMax: 'ein Weight Decay von höchstens 1',
      validationSplit: 'ein Validierungsanteil in [0, 0,9]',
      workers: 'eine Anzahl Worker von 1 bis 256',
      seed: 'ein ganzzahliger Seed von 0 bis 2^31 − 1',
      datasetPath: 'ein Datei- oder Ordnerpfad',
      datasetPathMax: 'ein Pfad mit höchstens 4096 Zeichen',
      samples: 'eine ganze Zahl von Beispielen von 1 bis 1.000.000',
      classes: 'eine ganze Zahl von Klassen von 2 bis 1000',
      datasetKind: "eine Datensatzart ('synthetic', 'mnist', 'idx', 'cifar10' oder 'folder')",
    },
  },
  analysis: {
    duplicateId:
      '{{layer}} hat dieselbe ID wie {{first}} und wird daher ignoriert – die Projektdatei ist möglicherweise beschädigt; die Schicht löschen und neu hinzufügen',
    missingSource:
      'Eine Verbindung in {{layer}} kommt von einer Schicht, die es nicht gibt („{{id}}“) – die Verbindung löschen',
    missingTarget:
      'Eine Verbindung aus {{layer}} führt zu einer Schicht, die es nicht gibt („{{id}}“) – die Verbindung löschen',
    missingBoth:
      'Eine Verbindung verweist auf Schichten, die es nicht gibt („{{source}}“ → „{{target}}“) – die Verbindung löschen',
    selfLoop: '{{layer}} ist mit sich selbst verbunden – diese Verbindung entfernen',
    tangle:
      '{{layer}} liegt in einem Geflecht von Zyklen über {{size}} Schichten, darunter {{names}} – Daten müssen in eine Richtung fließen, von den Eingaben zu den Ausgaben; daher eine dieser Verbindungen entfernen',
    loop: '{{layer}} liegt in einem Zyklus: {{loop}} – Daten müssen in eine Richtung fließen, von den Eingaben zu den Ausgaben; daher eine dieser Verbindungen entfernen',
    longLoop:
      '{{layer}} liegt in einem Zyklus: {{loop}} ({{size}} Schichten) – Daten müssen in eine Richtung fließen, von den Eingaben zu den Ausgaben; daher eine dieser Verbindungen entfernen',
    noInput: '{{layer}} hat keine Eingabe – eine Schicht mit ihr verbinden',
    fewInputs: '{{layer}} braucht mindestens {{min}} Eingaben, hat aber {{have}} – {{missing}} weitere verbinden',
    sourceWithInputs:
      '{{layer}} nimmt keine Eingaben, hat aber {{have}} – eine {{kind}}-Schicht beginnt das Netz; daher die eingehende Verbindung entfernen',
    oneInput:
      '{{layer}} nimmt eine Eingabe, hat aber {{have}} – ein Concatenate oder Add einfügen, um sie zusammenzuführen',
    manyInputs: '{{layer}} nimmt höchstens {{max}} Eingaben, hat aber {{have}} – {{extra}} der Verbindungen entfernen',
    importedReason: '{{layer}}: {{reason}}',
    unknownReason: '{{layer}}: {{reason}}',
    unknownKind:
      '{{layer}} hat einen Schichttyp, den Netwright nicht kennt („{{kind}}“) – durch eine Schicht aus der Palette ersetzen',
    placeholderSameShape:
      '{{layer}} wird nicht unterstützt: ihre Ausgabe hat vermutlich die Form ihrer Eingabe (richtig für elementweise Schichten; sonst im Inspektor einstellen), und sie zählt mit 0 Parametern und 0 Multiply-Adds, die Summen sind also eine untere Schranke – für exakte Zahlen durch Schichten aus der Palette ersetzen',
    placeholderShape:
      '{{layer}} wird nicht unterstützt: als Ausgabeform ist {{shape}} angegeben, und sie zählt mit 0 Parametern und 0 Multiply-Adds, die Summen sind also eine untere Schranke – für exakte Zahlen durch Schichten aus der Palette ersetzen',
    invalidParams: '{{layer}} hat ungültige Einstellungen: {{issues}}',
    shapeError: '{{layer}}: {{problem}}',
    emptyOutput:
      '{{layer}} würde {{output}} ausgeben: Eine Dimension ist auf null oder darunter gefallen – einen kleineren Kernel oder Stride, Padding „same“ oder eine größere Eingabe verwenden',
    emptyOutputFrom:
      '{{layer}} würde aus {{inputs}} {{output}} ausgeben: Eine Dimension ist auf null oder darunter gefallen – einen kleineren Kernel oder Stride, Padding „same“ oder eine größere Eingabe verwenden',
    inputTooLarge:
      '{{layer}} würde {{output}} ausgeben, mehr als {{limit}} Werte pro Beispiel (Netwrights Grenze, 8 GiB als float32) – eine kleinere Eingabeform verwenden',
    outputTooLarge:
      '{{layer}} würde {{output}} ausgeben, mehr als {{limit}} Werte pro Beispiel (Netwrights Grenze, 8 GiB als float32) – eine kleinere Eingabe, weniger Kanäle oder einen größeren Stride verwenden',
    tooManyParams:
      '{{layer}} hätte {{value}} Parameter, mehr als die {{limit}}, die Netwright exakt zählt – einen kleineren Kernel oder weniger Kanäle verwenden',
    tooManyMacs:
      '{{layer}} hätte {{value}} Multiply-Adds, mehr als die {{limit}}, die Netwright exakt zählt – einen kleineren Kernel oder weniger Kanäle verwenden',
    internal: {
      analysis:
        'Netwright konnte die Analyse von {{layer}} nicht berechnen ({{detail}}) – das ist ein Fehler in Netwright; bitte melden',
      outputShape:
        'Netwright konnte die Ausgabeform von {{layer}} nicht berechnen ({{detail}}) – das ist ein Fehler in Netwright; bitte melden',
      costs:
        'Netwright konnte die Parameter und Multiply-Adds von {{layer}} nicht berechnen ({{detail}}) – das ist ein Fehler in Netwright; bitte melden',
      receptiveField:
        'Netwright konnte das rezeptive Feld von {{layer}} nicht berechnen ({{detail}}) – das ist ein Fehler in Netwright; bitte melden',
      network:
        'Netwright konnte dieses Netz nicht analysieren ({{detail}}) – das ist ein Fehler in Netwright; bitte melden',
    },
    duplicateName:
      '{{layer}} hat denselben Namen wie eine andere Schicht – die Namen werden zu den Schichtnamen des kompilierten Modells und müssen eindeutig sein; daher eine davon umbenennen',
    unknownGroup:
      '{{layer}} gehört zu einem Modul, das es nicht gibt („{{group}}“), daher zählt kein Modul sie mit – sie in ein Modul oder aus allen Modulen heraus verschieben',
    unusedOutput:
      'Die Ausgabe von {{layer}} wird von keiner Schicht verwendet und würde daher neben {{main}} zu einer zusätzlichen Modellausgabe – sie weiterverbinden oder löschen',
    downstream_one:
      'Wegen des Problems bei {{layer}} hat {{n}} Schicht danach noch keine Form und keine Kosten – sie wird analysiert, sobald es behoben ist',
    downstream_other:
      'Wegen des Problems bei {{layer}} haben {{n}} Schichten danach noch keine Form und keine Kosten – sie werden analysiert, sobald es behoben ist',
    sharedWeights:
      '„{{owner}}“ teilt ihre {{count}} Gewichte mit {{others}} (eine Schicht, {{times}}-mal angewandt): einmal gezählt, wie Keras sie zählt',
    sharedMissing:
      '„{{name}}“ teilt die Gewichte von „{{owner}}“, die nicht im Netz ist: die Verknüpfung entfernen oder die Schicht hinzufügen',
    sharedChain:
      '„{{name}}“ teilt die Gewichte von „{{owner}}“, die selbst die Gewichte einer anderen Schicht verwendet: stattdessen mit der Schicht verknüpfen, die sie hält',
    sharedMismatch:
      '„{{name}}“ teilt die Gewichte von „{{owner}}“, bräuchte aber {{mine}} Gewichte der Art {{kind}}, wo „{{owner}}“ {{theirs}} der Art {{ownerKind}} hat: beiden dieselben Einstellungen und Eingabekanäle geben',
  },
  layer: {
    noInputs: '{{subject}} braucht mindestens zwei Eingaben, hat aber keine',
    sameShape:
      '{{subject}} braucht Eingaben derselben Form, aber Eingabe 1 ist {{first}} und Eingabe {{index}} ist {{other}} (Eingaben in der Reihenfolge der Verbindungen gezählt) – eine 1×1-Conv2D oder ein passender Stride kann sie angleichen',
    broadcastShape:
      '{{subject}} braucht Eingaben derselben Form (eine Achse der Größe 1 darf sich strecken), aber Eingabe 1 ist {{first}} und Eingabe {{index}} ist {{other}} (Eingaben in der Reihenfolge der Verbindungen gezählt) – ein Reshape, eine 1×1-Conv2D oder ein passender Stride kann sie angleichen',
    exactlyTwo: '{{subject}} braucht genau zwei Eingaben, hat aber {{count}}',
    atLeastTwo: '{{subject}} braucht mindestens zwei Eingaben, hat aber {{count}}',
    placeholderInputs: 'ihre Ausgabe hat vermutlich die Form ihrer Eingabe, sie hat aber {{count}} Eingaben',
    kernelFit:
      'Ein {{size}}-Kernel passt nicht auf eine {{input}}-Eingabe mit Padding „{{padding}}“ – Padding „same“, einen kleineren Kernel oder eine größere Eingabe verwenden',
    kernelFitDilated:
      'Ein {{size}}-Kernel mit Dilatation {{dilation}} überspannt {{span}} und passt nicht auf eine {{input}}-Eingabe mit Padding „{{padding}}“ – Padding „same“, einen kleineren Kernel, eine kleinere Dilatation oder eine größere Eingabe verwenden',
    poolFit:
      'Ein {{size}}-Pooling-Fenster passt nicht auf eine {{input}}-Eingabe mit Padding „{{padding}}“ – Padding „same“, ein kleineres Pooling-Fenster oder eine größere Eingabe verwenden',
    windowFit:
      'Ein {{size}}-Fenster passt nicht auf eine {{input}}-Eingabe mit Padding „{{padding}}“ – Padding „same“, ein kleineres Fenster oder eine größere Eingabe verwenden',
    oneInput: '{{subject}} nimmt genau eine Eingabe, hat aber {{count}}',
    imageInput:
      '{{subject}} braucht eine Bildeingabe [Höhe, Breite, Kanäle], hat aber {{shape}} – davor ein Reshape einfügen',
    noAxis: '{{subject}} braucht eine Eingabe mit mindestens einer Achse, hat aber []',
    concatAxis:
      '{{subject}}: Achse {{axis}} gibt es bei Eingaben der Form {{shape}} nicht – für die Kanalachse -1 verwenden',
    concatShape:
      '{{subject}}: Die Eingaben müssen auf jeder Achse außer Achse {{axis}} übereinstimmen, aber Eingabe 1 ist {{first}} und Eingabe {{index}} ist {{other}} (Eingaben in der Reihenfolge der Verbindungen gezählt)',
    cropAll:
      '{{subject}} würde {{top}}+{{bottom}} Zeilen und {{left}}+{{right}} Spalten von {{shape}} abschneiden, und es bliebe nichts übrig – weniger abschneiden',
    permuteAxes:
      '{{subject}} ordnet {{dims}} Achsen um, aber ihre Eingabe {{shape}} hat {{rank}} – einen Eintrag pro Achse angeben',
    reshapeCount:
      '{{subject}} kann {{shape}} ({{count}} Werte) nicht in {{target}} ({{known}} Werte) umformen – die Anzahlen müssen übereinstimmen',
    reshapeFill:
      '{{subject}} kann die -1 in {{target}} nicht füllen: {{shape}} hat {{count}} Werte, kein Vielfaches von {{known}}',
    groups:
      'groups {{groups}} muss sowohl die Eingabekanäle ({{channels}}) als auch filters ({{filters}}) teilen – einen groups-Wert wählen, der beide teilt',
    sharedAxis:
      '{{subject}} teilt Achse {{axis}}, aber ihre Eingabe {{shape}} hat die Achsen 1 bis {{rank}} (0 ist der Batch)',
    statistics:
      '{{subject}} hat {{count}} {{name}}-Werte für {{channels}} Kanäle – einen Wert oder einen pro Kanal angeben',
  },
  backend: {
    chosen: {
      cuda: 'libtensorflow mit CUDA geladen: Das Training läuft auf der GPU.',
      native: 'libtensorflow geladen: native, mehrkernige CPU-Kernel.',
      wasm: 'WebAssembly (SIMD): das schnellste Backend, das ohne libtensorflow lädt.',
      cpu: 'reines JavaScript: langsam, genutzt, weil kein schnelleres Backend geladen wurde.',
    },
    gpuHelp:
      'braucht Linux x64 mit CUDA 11.2 und cuDNN 8.1 (libtensorflow 2.9.1); diese installieren, dann `npm install @tensorflow/tfjs-node-gpu`',
    cpuHelp: 'dort installieren, wo sein libtensorflow-Download laufen kann: `npm install @tensorflow/tfjs-node`',
    notInstalled:
      '{{pkg}} ist nicht installiert (es ist optional: npm lässt es aus, wenn sein libtensorflow-Download scheitert, z. B. offline); {{help}}.',
    cudaMissing:
      '{{pkg}} ist installiert, aber {{lib}} ließ sich nicht laden: libtensorflow 2.9.1 braucht CUDA 11.2 und cuDNN 8.1 (CUDA 12 geht nicht); diese Laufzeitbibliotheken installieren oder @tensorflow/tfjs-node für die CPU nutzen.',
    libMissing:
      '{{pkg}} ist installiert, aber seine native Bibliothek {{lib}} ließ sich nicht laden; mit `npm rebuild {{pkg}}` neu installieren.',
    failedToLoad: '{{pkg}} ließ sich nicht laden: {{message}}',
    failedToInitialise: '{{name}} ließ sich nicht initialisieren: {{message}}',
    skipped: 'übersprungen: NETWRIGHT_BACKEND={{forced}}',
    forced: 'gewählt durch NETWRIGHT_BACKEND={{forced}}',
  },
  connect: {
    gone: 'Diese Schicht gibt es nicht mehr.',
    self: '„{{target}}“ kann sich nicht selbst speisen.',
    input: '„{{target}}“ ist eine Eingabe: Sie nimmt keine Verbindungen an.',
    already: '„{{source}}“ ist bereits mit „{{target}}“ verbunden.',
    full: '{{kind}} „{{target}}“ nimmt eine Eingabe und hat schon eine: Zum Zusammenführen von Zweigen ein Concatenate oder Add einfügen.',
    loop: 'Das ergäbe eine Schleife („{{target}}“ speist bereits „{{source}}“): Daten müssen in eine Richtung fließen.',
  },
  training: trainingDe,
  features: featuresDe,
  disk: diskDe,
  experiment: experimentDe,
};
