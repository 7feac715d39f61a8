import type { Catalogue } from './catalogue';

/** The timeline chart and a lesson slide's table in German: the same keys as insightEn.ts. */
export const insightDe: Catalogue['insight'] = {
  timeline: {
    titleYear: 'ImageNet-Top-5-Fehler nach Jahr',
    titleCost: 'Multiply-Adds nach Tiefe',
    subtitleYear: 'Spitzenwerte, meist Ensembles (siehe Tabelle); Markerfläche ∝ Tiefe in Gewichtsschichten',
    subtitleCost: 'Tiefe in Gewichtsschichten auf dem längsten Pfad; Zahlen aus den Vorlagen, wo Netwright eine hat',
    top5Axis: 'Top-5-Fehler',
    depthAxis: 'Tiefe (Gewichtsschichten)',
    macsAxis: 'Multiply-Adds pro Bild (log)',
    human: 'menschliche Schätzung {{value}} %',
    layers: '{{depth}} Schichten',
    noCnn: 'kein CNN',
    own: '{{name}} (Ihres, nicht auf ImageNet trainiert: kein Fehler)',
    ownNoMacs: '{{name}} hat keine Multiply-Adds, nach denen es sich einordnen ließe.',
    noteEntry: '{{name}} ({{year}}): {{value}} % Top-5, {{note}}.',
    noteSingle: ' Einzelmodell: {{value}} % ({{note}}).',
    noteCounts: ' Zahlen: Netwright-Vorlage „{{template}}“.',
    noteSource: ' Quelle: {{citation}}, {{year}}.',
    noteHuman: 'Menschliche Schätzung: {{value}} %, {{note}}. Quelle: {{citation}}, {{year}}.',
    noteOwn:
      '{{name}}: {{depth}} Gewichtsschichten, {{params}} Parameter, {{macs}} Multiply-Adds; nicht auf ImageNet trainiert, daher ohne Fehler in diesem Diagramm.',
  },
  slides: {
    deck: 'ImageNet-Top-5-Fehler',
    yearTitle: 'Tiefere Netze senken den ImageNet-Fehler',
    headline: '{{from}} % → {{to}} % Top-5-Fehler in {{years}} Jahren',
    costTitle: 'Tiefe und Kosten der Sieger',
    costOwn: '{{name}} steht nur nach Tiefe und Multiply-Adds dort: Es wurde nicht auf ImageNet trainiert.',
    costCaption: 'Tiefe in Gewichtsschichten auf dem längsten Pfad; Multiply-Adds pro Bild.',
    tableTitle: 'Die Zahlen',
    tableCaption: 'Die Spitzenwerte sind meist Ensembles; Werte einzelner Modelle stehen in den Notizen.',
    chartTitle: 'ImageNet-Top-5-Fehler (%); menschliche Schätzung {{value}} %',
    chartSeries: 'Top-5-Fehler (%)',
    network: 'Netz',
    year: 'Jahr',
    top5: 'Top-5-Fehler',
    evaluated: 'bewertet als',
    depth: 'Tiefe',
    parameters: 'Parameter',
    macs: 'Multiply-Adds',
    reference: ' (Lit.)',
    paper: ' (Paper: {{value}})',
  },
  deck: {
    parameters: 'Parameter',
    macs: 'Multiply-Adds',
    outputShape: 'Ausgabeform',
    receptiveField: 'rezeptives Feld',
    steps_one: '{{count}} Schritt',
    steps_other: '{{count}} Schritte',
  },
};

/**
 * The timeline's notes in German, by entry id and field; English stays with the data
 * (shared/insight/imagenetTimeline.ts), which `--json` prints. A test checks every note has one.
 */
export const timelineNotesDe: Readonly<
  Record<string, { top5?: string; singleModel?: string; templateNote?: string; note?: string }>
> = {
  'nec-uiuc': {
    top5: 'Siegerbeitrag ILSVRC 2010, Testdaten',
    note: 'Kein neuronales Netz: handentworfene Merkmale (SIFT, LBP), kodiert und gepoolt, lineare SVMs.',
  },
  xrce: {
    top5: 'Siegerbeitrag ILSVRC 2011, Testdaten',
    note: 'Kein neuronales Netz: Fisher-Vektoren handentworfener Merkmale, lineare Klassifikatoren.',
  },
  alexnet: {
    top5: 'Ensemble aus 5 CNNs, Testdaten (15,3 % mit 7 CNNs und zusätzlichen Daten)',
    singleModel: 'ein CNN, Validierungsdaten',
    templateNote: 'AlexNet aus torchvision mit einem Strang; das Paper teilte es auf zwei GPUs auf (60 M Parameter).',
  },
  zfnet: {
    top5: 'Siegerbeitrag ILSVRC 2013 (Clarifai, auf diesem Netz aufgebaut), Testdaten',
    singleModel: 'ein Netz, Testdaten (das Paper: 14,8 % für sein bestes Ensemble)',
  },
  vgg: {
    top5: 'Einreichung ILSVRC 2014, 7 Netze, Testdaten (2. Platz)',
    singleModel:
      'ein Netz, Multi-Crop- und dichte Auswertung, Testdaten; nach der Challenge trainiert, schlug es die Einreichung aus 7 Netzen',
    templateNote: 'Das Ensemble mischte Netze mit 16 und 19 Schichten; die Zahlen sind VGG-16 (Keras Applications).',
  },
  googlenet: {
    top5: '7 Modelle, je 144 Crops, Testdaten (Sieger ILSVRC 2014)',
    singleModel: 'ein Modell, ein Crop, Validierungsdaten',
    templateNote: 'GoogLeNet aus torchvision: Batch-Normalisierung nach jeder Faltung, keine Hilfsklassifikatoren.',
  },
  'bn-inception': {
    top5: 'Ensemble aus 6 Netzen, Testdaten (4,9 % auf den Validierungsdaten)',
    note: 'Nach der Challenge 2014 veröffentlicht, kein Challenge-Beitrag.',
  },
  'inception-v3': {
    top5: '4 Modelle, je 144 Crops, Testdaten',
    singleModel: 'ein Modell, ein Crop, Validierungsdaten (21,2 % Top-1)',
    templateNote: 'InceptionV3 aus Keras Applications bei 299×299.',
    note: 'Kein Challenge-Beitrag; das Paper vergleicht es mit dem Stand der Technik von 2015.',
  },
  resnet: {
    top5: 'Ensemble aus 6 Netzen verschiedener Tiefe, Testdaten (Sieger ILSVRC 2015)',
    singleModel: 'ResNet-152, ein Modell, 10 Crops, Validierungsdaten',
    templateNote:
      'Netwright hat ResNet-50, nicht ResNet-152: gezeigt werden die Tiefe und die 11,3 G Multiply-Adds des Papers (seine Tabelle 1 nennt sie FLOPs) und die Parameterzahl von torchvisions resnet152 (das Paper nennt keine).',
  },
  human: { note: 'ein geschulter menschlicher Annotator auf 1.500 Testbildern' },
};
