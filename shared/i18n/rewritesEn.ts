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
  /** A rewrite's report: what it replaces with what, and why the receptive field is what it is. */
  report: {
    description: '{{original}} → {{replacement}}',
    rfSame: 'Receptive field unchanged (in network-input pixels): {{rf}} before and after ({{reason}}).',
    rfChanged: 'Receptive field changes (in network-input pixels) from {{before}} to {{after}} ({{reason}}).',
    shape: 'Output shape unchanged: {{shape}} before and after.',
    countWords: '|one|two|three|four|five|six|seven|eight|nine',
    stack: '{{count}} stacked 3×3 convolutions',
    stackReason: '{{count}} stacked 3×3 windows span 1 + {{n}}·2 = {{k}} positions per axis, as one {{k}}×{{k}} does',
    asymmetric: '{{first}} then {{second}}',
    asymmetricReason: 'a {{n}}×1 window after a 1×{{n}} one covers {{n}}×{{n}}, as the {{n}}×{{n}} did',
    asymmetricNote:
      'the paper found this factorization works best on medium grids ({{from}} to {{to}}); this conv works at {{grid}}',
    bottleneck: '1×1 compression to {{channels}} channels, then the {{k}}×{{k}}',
    bottleneckReason: 'a 1×1 window adds nothing to the receptive field',
    filterBank: 'parallel 1×{{n}} ({{wide}}) and {{n}}×1 ({{tall}}) convolutions, concatenated',
    filterBankReason:
      'the 1×{{n}} and {{n}}×1 branches together span {{n}}×{{n}}; each output channel sees one strip of it',
    filterBankNote:
      'Inception-C gives each branch the full width, doubling the output; here the {{filters}} channels are split between them to keep the output shape',
    gridThen: '{{conv}} then {{pool}}',
    gridAfter: '{{conv}} after {{pool}}',
    gridReduction:
      'parallel {{kernel}}/{{stride}} conv ({{convChannels}}) and {{pool}} ({{poolChannels}}) branches, concatenated',
    maxPool: 'max pool',
    averagePool: 'average pool',
    gridReductionReason: 'the parallel branches see the larger of their two windows instead of both in sequence',
    gridReductionNote: 'the pool branch passes the {{channels}} input channels through without a conv',
  },
  /** Why a rewrite does not apply to a layer. */
  refusal: {
    invalidOption: 'Invalid option for {{rule}}: {{message}}',
    unknownNode: 'There is no node "{{id}}" in this network',
    networkErrors: 'The network has errors; fix them before rewriting it',
    networkErrorsAt: 'The network has errors; fix them before rewriting it ({{where}}{{message}})',
    notApplicable: "{{rule}} does not apply to '{{name}}': {{reason}}",
    /** A rewrite that failed its own proof; the two reasons below are bugs of a rule. */
    notMade: "{{rule}} on '{{name}}' was not made: {{reason}}",
    proofError: 'the rewritten network would have an error ({{name}}: {{message}}) — please report this',
    proofCosts: 'costs outside the rewritten part would change — please report this',
    /** A rewrite that would change what it promised to keep: shapes and receptive fields. */
    proofOutputShape: 'it would change the output shape from {{before}} to {{after}}',
    proofShape: "'{{name}}' would change shape from {{before}} to {{after}}",
    proofField: "'{{name}}' would see {{now}} instead of {{before}}",
    proofOwnField: 'the receptive field would change from {{before}} to {{after}}',
    notConv: 'it is a {{kind}}, and this rewrite replaces a Conv2D',
    grouped: 'it is a grouped convolution (groups {{groups}}), which no rewrite handles',
    stackSquare: 'its kernel is {{kernel}}; stack needs a square n×n kernel',
    stackEven: 'its kernel is {{kernel}}; stacked 3×3 convolutions only reach odd sizes (5×5, 7×7, ...)',
    stackSmall: 'its kernel is {{kernel}}; stack replaces 5×5 or larger (3×3 is already the smallest odd kernel)',
    asymmetricSquare: 'its kernel is {{kernel}}; asymmetric needs a square n×n kernel',
    asymmetricSmall: 'its kernel is {{kernel}}; asymmetric needs n ≥ 3',
    bottleneckKernel: 'its kernel is {{kernel}}; a bottleneck goes before a k×k conv with k ≥ 3',
    bottleneckInput:
      'it reads the network input; a 1×1 bottleneck compresses learned features, not the raw input channels',
    bottleneckTwice: "it already reads a 1×1 reduction ('{{name}}')",
    bottleneckWidth:
      'compressing its {{channels}} input channels to {{compressed}} would not reduce them; choose fewer channels',
    filterBankKernel: 'its kernel is {{kernel}}; the filter bank splits a square n×n conv, n ≥ 3',
    filterBankValid: "with padding 'valid' the 1×n and n×1 branches shrink different axes and cannot be concatenated",
    filterBankGrid:
      'it works at {{grid}}, and the expanded filter bank belongs at the coarsest grid ({{coarsest}} here); use asymmetric instead',
    filterBankOne: 'it has one filter, which cannot be split into two branches',
    filterBankSplit: 'branch1xnChannels ({{wide}}) must leave the {{n}}×1 branch some of the {{filters}} filters',
    gridNoConv: 'this pool is neither fed by a conv nor feeds one (with nothing else reading in between)',
    gridNoPool:
      "'{{name}}' is neither followed by a pooling layer nor fed by one (with nothing else reading in between)",
    gridStrided: "its conv '{{name}}' already has stride {{stride}}",
    gridPoolStride: "the pool '{{name}}' has stride 1 and does not reduce the grid",
    gridNoExpansion:
      "'{{name}}' does not expand channels ({{channels}} → {{filters}}); the parallel pool branch alone carries all {{channels}}",
    gridPoolGrid:
      "the pool on the {{input}} input would give {{grid}}, not the {{goal}} grid this part produces (a 'valid' conv shrinks it too)",
    nothing: 'nothing',
    gridNoConvGrid: 'no stride-{{stride}} conv reproduces the {{goal}} grid',
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
    /** `compare --md`: the comparison as a Markdown report. */
    md: {
      totals: 'Totals',
      change: 'Change',
      parameters: 'Parameters',
      trainable: 'Trainable',
      nonTrainable: 'Non-trainable',
      macs: 'Multiply-adds (MACs)',
      flops: 'FLOPs',
      outputShape: 'Output shape',
      same: 'same',
      different: 'different',
      perModule: 'Per module',
      perLayer: 'Per layer',
      moduleColumn: 'Module',
      layerColumn: 'Layer',
      paramsA: 'Params A',
      paramsB: 'Params B',
      macsA: 'MACs A',
      macsB: 'MACs B',
      legend: 'A: {{a}}. B: {{b}}. Change = B − A.',
    },
  },
} as const satisfies { rules: Record<RuleId, string> } & Record<string, unknown>;
