"""Exports small PyTorch networks to ONNX with their weights (eval mode, seeded), and for each a
seeded input and one module's output on it, so a test can compare what Netwright computes from
the file's weights with PyTorch itself.

usage: exportWithWeights.py OUT_DIR [NAME ...]   (default: every model)
writes NAME.onnx, NAME.input.bin (float32, N×C×H×W) and NAME.hook.bin (the hooked module's
output, float32, N×C×H×W); prints one JSON object {NAME: {file, input, inputShape, hook, hookShape}}.
"""
import json
import os
import sys
import warnings

import torch
import torchvision
from torch import nn

warnings.filterwarnings("ignore")
out_dir = sys.argv[1]


def randomise_batch_norms(model):
    """Fresh batch norms are the identity; random statistics make folding them into convs matter."""
    for m in model.modules():
        if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
            m.running_mean.uniform_(-0.5, 0.5)
            m.running_var.uniform_(0.5, 2.0)
            m.weight.data.uniform_(0.5, 1.5)
            m.bias.data.uniform_(-0.5, 0.5)


class SmallCnn(nn.Module):
    """conv + bn + relu + pool, a bias-free conv, a batch norm no conv can absorb, flatten, linear."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(8)
        self.act1 = nn.ReLU()
        self.pool1 = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(8, 12, 3, padding=1, bias=False)
        self.act2 = nn.ReLU()
        self.bn2 = nn.BatchNorm2d(12)
        self.pool2 = nn.MaxPool2d(2)
        self.fc1 = nn.Linear(12 * 4 * 4, 16)
        self.act3 = nn.ReLU()
        self.fc2 = nn.Linear(16, 5)

    def forward(self, x):
        x = self.pool1(self.act1(self.bn1(self.conv1(x))))
        x = self.pool2(self.bn2(self.act2(self.conv2(x))))
        return self.fc2(self.act3(self.fc1(torch.flatten(x, 1))))


class Depthwise(nn.Module):
    """A transposed conv, a depthwise conv (multiplier 2) with batch norm, PReLU per channel, a pooled head."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 6, 3, padding=1)
        self.up = nn.ConvTranspose2d(6, 6, 2, stride=2)
        self.depthwise = nn.Conv2d(6, 12, 3, padding=1, groups=6)
        self.bn = nn.BatchNorm2d(12)
        self.act = nn.PReLU(12)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.head = nn.Linear(12, 4)

    def forward(self, x):
        x = self.act(self.bn(self.depthwise(self.up(self.stem(x)))))
        return self.head(torch.flatten(self.pool(x), 1))


class FlatHead(nn.Module):
    """Per-feature weights after a flatten of an image (batch norm, PReLU), then MatMul + Add."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, padding=1)
        self.act = nn.ReLU()
        self.bn = nn.BatchNorm1d(4 * 6 * 6)
        self.prelu = nn.PReLU(4 * 6 * 6)
        self.w = nn.Parameter(torch.randn(4 * 6 * 6, 7) * 0.1)
        self.b = nn.Parameter(torch.randn(7))

    def forward(self, x):
        x = self.prelu(self.bn(torch.flatten(self.act(self.conv(x)), 1)))
        return x @ self.w + self.b


def resnet18():
    return torchvision.models.resnet18(num_classes=10)


MODELS = {
    "small_cnn": (SmallCnn, 16, "bn2"),
    "depthwise": (Depthwise, 12, "act"),
    "flat_head": (FlatHead, 6, "act"),
    "resnet18": (resnet18, 64, "layer1"),
}

result = {}
for name in sys.argv[2:] or MODELS:
    make, size, hooked = MODELS[name]
    torch.manual_seed(0)
    model = make()
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.PReLU):
                m.weight.uniform_(-0.5, 0.5)
        randomise_batch_norms(model)
    model.eval()
    x = torch.rand(1, 3, size, size)
    seen = {}
    handle = dict(model.named_modules())[hooked].register_forward_hook(lambda m, i, o: seen.update(out=o))
    with torch.no_grad():
        model(x)
    handle.remove()
    file = os.path.join(out_dir, f"{name}.onnx")
    torch.onnx.export(model, x, file, opset_version=13)
    paths = {k: os.path.join(out_dir, f"{name}.{k}.bin") for k in ("input", "hook")}
    x.numpy().astype("float32").tofile(paths["input"])
    seen["out"].numpy().astype("float32").tofile(paths["hook"])
    result[name] = {
        "file": file,
        "input": paths["input"],
        "inputShape": list(x.shape),
        "hook": paths["hook"],
        "hookShape": list(seen["out"].shape),
    }
    if name == "small_cnn":
        bare = os.path.join(out_dir, f"{name}-no-weights.onnx")
        torch.onnx.export(model, x, bare, opset_version=13, export_params=False)
        result[name]["bare"] = bare
print(json.dumps(result))
