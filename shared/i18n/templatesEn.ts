/**
 * The templates' names and descriptions (shared/templates). Descriptions take their counts
 * from the analysis of the template itself: {{params}} (total), {{trainable}},
 * {{nonTrainable}} and {{macs}} (multiply-adds, "5.71 G"), so no typed number can drift.
 */
export const templatesEn = {
  'small-inception': {
    label: 'Small Inception (32×32, 10 classes)',
    description:
      'Stem, two Inception-A-style modules with 1×1 bottlenecks and one parallel conv + pool grid reduction; {{params}} parameters, trains on CIFAR-sized images in minutes on a CPU.',
  },
  'inception-v3': {
    label: 'Inception v3',
    description:
      'Keras Applications InceptionV3 at 299×299×3, 1000 classes: {{params}} parameters, {{macs}} multiply-adds.',
  },
  'inception-v3-unfactorized': {
    label: 'Inception v3, unfactorized ancestor',
    description:
      'Inception v3 with 5×5 and 7×7 convolutions where it has their factorized forms: same shapes and receptive fields, {{params}} parameters, {{macs}} multiply-adds. Factorize it to see what the paper saves.',
  },
  vgg16: {
    label: 'VGG16',
    description: 'Keras Applications VGG16 at 224×224×3, 1000 classes: {{params}} parameters, {{macs}} multiply-adds.',
  },
  vgg19: {
    label: 'VGG19',
    description:
      'Keras Applications VGG19 at 224×224×3, 1000 classes (torchvision counts the same): {{params}} parameters, {{macs}} multiply-adds.',
  },
  alexnet: {
    label: 'AlexNet',
    description:
      'torchvision AlexNet at 224×224×3 (one tower; the 2012 paper split it over two GPUs): {{params}} parameters, {{macs}} multiply-adds.',
  },
  zfnet: {
    label: 'ZFNet',
    description:
      "ZFNet (Zeiler & Fergus 2013) at 224×224×3: AlexNet with a 7×7/2 first convolution instead of 11×11/4, a 5×5/2 second one and 384, 384, 256 filters in layers 3–5, on one GPU. torchvision has no ZFNet: this is built from the paper's figure (224 → 110 → 55 → 26 → 13 → 6), without its contrast normalisation, which has no weights. {{params}} parameters, {{macs}} multiply-adds.",
  },
  googlenet: {
    label: 'GoogLeNet (Inception v1)',
    description:
      'torchvision GoogLeNet at 224×224×3, nine Inception modules: {{params}} parameters, of which {{nonTrainable}} are batch-norm statistics (torchvision counts the other {{trainable}}), {{macs}} multiply-adds. Where torchvision differs from the 2014 paper: a batch norm after every convolution (the paper had none), no auxiliary classifiers (the paper trained with two), and 3×3 convolutions in the branches the paper gives 5×5 to (its trained weights expect them).',
  },
  'bn-inception': {
    label: 'BN-Inception (Inception v2)',
    description:
      "BN-Inception (Ioffe & Szegedy 2015) at 224×224×3, from the paper's Table 1: GoogLeNet with each 5×5 replaced by two 3×3s, a batch norm after every convolution, stride-2 modules instead of pools between stages, no dropout. torchvision has none. {{params}} parameters, of which {{nonTrainable}} are batch-norm statistics, {{macs}} multiply-adds.",
  },
  'mobilenet-v1': {
    label: 'MobileNet v1',
    description:
      'Keras Applications MobileNet (alpha 1) at 224×224×3, 1000 classes: depthwise-separable blocks, {{params}} parameters, {{macs}} multiply-adds.',
  },
  resnet50: {
    label: 'ResNet50',
    description:
      'Keras Applications ResNet50 at 224×224×3, 1000 classes: bottleneck residual blocks, {{params}} parameters, {{macs}} multiply-adds.',
  },
  'inception-a': {
    label: 'Inception module A (35×35)',
    description:
      'Keras mixed0: 1×1, 1×1→5×5, 1×1→3×3→3×3 and avg-pool→1×1 branches concatenated; 35×35×192 → 35×35×256.',
  },
  'inception-b': {
    label: 'Inception module B (17×17, 1×7 / 7×1)',
    description:
      'Keras mixed4: 7×7 convolutions factorized into 1×7 then 7×1 (2/7 of the cost); 17×17×768 → 17×17×768.',
  },
  'inception-c': {
    label: 'Inception module C (8×8, expanded)',
    description: 'Keras mixed9: 3×3 outputs split into parallel 1×3 and 3×1 convolutions; 8×8×1280 → 8×8×2048.',
  },
  'inception-reduction-a': {
    label: 'Grid reduction A (35 → 17)',
    description: 'Keras mixed3: stride-2 convolutions beside a stride-2 max pool, concatenated; 35×35×288 → 17×17×768.',
  },
  'inception-reduction-b': {
    label: 'Grid reduction B (17 → 8)',
    description: 'Keras mixed8: stride-2 convolutions beside a stride-2 max pool, concatenated; 17×17×768 → 8×8×1280.',
  },
};

export type TemplateId = keyof typeof templatesEn;
