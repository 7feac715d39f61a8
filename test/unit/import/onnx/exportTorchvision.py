"""Exports torchvision models to ONNX (weights left out: export_params=False) and counts,
independently of the ONNX file, each model's parameters, batch-norm running statistics and
multiply-adds (forward hooks on Conv2d and Linear, per sample, in training mode as exported).

usage: exportTorchvision.py OUT_DIR MODE NAME[:SIZE][@OPSET] ...   (MODE: train or eval; opset 13 by default)
prints one JSON object {NAME[@OPSET]: {file, params, buffers, macs}}.
"""
import json
import os
import sys
import warnings

import torch
import torchvision

warnings.filterwarnings("ignore")
out_dir, mode = sys.argv[1], sys.argv[2]
result = {}
for arg in sys.argv[3:]:
    spec, _, opset = arg.partition("@")
    name, _, size = spec.partition(":")
    size = int(size or 224)
    opset = int(opset or 13)
    key = name if opset == 13 else f"{name}@{opset}"
    kwargs = {}
    if name.startswith("efficientnet"):
        # Stochastic depth is random in training mode; with probability 0 it is the identity.
        kwargs["stochastic_depth_prob"] = 0.0
    if name in ("googlenet", "inception_v3"):
        kwargs["init_weights"] = False
    if name == "googlenet":
        # Its auxiliary heads pool 14×14 to 4×4, which torch.onnx cannot export; the pretrained
        # googlenet drops them too.
        kwargs["aux_logits"] = False
    torch.manual_seed(0)
    model = getattr(torchvision.models, name)(**kwargs)
    model.train(mode == "train")
    macs = [0]

    def hook(m, inputs, output):
        if isinstance(m, torch.nn.Conv2d):
            per_sample = output[0].numel()
            macs[0] += per_sample * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]
        elif isinstance(m, torch.nn.Linear):
            macs[0] += m.in_features * m.out_features

    handles = [m.register_forward_hook(hook) for m in model.modules()]
    # Batch 2: batch norm in training mode needs more than one value per channel (1×1 maps).
    x = torch.zeros(2, 3, size, size)
    with torch.no_grad():
        model(x)
    for h in handles:
        h.remove()
    buffers = sum(b.numel() for n, b in model.named_buffers() if not n.endswith("num_batches_tracked"))
    file = os.path.join(out_dir, f"{name}-{mode}-{opset}.onnx")
    training = torch.onnx.TrainingMode.TRAINING if mode == "train" else torch.onnx.TrainingMode.EVAL
    torch.onnx.export(
        model, x, file, export_params=False, training=training,
        do_constant_folding=(mode != "train"), opset_version=opset,
    )
    result[key] = {
        "file": file,
        "params": sum(p.numel() for p in model.parameters()),
        "buffers": buffers,
        "macs": macs[0],
    }
print(json.dumps(result))
