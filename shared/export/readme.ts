import { markdownCode, markdownText } from '../text';
import { type ExportNetwork, isImage, torchShape } from './network';
import type { TrainingOptions } from './options';
import { REFERENCE_TOLERANCE } from './reference';
import { classifierShape, describeShape } from './shapes';
import { type ExportTarget, frameworkName } from './target';
import { isSymmetric, tfPadding2D } from './tfPadding';

function settingsTable(o: TrainingOptions): string {
  const optimizer =
    o.optimizer === 'sgd'
      ? `SGD, momentum ${o.momentum}`
      : o.optimizer === 'adam'
        ? `Adam, ε ${o.adamEpsilon}`
        : `RMSProp, decay ${o.rmspropDecay}, ε ${o.rmspropEpsilon}, momentum ${o.momentum}`;
  const schedule =
    o.schedule === 'step'
      ? `step: × ${o.stepFactor} every ${o.stepEpochs} epochs`
      : o.schedule === 'cosine'
        ? 'cosine, from the rate to 0 over the epochs'
        : 'constant';
  return [
    '| Setting | Value | Flag |',
    '|---|---|---|',
    `| Label smoothing ε | ${o.labelSmoothing} | \`--label-smoothing\` |`,
    `| Optimizer | ${optimizer} | \`--optimizer\`, \`--momentum\`, \`--rmsprop-decay\`, \`--rmsprop-epsilon\`, \`--adam-epsilon\` |`,
    `| Learning rate | ${o.learningRate} | \`--lr\` |`,
    `| Schedule (per epoch) | ${schedule} | \`--schedule\`, \`--step-epochs\`, \`--step-factor\` |`,
    `| Weight decay (L2 on kernels, as in Netwright) | ${o.weightDecay} | \`--weight-decay\` |`,
    `| Epochs | ${o.epochs} | \`--epochs\` |`,
    `| Batch size (global) | ${o.batchSize} | \`--batch-size\` |`,
  ].join('\n');
}

/** Convs and pools whose TensorFlow 'same' padding is asymmetric (PyTorch pads those with F.pad). */
function asymmetricPadding(net: ExportNetwork): string[] {
  const names: string[] = [];
  for (const node of net.nodes.values()) {
    const l = node.layer;
    if (l.kind === 'Conv2D' || l.kind === 'DepthwiseConv2D' || l.kind === 'SeparableConv2D') {
      const pads = tfPadding2D(
        node.inputShapes[0]!,
        l.params.kernelSize,
        l.params.strides,
        l.params.dilation,
        l.params.padding,
      );
      if (!isSymmetric(pads)) names.push(node.name);
    } else if (l.kind === 'MaxPool2D' || l.kind === 'AvgPool2D') {
      const pads = tfPadding2D(node.inputShapes[0]!, l.params.poolSize, l.params.strides, [1, 1], l.params.padding);
      if (!isSymmetric(pads)) names.push(node.name);
    }
  }
  return names;
}

const list = (names: string[], max = 8) =>
  names
    .slice(0, max)
    .map((n) => markdownCode(n))
    .join(', ') + (names.length > max ? ` and ${names.length - max} more` : '');

