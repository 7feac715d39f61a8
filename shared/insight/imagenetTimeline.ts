/**
 * ImageNet (ILSVRC) classification winners and the lecture's networks, as the papers and the
 * challenge report state them. `top5` is the headline figure the lecture quotes; `evaluation`
 * says whether it is one model or an ensemble, since single models score worse and the two are
 * easily mixed up. Depth, parameters and multiply-adds are computed live from the template named
 * in `template` where one exists (timeline.ts); `published` holds the paper's own figures, used
 * where no template exists and shown beside the computed ones otherwise.
 */

export interface Source {
  /** Authors, title, venue: enough to find the paper. */
  citation: string;
  year: number;
}

export interface TopFive {
  /** Top-5 classification error in percent. */
  value: number;
  /** What was evaluated, on which set: "ensemble of 5 CNNs, test set". */
  note: string;
}

export interface TimelineEntry {
  id: string;
  /** The network or the winning entry. */
  name: string;
  /** The ILSVRC year the figure belongs to. */
  year: number;
  /** The headline figure: an ensemble of networks, or (before 2012) a whole challenge entry that was no network. */
  top5: TopFive & { evaluation: 'ensemble' | 'single-model' | 'challenge-entry' };
  /** The paper's best single model, where it states one. */
  singleModel?: TopFive;
  /** Template id whose counts stand for this network; absent where Netwright has none. */
  template?: string;
  /** Why the template's counts may differ from the paper's network, where they do. */
  templateNote?: string;
  /** The paper's own figures; null where it gives none or the entry is not a network. */
  published: { depth: number | null; params: number | null; macs: number | null };
  source: Source;
  /** Shown with the entry: what kind of system it was. */
  note?: string;
}

const RUSSAKOVSKY: Source = {
  citation:
    'O. Russakovsky, J. Deng, H. Su et al., "ImageNet Large Scale Visual Recognition Challenge", International Journal of Computer Vision 115(3)',
  year: 2015,
};

