import { GraphBuilder, type NodeRef } from '../../graph/builder';
import type { Graph } from '../../graph/types';
import { type Catalogue, type Language, translator } from '../../i18n';
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

type StepKey = keyof Catalogue['lesson']['steps'];

/** Inception v3's modules by their Keras names: collapsed, the whole network reads as its stages. */
const INCEPTION_V3_MODULES = Array.from({ length: 11 }, (_, i) => `mixed${i}`);

/** The lecture in `language` (texts from the catalogue's `lesson` namespace; the numbers follow it too). */
export function buildInceptionLesson(language: Language = 'en'): Lesson {
  const { t } = translator('lesson', language);
  const text = (id: StepKey) => ({ title: t(`steps.${id}.title`), caption: t(`steps.${id}.caption`) });
  const fiveByFive = singleConv(35, 64, 5);
  const sevenBySeven = singleConv(17, 192, 7);
  const steps: LessonStepInput[] = [
    {
      id: 'alexnet',
      ...text('alexnet'),
      network: { template: 'alexnet' },
      show: 'timeline',
    },
    {
      id: 'vgg',
      ...text('vgg'),
      network: { template: 'vgg16' },
      compareWith: 'alexnet',
    },
    {
      id: 'naive',
      ...text('naive'),
      network: embedded(t('networks.naive'), inceptionModule(false)),
      highlight: ['3x3', '5x5'],
    },
    {
      id: 'compress',
      ...text('compress'),
      network: embedded(t('networks.compress'), inceptionModule(true)),
      highlight: ['3x3_reduce', '5x5_reduce', 'pool_proj'],
      compareWith: 'naive',
      show: 'compare',
    },
    {
      id: 'five',
      ...text('five'),
      network: embedded(t('networks.five'), fiveByFive),
    },
    {
      id: 'two-threes',
      ...text('twoThrees'),
      network: embedded(t('networks.twoThrees'), rewritten(fiveByFive, 'stack', 'conv5x5')),
      compareWith: 'five',
      // The 5×5's window beside the two 3×3s', stepped through layer by layer.
      show: 'receptiveField',
      receptiveField: { node: 'conv5x5_3x3b', otherNode: 'conv5x5' },
    },
    {
      id: 'seven',
      ...text('seven'),
      network: embedded(t('networks.seven'), sevenBySeven),
    },
    {
      id: 'asymmetric',
      ...text('asymmetric'),
      network: embedded(t('networks.asymmetric'), rewritten(sevenBySeven, 'asymmetric', 'conv7x7')),
      compareWith: 'seven',
      show: 'compare',
    },
    {
      id: 'pool-first',
      ...text('poolFirst'),
      network: embedded(t('networks.poolFirst'), gridReduction('pool-first')),
    },
    {
      id: 'conv-first',
      ...text('convFirst'),
      network: embedded(t('networks.convFirst'), gridReduction('conv-first')),
      compareWith: 'pool-first',
    },
    {
      id: 'parallel',
      ...text('parallel'),
      network: embedded(t('networks.parallel'), gridReduction('parallel')),
      compareWith: 'conv-first',
      show: 'compare',
    },
    {
      id: 'ancestor',
      ...text('ancestor'),
      network: { template: 'inception-v3-unfactorized' },
      collapsed: INCEPTION_V3_MODULES,
    },
    {
      id: 'inception-v3',
      ...text('inceptionV3'),
      network: { template: 'inception-v3' },
      compareWith: 'ancestor',
      show: 'compare',
      collapsed: INCEPTION_V3_MODULES,
    },
    {
      id: 'smoothing',
      ...text('smoothing'),
      network: { template: 'small-inception' },
    },
  ];
  return {
    format: lessonFormat,
    schemaVersion: currentLessonVersion,
    title: t('title'),
    language,
    steps: steps.map((s) => LessonStep.parse(s)),
  };
}