function pytorchNotes(net: ExportNetwork): string[] {
  const input = net.nodes.get(net.inputs[0]!)!.outputShape;
  const asymmetric = asymmetricPadding(net);
  const notes = [
    isImage(input)
      ? `- **Layout.** The model takes NCHW batches, \`(N, ${torchShape(input).join(', ')})\`; Netwright and Keras use NHWC \`(N, ${input.join(', ')})\`. Images stay NCHW inside. Flatten, Reshape and Dense on images work in Keras's NHWC element order, so Netwright's weights carry over unchanged.`
      : '- **Layout.** Inputs and outputs have the same shapes as in Netwright.',
    `- **'same' padding** is computed as TensorFlow does it: \`ceil(in / stride)\` outputs, the odd pixel after (bottom, right). Where that is symmetric it is the layer's \`padding=\`; where it is not (usually stride 2 on an even size), \`forward()\` pads with \`F.pad\` first${asymmetric.length ? `: ${list(asymmetric)}` : ' (none in this network)'}. Max pools pad with −∞ and average pools count only real pixels, as TensorFlow does.`,
    "- **Batch norm.** Same ε. PyTorch's momentum is 1 − Keras's (0.99 → 0.01). Layers without γ or β (`scale=False` / `center=False`) use the small `BatchNorm` class in model.py. PyTorch updates the running variance with the unbiased batch variance; this changes training statistics very slightly and inference not at all.",
  ];
  if (net.outputs.some((id) => net.nodes.get(id)!.finalSoftmax)) {
    notes.push(
      '- **Softmax.** `forward()` returns logits and `predict()` applies the final softmax. `CrossEntropyLoss` takes logits and applies log-softmax itself, which is both exact and numerically stable.',
    );
  }
  notes.push(
    '- **Initialisation.** `build_model()` initialises convs and dense layers as Keras does (Glorot uniform, zero bias), so training starts as in Netwright.',
    "- **RMSProp.** TensorFlow puts ε inside the square root, `torch.optim.RMSprop` outside; with the Inception v3 paper's ε = 1.0 that matters, so train.py has a small `RMSpropTF` optimizer.",
    "- **Weight decay** is Netwright's: λ·w added to the gradient of conv and dense kernels only (parameter groups in train.py).",
  );
  return notes;
}

function kerasNotes(): string[] {
  return [
    '- **Layout.** Keras uses the same NHWC layout and the same layer settings as Netwright; every layer has its node name.',
    "- **Weight decay** is Netwright's L2 on kernels, added as `kernel_regularizer`s by train.py; the optimizers' own `weight_decay` (decoupled) is not used.",
    '- **Keras version.** Written for Keras 3 with the TensorFlow backend (TensorFlow 2.16 or later): `pip install tensorflow`.',
  ];
}

function renamedTable(net: ExportNetwork): string[] {
  const renamed = [...net.nodes.values()].filter((n) => n.ident !== n.name && n.layer.kind !== 'Input');
  if (renamed.length === 0) return [];
  return [
    '',
    '## Renamed layers',
    '',
    'These node names are not Python identifiers, so the code uses the name on the right:',
    '',
    '| Netwright | Python |',
    '|---|---|',
    ...renamed.map(
      (n) => `| ${markdownCode(n.name, { inTable: true })} | ${markdownCode(n.ident, { inTable: true })} |`,
    ),
  ];
}

export interface ReadmeInput {
  net: ExportNetwork;
  target: ExportTarget;
  options: TrainingOptions;
  hasWeights: boolean;
}

