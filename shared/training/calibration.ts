import { z } from 'zod';

/** The number of equal-width confidence bins, as in Guo et al. 2017 and Müller et al. 2019. */
export const ECE_BINS = 15;

export const ReliabilityBin = z.object({
  /** The bin covers confidences in (lower, upper]; the first also takes exactly 0. */
  lower: z.number(),
  upper: z.number(),
  count: z.number().int(),
  /** null for an empty bin (nothing to plot). */
  meanConfidence: z.number().nullable(),
  accuracy: z.number().nullable(),
});
export type ReliabilityBin = z.output<typeof ReliabilityBin>;

export const Calibration = z.object({
  /** Expected calibration error: Σ_b (n_b / N) · |accuracy_b − confidence_b|, in [0, 1]. */
  ece: z.number(),
  /** Mean top-1 probability; above `accuracy` means over-confident (what label smoothing reduces). */
  meanConfidence: z.number(),
  accuracy: z.number(),
  samples: z.number().int(),
  bins: z.array(ReliabilityBin),
});
export type Calibration = z.output<typeof Calibration>;

function binOf(confidence: number, bins: number): number {
  // (i/B, (i+1)/B] belongs to bin i; confidence 0 joins bin 0.
  return Math.min(bins - 1, Math.max(0, Math.ceil(confidence * bins) - 1));
}

/**
 * Calibration of top-1 predictions: `confidences[i]` is the predicted class's probability,
 * `correct[i]` whether that class was the label. Pure arithmetic, so it is tested on hand-made data.
 */
export function calibrationOf(
  confidences: ArrayLike<number>,
  correct: ArrayLike<boolean | number>,
  bins = ECE_BINS,
): Calibration {
  const n = confidences.length;
  if (correct.length !== n) throw new Error(`calibrationOf: ${n} confidences but ${correct.length} outcomes`);
  const count = new Array<number>(bins).fill(0);
  const sumConfidence = new Array<number>(bins).fill(0);
  const sumCorrect = new Array<number>(bins).fill(0);
  let totalConfidence = 0;
  let totalCorrect = 0;
  for (let i = 0; i < n; i++) {
    const c = confidences[i]!;
    const ok = correct[i] ? 1 : 0;
    const b = binOf(c, bins);
    count[b]! += 1;
    sumConfidence[b]! += c;
    sumCorrect[b]! += ok;
    totalConfidence += c;
    totalCorrect += ok;
  }
  let ece = 0;
  const out: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const k = count[b]!;
    const meanConfidence = k ? sumConfidence[b]! / k : null;
    const accuracy = k ? sumCorrect[b]! / k : null;
    if (k) ece += (k / n) * Math.abs(accuracy! - meanConfidence!);
    out.push({ lower: b / bins, upper: (b + 1) / bins, count: k, meanConfidence, accuracy });
  }
  return {
    ece,
    meanConfidence: n ? totalConfidence / n : 0,
    accuracy: n ? totalCorrect / n : 0,
    samples: n,
    bins: out,
  };
}

/** Top-1 confidence and correctness from row-major probabilities [N, K] and integer labels. */
export function topPredictions(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
): { confidences: Float64Array; correct: Uint8Array } {
  const n = labels.length;
  const confidences = new Float64Array(n);
  const correct = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestP = probabilities[i * classes]!;
    for (let k = 1; k < classes; k++) {
      const p = probabilities[i * classes + k]!;
      if (p > bestP) {
        bestP = p;
        best = k;
      }
    }
    confidences[i] = bestP;
    correct[i] = best === labels[i] ? 1 : 0;
  }
  return { confidences, correct };
}
