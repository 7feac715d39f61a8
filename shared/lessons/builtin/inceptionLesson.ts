import { GraphBuilder, type NodeRef } from '../../graph/builder';
import type { Graph } from '../../graph/types';
import { applyRule } from '../../transforms';
import { currentLessonVersion, type Lesson, LessonStep, type LessonStepInput, lessonFormat } from '../lessonFile';

/**
 * "Inception v2/v3: going deeper for less", following the lecture: why depth helped, the naive
 * module, 1×1 compression, 5×5 → two 3×3, n×n → 1×n + n×1, the grid-reduction dilemma, the
 * whole of Inception v3 against its unfactorized ancestor, label smoothing. Every number in a
 * caption is a placeholder filled from the step's network; none is typed in.
 */
export const BUILTIN_INCEPTION_LESSON = 'inception';

const conv = (
  b: GraphBuilder,
  x: NodeRef,
  filters: number,
  k: [number, number],
  name: string,
  strides: [number, number] = [1, 1],
  padding: 'same' | 'valid' = 'same',
) => b.add('Conv2D', { filters, kernelSize: k, strides, padding, activation: 'relu' }, [x], name);

/** GoogLeNet's module 3a input (28×28×192): the naive module, or with 1×1 reductions. */
function inceptionModule(reduced: boolean): Graph {
  const b = new GraphBuilder();
  const x = b.input([28, 28, 192]);
  const one = conv(b, x, 64, [1, 1], '1x1');
  const three = conv(b, reduced ? conv(b, x, 96, [1, 1], '3x3_reduce') : x, 128, [3, 3], '3x3');
  const five = conv(b, reduced ? conv(b, x, 16, [1, 1], '5x5_reduce') : x, 32, [5, 5], '5x5');
  let pool = b.add('MaxPool2D', { poolSize: [3, 3], strides: [1, 1], padding: 'same' }, [x], 'pool');
  if (reduced) pool = conv(b, pool, 32, [1, 1], 'pool_proj');
  b.add('Concatenate', {}, [one, three, five, pool], 'output');
  return b.build();
}

/** One conv on a grid of Inception v3's sizes, for the factorization steps. */
function singleConv(size: number, channels: number, kernel: number): Graph {
  const b = new GraphBuilder();
  const x = b.input([size, size, channels]);
  conv(b, x, channels, [kernel, kernel], `conv${kernel}x${kernel}`);
  return b.build();
}

function rewritten(graph: Graph, rule: 'stack' | 'asymmetric', node: string): Graph {
  const result = applyRule(rule, graph, node, {});
  if (!result.ok) throw new Error(result.diagnostic.message);
  return result.graph;
}

/** d×d×k → (d/2)×(d/2)×2k three ways (Inception v3 §5, Fig. 9), on the paper's 35×35×320. */
function gridReduction(way: 'pool-first' | 'conv-first' | 'parallel'): Graph {
  const b = new GraphBuilder();
  const x = b.input([35, 35, 320]);
  const pool = (from: NodeRef, name: string) =>
    b.add('MaxPool2D', { poolSize: [3, 3], strides: [2, 2], padding: 'valid' }, [from], name);
  if (way === 'pool-first') conv(b, pool(x, 'pool'), 640, [3, 3], 'conv');
  else if (way === 'conv-first') pool(conv(b, x, 640, [3, 3], 'conv'), 'pool');
  else {
    const c = conv(b, x, 320, [3, 3], 'conv_stride2', [2, 2], 'valid');
    b.add('Concatenate', {}, [c, pool(x, 'pool')], 'output');
  }
  return b.build();
}

const embedded = (name: string, graph: Graph) => ({ name, graph });

/** Inception v3's modules by their Keras names: collapsed, the whole network reads as its stages. */
const INCEPTION_V3_MODULES = Array.from({ length: 11 }, (_, i) => `mixed${i}`);

