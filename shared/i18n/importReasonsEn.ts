/**
 * Why the importers kept a layer or operator as an Unsupported placeholder, and their
 * "please report" failures. A reason completes a sentence whose subject is the layer
 * ("BatchNormalization 'bn' uses batch renormalization…"; "ONNX Conv 'x' its input 2…"), so
 * the German reasons are predicates of that subject too. These English texts are the
 * importers' English wording itself: `params.reason`, the notes and --json are rendered from them.
 */
export const importReasonsEn = {
  /** The sentences a reason is put into. */
  frame: {
    /** The analysis's problem on a placeholder; `layer` is "Class 'name'". */
    layer: '{{layer}} {{reason}}',
    /** The import note on a Keras layer; `name` is quoted. */
    keras: '{{kerasClass}} {{name}} {{reason}}.',
    onnx: "ONNX {{op}} '{{id}}' {{reason}}{{held}}.",
    held: ' (its {{weights}} weights are not counted)',
    strict: 'Cannot import: {{problem}}',
  },
  /** The inspector's account of an imported placeholder. */
  details: {
    label: 'Imported layer',
    kerasClass: 'Keras class',
    notImported: 'Not imported',
    settings: 'Settings in the file',
    /** The output shape the placeholder is analysed with, which the user may set. */
    shape: {
      label: 'Shape it is analysed with',
      keepsInput: "Analysed as keeping its input's shape (assumed). Set its real output shape if it differs.",
      given: 'Analysed with the output shape below, counted as 0 parameters.',
      unknown: 'Give its output shape to analyse the layers after it.',
      output: 'Output shape',
      hint: 'H×W×C',
      set: 'Set',
      invalid: 'Write 1 to 4 positive whole numbers, e.g. 8×8×4.',
    },
  },
  internal: {
    keras: 'Internal error while importing (this is a bug; please report it): {{detail}}',
    onnx: 'Internal error while importing ONNX (this is a bug; please report it): {{detail}}',
    onnxWeights: 'Internal error while reading the ONNX weights (this is a bug; please report it): {{detail}}',
  },
  keras: {
    /** `detail` is what the settings' schema said, technical and in English. */
    unreadable: 'has settings Netwright cannot read: {{detail}}',
    severalAxes: "normalizes several axes ({{axes}}); Netwright's BatchNorm normalizes the last (channel) axis only",
    batchNormAxis:
      "normalizes axis {{axis}}, not the last (channel) axis; Netwright's BatchNorm normalizes the last axis only (was the model built channels_first?)",
    renorm: 'uses batch renormalization (renorm: true), which Netwright does not have',
    normalizationAxis: "normalizes axis {{axis}}; Netwright's Normalization works on the last (channel) axis only",
    invert: 'undoes a normalization (invert: true), which Netwright does not have',
    softmaxAxis: "takes the softmax over axis {{axis}}; Netwright's softmax is over the last axis",
    outputPadding: "sets output_padding {{value}}; Netwright's Conv2DTranspose has Keras's default (null) only",
    transposeGroups: "has groups {{groups}}; Netwright's Conv2DTranspose has groups 1 only",
    layerNormAxes:
      "normalizes over axes {{axes}}; Netwright's LayerNormalization normalizes the last (channel) axis only",
    tfFunction:
      'is a TensorFlow function ({{function}}) applied in the model; Netwright reads only add, subtract, multiply and divide by a constant number',
    nestedWithoutLayers:
      "is a model used as a layer, but its config has no 'layers' list to read; re-save the model with Keras, or import the inner model on its own",
    unknownClass: 'is a layer class Netwright does not support; replace it with a layer from the palette or remove it',
    unknownCustomClass:
      "is a custom layer class (registered as '{{registered}}') that Netwright does not support; replace it with a layer from the palette or remove it",
  },
  onnx: {
    notData: "its input {{index}} is not a tensor computed from the network's input",
    unknownShape: 'it follows an operator whose output shape is unknown',
    notConstant: 'its input {{index}} must be a constant (a weight), not computed',
    weightRank: 'its {{what}} has rank {{rank}}, expected rank {{expected}}',
    weightNoShape: 'its {{what}} has no stated shape, expected rank {{expected}}',
    notStored: 'its {{what}} is not stored in the file',
    /** The {{what}} of weightRank, weightNoShape and notStored that are words (others are ONNX's names). */
    part: {
      weight: 'weight',
      scale: 'scale',
      targetShape: 'target shape',
      constantValue: 'constant value',
    },
    lacksKind: 'it needs the layer kind {{kind}}, which Netwright lacks',
    /** `issues` are the layer kind's validation messages, technical and in English. */
    settingsMisfit: 'its settings do not fit {{kind}}: {{issues}}',
    /** `detail` is the layer kind's own shape error, in English. */
    asKind: 'as {{kind}}: {{detail}}',
    pendingKind: 'needs the layer kind {{kind}}, which Netwright does not have yet',
    notImported: 'is an operator Netwright does not import',
    otherDomain: "is from the operator set '{{domain}}'",
    rank: '{{op}} on a tensor of rank {{rank}} (only N×C×H×W is read)',
    convChannels: 'its weight expects {{expected}} input channels (group {{group}}), but its input has {{channels}}',
    normChannels: 'it normalizes {{scale}} channels, but its input has {{channels}}',
    clip: 'clips to [{{low}}, {{high}}]; only ReLU6 (0, 6) and ReLU (0, ∞) have a layer',
    softmaxAxis: 'it normalizes axis {{axis}}, not the channels',
    softmaxAxisFlattened: 'it normalizes axis {{axis}} flattened, not the channels',
    noKernel: 'it has no 2-D kernel_shape',
    dilatedPool: 'it is dilated; pools in Netwright are not',
    flattenAxis: 'it flattens from an axis other than 1',
    noTarget: 'it has no target shape',
    reshapeTarget: 'it reshapes to {{target}}, which has no Netwright layout',
    denseRank: 'its input has rank {{rank}}; Dense reads N×F',
    transA: 'it transposes its input (transA)',
    denseFeatures: 'its weight expects {{features}} features, but its input has {{have}}',
    addBroadcast: 'it broadcasts its inputs; Add needs equal shapes',
    addConstant: 'it adds a constant (Netwright has no bias-add layer)',
    concatAxis: 'it concatenates along axis {{axis}}',
    padMode: "it pads in mode '{{mode}}'; only zero padding has a layer",
    noPads: 'it has no pads for N×C×H×W',
    padValues: 'it pads {{pads}} with {{fill}}; only zeros around H and W have a layer',
    squeeze: 'it squeezes axes other than a 1×1 map',
    multiplyConstant: 'it multiplies by a constant',
    subtractConstant: 'it subtracts a constant',
    broadcastRanks: 'it broadcasts inputs of different ranks',
    preluSlope: "its slope {{slope}} is neither one value nor one per channel (nn.PReLU's two forms)",
    hardSigmoid: 'has slope {{alpha}} and offset {{beta}}; hard_sigmoid is x/6 + 1/2 clipped to [0, 1]',
    resizeMode: "resizes in '{{mode}}' mode; UpSampling2D repeats pixels (nearest)",
    resizeScales: 'its scales are not given as 1, 1, sh, sw',
    resizeFactor: 'scales by {{size}}; UpSampling2D repeats by whole numbers',
    transposeRank: 'ConvTranspose on a tensor of rank {{rank}}',
    transposeGroups: 'it is grouped (group {{group}}); Conv2DTranspose has no groups',
    transposeChannels: 'its weight expects {{expected}} input channels, but its input has {{channels}}',
    transposeSize: 'its output size cannot be worked out',
    transposePadding: "its output {{size}} is neither Keras's 'same' nor its 'valid' size for this kernel and stride",
    windowPair: 'its {{what}} {{value}} are not two positive whole numbers (only 2-D windows are read)',
    pads: 'its pads {{pads}} are not four whole numbers ≥ 0',
  },
} as const;
