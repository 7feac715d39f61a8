import type { Catalogue } from './catalogue';

/** The built-in lecture in German: the same keys and {placeholders} as lessonEn.ts. */
export const lessonDe: Catalogue['lesson'] = {
  title: 'Inception v2/v3: tiefer für weniger',
  networks: {
    naive: 'naives Inception-Modul',
    compress: 'Inception-Modul mit 1×1-Reduktionen',
    five: '5×5-Faltung',
    twoThrees: 'zwei gestapelte 3×3-Faltungen',
    seven: '7×7-Faltung',
    asymmetric: '1×7, dann 7×1',
    poolFirst: 'erst poolen, dann falten',
    convFirst: 'erst falten, dann poolen',
    parallel: 'Stride-2-Faltung neben Pooling',
  },
  steps: {
    alexnet: {
      title: 'Tiefere Netze senken den Fehler',
      caption:
        'AlexNet (2012) gewann ImageNet mit {depth} Schichten: {params} Parameter und {macs} Multiplikations-Additionen pro 224×224-Bild.\n\n- Jeder Sieger danach war tiefer.\n- Die Frage dieser Vorlesung: wie man tiefer wird, ohne dafür zu bezahlen.',
    },
    vgg: {
      title: 'Tiefe, der teure Weg',
      caption:
        'VGG-16 (2014) stapelt 3×3-Faltungen {depth} Schichten tief: {params} Parameter und {macs} Multiplikations-Additionen, **{change.macsRatio}** so viele wie AlexNet.',
    },
    naive: {
      title: 'Das naive Inception-Modul',
      caption:
        '1×1-, 3×3- und 5×5-Faltungen und ein Pooling-Zweig nebeneinander auf einem 28×28×192-Gitter: {macs} Multiplikations-Additionen, {params} Parameter.\n\n- Die 3×3 und die 5×5 lesen alle 192 Kanäle.\n- Der Pooling-Zweig reicht jeden Kanal weiter: die Ausgabe wächst auf {outputShape}.',
    },
    compress: {
      title: '1×1-Faltungen komprimieren zuerst',
      caption:
        'Eine 1×1-Faltung vor jedem teuren Zweig verringert die Kanäle, die er liest: {macs} Multiplikations-Additionen, **{saved.macsPct} weniger** als das naive Modul, und eine kleinere Ausgabe ({outputShape}).',
    },
    five: {
      title: 'Eine 5×5-Faltung',
      caption: 'Eine 5×5-Faltung auf einem 35×35×64-Gitter sieht ein {rf}-Fenster: {macs} Multiplikations-Additionen.',
    },
    twoThrees: {
      title: '5×5 → zwei 3×3',
      caption:
        'Zwei gestapelte 3×3-Faltungen sehen dasselbe {rf}-Fenster (vorher {other.rf}) mit **{saved.macsPct} weniger Multiplikations-Additionen** ({macs} statt {other.macs}) und fügen eine Nichtlinearität hinzu.',
    },
    seven: {
      title: 'Eine 7×7-Faltung',
      caption: 'Eine 7×7-Faltung auf einem 17×17×192-Gitter: {macs} Multiplikations-Additionen, ein {rf}-Fenster.',
    },
    asymmetric: {
      title: 'n×n → 1×n + n×1',
      caption:
        'Eine 1×7- und dann eine 7×1-Faltung decken dasselbe {rf}-Fenster ab: **{saved.macsPct} weniger Multiplikations-Additionen**, 1 − 2/n für n = 7.',
    },
    poolFirst: {
      title: 'Gitterreduktion: erst poolen?',
      caption:
        'Von 35×35×320 auf {outputShape}: zuerst zu poolen ist billig ({macs} Multiplikations-Additionen), presst die Darstellung aber durch einen 17×17×320-Engpass, bevor die Faltung sie verbreitern kann.',
    },
    convFirst: {
      title: 'Gitterreduktion: erst falten?',
      caption:
        'Zuerst zu falten erhält die Darstellung, kostet aber {macs} Multiplikations-Additionen, **{change.macsRatio}** so viel wie erst zu poolen.',
    },
    parallel: {
      title: 'Gitterreduktion: beides parallel',
      caption:
        'Eine Stride-2-Faltung und eine Pooling-Schicht nebeneinander, verkettet: {outputShape} ohne Engpass, für {macs} Multiplikations-Additionen, **{saved.macsPct} weniger** als erst zu falten.',
    },
    ancestor: {
      title: 'Inception v3 vor dem Faktorisieren',
      caption:
        'Inception v3 mit unfaktorisierten 5×5- und 7×7-Faltungen: {params} Parameter, {macs} Multiplikations-Additionen.',
    },
    inceptionV3: {
      title: 'Inception v3: tiefer für weniger',
      caption:
        'Faktorisiert hat dasselbe Netz **{saved.paramsPct} weniger Parameter** und **{saved.macsPct} weniger Multiplikations-Additionen** ({params} und {macs}), bei gleicher Ausgabeform ({outputShape}) und gleichen rezeptiven Feldern.',
    },
    smoothing: {
      title: 'Label Smoothing',
      caption:
        'Label Smoothing trainiert auf y·(1 − ε) + ε/K statt auf One-Hot-Ziele, sodass das Netz seine Logits nicht mehr grenzenlos auseinandertreibt.\n\n- Dieses Netz mit {params} Parametern mit ε = 0 und ε = 0,1 trainieren (zwei Läufe im Tab Training) und Genauigkeit und Kalibrierung (ECE) der Läufe vergleichen.',
    },
  },
};
