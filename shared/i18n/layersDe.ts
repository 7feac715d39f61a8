import type { Catalogue } from './catalogue';

/** The layer kinds in German: the same keys as layersEn.ts; Keras class names unchanged. */
export const layersDe: Catalogue['layers'] = {
  label: {
    Input: 'Eingabe',
    Conv2D: 'Conv2D',
    DepthwiseConv2D: 'Depthwise Conv2D',
    SeparableConv2D: 'Separable Conv2D',
    Conv2DTranspose: 'Conv2D transponiert',
    ZeroPadding2D: 'Zero-Padding',
    Cropping2D: 'Zuschneiden',
    UpSampling2D: 'Hochskalieren',
    Compress1x1: '1×1-Kompression',
    StridedReduction: 'Reduktion mit Schrittweite',
    MaxPool2D: 'Max-Pooling',
    AvgPool2D: 'Average-Pooling',
    GlobalAvgPool2D: 'Globales Average-Pooling',
    GlobalMaxPool2D: 'Globales Max-Pooling',
    Concatenate: 'Verketten',
    Add: 'Addieren',
    Multiply: 'Multiplizieren',
    Subtract: 'Subtrahieren',
    Average: 'Mitteln',
    Maximum: 'Maximum',
    Minimum: 'Minimum',
    BatchNorm: 'Batch-Normalisierung',
    LayerNormalization: 'Layer-Normalisierung',
    Activation: 'Aktivierung',
    ReLU: 'ReLU',
    LeakyReLU: 'Leaky ReLU',
    PReLU: 'PReLU',
    ELU: 'ELU',
    Rescaling: 'Umskalieren',
    Normalization: 'Normalisierung',
    Dropout: 'Dropout',
    Flatten: 'Flatten',
    Reshape: 'Umformen',
    Permute: 'Achsen vertauschen',
    Dense: 'Dense',
  },
  description: {
    Input: 'Hier kommen die Daten herein: ein Bild [Höhe, Breite, Kanäle] oder ein Vektor [Länge], ohne Batch-Achse.',
    Conv2D: 'Schiebt gelernte kh×kw-Filter über das Bild; jede Kernform, auch 1×n und n×1.',
    DepthwiseConv2D:
      'Filtert jeden Kanal für sich (ohne Kanäle zu mischen): die günstige räumliche Hälfte einer separierbaren Faltung.',
    SeparableConv2D:
      'Eine Depthwise-Faltung, gefolgt von einer 1×1-Faltung: fast die Reichweite einer Conv2D für einen Bruchteil der Kosten.',
    Conv2DTranspose:
      'Gelerntes Hochskalieren: Jedes Eingabepixel verteilt einen kh×kw-Filter über eine um die Schrittweite größere Ausgabe.',
    ZeroPadding2D:
      'Fügt Zeilen und Spalten aus Nullen um das Bild an, z. B. vor einer ‚valid‘-Faltung mit Schrittweite.',
    Cropping2D:
      'Schneidet Zeilen und Spalten an den Bildrändern ab, z. B. um zwei Zweige anzugleichen; keine Gewichte.',
    UpSampling2D: 'Vergrößert das Bild um ganzzahlige Faktoren, durch Wiederholen oder Interpolieren; keine Gewichte.',
    Compress1x1:
      'Eine 1×1-Faltung, die die Kanalzahl (um einen Anteil oder auf eine Zahl) vor einer teuren Faltung verringert.',
    StridedReduction:
      'Verkleinert Höhe und Breite mit einer Faltung oder einem Pooling mit Schrittweite, wie Inception zwischen den Stufen.',
    MaxPool2D: 'Behält den größten Wert jedes Fensters: verkleinert das Bild und behält die stärksten Antworten.',
    AvgPool2D: 'Mittelt jedes Fenster: verkleinert das Bild glatt, ohne gelernte Gewichte.',
    GlobalAvgPool2D: 'Mittelt jeden Kanal über das ganze Bild: eine Zahl pro Kanal, keine Gewichte.',
    GlobalMaxPool2D: 'Nimmt den größten Wert jedes Kanals über das ganze Bild: eine Zahl pro Kanal.',
    Concatenate:
      'Stapelt die Eingaben entlang einer Achse (standardmäßig der Kanäle), wie Inception seine Zweige zusammenführt.',
    Add: 'Addiert die Eingaben elementweise, wie eine Residual-(Skip-)Verbindung; die Formen müssen gleich sein.',
    Multiply:
      'Multipliziert die Eingaben elementweise, z. B. eine Feature-Map mit ihren Kanalgewichten bei Squeeze-and-Excitation.',
    Subtract: 'Subtrahiert die zweite Eingabe elementweise von der ersten.',
    Average: 'Mittelt die Eingaben elementweise.',
    Maximum: 'Behält an jeder Position den größten Wert der Eingaben.',
    Minimum: 'Behält an jeder Position den kleinsten Wert der Eingaben.',
    BatchNorm: 'Normalisiert jeden Kanal über den Batch und skaliert ihn dann neu: stabileres, schnelleres Training.',
    LayerNormalization: 'Normalisiert jede Position über ihre Kanäle und skaliert dann neu; unabhängig vom Batch.',
    Activation: 'Wendet eine Nichtlinearität wie ReLU elementweise an; keine Gewichte, Form unverändert.',
    ReLU: 'Gleichrichter mit Optionen: eine Obergrenze (6 ergibt ReLU6), eine Steigung unter null und eine Schwelle; keine Gewichte.',
    LeakyReLU: 'ReLU, die negative Werte mit einer kleinen Steigung durchlässt; keine Gewichte.',
    PReLU: 'Leaky ReLU mit gelernten Steigungen unter null: eine pro Wert oder, mit geteilten Achsen, pro Kanal.',
    ELU: 'Exponential Linear Unit: x über null, darunter eine glatte Kurve bis −alpha; keine Gewichte.',
    Rescaling:
      'Multipliziert jeden Wert mit einem Faktor und addiert einen Versatz, z. B. Pixel 0…255 auf 0…1; keine Gewichte.',
    Normalization:
      'Zieht einen Mittelwert pro Kanal ab und teilt durch die Standardabweichung, als Vorverarbeitung der Daten.',
    Dropout:
      'Setzt im Training einen zufälligen Anteil der Werte auf null, gegen Überanpassung; bei der Inferenz wirkungslos.',
    Flatten: 'Rollt ein Bild zu einem langen Vektor aus, z. B. vor einer Dense-Schicht.',
    Reshape: 'Ordnet dieselben Werte in eine neue Form; eine Achse darf -1 sein und nimmt den Rest.',
    Permute: 'Ordnet die Achsen neu, z. B. vertauscht Höhe und Breite; die Werte bleiben dieselben.',
    Dense: 'Vollständig verbunden: Jede Ausgabeeinheit gewichtet jeden Wert der letzten Achse.',
  },
  unsupported: {
    label: 'Nicht unterstützte Schicht',
    description:
      'Eine Schicht, die Netwright nicht darstellen kann; sie bleibt mit ihrer Ausgabeform erhalten, damit der Rest analysiert wird.',
  },
  offers: {
    conv: { label: 'Faltung k×k' },
    convRow: {
      label: 'Faltung 1×n',
      description: 'Eine einzeilige Faltung: zusammen mit einer n×1 sieht sie ein n×n-Fenster für 2/n der Kosten.',
    },
    convColumn: {
      label: 'Faltung n×1',
      description: 'Eine einspaltige Faltung: die zweite Hälfte einer asymmetrischen n×n-Faktorisierung.',
    },
    reluCapped: { label: 'ReLU (begrenzt)' },
    gap: { label: 'Globales Average-Pooling' },
    gapKeepDims: {
      label: 'Globales Average-Pooling (1×1)',
      description: 'Mittelt jeden Kanal zu einer 1×1×C-Map, dem „Squeeze“ von Squeeze-and-Excitation.',
    },
    gmp: { label: 'Globales Max-Pooling' },
    softmax: {
      label: 'Softmax',
      description: 'Macht aus Scores Klassenwahrscheinlichkeiten, die sich zu eins summieren.',
    },
  },
  modules: {
    gridReduction: 'Gitterreduktion (Faltung + Pooling)',
    inceptionA: 'Inception A',
    inceptionB: 'Inception B (1×n + n×1)',
    inceptionC: 'Inception C (Filterbank)',
    reductionA: 'Reduktion A',
    reductionB: 'Reduktion B',
    connect: '{{description}} Wählen Sie vor dem Einfügen den Knoten, der es speist, dann wird es verbunden.',
  },
};
