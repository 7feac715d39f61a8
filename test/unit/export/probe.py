"""Runs exported PyTorch models for the export tests and reports what they built.

Usage: python3 probe.py SPEC.json
SPEC: {"cases": [{"dir": ..., "mode": "structure" | "check", "modules": [...]}]}
Prints one JSON object: {"results": [...]}, one result per case, in order.

One process for many exports, because importing torch costs seconds on these machines.
"""

import contextlib
import importlib
import io
import json
import runpy
import sys
import traceback

import torch


def fresh_import(directory, name):
    """Imports DIRECTORY/NAME.py, forgetting any module of that name from an earlier case."""
    sys.modules.pop(name, None)
    sys.path.insert(0, directory)
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(directory)


def structure(case):
    """Parameter counts and every named module's output shape on one forward pass."""
    module = fresh_import(case["dir"], "model")
    torch.manual_seed(0)
    model = module.build_model().eval()
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    frozen = sum(p.numel() for p in model.parameters() if not p.requires_grad)
    # Keras's non-trainable weights are PyTorch's buffers (batch-norm statistics,
    # Normalization's mean, variance and count), bar PyTorch's own step counter.
    buffers = sum(
        b.numel()
        for name, b in model.named_buffers()
        if not name.endswith("num_batches_tracked")
    )
    shapes = {}

    def record(path):
        def hook(_module, _inputs, output):
            shapes[path] = list(output.shape[1:])

        return hook

    for path in case["modules"]:
        model.get_submodule(path).register_forward_hook(record(path))
    inputs = [torch.rand(2, *shape) for shape in case["inputs"]]
    with torch.no_grad():
        outputs = model.predict(*inputs)
    if not isinstance(outputs, tuple):
        outputs = (outputs,)
    return {
        "trainable": trainable,
        "frozenParameters": frozen,
        "nonTrainable": buffers,
        "shapes": shapes,
        "outputs": [list(o.shape[1:]) for o in outputs],
        "finite": all(bool(torch.isfinite(o).all()) for o in outputs),
    }


def check(case):
    """Runs the export's own check.py, as a user would, and returns its verdict."""
    sys.modules.pop("model", None)
    sys.path.insert(0, case["dir"])
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            runpy.run_path(f"{case['dir']}/check.py", run_name="__main__")
        code = 0
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 1
    finally:
        sys.path.remove(case["dir"])
    return {"exitCode": code, "stdout": out.getvalue()}


def main():
    spec = json.loads(open(sys.argv[1]).read())
    torch.set_num_threads(max(1, torch.get_num_threads()))
    results = []
    for case in spec["cases"]:
        try:
            run = check if case["mode"] == "check" else structure
            results.append(run(case))
        except Exception:
            results.append({"error": traceback.format_exc()})
    print(json.dumps({"results": results}))


if __name__ == "__main__":
    main()