export const IMAGENET_TIMELINE: readonly TimelineEntry[] = [
  {
    id: 'nec-uiuc',
    name: 'NEC-UIUC',
    year: 2010,
    top5: { value: 28.2, evaluation: 'challenge-entry', note: 'ILSVRC 2010 winning entry, test set' },
    published: { depth: null, params: null, macs: null },
    source: RUSSAKOVSKY,
    note: 'Not a neural network: hand-designed features (SIFT, LBP) coded and pooled, linear SVMs.',
  },
  {
    id: 'xrce',
    name: 'XRCE',
    year: 2011,
    top5: { value: 25.8, evaluation: 'challenge-entry', note: 'ILSVRC 2011 winning entry, test set' },
    published: { depth: null, params: null, macs: null },
    source: RUSSAKOVSKY,
    note: 'Not a neural network: Fisher vectors of hand-designed features, linear classifiers.',
  },
  {
    id: 'alexnet',
    name: 'AlexNet',
    year: 2012,
    top5: {
      value: 16.4,
      evaluation: 'ensemble',
      note: 'ensemble of 5 CNNs, test set (15.3% with 7 CNNs and extra data)',
    },
    singleModel: { value: 18.2, note: 'one CNN, validation set' },
    template: 'alexnet',
    templateNote: "torchvision's single-tower AlexNet; the paper split it over two GPUs (60 M parameters).",
    published: { depth: 8, params: 60_000_000, macs: null },
    source: {
      citation:
        'A. Krizhevsky, I. Sutskever, G. E. Hinton, "ImageNet Classification with Deep Convolutional Neural Networks", NIPS',
      year: 2012,
    },
  },
  {
    id: 'zfnet',
    name: 'ZFNet',
    year: 2013,
    top5: {
      value: 11.7,
      evaluation: 'ensemble',
      note: 'ILSVRC 2013 winning entry (Clarifai, built on this network), test set',
    },
    singleModel: { value: 16.5, note: 'one convnet, test set (the paper: 14.8% for its best ensemble)' },
    template: 'zfnet',
    published: { depth: 8, params: null, macs: null },
    source: {
      citation: 'M. D. Zeiler, R. Fergus, "Visualizing and Understanding Convolutional Networks", ECCV',
      year: 2014,
    },
  },
  {
    id: 'vgg',
    name: 'VGG-16',
    year: 2014,
    top5: { value: 7.3, evaluation: 'ensemble', note: 'ILSVRC 2014 submission, 7 nets, test set (2nd place)' },
    singleModel: {
      value: 7.0,
      note: 'one net, multi-crop and dense evaluation, test set; trained after the challenge, it beat the 7-net submission',
    },
    template: 'vgg16',
    templateNote: 'The ensemble mixed 16- and 19-layer nets; the counts are VGG-16 (Keras Applications).',
    published: { depth: 16, params: 138_000_000, macs: null },
    source: {
      citation: 'K. Simonyan, A. Zisserman, "Very Deep Convolutional Networks for Large-Scale Image Recognition", ICLR',
      year: 2015,
    },
  },
  {
    id: 'googlenet',
    name: 'GoogLeNet',
    year: 2014,
    top5: { value: 6.67, evaluation: 'ensemble', note: '7 models, 144 crops each, test set (ILSVRC 2014 winner)' },
    singleModel: { value: 10.07, note: 'one model, one crop, validation set' },
    template: 'googlenet',
    templateNote: "torchvision's GoogLeNet: batch norm after every convolution, no auxiliary classifiers.",
    published: { depth: 22, params: null, macs: 1_500_000_000 },
    source: { citation: 'C. Szegedy, W. Liu, Y. Jia et al., "Going Deeper with Convolutions", CVPR', year: 2015 },
  },
  {
    id: 'bn-inception',
    name: 'BN-Inception',
    year: 2015,
    top5: { value: 4.82, evaluation: 'ensemble', note: 'ensemble of 6 networks, test set (4.9% on validation)' },
    template: 'bn-inception',
    published: { depth: null, params: null, macs: null },
    source: {
      citation:
        'S. Ioffe, C. Szegedy, "Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift", ICML',
      year: 2015,
    },
    note: 'Published after the 2014 challenge, not a challenge entry.',
  },
  {
    id: 'inception-v3',
    name: 'Inception-v3',
    year: 2015,
    top5: { value: 3.58, evaluation: 'ensemble', note: '4 models, 144 crops each, test set' },
    singleModel: { value: 5.6, note: 'one model, one crop, validation set (21.2% top-1)' },
    template: 'inception-v3',
    templateNote: 'Keras Applications InceptionV3 at 299×299.',
    published: { depth: 42, params: 25_000_000, macs: 5_000_000_000 },
    source: {
      citation:
        'C. Szegedy, V. Vanhoucke, S. Ioffe, J. Shlens, Z. Wojna, "Rethinking the Inception Architecture for Computer Vision", CVPR',
      year: 2016,
    },
    note: 'Not a challenge entry; the paper reports it against the 2015 state of the art.',
  },
  {
    id: 'resnet',
    name: 'ResNet-152',
    year: 2015,
    top5: {
      value: 3.57,
      evaluation: 'ensemble',
      note: 'ensemble of 6 nets of different depths, test set (ILSVRC 2015 winner)',
    },
    singleModel: { value: 4.49, note: 'ResNet-152, one model, 10 crops, validation set' },
    templateNote:
      "Netwright has ResNet-50, not ResNet-152: the paper's depth and 11.3 G multiply-adds (its Table 1 calls them FLOPs) are shown, and torchvision's resnet152 parameter count (the paper gives none).",
    published: { depth: 152, params: 60_192_808, macs: 11_300_000_000 },
    source: {
      citation: 'K. He, X. Zhang, S. Ren, J. Sun, "Deep Residual Learning for Image Recognition", CVPR',
      year: 2016,
    },
  },
];

/** One trained annotator's top-5 error on 1,500 test images (Russakovsky et al., section 6.4). */
export const HUMAN_TOP5 = {
  value: 5.1,
  note: 'one trained human annotator on 1,500 test images',
  source: RUSSAKOVSKY,
} as const;
