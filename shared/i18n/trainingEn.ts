import { datasetEn } from './datasetEn';

/**
 * What training runs say when they stop, in English: mounted as `diagnostics.training`, so a
 * run's `text` renders with diagnosticText like any problem. A run's recorded `message` is
 * rendered from these, so they are the English wording itself (trainingDe.ts: German).
 */
export const trainingEn = {
  /** Two texts of one run's end in a row: "Cancelled at … The trained model could not be saved: …". */
  andThen: '{{first}} {{second}}',
  cancelledAt: 'Cancelled at epoch {{epoch}}, batch {{batch}} of {{batches}}.',
  cancelledValidating: 'Cancelled while validating epoch {{epoch}}.',
  cancelledBeforeStart: 'Cancelled before training began.',
  /** `value` is NaN, Infinity or -Infinity. */
  lossNotFinite: 'The loss became {{value}}',
  lossAbove_one: 'The loss reached {{loss}}, above {{factor}}× its start ({{start}}) for {{count}} batch in a row,',
  lossAbove_other: 'The loss reached {{loss}}, above {{factor}}× its start ({{start}}) for {{count}} batches in a row,',
  /** `what` is lossNotFinite or lossAbove. */
  diverged:
    '{{what}} at epoch {{epoch}}, batch {{batch}} (learning rate {{rate}}): training diverged. The learning rate is probably too high: try {{suggested}}, or add batch normalization.',
  /** Why a network cannot be trained; `where` is "name: " or empty, `problem` its first error. */
  networkErrors: 'The network has errors; fix them first. {{where}}{{problem}}',
  inputCount: 'Training needs exactly one Input; this network has {{count}}.',
  outputCount: 'Training needs exactly one output; this network ends in {{count}} ({{names}}).',
  /** `why` is inputChannels, inputVector or inputShape. */
  notImages: 'Cannot train on images: {{why}}.',
  inputChannels: 'the input has {{channels}} channels; datasets provide grey (1) or RGB (3) images',
  inputVector: 'the input is a vector of {{values}} values, which is no square grey or RGB image (e.g. 784 = 28×28)',
  inputShape: 'the input shape {{shape}} is not an image [height, width, channels]',
  notClassifier:
    '{{name}} outputs {{shape}}; a classifier must end in a vector of K ≥ 2 class scores (e.g. Dense(K) with softmax).',
  wrongActivation:
    '{{name}} ends in a {{activation}} activation; classification training needs softmax (or linear logits): set its activation to softmax.',
  /** `budget` is one of the budget texts below, or an English label. */
  memoryNeeds:
    'Training needs about {{total}} at batch size {{batch}} (activations and their gradients {{activations}}, weights and gradients {{parameters}}, optimizer state {{optimizer}}, dataset {{dataset}}), more than {{budget}}.',
  memoryLowerBatch: '{{needs}} Lower the batch size to {{fits}} or less, or use a smaller input.',
  memoryFewerSamples: '{{needs}} Use fewer samples or a smaller input.',
  memoryNothingFits: '{{needs}} Even one sample per batch does not fit: use a smaller network or input.',
  /** `count` is the number of workers that fit (`fit`). */
  workersNeed_one:
    '{{wanted}} training workers need about {{total}} (each holds the weights, optimizer state and dataset, {{each}}), more than {{budget}}: use {{fit}} worker or fewer.',
  workersNeed_other:
    '{{wanted}} training workers need about {{total}} (each holds the weights, optimizer state and dataset, {{each}}), more than {{budget}}: use {{fit}} workers or fewer.',
  budgetMachine: "70% of this machine's {{gib}} GiB of memory",
  budgetWasm: 'the 4 GiB the WebAssembly backend can address',
  budgetGpuSet: "the GPU's {{size}} (NETWRIGHT_GPU_MEMORY_MB)",
  budgetGpuAssumed:
    'the 4 GiB assumed for the GPU (browsers do not report GPU memory; set NETWRIGHT_GPU_MEMORY_MB to what yours has)',
  noTrainingSamples: 'The dataset has {{count}} samples: validation split {{split}} leaves none for training.',
  threadStopped: 'The training thread stopped unexpectedly.',
  threadCrashed: 'The training thread crashed: {{reason}}',
  gpuSilent:
    'The window training this run on the GPU stopped answering for {{seconds}} s (it was closed, reloaded or hung); the curves so far are kept. Start the run again.',
  stopped: 'Training stopped: {{reason}}',
  /** `fault` says what the GPU did ("the WebGL context was lost"); `kept` is weightsGone or trainedKept. */
  gpuFault: 'Training stopped: {{fault}}. {{kept}} Start the run again, or pick another backend.',
  gpuContextLost: 'the WebGL context was lost',
  gpuDeviceLost: 'the WebGPU device was lost',
  gpuDeviceLostWhy: 'the WebGPU device was lost ({{reason}}: {{detail}})',
  gpuOutOfMemory: 'the GPU ran out of memory ({{detail}})',
  weightsGone: 'The curves so far are kept; the weights were on the GPU and are gone.',
  trainedKept: 'What was trained so far is kept.',
  gpuWorkerFailed: 'The GPU training worker failed: {{reason}}',
  gpuWorkerNotRun: 'The GPU training worker could not run: {{reason}}',
  datasetNotHanded: 'The dataset could not be handed to the GPU worker: {{reason}}',
  modelNotKept: 'The trained model was not kept: {{reason}}.',
  modelNotSaved: 'The trained model could not be saved: {{reason}}',
  interrupted: 'Interrupted: Netwright closed while this run was training.',
  experimentCancelled: 'The experiment was cancelled before this variant.',
  /** A start refused: another run is training. */
  busy: 'Run {{name}} is still training; cancel it or wait for it to finish.',
  /** A start refused: the pinned backend did not load; `reason` is why (a backend report's text). */
  backendUnusable: 'The {{backend}} backend cannot be used here: {{reason}}',
  /** The name a run gets when none is given (kept in run.json as English; shown in the window's language). */
  runName_one: 'ε {{smoothing}} · {{optimizer}} {{rate}} · {{count}} epoch',
  runName_other: 'ε {{smoothing}} · {{optimizer}} {{rate}} · {{count}} epochs',
  /** Requests refused about a run: no such run, or one in the wrong state. `status` is a status text below. */
  noRun: 'There is no run {{id}}.',
  notTraining: 'Run {{name}} is not training (it is {{status}}).',
  /** `why` is divergedUseless or itIs. */
  noModelToExport: 'Run {{name}} has no trained model to export: {{why}}.',
  divergedUseless: 'it diverged (its weights are useless)',
  itIs: 'it is {{status}}',
  noModelToSave: 'Run {{name}} has no trained model to save.',
  cancelBeforeDelete: 'Cancel the run before deleting it.',
  /** `backend` is WebGPU or WebGL. */
  gpuRunsElsewhere: "{{backend}} runs train in the window's GPU worker: start them with trainStartGpu.",
  notOnGpu: "Run {{name}} trains in a worker thread, not on the window's GPU.",
  /** `issue` is "field: what is wrong" (diagnostics issue.field). */
  invalidOptions: 'Invalid training options: {{issue}}',
  /** Why a network cannot become a TensorFlow.js model (trainer/compile): a run's message. */
  compile: {
    /** `name` is the layer's name, `reason` one of the texts below. */
    layer: '{{name}}: {{reason}}',
    /** `reason` is TensorFlow.js's own complaint. */
    refused: 'TensorFlow.js refused it: {{reason}}',
    noBuilder: 'no TensorFlow.js builder for {{kind}}',
    /** `formula` is "relu6(x + 3) / 6", with " · x" for hard swish. */
    hardActivation:
      'TensorFlow.js has no {{name}} as Keras 3 and PyTorch define it ({{formula}}): use swish or relu6 to train here, or export the network',
    groups: 'TensorFlow.js has no grouped convolution (groups {{groups}}): set groups to 1, or use DepthwiseConv2D',
    depthwiseDilation: 'TensorFlow.js ignores dilation in DepthwiseConv2D (dilation {{dilation}}): set dilation to 1×1',
    transposeDilation: 'TensorFlow.js has no dilated Conv2DTranspose (dilation {{dilation}}): set dilation to 1×1',
    bilinear:
      "TensorFlow.js's bilinear upsampling samples pixel corners, not centres as Keras and PyTorch do: use interpolation 'nearest' to train here",
    layerNorm: "TensorFlow.js's LayerNormalization cannot train without gamma or beta: set center and scale to true",
    relu: "TensorFlow.js's ReLU has no negative slope or threshold: set them to 0, or use a LeakyReLU for the slope",
    elu: "TensorFlow.js's ELU has alpha 1 only (alpha {{alpha}}): set alpha to 1",
  },
  /** Why a dataset cannot be used (datasetEn.ts). */
  dataset: datasetEn,
  /** A run's or an experiment row's status as the command line prints it. */
  status: {
    preparing: 'preparing',
    running: 'running',
    paused: 'paused',
    completed: 'completed',
    cancelled: 'cancelled',
    diverged: 'diverged',
    failed: 'failed',
    queued: 'queued',
    training: 'training',
  },
};
