/**
 * Why a feature view (filters, activation maps, maximisation) cannot be shown, in English:
 * mounted as `diagnostics.features`, so a refusal crosses the API with its text and the
 * Features view shows it with errorText (featuresDe.ts: German). File names, paths and a
 * loader's own complaint are values and stay as they are.
 */
export const featuresEn = {
  /** `why` is one of the four texts after it. */
  noWeights: 'Run {{name}} has no trained weights ({{why}}): train a network to completion, then open its features.',
  divergedUseless: 'it diverged, so its weights are useless',
  stillTraining: 'it is still training; open its features when it has finished',
  failedNoModel: 'it failed without keeping a model',
  /** `status` is a run status text (diagnostics.training.status). */
  statusNoModel: 'it is {{status}} without keeping a model',
  noDataset: 'An opened model comes without its dataset: choose an image file.',
  datasetOutside:
    "This run's dataset ({{path}}) is outside the folders this session may read: choose an image file instead, or allow that folder.",
  /** `why` is a training text saying why the input is no image. */
  noImageInput: 'The network takes no image: {{why}}.',
  noMaximisation: 'There is no maximisation {{id}} running.',
  cancelledAfter: 'Cancelled after {{steps}} of {{total}} steps.',
  notOnnx:
    '{{name}} is not an ONNX model: choose a .onnx file (torch.onnx.export) or a TF.js model.json with its weight files.',
  notImageModel: '{{name}} takes {{shape}}; the feature views need a fixed-size grey or RGB image [H, W, 1 or 3].',
  /** `reason` is TensorFlow.js's own complaint. */
  notLoaded: 'TensorFlow.js could not load {{name}}: {{reason}}',
  notJson: '{{name}} is not JSON ({{reason}}): choose a TF.js model.json.',
  notLayersModel:
    '{{name}} is not a TF.js Layers model.json (it needs modelTopology and weightsManifest): save the model with model.save() or tensorflowjs_converter.',
  graphModel:
    '{{name}} is a TF.js graph model, which has no layers to look into: convert the Keras model as a layers model.',
  weightFileMissing:
    '{{name}} names the weight file {{file}}, which was not chosen: choose model.json together with all its weight files.',
  /** `reason` is why the dataset cannot be used (diagnostics.training.dataset). */
  datasetUnreadable: "The run's dataset cannot be read now: {{reason}}",
  noSample: "The run's dataset has samples 0 to {{last}}; there is no sample {{index}}.",
  /** `problem` is why the file is no usable image. */
  notAnImage: '{{problem}} Choose a PNG or JPEG image.',
  /** The model checks of the views themselves (trainer/features). `shape` is "[12, 12, 3]". */
  noLayer: 'The model has no layer named {{name}}; choose one from the layer list.',
  inputCount: 'The model has {{inputs}} inputs; feature views need a single image input.',
  severalOutputs: '{{layer}} has several outputs; choose another layer.',
  noMaps:
    '{{layer}} outputs {{shape}}, which has no height and width, so there are no maps to show: choose a convolution, pooling, concatenation or another layer with an [H, W, C] output.',
  inputSize: 'The input has {{values}} values; the model takes {{shape}} = {{size}}.',
  noConv: 'The model has no Conv2D layer, so it has no filters to show as images.',
  flatInput: 'The model takes a flat input {{shape}}, not an image [H, W, C]; there is no picture to optimise.',
  noChannel: '{{layer}} has channels 0 to {{last}}; channel {{channel}} does not exist.',
  /** `ours` and `theirs` list weights as "conv/kernel [3, 3, 1, 8]". */
  weightsMismatch: '{{layer}} holds {{ours}}, but the file gives {{theirs}} (please report this).',
  /** `reason` is the ONNX importer's complaint. */
  onnxUnreadable: '{{name}}: {{reason}}',
  /** `reason` is why the network cannot be compiled (diagnostics.training.compile). */
  cannotRun: '{{name}} cannot run in TensorFlow.js: {{reason}}',
};
