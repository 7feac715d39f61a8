import type { TrainingOptions } from './options';
import { float, int, render, str } from './python/expr';
import { PythonSource } from './python/source';

/**
 * The settings block at the top of both train.py files, and the argparse lines that make
 * each one a flag. Written by the exporter; everything else in train.py is fixed text.
 */
export function settingsBlock(o: TrainingOptions, batchNote: string): string {
  const lines = [
    '# Settings chosen in Netwright; each is also a command-line flag.',
    `LABEL_SMOOTHING = ${render(float(o.labelSmoothing))}`,
    `OPTIMIZER = ${render(str(o.optimizer))}  # sgd, adam or rmsprop`,
    `LEARNING_RATE = ${render(float(o.learningRate))}`,
    `MOMENTUM = ${render(float(o.momentum))}  # sgd and rmsprop`,
    `RMSPROP_DECAY = ${render(float(o.rmspropDecay))}`,
    `RMSPROP_EPSILON = ${render(float(o.rmspropEpsilon))}`,
    `ADAM_EPSILON = ${render(float(o.adamEpsilon))}`,
    `WEIGHT_DECAY = ${render(float(o.weightDecay))}  # L2 on conv and dense kernels only`,
    `SCHEDULE = ${render(str(o.schedule))}  # constant, step or cosine`,
    `STEP_EPOCHS = ${render(int(o.stepEpochs))}  # step: multiply by STEP_FACTOR this often`,
    `STEP_FACTOR = ${render(float(o.stepFactor))}`,
    `EPOCHS = ${render(int(o.epochs))}`,
    `BATCH_SIZE = ${render(int(o.batchSize))}  # ${batchNote}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** argparse flags shared by both scripts (4-space indented, inside parse_args()). */
export const commonFlags = `    parser.add_argument("--data", help="folder with one subfolder of images per class")
    parser.add_argument("--synthetic", action="store_true", help="random data")
    parser.add_argument("--samples", type=int, default=256, help="synthetic samples")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    parser.add_argument("--optimizer", choices=OPTIMIZERS, default=OPTIMIZER)
    parser.add_argument("--lr", type=float, default=LEARNING_RATE)
    parser.add_argument("--momentum", type=float, default=MOMENTUM)
    parser.add_argument("--rmsprop-decay", type=float, default=RMSPROP_DECAY)
    parser.add_argument("--rmsprop-epsilon", type=float, default=RMSPROP_EPSILON)
    parser.add_argument("--adam-epsilon", type=float, default=ADAM_EPSILON)
    parser.add_argument("--weight-decay", type=float, default=WEIGHT_DECAY)
    parser.add_argument("--schedule", choices=SCHEDULES, default=SCHEDULE)
    parser.add_argument("--step-epochs", type=int, default=STEP_EPOCHS)
    parser.add_argument("--step-factor", type=float, default=STEP_FACTOR)
    parser.add_argument("--label-smoothing", type=float, default=LABEL_SMOOTHING)
`;

/** The per-epoch learning-rate factor, the same formula in both scripts. */
export const scheduleFunction = `def schedule_factor(epoch, args):
    """The learning rate of EPOCH (counted from 0) as a fraction of --lr."""
    if args.schedule == "step":
        return args.step_factor ** (epoch // args.step_epochs)
    if args.schedule == "cosine":
        return 0.5 * (1 + math.cos(math.pi * epoch / args.epochs))
    return 1.0
`;

/** train.py for a network the scripts cannot feed: says why instead of failing obscurely. */
export function unsupportedTrainScript(reason: string): string {
  const src = new PythonSource();
  src.docstring(
    0,
    'train.py cannot train this network as it is.',
    `The script ${reason} model.py works as usual; write the data loading for this network's inputs and outputs yourself (see README.md).`,
  );
  src.blank().line(0, 'import sys').blank().line(0, 'sys.exit(__doc__)');
  return src.toString();
}
