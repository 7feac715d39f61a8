import type { Catalogue } from './catalogue';

/**
 * Why a layer was not imported, in German: the same keys and placeholders as importReasonsEn.ts.
 * Each reason is the predicate of the layer it is about ("BatchNormalization 'bn' verwendet …").
 */
export const importReasonsDe: Catalogue['importReasons'] = {
  frame: {
    layer: '{{layer}} {{reason}}',
    keras: '{{kerasClass}} {{name}} {{reason}}.',
    onnx: "ONNX {{op}} '{{id}}' {{reason}}{{held}}.",
    held: ' (seine {{weights}} Gewichte werden nicht gezählt)',
    strict: 'Import nicht möglich: {{problem}}',
  },
  details: {
    label: 'Importierte Schicht',
    kerasClass: 'Keras-Klasse',
    notImported: 'Nicht importiert',
    settings: 'Einstellungen in der Datei',
    shape: {
      label: 'Form, mit der sie analysiert wird',
      keepsInput:
        'Wird so analysiert, als behielte sie die Form ihrer Eingabe (angenommen). Die tatsächliche Ausgabeform setzen, falls sie abweicht.',
      given: 'Wird mit der Ausgabeform unten analysiert und mit 0 Parametern gezählt.',
      unknown: 'Ihre Ausgabeform angeben, um die Schichten danach zu analysieren.',
      output: 'Ausgabeform',
      hint: 'H×B×K',
      set: 'Setzen',
      invalid: '1 bis 4 positive ganze Zahlen schreiben, z. B. 8×8×4.',
    },
  },
  internal: {
    keras: 'Interner Fehler beim Importieren (das ist ein Fehler in Netwright; bitte melden): {{detail}}',
    onnx: 'Interner Fehler beim Importieren der ONNX-Datei (das ist ein Fehler in Netwright; bitte melden): {{detail}}',
    onnxWeights:
      'Interner Fehler beim Lesen der ONNX-Gewichte (das ist ein Fehler in Netwright; bitte melden): {{detail}}',
  },
  keras: {
    unreadable: 'hat Einstellungen, die Netwright nicht lesen kann: {{detail}}',
    severalAxes:
      'normalisiert mehrere Achsen ({{axes}}); Netwrights BatchNorm normalisiert nur die letzte Achse (die Kanäle)',
    batchNormAxis:
      'normalisiert Achse {{axis}}, nicht die letzte Achse (die Kanäle); Netwrights BatchNorm normalisiert nur die letzte Achse (wurde das Modell mit channels_first gebaut?)',
    renorm: 'verwendet Batch-Renormalisierung (renorm: true), die Netwright nicht hat',
    normalizationAxis:
      'normalisiert Achse {{axis}}; Netwrights Normalization wirkt nur auf die letzte Achse (die Kanäle)',
    invert: 'macht eine Normalisierung rückgängig (invert: true), was Netwright nicht kann',
    softmaxAxis: 'bildet den Softmax über Achse {{axis}}; Netwrights Softmax wirkt über die letzte Achse',
    outputPadding:
      'setzt output_padding {{value}}; Netwrights Conv2DTranspose kennt nur den Standardwert von Keras (null)',
    transposeGroups: 'hat groups {{groups}}; Netwrights Conv2DTranspose kennt nur groups 1',
    layerNormAxes:
      'normalisiert über die Achsen {{axes}}; Netwrights LayerNormalization normalisiert nur die letzte Achse (die Kanäle)',
    tfFunction:
      'ist eine im Modell angewandte TensorFlow-Funktion ({{function}}); Netwright liest nur Addition, Subtraktion, Multiplikation und Division mit einer konstanten Zahl',
    nestedWithoutLayers:
      "ist ein als Schicht verwendetes Modell, dessen Konfiguration keine 'layers'-Liste hat; das Modell mit Keras neu speichern oder das innere Modell für sich importieren",
    unknownClass:
      'ist eine Schichtklasse, die Netwright nicht unterstützt; durch eine Schicht aus der Palette ersetzen oder entfernen',
    unknownCustomClass:
      "ist eine eigene Schichtklasse (registriert als '{{registered}}'), die Netwright nicht unterstützt; durch eine Schicht aus der Palette ersetzen oder entfernen",
  },
  onnx: {
    notData: 'hat als Eingabe {{index}} keinen aus der Netzeingabe berechneten Tensor',
    unknownShape: 'folgt auf einen Operator, dessen Ausgabeform unbekannt ist',
    notConstant: 'braucht als Eingabe {{index}} eine Konstante (ein Gewicht), keinen berechneten Wert',
    weightRank: 'hat {{what}} vom Rang {{rank}}, erwartet ist Rang {{expected}}',
    weightNoShape: 'hat {{what}} ohne angegebene Form, erwartet ist Rang {{expected}}',
    notStored: 'hat in der Datei keine gespeicherten Werte für {{what}}',
    part: {
      weight: 'ein Gewicht',
      scale: 'eine Skalierung (scale)',
      targetShape: 'die Zielform',
      constantValue: 'den Füllwert',
    },
    lacksKind: 'braucht die Schichtart {{kind}}, die Netwright fehlt',
    settingsMisfit: 'hat Einstellungen, die nicht zu {{kind}} passen: {{issues}}',
    asKind: 'passt nicht als {{kind}}: {{detail}}',
    pendingKind: 'braucht die Schichtart {{kind}}, die Netwright noch nicht hat',
    notImported: 'ist ein Operator, den Netwright nicht importiert',
    otherDomain: "stammt aus dem Operator-Set '{{domain}}'",
    rank: 'wendet {{op}} auf einen Tensor vom Rang {{rank}} an (gelesen wird nur N×C×H×W)',
    convChannels: 'hat ein Gewicht für {{expected}} Eingabekanäle (group {{group}}), die Eingabe hat aber {{channels}}',
    normChannels: 'normalisiert {{scale}} Kanäle, die Eingabe hat aber {{channels}}',
    clip: 'begrenzt auf [{{low}}, {{high}}]; nur ReLU6 (0, 6) und ReLU (0, ∞) gibt es als Schicht',
    softmaxAxis: 'normalisiert Achse {{axis}}, nicht die Kanäle',
    softmaxAxisFlattened: 'normalisiert Achse {{axis}} abgeflacht, nicht die Kanäle',
    noKernel: 'hat keine zweidimensionale kernel_shape',
    dilatedPool: 'ist dilatiert; Pooling-Schichten in Netwright sind es nie',
    flattenAxis: 'flacht ab einer anderen Achse als 1 ab',
    noTarget: 'hat keine Zielform',
    reshapeTarget: 'formt in {{target}} um, wofür Netwright keine Anordnung hat',
    denseRank: 'hat eine Eingabe vom Rang {{rank}}; Dense liest N×F',
    transA: 'transponiert die Eingabe (transA)',
    denseFeatures: 'hat ein Gewicht für {{features}} Merkmale, die Eingabe hat aber {{have}}',
    addBroadcast: 'gleicht die Formen der Eingaben per Broadcasting an; Add braucht gleiche Formen',
    addConstant: 'addiert eine Konstante (Netwright hat keine Bias-Add-Schicht)',
    concatAxis: 'verkettet entlang Achse {{axis}}',
    padMode: "füllt im Modus '{{mode}}' auf; nur Auffüllen mit Nullen gibt es als Schicht",
    noPads: 'hat keine pads für N×C×H×W',
    padValues: 'füllt {{pads}} mit {{fill}} auf; nur Nullen rund um H und W gibt es als Schicht',
    squeeze: 'entfernt andere Achsen als die einer 1×1-Karte',
    multiplyConstant: 'multipliziert mit einer Konstante',
    subtractConstant: 'subtrahiert eine Konstante',
    broadcastRanks: 'gleicht Eingaben verschiedenen Rangs per Broadcasting an',
    preluSlope:
      'hat eine Steigung {{slope}}, die weder ein Wert noch einer je Kanal ist (die zwei Formen von nn.PReLU)',
    hardSigmoid: 'hat Steigung {{alpha}} und Versatz {{beta}}; hard_sigmoid ist x/6 + 1/2, begrenzt auf [0, 1]',
    resizeMode: "skaliert im Modus '{{mode}}'; UpSampling2D wiederholt Pixel (nearest)",
    resizeScales: 'gibt scales nicht als 1, 1, sh, sw an',
    resizeFactor: 'skaliert um {{size}}; UpSampling2D wiederholt nur ganzzahlig',
    transposeRank: 'wendet ConvTranspose auf einen Tensor vom Rang {{rank}} an',
    transposeGroups: 'ist gruppiert (group {{group}}); Conv2DTranspose hat keine Gruppen',
    transposeChannels: 'hat ein Gewicht für {{expected}} Eingabekanäle, die Eingabe hat aber {{channels}}',
    transposeSize: 'hat eine Ausgabegröße, die sich nicht bestimmen lässt',
    transposePadding:
      "hat eine Ausgabe {{size}}, die für diesen Kernel und Schritt weder die 'same'- noch die 'valid'-Größe von Keras ist",
    windowPair: 'hat {{what}} {{value}}, die nicht zwei positive ganze Zahlen sind (gelesen werden nur 2-D-Fenster)',
    pads: 'hat pads {{pads}}, die nicht vier ganze Zahlen ≥ 0 sind',
  },
};
