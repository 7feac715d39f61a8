import type { RuleId } from '../transforms/types';

/**
 * The rewrites' words (shared/transforms) in English: each rule's name and options, the
 * design-principle warnings, and the comparison's headline and chart. Keyed by RuleId, so a
 * rule added without its texts fails the type check.
 */
export const rewritesEn = {
  rules: {
    stack: 'n×n → stacked 3×3 convolutions',
    asymmetric: 'n×n → 1×n then n×1',
    bottleneck: '1×1 bottleneck before a k×k conv',
    'grid-reduction': 'parallel stride-2 conv and pool',
    'filter-bank': 'expanded filter bank (1×n ‖ n×1)',
  },
  /** Each rule option's help, by the key its field names (options.ts). */
  options: {
    stackChannels: "channels between the 3×3 convs (default: the conv's output channels)",
    activation: 'nonlinearity between the convs (default relu)',
    asymmetricChannels: "channels between the two convs (default: the smaller of the conv's input and output channels)",
    order: "1xn: 1×n then n×1, the paper's Figure 3 (default); nx1: the other way round",
    ratio: "compressed channels as a share of the input's, above 0 and below 1 (default 0.5)",
    bottleneckChannels: 'compressed channels as a count (give this or ratio, not both)',
    branchChannels: 'channels of the 1×n branch; the n×1 branch gets the rest (default: half, rounded up)',
  },
  principles: {
    bottleneck:
      'Avoid representational bottlenecks, especially early in the network: the representation should shrink gently from input to output (Inception v3 §2, principle 1)',
    largeKernel:
      'Factorize convolutions with large filters: stacks of small or asymmetric convolutions see the same window for less (Inception v3 §3)',
    width:
      'Widen the network where the grid shrinks, so the representation shrinks gently and the cost stays balanced (Inception v3 §2, principles 1 and 4; §5)',
    bottleneckFix:
      'Reduce the grid with a stride-2 conv and the pool side by side, concatenated (rule grid-reduction), or expand the channels in the same step that shrinks the grid.',
    bottleneckMessage:
      "Representational bottleneck: '{{name}}' shrinks the activation from {{from}} ({{fromValues}} values) to {{to}} ({{toValues}}), keeping {{kept}} in one step (threshold {{threshold}}). {{principle}}. Fix: {{fix}}",
    widthFix:
      'Add the channels where the grid is reduced (for example with parallel stride-2 conv and pool branches, rule grid-reduction), and keep the width until then.',
    widthMessage:
      "Channel width grows from {{from}} to {{to}} ({{growth}}×) at {{grid}} without reducing the grid, at '{{name}}'. {{principle}}. Fix: {{fix}}",
    largeKernelWay: '{{replacement}} for {{saved}} fewer multiply-adds (rule {{rule}})',
    or: ' or ',
    largeKernelFix: 'Apply {{rules}}: the receptive field and output shape stay the same.',
    largeKernelMessage:
      "Large kernel: '{{name}}' is a {{kernel}} convolution. The same {{kernel}} window costs less as {{ways}}. {{principle}}. Fix: {{fix}}",
  },
  compare: {
    headline: '{{params}} parameters, {{macs}} multiply-adds',
    countingNote:
      'Parameters are the weights Keras would create. One multiply-accumulate (MAC) counts once; FLOPs = 2 × MACs.',
    original: 'original',
    factorized: 'factorized',
    versus: '{{a}} vs {{b}}',
    module: 'module',
    layer: 'layer',
    paramsPer: 'Parameters per {{rows}}',
    macsPer: 'Multiply-adds per {{rows}}',
    paramsAxis: 'parameters',
    macsAxis: 'multiply-adds (MACs)',
    outsideModules: '(outside modules)',
  },
} as const satisfies { rules: Record<RuleId, string> } & Record<string, unknown>;
