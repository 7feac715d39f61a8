import type { ExportNetwork } from '../network';
import type { TrainingOptions } from '../options';
import { classifierShape } from '../shapes';
import { commonFlags, scheduleFunction, settingsBlock, unsupportedTrainScript } from '../trainCommon';

const colorModes: Record<number, string> = { 1: 'grayscale', 3: 'rgb', 4: 'rgba' };

/**
 * train.py for Keras: MirroredStrategy (every GPU of one machine), or
 * MultiWorkerMirroredStrategy across machines with --multi-worker; CategoricalCrossentropy
 * with label smoothing.
 */
export function kerasTrainScript(net: ExportNetwork, options: TrainingOptions, hasWeights: boolean): string {
  if (!classifierShape(net) || net.outputs.length > 1) {
    return unsupportedTrainScript(
      'handles one input and one output, a vector of class scores; this network has other inputs or outputs.',
    );
  }
  const input = net.nodes.get(net.inputs[0]!)!.outputShape;
  const colorMode = input.length === 3 ? colorModes[input[2]!] : undefined;
  // Keras's loss takes probabilities by default; a network without a final softmax gives logits.
  const fromLogits = !net.nodes.get(net.outputs[0]!)!.finalSoftmax;
  return `"""Trains the exported network with Keras and the settings chosen in Netwright.

Every GPU of this machine (tf.distribute.MirroredStrategy):
    python train.py --data DIR
Several machines (MultiWorkerMirroredStrategy; set TF_CONFIG on each, see README.md):
    python train.py --data DIR --multi-worker
A quick run on random data, to check the setup:
    python train.py --synthetic --epochs 1

DIR holds one subfolder of images per class. Images are resized to the network's input
and scaled to [0, 1].
"""

import argparse
import math

import keras
import tensorflow as tf

from model import INPUT_SHAPE, NUM_CLASSES, WEIGHTS, build_model, load_weights

${settingsBlock(options, 'global: the strategy splits it across replicas')}START_WEIGHTS = ${hasWeights ? 'str(WEIGHTS)  # the trained weights exported with this model' : 'None  # or a Netwright tensor file, e.g. str(WEIGHTS)'}

OPTIMIZERS = ["sgd", "adam", "rmsprop"]
SCHEDULES = ["constant", "step", "cosine"]


def parse_args():
    parser = argparse.ArgumentParser(description="Train the exported network.")
${commonFlags}    parser.add_argument("--weights", default=START_WEIGHTS, help="start from these")
    parser.add_argument("--save", default="trained.keras", help="model file to write")
    parser.add_argument(
        "--multi-worker",
        action="store_true",
        help="MultiWorkerMirroredStrategy across the machines named in TF_CONFIG",
    )
    args = parser.parse_args()
    if not args.data and not args.synthetic:
        parser.error("give --data DIR, or --synthetic for a quick run on random data")
    return args


${scheduleFunction}

def make_optimizer(args):
    if args.optimizer == "adam":
        return keras.optimizers.Adam(learning_rate=args.lr, epsilon=args.adam_epsilon)
    if args.optimizer == "rmsprop":
        return keras.optimizers.RMSprop(
            learning_rate=args.lr,
            rho=args.rmsprop_decay,
            epsilon=args.rmsprop_epsilon,
            momentum=args.momentum,
        )
    return keras.optimizers.SGD(learning_rate=args.lr, momentum=args.momentum)


def with_weight_decay(model, decay):
    """Netwright's weight decay: decay / 2 * sum(w ** 2) over the conv and dense kernels
    added to the loss, so decay * w joins each kernel's gradient; biases and batch norm
    are not decayed. (The optimizers' own weight_decay is decoupled, which differs.)
    """
    if not decay:
        return model
    keys = ["kernel_regularizer", "depthwise_regularizer", "pointwise_regularizer"]

    def clone(layer):
        config = layer.get_config()
        for key in keys:
            if key in config:
                config[key] = keras.regularizers.L2(decay / 2)
        return layer.__class__.from_config(config)

    return keras.models.clone_model(model, clone_function=clone)


def load_data(args, batch_size):
    if args.synthetic:
        images = tf.random.uniform((args.samples, *INPUT_SHAPE), seed=0)
        labels = tf.random.uniform((args.samples,), maxval=NUM_CLASSES, dtype="int32")
        targets = tf.one_hot(labels, NUM_CLASSES)
        data = tf.data.Dataset.from_tensor_slices((images, targets))
        return data.shuffle(args.samples, seed=0).batch(batch_size)
${colorMode ? directoryLoader(colorMode) : `    raise SystemExit("--data reads images; load this network's data in load_data().")\n`}

def main():
    args = parse_args()
    if args.multi_worker:
        strategy = tf.distribute.MultiWorkerMirroredStrategy()
    else:
        strategy = tf.distribute.MirroredStrategy()
    with strategy.scope():
        model = with_weight_decay(build_model(), args.weight_decay)
        if args.weights:
            load_weights(model, args.weights)
        loss = keras.losses.CategoricalCrossentropy(
            from_logits=${fromLogits ? 'True' : 'False'}, label_smoothing=args.label_smoothing
        )
        model.compile(
            optimizer=make_optimizer(args),
            loss=loss,
            metrics=["accuracy"],
        )
    # The global batch: the strategy splits each batch across its replicas.
    data = load_data(args, args.batch_size)
    schedule = keras.callbacks.LearningRateScheduler(
        lambda epoch: args.lr * schedule_factor(epoch, args)
    )
    model.fit(data, epochs=args.epochs, callbacks=[schedule])
    # Every worker must call save(); only the chief's file (task 0) is the result.
    task = getattr(strategy.cluster_resolver, "task_id", 0) or 0
    model.save(args.save if task == 0 else f"/tmp/netwright-worker-{task}.keras")
    print(f"saved {args.save}")


if __name__ == "__main__":
    main()
`;
}

function directoryLoader(colorMode: string): string {
  return `    height, width, _ = INPUT_SHAPE
    data = keras.utils.image_dataset_from_directory(
        args.data,
        label_mode="categorical",
        color_mode="${colorMode}",
        image_size=(height, width),
        batch_size=batch_size,
    )
    return data.map(lambda images, labels: (images / 255.0, labels)).prefetch(
        tf.data.AUTOTUNE
    )
`;
}
