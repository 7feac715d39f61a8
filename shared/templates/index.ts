import type { Graph } from '../graph/types';
import { buildAlexNet } from './alexnet';
import { buildBnInception } from './bnInception';
import { buildGoogLeNet } from './googlenet';
import {
  buildGridReductionATemplate,
  buildGridReductionBTemplate,
  buildInceptionATemplate,
  buildInceptionBTemplate,
  buildInceptionCTemplate,
  INCEPTION_A,
  INCEPTION_B,
  INCEPTION_C,
  INCEPTION_REDUCTION_A,
  INCEPTION_REDUCTION_B,
} from './inceptionModules';
import { buildInceptionV3 } from './inceptionV3';
import { buildInceptionV3Unfactorized } from './inceptionV3Unfactorized';
import { buildMobileNetV1 } from './mobilenetV1';
import { buildResNet50 } from './resnet50';
import { buildSmallInception } from './smallInception';
import { buildVgg16 } from './vgg16';
import { buildZfNet } from './zfnet';

export interface Template {
  id: string;
  label: string;
  /** One or two sentences for the palette tooltip / template picker. */
  description: string;
  /** 'network': a whole model; 'module': one block with an Input of the size it expects. */
  category: 'network' | 'module';
  /** A fresh graph on every call, so callers may edit it. */
  build(): Graph;
}

/** Every template the app offers, in palette order. */
export const templates: readonly Template[] = [
  {
    id: 'small-inception',
    label: 'Small Inception (32×32, 10 classes)',
    description:
      'Stem, two Inception-A-style modules with 1×1 bottlenecks and one parallel conv + pool grid reduction; ' +
      'about 119 k parameters, trains on CIFAR-sized images in minutes on a CPU.',
    category: 'network',
    build: () => buildSmallInception(),
  },
  {
    id: 'inception-v3',
    label: 'Inception v3',
    description:
      'Keras Applications InceptionV3 at 299×299×3, 1000 classes: 23,851,784 parameters, 5.71 G multiply-adds.',
    category: 'network',
    build: () => buildInceptionV3(),
  },
  {
    id: 'inception-v3-unfactorized',
    label: 'Inception v3, unfactorized ancestor',
    description:
      'Inception v3 with 5×5 and 7×7 convolutions where it has their factorized forms: same shapes and receptive ' +
      'fields, 37,696,232 parameters, 9.76 G multiply-adds. Factorize it to see what the paper saves.',
    category: 'network',
    build: () => buildInceptionV3Unfactorized(),
  },
  {
    id: 'vgg16',
    label: 'VGG16',
    description: 'Keras Applications VGG16 at 224×224×3, 1000 classes: 138,357,544 parameters, 15.47 G multiply-adds.',
    category: 'network',
    build: () => buildVgg16(),
  },
  {
    id: 'vgg19',
    label: 'VGG19',
    description:
      'Keras Applications VGG19 at 224×224×3, 1000 classes (torchvision counts the same): 143,667,240 parameters, 19.63 G multiply-adds.',
    category: 'network',
    build: () => buildVgg16({ depth: 19 }),
  },
  {
    id: 'alexnet',
    label: 'AlexNet',
    description:
      'torchvision AlexNet at 224×224×3 (one tower; the 2012 paper split it over two GPUs): 61,100,840 parameters, 714 M multiply-adds.',
    category: 'network',
    build: () => buildAlexNet(),
  },
  {
    id: 'zfnet',
    label: 'ZFNet',
    description:
      'ZFNet (Zeiler & Fergus 2013) at 224×224×3: AlexNet with a 7×7/2 first convolution instead of 11×11/4, ' +
      'a 5×5/2 second one and 384, 384, 256 filters in layers 3–5, on one GPU. torchvision has no ZFNet: this is ' +
      "built from the paper's figure (224 → 110 → 55 → 26 → 13 → 6), without its contrast normalisation, which " +
      'has no weights. 62,357,608 parameters, 1.17 G multiply-adds.',
    category: 'network',
    build: () => buildZfNet(),
  },
  {
    id: 'googlenet',
    label: 'GoogLeNet (Inception v1)',
    description:
      'torchvision GoogLeNet at 224×224×3, nine Inception modules: 6,639,464 parameters, of which 14,560 are ' +
      'batch-norm statistics (torchvision counts the other 6,624,904), 1.50 G multiply-adds. Where torchvision ' +
      'differs from the 2014 paper: a batch norm after every convolution (the paper had none), no auxiliary classifiers (the paper trained with two), and 3×3 ' +
      'convolutions in the branches the paper gives 5×5 to (its trained weights expect them).',
    category: 'network',
    build: () => buildGoogLeNet(),
  },
  {
    id: 'bn-inception',
    label: 'BN-Inception (Inception v2)',
    description:
      "BN-Inception (Ioffe & Szegedy 2015) at 224×224×3, from the paper's Table 1: GoogLeNet with each 5×5 " +
      'replaced by two 3×3s, a batch norm after every convolution, stride-2 modules instead of pools between ' +
      'stages, no dropout. torchvision has none. 11,305,256 parameters, of which 20,032 are batch-norm ' +
      'statistics, 2.03 G multiply-adds.',
    category: 'network',
    build: () => buildBnInception(),
  },
  {
    id: 'mobilenet-v1',
    label: 'MobileNet v1',
    description:
      'Keras Applications MobileNet (alpha 1) at 224×224×3, 1000 classes: depthwise-separable blocks, ' +
      '4,253,864 parameters, 569 M multiply-adds.',
    category: 'network',
    build: () => buildMobileNetV1(),
  },
  {
    id: 'resnet50',
    label: 'ResNet50',
    description:
      'Keras Applications ResNet50 at 224×224×3, 1000 classes: bottleneck residual blocks, 25,636,712 parameters.',
    category: 'network',
    build: () => buildResNet50(),
  },
  {
    id: INCEPTION_A,
    label: 'Inception module A (35×35)',
    description:
      'Keras mixed0: 1×1, 1×1→5×5, 1×1→3×3→3×3 and avg-pool→1×1 branches concatenated; 35×35×192 → 35×35×256.',
    category: 'module',
    build: buildInceptionATemplate,
  },
  {
    id: INCEPTION_B,
    label: 'Inception module B (17×17, 1×7 / 7×1)',
    description:
      'Keras mixed4: 7×7 convolutions factorized into 1×7 then 7×1 (2/7 of the cost); 17×17×768 → 17×17×768.',
    category: 'module',
    build: buildInceptionBTemplate,
  },
  {
    id: INCEPTION_C,
    label: 'Inception module C (8×8, expanded)',
    description: 'Keras mixed9: 3×3 outputs split into parallel 1×3 and 3×1 convolutions; 8×8×1280 → 8×8×2048.',
    category: 'module',
    build: buildInceptionCTemplate,
  },
  {
    id: INCEPTION_REDUCTION_A,
    label: 'Grid reduction A (35 → 17)',
    description: 'Keras mixed3: stride-2 convolutions beside a stride-2 max pool, concatenated; 35×35×288 → 17×17×768.',
    category: 'module',
    build: buildGridReductionATemplate,
  },
  {
    id: INCEPTION_REDUCTION_B,
    label: 'Grid reduction B (17 → 8)',
    description: 'Keras mixed8: stride-2 convolutions beside a stride-2 max pool, concatenated; 17×17×768 → 8×8×1280.',
    category: 'module',
    build: buildGridReductionBTemplate,
  },
];

const byId = new Map(templates.map((t) => [t.id, t]));

export function getTemplate(id: string): Template | undefined {
  return byId.get(id);
}