/** README.md of an export: how to use, train and check it, and how it was converted. */
export function exportReadme({ net, target, options, hasWeights }: ReadmeInput): string {
  const fw = frameworkName[target];
  const input = net.nodes.get(net.inputs[0]!)!.outputShape;
  const shape = target === 'pytorch' ? torchShape(input) : [...input];
  const t = net.analysis.totals;
  const lines = [
    `# ${markdownText(net.name)}: ${fw} export from Netwright`,
    '',
    `The network as ${fw} code: ${t.params.toLocaleString('en-US')} parameters (${t.nonTrainableParams.toLocaleString('en-US')} of them batch-norm statistics), the same count Netwright shows.`,
    '',
    '| File | What it is |',
    '|---|---|',
    `| \`model.py\` | \`build_model()\` returns the ${target === 'pytorch' ? '`nn.Module`' : '`keras.Model`'}; one ${target === 'pytorch' ? 'class' : 'function'} per module, layers named after the nodes |`,
    '| `train.py` | the training script, with the settings below |',
  ];
  if (hasWeights) {
    lines.push(
      '| `weights.json`, `weights.bin` | the weights trained in Netwright (JSON index + little-endian float32) |',
      "| `reference.json`, `reference.bin` | an input and TF.js's output for it |",
      `| \`check.py\` | loads the weights and compares one forward pass with TF.js's output (tolerance ${REFERENCE_TOLERANCE}) |`,
    );
  }
  lines.push(
    '',
    '## Use the model',
    '',
    '```python',
    'from model import build_model, load_weights',
    '',
    'model = build_model()',
  );
  if (hasWeights) lines.push('load_weights(model)  # the weights trained in Netwright');
  if (target === 'pytorch') {
    lines.push('model.eval()', `probabilities = model.predict(images)  # images: (N, ${shape.join(', ')}) floats`);
  } else {
    lines.push(`probabilities = model.predict(images)  # images: (N, ${shape.join(', ')}) floats`);
  }
  lines.push(
    '```',
    '',
    `Input ${describeShape(shape)} per sample${target === 'pytorch' && isImage(input) ? ' (channels, height, width)' : ''}.`,
  );

  lines.push('', '## Train', '');
  if (classifierShape(net)) {
    lines.push('```sh', 'python train.py --synthetic --epochs 1   # random data: checks the setup');
    if (target === 'pytorch') {
      lines.push(
        'python train.py --data DIR                # one process; a GPU if there is one',
        'torchrun --nproc_per_node=4 train.py --data DIR   # 4 GPUs, DistributedDataParallel',
        '```',
        '',
        'Across machines: `torchrun --nnodes=2 --node_rank=0 --master_addr=HOST --master_port=29500 --nproc_per_node=4 train.py --data DIR` on the first, `--node_rank=1` on the second. train.py only needs the environment torchrun sets (`RANK`, `LOCAL_RANK`, `WORLD_SIZE`, `MASTER_ADDR`, `MASTER_PORT`), so a scheduler that sets those itself works too.',
      );
    } else {
      lines.push(
        'python train.py --data DIR                # every GPU of this machine (MirroredStrategy)',
        'python train.py --data DIR --multi-worker # several machines (MultiWorkerMirroredStrategy)',
        '```',
        '',
        'For `--multi-worker`, set `TF_CONFIG` on each machine, e.g. `{"cluster": {"worker": ["host1:12345", "host2:12345"]}, "task": {"type": "worker", "index": 0}}`, and start the same command on all of them.',
      );
    }
    lines.push(
      '',
      'DIR holds one subfolder of images per class; images are resized to the input size and scaled to [0, 1] (change `load_data()` if your data was normalised differently in Netwright).',
      '',
      settingsTable(options),
      '',
      target === 'pytorch'
        ? 'Label smoothing uses `nn.CrossEntropyLoss(label_smoothing=ε)`: targets become y·(1 − ε) + ε/K, exactly as in Keras and Netwright.'
        : 'Label smoothing uses `keras.losses.CategoricalCrossentropy(label_smoothing=ε)`: targets become y·(1 − ε) + ε/K, as in Netwright.',
    );
  } else {
    lines.push(
      'train.py handles one input and one class-score output; this network has others, so write the data loading yourself.',
    );
  }
  if (hasWeights) {
    lines.push(
      '',
      '## Check the weights',
      '',
      '```sh',
      'python check.py',
      '```',
      '',
      `Prints the largest difference between this model's output and TF.js's on the saved input, and exits with 0 when it is at most ${REFERENCE_TOLERANCE}.${target === 'pytorch' ? " Kernels were converted from Keras's layouts: HWIO → OIHW for convs, [kh, kw, cin, m] → [cin·m, 1, kh, kw] for depthwise convs, [in, out] → [out, in] for dense layers." : ''}`,
    );
  }
  lines.push(
    '',
    `## How the export matches Netwright`,
    '',
    ...(target === 'pytorch' ? pytorchNotes(net) : kerasNotes()),
  );
  lines.push(...renamedTable(net));
  return `${lines.join('\n')}\n`;
}
