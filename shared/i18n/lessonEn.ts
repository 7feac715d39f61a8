/**
 * The built-in lecture's texts (shared/lessons/builtin/inceptionLesson.ts) in English. Captions
 * are Markdown; `{params}` and the like are the lesson's own placeholders, filled from each
 * step's network (shared/lessons/captions.ts), never typed-in numbers.
 */
export const lessonEn = {
  title: 'Inception v2/v3: going deeper for less',
  networks: {
    naive: 'naive Inception module',
    compress: 'Inception module with 1×1 reductions',
    five: '5×5 convolution',
    twoThrees: 'two stacked 3×3 convolutions',
    seven: '7×7 convolution',
    asymmetric: '1×7 then 7×1',
    poolFirst: 'pool, then convolve',
    convFirst: 'convolve, then pool',
    parallel: 'stride-2 convolution beside pooling',
  },
  steps: {
    alexnet: {
      title: 'Deeper networks cut the error',
      caption:
        'AlexNet (2012) won ImageNet {depth} layers deep: {params} parameters and {macs} multiply-adds per 224×224 image.\n\n- Every winner since went deeper.\n- The question of this lecture: how to go deeper without paying for it.',
    },
    vgg: {
      title: 'Depth, the expensive way',
      caption:
        'VGG-16 (2014) stacks 3×3 convolutions {depth} layers deep: {params} parameters and {macs} multiply-adds, **{change.macsRatio}** the multiply-adds of AlexNet.',
    },
    naive: {
      title: 'The naive Inception module',
      caption:
        '1×1, 3×3 and 5×5 convolutions and a pooling branch side by side on a 28×28×192 grid: {macs} multiply-adds, {params} parameters.\n\n- The 3×3 and 5×5 read all 192 channels.\n- The pooling branch passes every channel on: the output grows to {outputShape}.',
    },
    compress: {
      title: '1×1 convolutions compress first',
      caption:
        'A 1×1 convolution before each expensive branch shrinks the channels it reads: {macs} multiply-adds, **{saved.macsPct} fewer** than the naive module, and a smaller output ({outputShape}).',
    },
    five: {
      title: 'One 5×5 convolution',
      caption: 'A 5×5 convolution on a 35×35×64 grid sees a {rf} window: {macs} multiply-adds.',
    },
    twoThrees: {
      title: '5×5 → two 3×3',
      caption:
        'Two stacked 3×3 convolutions see the same {rf} window ({other.rf} before) with **{saved.macsPct} fewer multiply-adds** ({macs} instead of {other.macs}), and add a nonlinearity.',
    },
    seven: {
      title: 'One 7×7 convolution',
      caption: 'A 7×7 convolution on a 17×17×192 grid: {macs} multiply-adds, a {rf} window.',
    },
    asymmetric: {
      title: 'n×n → 1×n + n×1',
      caption:
        'A 1×7 then a 7×1 convolution cover the same {rf} window: **{saved.macsPct} fewer multiply-adds**, 1 − 2/n for n = 7.',
    },
    poolFirst: {
      title: 'Grid reduction: pool first?',
      caption:
        'From 35×35×320 to {outputShape}: pooling first is cheap ({macs} multiply-adds) but squeezes the representation through a 17×17×320 bottleneck before the convolution can widen it.',
    },
    convFirst: {
      title: 'Grid reduction: convolve first?',
      caption:
        'Convolving first keeps the representation but costs {macs} multiply-adds, **{change.macsRatio}** the pool-first way.',
    },
    parallel: {
      title: 'Grid reduction: both in parallel',
      caption:
        'A stride-2 convolution and a pooling layer side by side, concatenated: {outputShape} with no bottleneck, for {macs} multiply-adds, **{saved.macsPct} fewer** than convolving first.',
    },
    ancestor: {
      title: 'Inception v3 before factorizing',
      caption:
        'Inception v3 with its 5×5 and 7×7 convolutions unfactorized: {params} parameters, {macs} multiply-adds.',
    },
    inceptionV3: {
      title: 'Inception v3: going deeper for less',
      caption:
        'Factorized, the same network has **{saved.paramsPct} fewer parameters** and **{saved.macsPct} fewer multiply-adds** ({params} and {macs}), with the same output shape ({outputShape}) and receptive fields.',
    },
    smoothing: {
      title: 'Label smoothing',
      caption:
        'Label smoothing trains towards y·(1 − ε) + ε/K instead of one-hot targets, so the network stops pushing its logits apart without bound.\n\n- Train this {params}-parameter network with ε = 0 and ε = 0.1 (two runs on the Train tab) and compare accuracy and calibration (ECE) in the runs.',
    },
  },
} as const;
