import type { Catalogue } from './catalogue';

/** The rewrites in German: the same keys and {{placeholders}} as rewritesEn.ts. */
export const rewritesDe: Catalogue['rewrites'] = {
  rules: {
    stack: 'n×n → gestapelte 3×3-Faltungen',
    asymmetric: 'n×n → 1×n, dann n×1',
    bottleneck: '1×1-Bottleneck vor einer k×k-Faltung',
    'grid-reduction': 'parallele Stride-2-Faltung und Pooling',
    'filter-bank': 'erweiterte Filterbank (1×n ‖ n×1)',
  },
  options: {
    stackChannels: 'Kanäle zwischen den 3×3-Faltungen (Standard: die Ausgabekanäle der Faltung)',
    activation: 'Nichtlinearität zwischen den Faltungen (Standard: relu)',
    asymmetricChannels:
      'Kanäle zwischen den beiden Faltungen (Standard: die kleinere Zahl aus Eingabe- und Ausgabekanälen der Faltung)',
    order: '1xn: erst 1×n, dann n×1, wie Abbildung 3 des Papers (Standard); nx1: umgekehrt',
    ratio: 'komprimierte Kanäle als Anteil der Eingabekanäle, größer als 0 und kleiner als 1 (Standard 0,5)',
    bottleneckChannels: 'komprimierte Kanäle als Anzahl (entweder dies oder ratio, nicht beides)',
    branchChannels: 'Kanäle des 1×n-Zweigs; der n×1-Zweig erhält den Rest (Standard: die Hälfte, aufgerundet)',
  },
  principles: {
    bottleneck:
      'Vermeiden Sie Repräsentations-Engpässe, besonders früh im Netz: Die Repräsentation soll von der Eingabe zur Ausgabe sanft schrumpfen (Inception v3 §2, Prinzip 1)',
    largeKernel:
      'Faktorisieren Sie Faltungen mit großen Filtern: Stapel kleiner oder asymmetrischer Faltungen sehen dasselbe Fenster für weniger Kosten (Inception v3 §3)',
    width:
      'Verbreitern Sie das Netz dort, wo das Gitter schrumpft, damit die Repräsentation sanft schrumpft und die Kosten ausgewogen bleiben (Inception v3 §2, Prinzipien 1 und 4; §5)',
    bottleneckFix:
      'Verkleinern Sie das Gitter mit einer Stride-2-Faltung und dem Pooling nebeneinander, verkettet (Regel grid-reduction), oder erweitern Sie die Kanäle im selben Schritt, der das Gitter verkleinert.',
    bottleneckMessage:
      'Repräsentations-Engpass: „{{name}}“ verkleinert die Aktivierung von {{from}} ({{fromValues}} Werte) auf {{to}} ({{toValues}}) und behält damit {{kept}} in einem Schritt (Schwelle {{threshold}}). {{principle}}. Abhilfe: {{fix}}',
    widthFix:
      'Fügen Sie die Kanäle dort hinzu, wo das Gitter verkleinert wird (zum Beispiel mit parallelen Stride-2-Faltungs- und Pooling-Zweigen, Regel grid-reduction), und halten Sie die Breite bis dahin.',
    widthMessage:
      'Die Kanalbreite wächst von {{from}} auf {{to}} ({{growth}}×) bei {{grid}}, ohne das Gitter zu verkleinern, bei „{{name}}“. {{principle}}. Abhilfe: {{fix}}',
    largeKernelWay: '{{replacement}} für {{saved}} weniger Multiply-Adds (Regel {{rule}})',
    or: ' oder ',
    largeKernelFix: 'Wenden Sie {{rules}} an: Rezeptives Feld und Ausgabeform bleiben gleich.',
    largeKernelMessage:
      'Großer Kernel: „{{name}}“ ist eine {{kernel}}-Faltung. Dasselbe {{kernel}}-Fenster kostet weniger als {{ways}}. {{principle}}. Abhilfe: {{fix}}',
  },
  report: {
    description: '{{original}} → {{replacement}}',
    rfSame: 'Rezeptives Feld unverändert (in Pixeln der Netzeingabe): {{rf}} vorher und nachher ({{reason}}).',
    rfChanged: 'Rezeptives Feld ändert sich (in Pixeln der Netzeingabe) von {{before}} auf {{after}} ({{reason}}).',
    shape: 'Ausgabeform unverändert: {{shape}} vorher und nachher.',
    countWords: '|eine|zwei|drei|vier|fünf|sechs|sieben|acht|neun',
    stack: '{{count}} gestapelte 3×3-Faltungen',
    stackReason:
      '{{count}} gestapelte 3×3-Fenster überspannen 1 + {{n}}·2 = {{k}} Positionen pro Achse, wie ein {{k}}×{{k}}-Fenster',
    asymmetric: 'erst {{first}}, dann {{second}}',
    asymmetricReason:
      'ein {{n}}×1-Fenster nach einem 1×{{n}}-Fenster deckt {{n}}×{{n}} ab, wie die {{n}}×{{n}}-Faltung',
    asymmetricNote:
      'laut Paper wirkt diese Faktorisierung am besten auf mittleren Gittern ({{from}} bis {{to}}); diese Faltung arbeitet auf {{grid}}',
    bottleneck: '1×1-Kompression auf {{channels}} Kanäle, dann die {{k}}×{{k}}-Faltung',
    bottleneckReason: 'ein 1×1-Fenster vergrößert das rezeptive Feld nicht',
    filterBank: 'parallele 1×{{n}}- ({{wide}}) und {{n}}×1-Faltungen ({{tall}}), verkettet',
    filterBankReason:
      'die 1×{{n}}- und {{n}}×1-Zweige überspannen zusammen {{n}}×{{n}}; jeder Ausgabekanal sieht einen Streifen davon',
    filterBankNote:
      'Inception-C gibt jedem Zweig die volle Breite und verdoppelt so die Ausgabe; hier werden die {{filters}} Kanäle auf beide aufgeteilt, damit die Ausgabeform bleibt',
    gridThen: '{{conv}}, dann {{pool}}',
    gridAfter: '{{conv}} nach {{pool}}',
    gridReduction:
      'parallele Zweige aus {{kernel}}/{{stride}}-Faltung ({{convChannels}}) und {{pool}} ({{poolChannels}}), verkettet',
    maxPool: 'Max-Pooling',
    averagePool: 'Average-Pooling',
    gridReductionReason: 'die parallelen Zweige sehen das größere ihrer beiden Fenster statt beider nacheinander',
    gridReductionNote: 'der Pooling-Zweig reicht die {{channels}} Eingabekanäle ohne Faltung durch',
  },
  refusal: {
    invalidOption: 'Ungültige Option für {{rule}}: {{message}}',
    unknownNode: 'In diesem Netz gibt es keinen Knoten „{{id}}“',
    networkErrors: 'Das Netz hat Fehler; beheben Sie sie, bevor Sie es umformen',
    networkErrorsAt: 'Das Netz hat Fehler; beheben Sie sie, bevor Sie es umformen ({{where}}{{message}})',
    notApplicable: '{{rule}} greift nicht bei „{{name}}“: {{reason}}',
    notMade: '{{rule}} wurde bei „{{name}}“ nicht angewandt: {{reason}}',
    proofError: 'das umgeformte Netz hätte einen Fehler ({{name}}: {{message}}) – bitte melden Sie das',
    proofCosts: 'Kosten außerhalb des umgeformten Teils würden sich ändern – bitte melden Sie das',
    proofOutputShape: 'die Umformung würde die Ausgabeform von {{before}} auf {{after}} ändern',
    proofShape: '„{{name}}“ würde seine Form von {{before}} auf {{after}} ändern',
    proofField: '„{{name}}“ würde {{now}} statt {{before}} sehen',
    proofOwnField: 'das rezeptive Feld würde sich von {{before}} auf {{after}} ändern',
    notConv: 'es ist eine {{kind}}-Schicht, und diese Umformung ersetzt eine Conv2D',
    grouped: 'es ist eine gruppierte Faltung (groups {{groups}}), die keine Umformung behandelt',
    stackSquare: 'ihr Kernel ist {{kernel}}; stack braucht einen quadratischen n×n-Kernel',
    stackEven: 'ihr Kernel ist {{kernel}}; gestapelte 3×3-Faltungen erreichen nur ungerade Größen (5×5, 7×7, …)',
    stackSmall: 'ihr Kernel ist {{kernel}}; stack ersetzt 5×5 oder größer (3×3 ist schon der kleinste ungerade Kernel)',
    asymmetricSquare: 'ihr Kernel ist {{kernel}}; asymmetric braucht einen quadratischen n×n-Kernel',
    asymmetricSmall: 'ihr Kernel ist {{kernel}}; asymmetric braucht n ≥ 3',
    bottleneckKernel: 'ihr Kernel ist {{kernel}}; ein Bottleneck steht vor einer k×k-Faltung mit k ≥ 3',
    bottleneckInput:
      'sie liest die Netzeingabe; ein 1×1-Bottleneck komprimiert gelernte Merkmale, nicht die rohen Eingabekanäle',
    bottleneckTwice: 'sie liest bereits eine 1×1-Reduktion („{{name}}“)',
    bottleneckWidth:
      'ihre {{channels}} Eingabekanäle auf {{compressed}} zu komprimieren, würde sie nicht verringern; wählen Sie weniger Kanäle',
    filterBankKernel: 'ihr Kernel ist {{kernel}}; die Filterbank teilt eine quadratische n×n-Faltung, n ≥ 3',
    filterBankValid:
      "mit Padding 'valid' verkleinern die 1×n- und n×1-Zweige verschiedene Achsen und lassen sich nicht verketten",
    filterBankGrid:
      'sie arbeitet auf {{grid}}, die erweiterte Filterbank gehört aber auf das gröbste Gitter (hier {{coarsest}}); verwenden Sie stattdessen asymmetric',
    filterBankOne: 'sie hat nur einen Filter, der sich nicht auf zwei Zweige aufteilen lässt',
    filterBankSplit: 'branch1xnChannels ({{wide}}) muss dem {{n}}×1-Zweig einige der {{filters}} Filter lassen',
    gridNoConv:
      'dieses Pooling wird weder von einer Faltung gespeist noch speist es eine (ohne andere Leser dazwischen)',
    gridNoPool:
      '„{{name}}“ wird weder von einem Pooling gefolgt noch von einem gespeist (ohne andere Leser dazwischen)',
    gridStrided: 'ihre Faltung „{{name}}“ hat bereits Schrittweite {{stride}}',
    gridPoolStride: 'das Pooling „{{name}}“ hat Schrittweite 1 und verkleinert das Gitter nicht',
    gridNoExpansion:
      '„{{name}}“ erweitert die Kanäle nicht ({{channels}} → {{filters}}); der parallele Pooling-Zweig allein trägt alle {{channels}}',
    gridPoolGrid:
      "das Pooling auf der Eingabe {{input}} ergäbe {{grid}}, nicht das {{goal}}-Gitter, das dieser Teil erzeugt (eine 'valid'-Faltung verkleinert es auch)",
    nothing: 'nichts',
    gridNoConvGrid: 'keine Faltung mit Schrittweite {{stride}} erzeugt das {{goal}}-Gitter',
  },
  compare: {
    headline: '{{params}} Parameter, {{macs}} Multiply-Adds',
    countingNote:
      'Parameter sind die Gewichte, die Keras anlegen würde. Eine Multiply-Accumulate-Operation (MAC) zählt einmal; FLOPs = 2 × MACs.',
    original: 'Original',
    factorized: 'faktorisiert',
    versus: '{{a}} vs. {{b}}',
    module: 'Modul',
    layer: 'Schicht',
    paramsPer: 'Parameter pro {{rows}}',
    macsPer: 'Multiply-Adds pro {{rows}}',
    paramsAxis: 'Parameter',
    macsAxis: 'Multiply-Adds (MACs)',
    outsideModules: '(außerhalb von Modulen)',
    md: {
      totals: 'Summen',
      change: 'Änderung',
      parameters: 'Parameter',
      trainable: 'Trainierbar',
      nonTrainable: 'Nicht trainierbar',
      macs: 'Multiply-Adds (MACs)',
      flops: 'FLOPs',
      outputShape: 'Ausgabeform',
      same: 'gleich',
      different: 'verschieden',
      perModule: 'Pro Modul',
      perLayer: 'Pro Schicht',
      moduleColumn: 'Modul',
      layerColumn: 'Schicht',
      paramsA: 'Parameter A',
      paramsB: 'Parameter B',
      macsA: 'MACs A',
      macsB: 'MACs B',
      legend: 'A: {{a}}. B: {{b}}. Änderung = B − A.',
    },
  },
};
