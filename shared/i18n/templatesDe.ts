import type { Catalogue } from './catalogue';

/** The templates in German: the same keys and {{placeholders}} as templatesEn.ts. */
export const templatesDe: Catalogue['templates'] = {
  'small-inception': {
    label: 'Kleines Inception (32×32, 10 Klassen)',
    description:
      'Stem, zwei Module im Stil von Inception-A mit 1×1-Engpässen und eine parallele Gitterreduktion aus Faltung und Pooling; {{params}} Parameter, trainiert auf Bildern in CIFAR-Größe in Minuten auf einer CPU.',
  },
  'inception-v3': {
    label: 'Inception v3',
    description:
      'InceptionV3 aus Keras Applications bei 299×299×3, 1000 Klassen: {{params}} Parameter, {{macs}} Multiply-Adds.',
  },
  'inception-v3-unfactorized': {
    label: 'Inception v3, unfaktorisierter Vorgänger',
    description:
      'Inception v3 mit 5×5- und 7×7-Faltungen dort, wo es deren faktorisierte Formen hat: gleiche Formen und rezeptive Felder, {{params}} Parameter, {{macs}} Multiply-Adds. Faktorisieren Sie es, um zu sehen, was das Paper spart.',
  },
  vgg16: {
    label: 'VGG16',
    description:
      'VGG16 aus Keras Applications bei 224×224×3, 1000 Klassen: {{params}} Parameter, {{macs}} Multiply-Adds.',
  },
  vgg19: {
    label: 'VGG19',
    description:
      'VGG19 aus Keras Applications bei 224×224×3, 1000 Klassen (torchvision zählt genauso): {{params}} Parameter, {{macs}} Multiply-Adds.',
  },
  alexnet: {
    label: 'AlexNet',
    description:
      'AlexNet aus torchvision bei 224×224×3 (ein Strang; das Paper von 2012 teilte es auf zwei GPUs auf): {{params}} Parameter, {{macs}} Multiply-Adds.',
  },
  zfnet: {
    label: 'ZFNet',
    description:
      'ZFNet (Zeiler & Fergus 2013) bei 224×224×3: AlexNet mit einer ersten 7×7/2-Faltung statt 11×11/4, einer zweiten mit 5×5/2 und 384, 384, 256 Filtern in den Schichten 3–5, auf einer GPU. torchvision hat kein ZFNet: Dieses ist nach der Abbildung des Papers gebaut (224 → 110 → 55 → 26 → 13 → 6), ohne dessen Kontrastnormierung, die keine Gewichte hat. {{params}} Parameter, {{macs}} Multiply-Adds.',
  },
  googlenet: {
    label: 'GoogLeNet (Inception v1)',
    description:
      'GoogLeNet aus torchvision bei 224×224×3, neun Inception-Module: {{params}} Parameter, davon {{nonTrainable}} Batch-Norm-Statistiken (torchvision zählt die übrigen {{trainable}}), {{macs}} Multiply-Adds. Wo torchvision vom Paper von 2014 abweicht: eine Batch-Normalisierung nach jeder Faltung (das Paper hatte keine), keine Hilfsklassifikatoren (das Paper trainierte mit zweien) und 3×3-Faltungen in den Zweigen, denen das Paper 5×5 gibt (die trainierten Gewichte erwarten sie).',
  },
  'bn-inception': {
    label: 'BN-Inception (Inception v2)',
    description:
      'BN-Inception (Ioffe & Szegedy 2015) bei 224×224×3, nach Tabelle 1 des Papers: GoogLeNet, jede 5×5 durch zwei 3×3 ersetzt, eine Batch-Normalisierung nach jeder Faltung, Module mit Schrittweite 2 statt Pooling zwischen den Stufen, kein Dropout. torchvision hat keins. {{params}} Parameter, davon {{nonTrainable}} Batch-Norm-Statistiken, {{macs}} Multiply-Adds.',
  },
  'mobilenet-v1': {
    label: 'MobileNet v1',
    description:
      'MobileNet (alpha 1) aus Keras Applications bei 224×224×3, 1000 Klassen: tiefenweise separierbare Blöcke, {{params}} Parameter, {{macs}} Multiply-Adds.',
  },
  resnet50: {
    label: 'ResNet50',
    description:
      'ResNet50 aus Keras Applications bei 224×224×3, 1000 Klassen: residuale Engpass-Blöcke, {{params}} Parameter, {{macs}} Multiply-Adds.',
  },
  'inception-a': {
    label: 'Inception-Modul A (35×35)',
    description: 'Keras mixed0: Zweige 1×1, 1×1→5×5, 1×1→3×3→3×3 und Avg-Pool→1×1, verkettet; 35×35×192 → 35×35×256.',
  },
  'inception-b': {
    label: 'Inception-Modul B (17×17, 1×7 / 7×1)',
    description: 'Keras mixed4: 7×7-Faltungen faktorisiert in 1×7, dann 7×1 (2/7 der Kosten); 17×17×768 → 17×17×768.',
  },
  'inception-c': {
    label: 'Inception-Modul C (8×8, erweitert)',
    description: 'Keras mixed9: 3×3-Ausgaben aufgeteilt in parallele 1×3- und 3×1-Faltungen; 8×8×1280 → 8×8×2048.',
  },
  'inception-reduction-a': {
    label: 'Gitterreduktion A (35 → 17)',
    description:
      'Keras mixed3: Faltungen mit Schrittweite 2 neben einem Max-Pooling mit Schrittweite 2, verkettet; 35×35×288 → 17×17×768.',
  },
  'inception-reduction-b': {
    label: 'Gitterreduktion B (17 → 8)',
    description:
      'Keras mixed8: Faltungen mit Schrittweite 2 neben einem Max-Pooling mit Schrittweite 2, verkettet; 17×17×768 → 8×8×1280.',
  },
};
