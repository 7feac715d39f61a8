import { diskEn } from './diskEn';
import { experimentEn } from './experimentEn';
import { featuresEn } from './featuresEn';
import { trainingEn } from './trainingEn';

/**
 * Every problem text in English: the analysis's diagnostics, the shape errors layer kinds
 * throw, validation issues. A Diagnostic's `message` is rendered from these, so they are
 * the English wording itself. Values are filled in by diagnosticText; `layer` is always a
 * label such as "Conv2D 'conv_3'", `subject` a layer kind or label, shapes are "[32, 32, 3]".
 */
export const diagnosticsEn = {
  /** Joins two texts of a list: "[8, 8, 4] and [8, 8, 2]". */
  and: '{{first}} and {{second}}',
  /** The importer's notes on a Keras, TensorFlow.js or ONNX file; `name` is quoted ("'conv_1'"). */
  import: {
    unusualModelClass:
      "The model class '{{name}}' is not Sequential, Functional or Model; it was read as a functional model.",
    inputShapeAll: 'The input shape {{shape}} was applied to all {{inputs}} inputs.',
    frozenOne:
      'Layer {{name}} is frozen (trainable: false) in the file: kept frozen, their weights counted as non-trainable and left untouched by training.',
    frozenMany:
      '{{n}} layers ({{name}}, …) are frozen (trainable: false) in the file: kept frozen, their weights counted as non-trainable and left untouched by training.',
    nestedModel:
      "The model {{name}} used as a layer is shown as a module of its {{count}} layers (named '{{path}}/…'); its parameters count as Keras counts them.",
    weightsListed: 'The file lists {{count}} weights; Netwright imports the architecture only, not the weight values.',
    weightsHeld:
      'The file holds {{count}} weight values; Netwright imports the architecture only, not the weight values.',
    nonStandardJson: "The file contains NaN or Infinity (Python's JSON extension); they were read as null.",
    inputOverride: 'Input {{name}} is declared {{declared}}; using {{shape}} as asked.',
    onnxInputOverride: 'Input {{name}} is declared {{declared}} (H×W×C); using {{shape}} as asked.',
    sharedLayer:
      "Layer {{name}} is applied {{times}} times (shared weights): each later call ({{calls}}) is a node of its own using the first call's weights, counted once, as Keras counts them.",
    sharedModel:
      "Model {{name}} is applied {{times}} times (shared weights): each later call ({{calls}}) is a node of its own using the first call's model's weights, counted once, as Keras counts them.",
    parameterConvention:
      "Parameters follow PyTorch's convention: trainable = sum(p.numel() for p in model.parameters()); batch-norm running mean and variance are non-trainable; num_batches_tracked is not counted.",
    batchNormFolded_one:
      'Batch norm was folded into {{n}} convolution by the exporter (an eval-mode export): counted is what the file holds, fewer weights than the PyTorch model (its batch-norm scales, shifts and running statistics are gone). Export with training=torch.onnx.TrainingMode.TRAINING, do_constant_folding=False to count the model itself.',
    batchNormFolded_other:
      'Batch norm was folded into {{n}} convolutions by the exporter (an eval-mode export): counted is what the file holds, fewer weights than the PyTorch model (its batch-norm scales, shifts and running statistics are gone). Export with training=torch.onnx.TrainingMode.TRAINING, do_constant_folding=False to count the model itself.',
    maxPoolPadding:
      "ONNX MaxPool '{{id}}' pads with −∞; it is imported as zero padding then a 'valid' pool, which differs where its input can be negative (the shape and counts are exact).",
    averagePoolPadding:
      "ONNX AveragePool '{{id}}' leaves its padding out of the average; it is imported as zero padding then a 'valid' pool, which counts the zeros at the border (the shape and counts are exact).",
  },
  /** Validation issues: one naming its setting, issues in a row, and what the schemas say. */
  issue: {
    field: '{{field}}: {{message}}',
    list: '{{first}}; {{second}}',
    /** Every schema message reads "expected <what>, got <value>" (shared/layers/common.ts). */
    expected: 'expected {{what}}, got {{got}}',
    /** The value given when a setting is missing. */
    nothing: 'nothing',
    unknownKeys_one: 'Unrecognized key: {{keys}}',
    unknownKeys_other: 'Unrecognized keys: {{keys}}',
    unknownKind: 'Unknown layer kind "{{kind}}".',
    stridesWithDilation:
      'strides {{strides}} together with dilation {{dilation}} is not supported (Keras needs strides or dilation to be 1) — set one of them to 1',
    statisticsTogether:
      'expected mean and variance to be given together (or both null, learned by adapt()), got only one',
    negativeVariance: 'expected variances ≥ 0, got {{value}}',
    /** What the inspector says while a typed entry cannot be read at all. */
    notSize: '"{{raw}}" is not a size: type numbers such as 3×3 or 2.',
    notNumber: '"{{raw}}" is not a number: type digits such as {{example}}.',
    notNumbers: '"{{raw}}" is not a number: type 0.5, or one per channel: 0.5, 0.25, 2.',
    /** The <what> of "expected <what>, got <value>", exactly as the schemas write it. */
    what: {
      oneOf: 'one of {{values}}',
      either: '{{first}} or {{second}}',
      positiveWhole: 'a positive whole number',
      bool: 'true or false',
      pair: 'a positive whole number or a pair [height, width] of them',
      padding: 'a whole number ≥ 0, a pair [height, width], or [[top, bottom], [left, right]]',
      number: 'a number',
      nonNegative: 'a number ≥ 0',
      positive: 'a number > 0',
      unit: 'a number from 0 to 1',
      ratio: 'a ratio above 0 and at most 1',
      axis: 'a whole number other than 0 (0 is the batch axis; -1 is the channels)',
      rate: 'a rate from 0 up to (not including) 1',
      inputShape: '[height, width, channels] or [length] of positive whole numbers',
      mean: 'a list of numbers (one, or one per channel) or null',
      variance: 'a list of numbers ≥ 0 (one, or one per channel) or null',
      perChannel: 'a number, or a list of numbers (one per channel)',
      dims: 'a reordering of the axes 1…n (the batch axis 0 stays first), e.g. [2, 1, 3]',
      sharedAxes: 'null or a list of distinct axes ≥ 1 (the batch axis is 0, as in Keras)',
      targetShape: 'a list of positive whole numbers with at most one -1 (meaning "whatever is left")',
      /** Training options (shared/training/options.ts, datasetSpec.ts). */
      epochs: 'a whole number of epochs from 1 to 10,000',
      batchSize: 'a batch size from 1 to 4096',
      labelSmoothing: 'a label smoothing ε in [0, 1)',
      learningRate: 'a positive learning rate',
      learningRateMax: 'a learning rate of at most 1000',
      momentum: 'a momentum in [0, 1)',
      rmspropDecay: 'an RMSProp decay in [0, 1)',
      rmspropEpsilon: 'a positive RMSProp ε',
      adamEpsilon: 'a positive Adam ε',
      stepFactor: 'a step factor in (0, 1]',
      weightDecay: 'a weight decay ≥ 0',
      weightDecayMax: 'a weight decay of at most 1',
      validationSplit: 'a validation split in [0, 0.9]',
      workers: 'a number of workers from 1 to 256',
      seed: 'a whole-number seed from 0 to 2^31 − 1',
      datasetPath: 'a file or folder path',
      datasetPathMax: 'a path of at most 4096 characters',
      samples: 'a whole number of samples from 1 to 1,000,000',
      classes: 'a whole number of classes from 2 to 1000',
      datasetKind: "a dataset kind: 'synthetic', 'mnist', 'idx', 'cifar10' or 'folder'",
    },
  },
  analysis: {
    duplicateId:
      '{{layer}} has the same id as {{first}}, so it is ignored — the project file may be damaged; delete the layer and add it again',
    missingSource:
      "A connection into {{layer}} comes from a layer that does not exist ('{{id}}') — delete the connection",
    missingTarget: "A connection from {{layer}} goes to a layer that does not exist ('{{id}}') — delete the connection",
    missingBoth:
      "A connection refers to layers that do not exist ('{{source}}' → '{{target}}') — delete the connection",
    selfLoop: '{{layer}} is connected to itself — remove that connection',
    tangle:
      '{{layer}} is part of a tangle of loops through {{size}} layers, including {{names}} — data must flow one way, from inputs to outputs, so remove one of these connections',
    loop: '{{layer}} is part of a loop: {{loop}} — data must flow one way, from inputs to outputs, so remove one of these connections',
    longLoop:
      '{{layer}} is part of a loop: {{loop}} ({{size}} layers) — data must flow one way, from inputs to outputs, so remove one of these connections',
    noInput: '{{layer}} has no input — connect a layer into it',
    fewInputs: '{{layer}} needs at least {{min}} inputs but has {{have}} — connect {{missing}} more',
    sourceWithInputs:
      '{{layer}} takes no inputs but has {{have}} — an {{kind}} starts the network, so remove the incoming connection',
    oneInput: '{{layer}} takes one input but has {{have}} — add a Concatenate or Add to merge them',
    manyInputs: '{{layer}} takes at most {{max}} inputs but has {{have}} — remove {{extra}} of the connections',
    importedReason: '{{layer}} {{reason}}',
    unknownReason: '{{layer}}: {{reason}}',
    unknownKind:
      '{{layer}} has a layer type Netwright does not know ("{{kind}}") — replace it with a layer from the palette',
    placeholderSameShape:
      "{{layer}} is not supported: its output is assumed to have its input's shape (right for element-wise layers; set it in the inspector if not), and it counts as 0 parameters and 0 multiply-adds, so the totals are a lower bound — replace it with palette layers for exact numbers",
    placeholderShape:
      '{{layer}} is not supported: its output shape is given as {{shape}}, and it counts as 0 parameters and 0 multiply-adds, so the totals are a lower bound — replace it with palette layers for exact numbers',
    invalidParams: '{{layer}} has invalid settings: {{issues}}',
    shapeError: '{{layer}}: {{problem}}',
    emptyOutput:
      "{{layer}} would output {{output}}: a dimension reached zero or below — use a smaller kernel or stride, 'same' padding, or a larger input",
    emptyOutputFrom:
      "{{layer}} would output {{output}} from {{inputs}}: a dimension reached zero or below — use a smaller kernel or stride, 'same' padding, or a larger input",
    inputTooLarge:
      "{{layer}} would output {{output}}, more than {{limit}} values per sample (Netwright's limit, 8 GiB as float32) — use a smaller input shape",
    outputTooLarge:
      "{{layer}} would output {{output}}, more than {{limit}} values per sample (Netwright's limit, 8 GiB as float32) — use a smaller input, fewer channels or a larger stride",
    tooManyParams:
      '{{layer}} would have {{value}} parameters, more than the {{limit}} Netwright counts exactly — use a smaller kernel or fewer channels',
    tooManyMacs:
      '{{layer}} would have {{value}} multiply-adds, more than the {{limit}} Netwright counts exactly — use a smaller kernel or fewer channels',
    internal: {
      analysis:
        'Netwright could not compute the analysis of {{layer}} ({{detail}}) — this is a bug in Netwright; please report it',
      outputShape:
        'Netwright could not compute the output shape of {{layer}} ({{detail}}) — this is a bug in Netwright; please report it',
      costs:
        'Netwright could not compute the parameters and multiply-adds of {{layer}} ({{detail}}) — this is a bug in Netwright; please report it',
      receptiveField:
        'Netwright could not compute the receptive field of {{layer}} ({{detail}}) — this is a bug in Netwright; please report it',
      network: 'Netwright could not analyse this network ({{detail}}) — this is a bug in Netwright; please report it',
    },
    duplicateName:
      '{{layer}} has the same name as another layer — names become the layer names of the compiled model and must be unique, so rename one of them',
    unknownGroup:
      "{{layer}} belongs to a module that does not exist ('{{group}}'), so no module counts it — move it into a module or out of all of them",
    unusedOutput:
      'The output of {{layer}} is not used by any layer, so it would become an extra model output besides {{main}} — connect it onward or delete it',
    downstream_one:
      'Because of the problem with {{layer}}, {{n}} layer after it has no shape or cost yet — they will be analysed once it is fixed',
    downstream_other:
      'Because of the problem with {{layer}}, {{n}} layers after it have no shape or cost yet — they will be analysed once it is fixed',
    sharedWeights:
      "'{{owner}}' shares its {{count}} weights with {{others}} (one layer applied {{times}} times): counted once, as Keras counts them",
    sharedMissing:
      "'{{name}}' shares the weights of '{{owner}}', which is not in the network: remove the link or add the layer",
    sharedChain:
      "'{{name}}' shares the weights of '{{owner}}', which itself uses another layer's weights: link it to the layer that holds them",
    sharedMismatch:
      "'{{name}}' shares the weights of '{{owner}}' but would need {{mine}} weights of kind {{kind}} where '{{owner}}' has {{theirs}} of kind {{ownerKind}}: give both the same settings and input channels",
  },
  /** Thrown by layer kinds (LayerError); `subject` starts the sentence and becomes the layer's label. */
  layer: {
    noInputs: '{{subject}} needs at least two inputs, but got none',
    sameShape:
      '{{subject}} needs inputs of the same shape, but input 1 is {{first}} and input {{index}} is {{other}} (inputs counted in connection order) — a 1×1 Conv2D or a matching stride can make them agree',
    broadcastShape:
      '{{subject}} needs inputs of the same shape (an axis of size 1 may stretch), but input 1 is {{first}} and input {{index}} is {{other}} (inputs counted in connection order) — a Reshape, a 1×1 Conv2D or a matching stride can make them agree',
    exactlyTwo: '{{subject}} needs exactly two inputs, but got {{count}}',
    atLeastTwo: '{{subject}} needs at least two inputs, but got {{count}}',
    placeholderInputs: "its output is assumed to have its input's shape, but it has {{count}} inputs",
    kernelFit:
      "A {{size}} kernel does not fit a {{input}} input with padding '{{padding}}' — use padding 'same', a smaller kernel, or a larger input",
    kernelFitDilated:
      "A {{size}} kernel with dilation {{dilation}} spans {{span}} and does not fit a {{input}} input with padding '{{padding}}' — use padding 'same', a smaller kernel or dilation, or a larger input",
    poolFit:
      "A {{size}} pool window does not fit a {{input}} input with padding '{{padding}}' — use padding 'same', a smaller pool window, or a larger input",
    windowFit:
      "A {{size}} window does not fit a {{input}} input with padding '{{padding}}' — use padding 'same', a smaller window, or a larger input",
    oneInput: '{{subject}} takes exactly one input, but got {{count}}',
    imageInput:
      '{{subject}} needs an image input [height, width, channels], but got {{shape}} — add a Reshape before it',
    noAxis: '{{subject}} needs an input with at least one axis, but got []',
    concatAxis: '{{subject}} axis {{axis}} does not exist for inputs of shape {{shape}} — use -1 for the channel axis',
    concatShape:
      '{{subject}} inputs must match on every axis except axis {{axis}}, but input 1 is {{first}} and input {{index}} is {{other}} (inputs counted in connection order)',
    cropAll:
      '{{subject}} would cut {{top}}+{{bottom}} rows and {{left}}+{{right}} columns from {{shape}}, leaving nothing — crop less',
    permuteAxes: '{{subject}} reorders {{dims}} axes, but its input {{shape}} has {{rank}} — give one entry per axis',
    reshapeCount:
      '{{subject}} cannot turn {{shape}} ({{count}} values) into {{target}} ({{known}} values) — the counts must match',
    reshapeFill:
      '{{subject}} cannot fill the -1 in {{target}}: {{shape}} has {{count}} values, not a multiple of {{known}}',
    groups:
      'groups {{groups}} must divide both the input channels ({{channels}}) and filters ({{filters}}) — choose a groups value that divides both',
    sharedAxis: '{{subject}} shares axis {{axis}}, but its input {{shape}} has axes 1 to {{rank}} (0 is the batch)',
    statistics:
      '{{subject}} has {{count}} {{name}} values for {{channels}} channels — give one value, or one per channel',
  },
  /** Why a TensorFlow.js backend was chosen or not (electron/services/backend.ts). */
  backend: {
    chosen: {
      cuda: 'libtensorflow with CUDA loaded: training runs on the GPU.',
      native: 'libtensorflow loaded: native multi-threaded CPU kernels.',
      wasm: 'WebAssembly (SIMD): the fastest backend that loads without libtensorflow.',
      cpu: 'plain JavaScript: slow, used because no faster backend loaded.',
    },
    gpuHelp:
      'needs Linux x64 with CUDA 11.2 and cuDNN 8.1 (libtensorflow 2.9.1); install them, then `npm install @tensorflow/tfjs-node-gpu`',
    cpuHelp: 'install it where its libtensorflow download can run: `npm install @tensorflow/tfjs-node`',
    notInstalled:
      '{{pkg}} is not installed (it is optional: npm skips it when its libtensorflow download fails, e.g. offline); {{help}}.',
    cudaMissing:
      '{{pkg}} is installed but {{lib}} could not be loaded: libtensorflow 2.9.1 needs CUDA 11.2 and cuDNN 8.1 (CUDA 12 does not work); install those runtimes or use @tensorflow/tfjs-node for the CPU.',
    libMissing:
      '{{pkg}} is installed but its native library {{lib}} could not be loaded; reinstall it with `npm rebuild {{pkg}}`.',
    failedToLoad: '{{pkg}} failed to load: {{message}}',
    failedToInitialise: '{{name}} failed to initialise: {{message}}',
    skipped: 'skipped: NETWRIGHT_BACKEND={{forced}}',
    forced: 'chosen by NETWRIGHT_BACKEND={{forced}}',
  },
  /** Why a connection the user draws is refused (shared/graph/connect.ts). */
  connect: {
    gone: 'That node no longer exists.',
    self: "'{{target}}' cannot feed itself.",
    input: "'{{target}}' is an Input: it takes no connections.",
    already: "'{{source}}' is already connected to '{{target}}'.",
    full: "{{kind}} '{{target}}' takes one input and already has one: add a Concatenate or Add to merge branches.",
    loop: "That would make a loop ('{{target}}' already feeds '{{source}}'): data must flow one way.",
  },
  /** Why a training run stopped (trainingEn.ts). */
  training: trainingEn,
  /** Why a feature view cannot be shown (featuresEn.ts). */
  features: featuresEn,
  /** Why a save or export could not be written (diskEn.ts). */
  disk: diskEn,
  /** What is wrong with an experiment's variant list (experimentEn.ts). */
  experiment: experimentEn,
} as const;
