import type * as tfjs from '@tensorflow/tfjs';

type Tf = typeof tfjs;
type Tensor = tfjs.Tensor;
type Tensor1D = tfjs.Tensor1D;
type Tensor4D = tfjs.Tensor4D;

/** Receives the batch's mean and biased variance inside the forward pass; they are freed after it returns. */
export type OnBatchStats = (mean: Tensor1D, variance: Tensor1D) => void;

/** The divisor of n nearest below √n: splits an average into two short ones. */
function balancedDivisor(n: number): number {
  for (let d = Math.floor(Math.sqrt(n)); d > 1; d--) if (n % d === 0) return d;
  return 1;
}

/**
 * Training-mode batch normalization over every axis but the last, with a closed-form gradient.
 * The arithmetic of tf.moments + tf.batchNorm (biased variance, 1/√(variance + ε)), but autodiff
 * through those runs ~35 kernels per layer, and on wasm a reduction over the leading axes
 * transposes first while a [C]-vector broadcast is 4–10× slower than a same-shape op. On wasm
 * (tfjs 4.22, 2 cores) one 32×32×32×16 layer's forward + backward went from ~25 ms to ~7 ms,
 * and the small-Inception training step from ~870 ms to ~600 ms. Kernel choices, each measured there:
 * - Per-channel means are average pools over the tensor viewed as one row of P pixels (XNNPACK):
 *   ~0.1 ms where tf.sum over [0, 1, 2] takes ~0.9 ms. Two short stages (√P each) are also ~10×
 *   more exact than tf.mean, whose one long float32 sum is off by ~7e-6 at P = 32768.
 *   A matMul with a row of ones is as fast only when its right operand repeats: XNNPACK repacks
 *   that operand as weights, ~1.4 ms for a fresh activation.
 * - A per-channel a·t + b is a 1×1 depthwise convolution with a bias: one pass, ~0.18 ms where
 *   tf.batchNorm takes ~1.9 ms and a broadcast tf.mul alone ~0.6 ms.
 * - Backward: dβ = Σdy, dγ = Σdy·x̂, dx = γ·invstd·(dy − dβ/N − x̂·dγ/N), with x̂ = (x − mean)·invstd.
 * gamma / beta may be null (scale: false / center: false): then no gradient is returned for them.
 */
export function batchNormTraining(
  tf: Tf,
  x: Tensor,
  gamma: Tensor | null,
  beta: Tensor | null,
  epsilon: number,
  onStats?: OnBatchStats,
): Tensor {
  const channels = x.shape[x.rank - 1]!;
  const count = x.size / channels;
  const inner = balancedDivisor(count);
  const outer = count / inner;
  // Every full-size tensor is handled as one NHWC image [1, 1, P, C]: the depthwise conv wants rank 4.
  const image: [number, number, number, number] = [1, 1, count, channels];
  const perChannelMean = (t: Tensor): Tensor1D => {
    const partial = tf.avgPool(tf.reshape(t, [1, outer, inner, channels]) as Tensor4D, [1, inner], 1, 'valid');
    return tf.reshape(tf.avgPool(tf.reshape(partial, [1, 1, outer, channels]) as Tensor4D, [1, outer], 1, 'valid'), [
      channels,
    ]);
  };
  const affine = (t: Tensor, scale: Tensor, shift?: Tensor): Tensor =>
    tf.fused.depthwiseConv2d({
      x: tf.reshape(t, image) as Tensor4D,
      filter: tf.reshape(scale, [1, 1, channels, 1]) as Tensor4D,
      strides: 1,
      pad: 'valid',
      bias: shift,
    });

  const op = tf.customGrad((...args: (Tensor | tfjs.GradSaveFunc)[]) => {
    const save = args.pop() as tfjs.GradSaveFunc;
    const input = args[0] as Tensor;
    const mean = perChannelMean(input);
    // x − mean once, kept for the backward pass: the variance and x̂ both come from it, as in tf.moments.
    const centred = affine(input, tf.onesLike(mean), tf.neg(mean));
    const variance = perChannelMean(tf.square(centred));
    const invStd = tf.rsqrt(tf.add(variance, epsilon));
    const scale = gamma ? tf.mul(gamma, invStd) : invStd;
    const y = tf.reshape(affine(centred, scale, beta ?? undefined), x.shape);
    onStats?.(mean, variance);
    save([centred, invStd, scale]);
    return {
      value: y,
      gradFunc: (dy: Tensor, saved: Tensor[]) => {
        const [centredS, invStdS, scaleS] = saved as [Tensor, Tensor, Tensor];
        const meanDy = perChannelMean(dy); // dβ / N
        const meanDyCentred = perChannelMean(tf.mul(tf.reshape(dy, image), centredS)); // dγ / (N·invstd)
        // dx = scale·dy − scale·mean(dy) − scale·invstd²·mean(dy·(x − mean))·(x − mean): two affine passes.
        const shift = tf.neg(tf.mul(scaleS, meanDy));
        const slope = tf.neg(tf.mul(tf.mul(scaleS, tf.square(invStdS)), meanDyCentred));
        const dx = tf.reshape(tf.add(affine(dy, scaleS, shift), affine(centredS, slope)), x.shape);
        const grads = [dx];
        if (gamma) grads.push(tf.mul(meanDyCentred, tf.mul(invStdS, count)));
        if (beta) grads.push(tf.mul(meanDy, count));
        return grads;
      },
    };
  });
  const inputs = [x];
  if (gamma) inputs.push(gamma);
  if (beta) inputs.push(beta);
  return op(...inputs);
}
