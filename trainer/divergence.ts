import { type RunMessage, runMessage, runText } from '../shared/training/runText';

/**
 * When a run has diverged. Cross-entropy starts near ln K (K classes: a network that
 * knows nothing spreads its guesses evenly), and training only lowers it. A loss ten
 * times its start, batch after batch, means the steps overshoot and the weights are
 * running away; left alone they reach 1e21 and beyond at chance accuracy, or overflow.
 *
 * The rule (docs/divergence.md says the same to users):
 * - NaN or ±Infinity in any batch: diverged at once;
 * - the start is the first batch's loss, but at least ln K; the bound is 10 × the start;
 * - diverged when `patience` batches in a row end above the bound (5, or one epoch's
 *   batches when an epoch is shorter), or when an epoch ends above it on average and in
 *   its last batch (a short run gets no five batches; a single spike is forgiven).
 */
export const divergenceFactor = 10;
export const divergencePatience = 5;

export type Divergence =
  | { kind: 'not-finite'; loss: number }
  | { kind: 'bound'; loss: number; start: number; bound: number; batches: number };

export class DivergenceWatch {
  private start: number | null = null;
  private above = 0;
  private readonly patience: number;

  constructor(
    private readonly classes: number,
    batchesPerEpoch: number,
  ) {
    this.patience = Math.max(1, Math.min(divergencePatience, batchesPerEpoch));
  }

  get bound(): number | null {
    return this.start === null ? null : divergenceFactor * this.start;
  }

  afterBatch(loss: number): Divergence | null {
    if (!Number.isFinite(loss)) return { kind: 'not-finite', loss };
    if (this.start === null) {
      this.start = Math.max(loss, Math.log(Math.max(2, this.classes)));
      return null;
    }
    this.above = loss > this.bound! ? this.above + 1 : 0;
    return this.above >= this.patience ? this.verdict(loss, this.above) : null;
  }

  afterEpoch(meanLoss: number, lastLoss: number): Divergence | null {
    const bound = this.bound;
    if (bound === null || !(meanLoss > bound && lastLoss > bound)) return null;
    return this.verdict(lastLoss, this.above);
  }

  private verdict(loss: number, batches: number): Divergence {
    return { kind: 'bound', loss, start: this.start!, bound: this.bound!, batches };
  }
}

const fmt = (x: number) => (Math.abs(x) >= 1e4 ? x.toExponential(2) : x.toPrecision(3));

/** One line for the user: what happened, where, and what to try; its English and its text. */
export function divergedRunMessage(d: Divergence, epoch: number, batch: number, rate: number): RunMessage {
  const what =
    d.kind === 'not-finite'
      ? runText('lossNotFinite', { value: Number.isNaN(d.loss) ? 'NaN' : d.loss > 0 ? 'Infinity' : '-Infinity' })
      : runText(
          'lossAbove',
          {
            loss: { decimal: fmt(d.loss) },
            factor: divergenceFactor,
            start: { decimal: fmt(d.start) },
            count: d.batches,
          },
          d.batches,
        );
  return runMessage('diverged', {
    what,
    epoch,
    batch,
    rate: { decimal: rate.toPrecision(3) },
    suggested: { decimal: (rate / 10).toPrecision(2) },
  });
}

/** The English of divergedRunMessage. */
export const divergedMessage = (d: Divergence, epoch: number, batch: number, rate: number): string =>
  divergedRunMessage(d, epoch, batch, rate).message;