export function buildInceptionLesson(): Lesson {
  const fiveByFive = singleConv(35, 64, 5);
  const sevenBySeven = singleConv(17, 192, 7);
  const steps: LessonStepInput[] = [
    {
      id: 'alexnet',
      title: 'Deeper networks cut the error',
      network: { template: 'alexnet' },
      show: 'timeline',
      caption:
        'AlexNet (2012) won ImageNet {depth} layers deep: {params} parameters and {macs} multiply-adds per 224×224 image.\n\n- Every winner since went deeper.\n- The question of this lecture: how to go deeper without paying for it.',
    },
    {
      id: 'vgg',
      title: 'Depth, the expensive way',
      network: { template: 'vgg16' },
      compareWith: 'alexnet',
      caption:
        'VGG-16 (2014) stacks 3×3 convolutions {depth} layers deep: {params} parameters and {macs} multiply-adds, **{change.macsRatio}** the multiply-adds of AlexNet.',
    },
    {
      id: 'naive',
      title: 'The naive Inception module',
      network: embedded('naive Inception module', inceptionModule(false)),
      highlight: ['3x3', '5x5'],
      caption:
        '1×1, 3×3 and 5×5 convolutions and a pooling branch side by side on a 28×28×192 grid: {macs} multiply-adds, {params} parameters.\n\n- The 3×3 and 5×5 read all 192 channels.\n- The pooling branch passes every channel on: the output grows to {outputShape}.',
    },
    {
      id: 'compress',
      title: '1×1 convolutions compress first',
      network: embedded('Inception module with 1×1 reductions', inceptionModule(true)),
      highlight: ['3x3_reduce', '5x5_reduce', 'pool_proj'],
      compareWith: 'naive',
      show: 'compare',
      caption:
        'A 1×1 convolution before each expensive branch shrinks the channels it reads: {macs} multiply-adds, **{saved.macsPct} fewer** than the naive module, and a smaller output ({outputShape}).',
    },
    {
      id: 'five',
      title: 'One 5×5 convolution',
      network: embedded('5×5 convolution', fiveByFive),
      caption: 'A 5×5 convolution on a 35×35×64 grid sees a {rf} window: {macs} multiply-adds.',
    },
    {
      id: 'two-threes',
      title: '5×5 → two 3×3',
      network: embedded('two stacked 3×3 convolutions', rewritten(fiveByFive, 'stack', 'conv5x5')),
      compareWith: 'five',
      // The 5×5's window beside the two 3×3s', stepped through layer by layer.
      show: 'receptiveField',
      receptiveField: { node: 'conv5x5_3x3b', otherNode: 'conv5x5' },
      caption:
        'Two stacked 3×3 convolutions see the same {rf} window ({other.rf} before) with **{saved.macsPct} fewer multiply-adds** ({macs} instead of {other.macs}), and add a nonlinearity.',
    },
    {
      id: 'seven',
      title: 'One 7×7 convolution',
      network: embedded('7×7 convolution', sevenBySeven),
      caption: 'A 7×7 convolution on a 17×17×192 grid: {macs} multiply-adds, a {rf} window.',
    },
    {
      id: 'asymmetric',
      title: 'n×n → 1×n + n×1',
      network: embedded('1×7 then 7×1', rewritten(sevenBySeven, 'asymmetric', 'conv7x7')),
      compareWith: 'seven',
      show: 'compare',
      caption:
        'A 1×7 then a 7×1 convolution cover the same {rf} window: **{saved.macsPct} fewer multiply-adds**, 1 − 2/n for n = 7.',
    },
    {
      id: 'pool-first',
      title: 'Grid reduction: pool first?',
      network: embedded('pool, then convolve', gridReduction('pool-first')),
      caption:
        'From 35×35×320 to {outputShape}: pooling first is cheap ({macs} multiply-adds) but squeezes the representation through a 17×17×320 bottleneck before the convolution can widen it.',
    },
    {
      id: 'conv-first',
      title: 'Grid reduction: convolve first?',
      network: embedded('convolve, then pool', gridReduction('conv-first')),
      compareWith: 'pool-first',
      caption:
        'Convolving first keeps the representation but costs {macs} multiply-adds, **{change.macsRatio}** the pool-first way.',
    },
    {
      id: 'parallel',
      title: 'Grid reduction: both in parallel',
      network: embedded('stride-2 convolution beside pooling', gridReduction('parallel')),
      compareWith: 'conv-first',
      show: 'compare',
      caption:
        'A stride-2 convolution and a pooling layer side by side, concatenated: {outputShape} with no bottleneck, for {macs} multiply-adds, **{saved.macsPct} fewer** than convolving first.',
    },
    {
      id: 'ancestor',
      title: 'Inception v3 before factorizing',
      network: { template: 'inception-v3-unfactorized' },
      collapsed: INCEPTION_V3_MODULES,
      caption:
        'Inception v3 with its 5×5 and 7×7 convolutions unfactorized: {params} parameters, {macs} multiply-adds.',
    },
    {
      id: 'inception-v3',
      title: 'Inception v3: going deeper for less',
      network: { template: 'inception-v3' },
      compareWith: 'ancestor',
      show: 'compare',
      collapsed: INCEPTION_V3_MODULES,
      caption:
        'Factorized, the same network has **{saved.paramsPct} fewer parameters** and **{saved.macsPct} fewer multiply-adds** ({params} and {macs}), with the same output shape ({outputShape}) and receptive fields.',
    },
    {
      id: 'smoothing',
      title: 'Label smoothing',
      network: { template: 'small-inception' },
      caption:
        'Label smoothing trains towards y·(1 − ε) + ε/K instead of one-hot targets, so the network stops pushing its logits apart without bound.\n\n- Train this {params}-parameter network with ε = 0 and ε = 0.1 (two runs on the Train tab) and compare accuracy and calibration (ECE) in the runs.',
    },
  ];
  return {
    format: lessonFormat,
    schemaVersion: currentLessonVersion,
    title: 'Inception v2/v3: going deeper for less',
    steps: steps.map((s) => LessonStep.parse(s)),
  };
}
