import type { ResolvedTrainingOptions } from '../shared/training';

/**
 * The optimizer of createOptimizer (optimizer.ts) over one flat vector of every trainable
 * weight, in plain JavaScript. The data-parallel step holds the summed gradients in one
 * Float32Array already; tfjs's optimizers would cut it back into a tensor per variable and
 * run ~14 kernels per variable (~150 for a small network, a third of a wasm training step's
 * kernel calls and milliseconds of dispatch each step, paid in full by every worker).
 *
 * Each operation is tfjs 4.22's (adam.js, sgd.js, momentum.js, rmsprop.js), in its order,
 * every intermediate rounded to float32 as the backends store it (Math.fround: a float32
 * +, −, ×, ÷ or √ computed in float64 and rounded once is the float32 result), so the
 * weights come out bit-identical to tfjs's optimizer on the cpu and wasm backends.
 */
export interface FlatOptimizer {
  /** Updates `weights` in place by `gradients` (the same layout) at `learningRate`. */
  apply(weights: Float32Array, gradients: Float32Array, learningRate: number): void;
}

const f = Math.fround;

export function createFlatOptimizer(o: ResolvedTrainingOptions, size: number): FlatOptimizer {
  switch (o.optimizer) {
    case 'sgd':
      return o.momentum > 0 ? momentum(o.momentum, size) : sgd();
    case 'adam':
      return adam(0.9, 0.999, o.adamEpsilon, size);
    case 'rmsprop':
      return rmsprop(o.rmspropDecay, o.momentum, o.rmspropEpsilon, size);
  }
}

function sgd(): FlatOptimizer {
  return {
    apply(w, g, learningRate) {
      const c = f(-learningRate);
      for (let i = 0; i < w.length; i++) w[i] = f(c * g[i]!) + w[i]!;
    },
  };
}

function momentum(momentumValue: number, size: number): FlatOptimizer {
  const accumulation = new Float32Array(size);
  const m = f(momentumValue);
  return {
    apply(w, g, learningRate) {
      const c = f(-learningRate);
      for (let i = 0; i < w.length; i++) {
        const a = f(f(m * accumulation[i]!) + g[i]!);
        accumulation[i] = a;
        w[i] = f(c * a) + w[i]!;
      }
    },
  };
}

function adam(beta1: number, beta2: number, epsilon: number, size: number): FlatOptimizer {
  const first = new Float32Array(size);
  const second = new Float32Array(size);
  const b1 = f(beta1);
  const b2 = f(beta2);
  const oneMinusB1 = f(1 - beta1);
  const oneMinusB2 = f(1 - beta2);
  const eps = f(epsilon);
  // tfjs keeps β₁ᵗ and β₂ᵗ as float32 scalars, multiplied after each step.
  let accBeta1 = b1;
  let accBeta2 = b2;
  return {
    apply(w, g, learningRate) {
      const rate = f(-learningRate);
      const correction1 = f(1 - accBeta1);
      const correction2 = f(1 - accBeta2);
      // Locals, not closure reads, in the loop: a third faster on V8.
      const [m0, v0, B1, B2, C1, C2, E] = [first, second, b1, b2, oneMinusB1, oneMinusB2, eps];
      for (let i = 0, n = w.length; i < n; i++) {
        const gi = g[i]!;
        const m = f(f(m0[i]! * B1) + f(gi * C1));
        const v = f(f(v0[i]! * B2) + f(f(gi * gi) * C2));
        m0[i] = m;
        v0[i] = v;
        const denominator = f(f(Math.sqrt(f(v / correction2))) + E);
        w[i] = f(f(f(m / correction1) / denominator) * rate) + w[i]!;
      }
      accBeta1 = f(accBeta1 * b1);
      accBeta2 = f(accBeta2 * b2);
    },
  };
}

function rmsprop(decayValue: number, momentumValue: number, epsilon: number, size: number): FlatOptimizer {
  const meanSquare = new Float32Array(size);
  const moments = new Float32Array(size);
  const decay = f(decayValue);
  const oneMinusDecay = f(1 - decayValue);
  const m = f(momentumValue);
  const eps = f(epsilon);
  return {
    apply(w, g, learningRate) {
      const rate = f(learningRate);
      for (let i = 0; i < w.length; i++) {
        const gi = g[i]!;
        const ms = f(f(meanSquare[i]! * decay) + f(f(gi * gi) * oneMinusDecay));
        const mom = f(f(moments[i]! * m) + f(f(gi * rate) / f(Math.sqrt(f(ms + eps)))));
        meanSquare[i] = ms;
        moments[i] = mom;
        w[i] = w[i]! - mom;
      }
    },
  };
}
