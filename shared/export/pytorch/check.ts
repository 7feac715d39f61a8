import { type ExportNetwork, isImage } from '../network';
import { atom, list } from '../python/expr';
import { formatStatement } from '../python/source';
import { REFERENCE_TOLERANCE, referenceInputName, referenceOutputName } from '../reference';

/**
 * check.py: loads the exported weights and compares one forward pass with the output
 * TF.js computed on the same input (saved as reference.json / reference.bin).
 */
export function pytorchCheckScript(net: ExportNetwork): string {
  const inputs = net.inputs.map((id, i) => {
    const image = isImage(net.nodes.get(id)!.outputShape);
    return `reference["${referenceInputName(i)}"]${image ? '.permute(0, 3, 1, 2)' : ''}`;
  });
  const outputs = net.outputs.map((id, i) => {
    const image = isImage(net.nodes.get(id)!.outputShape);
    return `outputs[${i}]${image ? '.permute(0, 2, 3, 1)' : ''}`;
  });
  const expected = net.outputs.map((_, i) => `reference["${referenceOutputName(i)}"]`);
  const line = (head: string, items: string[]) => formatStatement(4, head, list(items.map(atom))).join('\n');
  return `"""Checks the exported weights: one forward pass against the output TF.js computed.

Run: python check.py. Prints the largest difference and exits with 0 when it is within
TOLERANCE, 1 otherwise.
"""

import sys
from pathlib import Path

import torch

from model import WEIGHTS, build_model, load_tensors, load_weights

REFERENCE = Path(__file__).resolve().parent / "reference"
TOLERANCE = ${REFERENCE_TOLERANCE}


def main():
    model = build_model()
    load_weights(model, WEIGHTS)
    model.eval()
    reference = load_tensors(REFERENCE)
    # TF.js saved images as NHWC; the model takes and gives NCHW.
${line('inputs = ', inputs)}
    with torch.no_grad():
        outputs = model.predict(*inputs)
    if not isinstance(outputs, tuple):
        outputs = (outputs,)
${line('ours = ', outputs)}
${line('expected = ', expected)}
    worst = max((a - b).abs().max().item() for a, b in zip(ours, expected))
    verdict = "OK" if worst <= TOLERANCE else "MISMATCH"
    print(f"max |PyTorch - TF.js| = {worst:.3g} (tolerance {TOLERANCE:g}): {verdict}")
    return 0 if worst <= TOLERANCE else 1


if __name__ == "__main__":
    sys.exit(main())
`;
}
