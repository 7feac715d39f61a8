import type { ExportNetwork } from '../network';
import type { TrainingOptions } from '../options';
import { classifierShape } from '../shapes';
import { commonFlags, scheduleFunction, settingsBlock, unsupportedTrainScript } from '../trainCommon';

/**
 * train.py for PyTorch: one process, or several under torchrun with
 * DistributedDataParallel; CrossEntropyLoss with label smoothing on the logits.
 */
export function pytorchTrainScript(net: ExportNetwork, options: TrainingOptions, hasWeights: boolean): string {
  const classifier = classifierShape(net);
  if (!classifier) {
    return unsupportedTrainScript(
      'handles one input and a vector of class scores as the first output; this network has other inputs or outputs.',
    );
  }
  const input = net.nodes.get(net.inputs[0]!)!.outputShape;
  const image = input.length === 3;
  const channels = input[2];
  const multipleOutputs = net.outputs.length > 1;
  return `"""Trains the exported network with the settings chosen in Netwright.

One process (a GPU when there is one, else the CPU):
    python train.py --data DIR
Several processes with DistributedDataParallel, e.g. 4 GPUs on one machine:
    torchrun --nproc_per_node=4 train.py --data DIR
A quick run on random data, to check the setup:
    python train.py --synthetic --epochs 1

DIR holds one subfolder of images per class (torchvision's ImageFolder). Images are
resized to the network's input and scaled to [0, 1].
"""

import argparse
import math
import os

import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.data.distributed import DistributedSampler

from model import INPUT_SHAPE, NUM_CLASSES, WEIGHTS, build_model, load_weights

${settingsBlock(options, 'global: split across processes under torchrun')}START_WEIGHTS = ${hasWeights ? 'str(WEIGHTS)  # the trained weights exported with this model' : 'None  # or a Netwright tensor file, e.g. str(WEIGHTS)'}

OPTIMIZERS = ["sgd", "adam", "rmsprop"]
SCHEDULES = ["constant", "step", "cosine"]


def parse_args():
    parser = argparse.ArgumentParser(description="Train the exported network.")
${commonFlags}    parser.add_argument("--weights", default=START_WEIGHTS, help="start from these")
    parser.add_argument("--save", default="trained.pt", help="state_dict file to write")
    args = parser.parse_args()
    if not args.data and not args.synthetic:
        parser.error("give --data DIR, or --synthetic for a quick run on random data")
    return args


${scheduleFunction}

class RMSpropTF(torch.optim.Optimizer):
    """RMSProp as TensorFlow and Keras compute it: epsilon inside the square root.

    torch.optim.RMSprop adds epsilon after the square root; with the Inception v3
    paper's epsilon of 1.0 the two give very different steps.
    """

    def __init__(self, params, lr, alpha=0.9, eps=1.0, momentum=0.0, weight_decay=0.0):
        defaults = dict(
            lr=lr, alpha=alpha, eps=eps, momentum=momentum, weight_decay=weight_decay
        )
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                grad = p.grad
                if group["weight_decay"]:
                    grad = grad.add(p, alpha=group["weight_decay"])
                state = self.state[p]
                if not state:
                    state["square_avg"] = torch.zeros_like(p)
                    state["momentum"] = torch.zeros_like(p)
                square_avg = state["square_avg"]
                alpha = group["alpha"]
                square_avg.mul_(alpha).addcmul_(grad, grad, value=1 - alpha)
                update = grad / (square_avg + group["eps"]).sqrt() * group["lr"]
                if group["momentum"]:
                    update = state["momentum"].mul_(group["momentum"]).add_(update)
                p.sub_(update)


def parameter_groups(model, decay):
    """Netwright's weight decay: decay * w joins the gradients of conv and dense
    kernels; biases and batch-norm parameters are not decayed.
    """
    layers = (nn.Conv2d, nn.Linear)
    kernels = [m.weight for m in model.modules() if isinstance(m, layers)]
    kernel_ids = {id(p) for p in kernels}
    others = [p for p in model.parameters() if id(p) not in kernel_ids]
    return [
        {"params": kernels, "weight_decay": decay},
        {"params": others, "weight_decay": 0.0},
    ]


def make_optimizer(model, args):
    groups = parameter_groups(model, args.weight_decay)
    if args.optimizer == "adam":
        return torch.optim.Adam(groups, lr=args.lr, eps=args.adam_epsilon)
    if args.optimizer == "rmsprop":
        return RMSpropTF(
            groups,
            lr=args.lr,
            alpha=args.rmsprop_decay,
            eps=args.rmsprop_epsilon,
            momentum=args.momentum,
        )
    return torch.optim.SGD(groups, lr=args.lr, momentum=args.momentum)


def load_data(args):
    if args.synthetic:
        generator = torch.Generator().manual_seed(0)
        images = torch.rand(args.samples, *INPUT_SHAPE, generator=generator)
        labels = torch.randint(NUM_CLASSES, (args.samples,), generator=generator)
        return TensorDataset(images, labels)
${image ? imageFolderLoader(channels!) : vectorLoader}

def main():
    args = parse_args()
    distributed = "LOCAL_RANK" in os.environ  # torchrun sets it
    if distributed:
        dist.init_process_group("nccl" if torch.cuda.is_available() else "gloo")
    rank = dist.get_rank() if distributed else 0
    world = dist.get_world_size() if distributed else 1
    local_rank = int(os.environ.get("LOCAL_RANK", 0))
    if torch.cuda.is_available():
        device = torch.device("cuda", local_rank)
        torch.cuda.set_device(device)
    else:
        device = torch.device("cpu")

    model = build_model()
    if args.weights:
        load_weights(model, args.weights)
    model.to(device)
    if distributed:
        ids = [local_rank] if device.type == "cuda" else None
        model = DistributedDataParallel(model, device_ids=ids)

    dataset = load_data(args)
    sampler = DistributedSampler(dataset) if distributed else None
    loader = DataLoader(
        dataset,
        batch_size=max(1, args.batch_size // world),
        shuffle=sampler is None,
        sampler=sampler,
        num_workers=0 if args.synthetic else 4,
    )
    # forward() returns logits; CrossEntropyLoss applies the softmax itself, with
    # Keras's label smoothing: targets y * (1 - eps) + eps / NUM_CLASSES.
    criterion = nn.CrossEntropyLoss(label_smoothing=args.label_smoothing)
    optimizer = make_optimizer(model, args)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda epoch: schedule_factor(epoch, args)
    )

    for epoch in range(args.epochs):
        if sampler is not None:
            sampler.set_epoch(epoch)
        model.train()
        totals = torch.zeros(3, dtype=torch.float64, device=device)
        for images, labels in loader:
            images, labels = images.to(device), labels.to(device)
            logits = model(images)${multipleOutputs ? '[0]  # the first output is the classifier' : ''}
            loss = criterion(logits, labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            totals[0] += loss.item() * len(labels)
            totals[1] += (logits.argmax(1) == labels).sum().item()
            totals[2] += len(labels)
        scheduler.step()
        if distributed:
            dist.all_reduce(totals)
        if rank == 0:
            loss_sum, correct, seen = totals.tolist()
            lr = scheduler.get_last_lr()[0]
            print(
                f"epoch {epoch + 1}/{args.epochs}: loss {loss_sum / seen:.4f}, "
                f"accuracy {correct / seen:.4f}, next learning rate {lr:.3g}"
            )
    if rank == 0:
        state = model.module.state_dict() if distributed else model.state_dict()
        torch.save(state, args.save)
        print(f"saved {args.save}")
    if distributed:
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
`;
}

function imageFolderLoader(channels: number): string {
  if (channels !== 1 && channels !== 3) {
    return `    raise SystemExit(
        "--data reads RGB or grayscale images; this network takes ${channels} channels."
    )
`;
  }
  return `    # torchvision is only needed for real data.
    from torchvision import datasets, transforms

    channels, height, width = INPUT_SHAPE
    steps = [transforms.Resize((height, width))]
    if channels == 1:
        steps.append(transforms.Grayscale())
    steps.append(transforms.ToTensor())
    return datasets.ImageFolder(args.data, transform=transforms.Compose(steps))
`;
}

const vectorLoader = `    raise SystemExit("This network takes vectors: load your data in load_data().")
`;
