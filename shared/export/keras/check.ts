import type { ExportNetwork } from '../network';
import { atom, list } from '../python/expr';
import { formatStatement } from '../python/source';
import { REFERENCE_TOLERANCE, referenceInputName, referenceOutputName } from '../reference';

/** check.py for Keras: the same comparison; layouts need no conversion. */
export function kerasCheckScript(net: ExportNetwork): string {
  const names = (count: number, name: (i: number) => string) =>
    list(Array.from({ length: count }, (_, i) => atom(`reference["${name(i)}"]`)));
  const inputs = formatStatement(4, 'inputs = ', names(net.inputs.length, referenceInputName)).join('\n');
  const expected = formatStatement(4, 'expected = ', names(net.outputs.length, referenceOutputName)).join('\n');
  return `"""Checks the exported weights: one forward pass against the output TF.js computed.

Run: python check.py. Prints the largest difference and exits with 0 when it is within
TOLERANCE, 1 otherwise.
"""

import sys
from pathlib import Path

import numpy as np

from model import WEIGHTS, build_model, load_tensors, load_weights

REFERENCE = Path(__file__).resolve().parent / "reference"
TOLERANCE = ${REFERENCE_TOLERANCE}


def main():
    model = build_model()
    load_weights(model, WEIGHTS)
    reference = load_tensors(REFERENCE)
${inputs}
    outputs = model.predict(inputs, verbose=0)
    if not isinstance(outputs, (list, tuple)):
        outputs = [outputs]
${expected}
    worst = max(float(np.max(np.abs(a - b))) for a, b in zip(outputs, expected))
    verdict = "OK" if worst <= TOLERANCE else "MISMATCH"
    print(f"max |Keras - TF.js| = {worst:.3g} (tolerance {TOLERANCE:g}): {verdict}")
    return 0 if worst <= TOLERANCE else 1


if __name__ == "__main__":
    sys.exit(main())
`;
}
