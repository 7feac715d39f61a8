"""Counts of torchvision models and of PyTorch definitions of the networks torchvision lacks.

Usage: python3 torchCounts.py NAME... ; prints one JSON object keyed by NAME with the
trainable parameters (model.parameters()), the batch-norm moving statistics (running mean
and variance buffers: Keras's non-trainable weights), the multiply-adds of every Conv2d
and Linear at 1×3×224×224, and per such layer, in forward order, its output shape (H, W, C
or features) and weight count.
"""

import json
import sys

import torch
import torchvision

nn = torch.nn


def zfnet():
    """ZFNet from the paper's Figure 3: 224 → 110 → 55 → 26 → 13 → 13 → 13 → 13 → 6."""
    return nn.Sequential(
        nn.Conv2d(3, 96, 7, stride=2, padding=1), nn.ReLU(), nn.MaxPool2d(3, 2, ceil_mode=True),
        nn.Conv2d(96, 256, 5, stride=2), nn.ReLU(), nn.MaxPool2d(3, 2, ceil_mode=True),
        nn.Conv2d(256, 384, 3, padding=1), nn.ReLU(),
        nn.Conv2d(384, 384, 3, padding=1), nn.ReLU(),
        nn.Conv2d(384, 256, 3, padding=1), nn.ReLU(), nn.MaxPool2d(3, 2),
        nn.Flatten(),
        nn.Dropout(0.5), nn.Linear(6 * 6 * 256, 4096), nn.ReLU(),
        nn.Dropout(0.5), nn.Linear(4096, 4096), nn.ReLU(),
        nn.Linear(4096, 1000),
    )


def cbr(cin, cout, k, stride=1):
    return [nn.Conv2d(cin, cout, k, stride, k // 2, bias=False), nn.BatchNorm2d(cout, eps=0.001), nn.ReLU()]


class BnInceptionModule(nn.Module):
    """One row of Table 1; c1 = 0 and proj = 0 with stride 2: no 1×1 branch, pooled input passed through."""

    def __init__(self, cin, c1, c3r, c3, d3r, d3, pool, proj, stride=1):
        super().__init__()
        branches = [nn.Sequential(*cbr(cin, c1, 1))] if c1 else []
        branches.append(nn.Sequential(*cbr(cin, c3r, 1), *cbr(c3r, c3, 3, stride)))
        branches.append(nn.Sequential(*cbr(cin, d3r, 1), *cbr(d3r, d3, 3), *cbr(d3, d3, 3, stride)))
        pooling = (nn.MaxPool2d if pool == "max" else nn.AvgPool2d)(3, stride, 1)
        branches.append(nn.Sequential(pooling, *(cbr(cin, proj, 1) if proj else [])))
        self.branches = nn.ModuleList(branches)
        self.out = c1 + c3 + d3 + (proj or cin)

    def forward(self, x):
        return torch.cat([b(x) for b in self.branches], 1)


BN_INCEPTION_TABLE = [
    (64, 64, 64, 64, 96, "avg", 32),
    (64, 64, 96, 64, 96, "avg", 64),
    (0, 128, 160, 64, 96, "max", 0, 2),
    (224, 64, 96, 96, 128, "avg", 128),
    (192, 96, 128, 96, 128, "avg", 128),
    (160, 128, 160, 128, 160, "avg", 128),
    (96, 128, 192, 160, 192, "avg", 128),
    (0, 128, 192, 192, 256, "max", 0, 2),
    (352, 192, 320, 160, 224, "avg", 128),
    (352, 192, 320, 192, 224, "max", 128),
]


def bn_inception():
    layers = [*cbr(3, 64, 7, 2), nn.MaxPool2d(3, 2, 1), *cbr(64, 64, 1), *cbr(64, 192, 3), nn.MaxPool2d(3, 2, 1)]
    cin = 192
    for row in BN_INCEPTION_TABLE:
        layers.append(BnInceptionModule(cin, *row))
        cin = layers[-1].out
    return nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(cin, 1000))


BUILD = {
    "zfnet": zfnet,
    "bn_inception": bn_inception,
    # init_weights=False: the weights' initialisation changes no count and only costs time.
    "googlenet": lambda: torchvision.models.googlenet(aux_logits=False, init_weights=False),
    "googlenet_aux": lambda: torchvision.models.googlenet(aux_logits=True, init_weights=False),
}
# torchvision runs the auxiliary classifiers only in training mode.
TRAINING = {"googlenet_aux"}


def count(model):
    layers = []

    def hook(m, inputs, output):
        shape = list(output.shape[1:])
        if isinstance(m, nn.Conv2d):
            macs = output[0].numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]
            layers.append({"shape": shape[1:] + shape[:1], "weights": m.weight.numel(), "macs": macs})
        else:
            layers.append({"shape": shape, "weights": m.weight.numel(), "macs": m.in_features * m.out_features})

    for m in model.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            m.register_forward_hook(hook)
    with torch.no_grad():
        model(torch.zeros(1, 3, 224, 224))
    stats = sum(b.numel() for n, b in model.named_buffers() if n.endswith(("running_mean", "running_var")))
    return {
        "trainable": sum(p.numel() for p in model.parameters()),
        "nonTrainable": stats,
        "macs": sum(layer["macs"] for layer in layers),
        "layers": layers,
    }


out = {}
for name in sys.argv[1:]:
    build = BUILD[name] if name in BUILD else getattr(torchvision.models, name)
    out[name] = count(build().train(name in TRAINING))
print(json.dumps(out))
