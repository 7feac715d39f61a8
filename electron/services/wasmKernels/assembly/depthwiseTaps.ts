// AssemblyScript, compiled to WebAssembly SIMD by `npm run build:kernels`.
// What a depthwise convolution's gradients (conv2d.ts) do for each filter tap: channel c of
// the input meets outputs c·m … c·m + m − 1 only, through the tap's weights w[c, q].

/**
 * dx[t, c] += Σ_q dy[t, c·m + q] · w[c·m + q] for t < count: with m = 1 an
 * elementwise multiply-add along the channels, four at a time.
 */
export function depthwiseInputTap(
  dx: usize,
  dxStep: usize,
  dy: usize,
  dyStep: usize,
  w: usize,
  count: i32,
  channels: i32,
  multiplier: i32,
): void {
  const vectorBytes = (<usize>channels & ~3) << 2;
  const channelBytes = (<usize>channels) << 2;
  for (let t = 0; t < count; t++) {
    if (multiplier === 1) {
      let k: usize = 0;
      for (; k < vectorBytes; k += 16) {
        v128.store(dx + k, f32x4.add(v128.load(dx + k), f32x4.mul(v128.load(dy + k), v128.load(w + k))));
      }
      for (; k < channelBytes; k += 4) store<f32>(dx + k, load<f32>(dx + k) + load<f32>(dy + k) * load<f32>(w + k));
    } else {
      for (let c = 0; c < channels; c++) {
        let acc: f32 = 0;
        const first = (<usize>(c * multiplier)) << 2;
        for (let q = 0; q < multiplier; q++)
          acc += load<f32>(dy + first + ((<usize>q) << 2)) * load<f32>(w + first + ((<usize>q) << 2));
        store<f32>(dx + ((<usize>c) << 2), load<f32>(dx + ((<usize>c) << 2)) + acc);
      }
    }
    dx += dxStep;
    dy += dyStep;
  }
}

/**
 * dw[c·m + q] += Σ_t x[t, c] · dy[t, c·m + q] over t < count: with m = 1 four
 * channels summed in a register along the run, then added to the tap.
 */
export function depthwiseFilterTap(
  x: usize,
  xStep: usize,
  dy: usize,
  dyStep: usize,
  dw: usize,
  count: i32,
  channels: i32,
  multiplier: i32,
): void {
  if (multiplier === 1) {
    let c = 0;
    for (; c + 4 <= channels; c += 4) {
      const offset = (<usize>c) << 2;
      let acc = f32x4.splat(0);
      let xp = x + offset;
      let dp = dy + offset;
      for (let t = 0; t < count; t++) {
        acc = f32x4.add(acc, f32x4.mul(v128.load(xp), v128.load(dp)));
        xp += xStep;
        dp += dyStep;
      }
      v128.store(dw + offset, f32x4.add(v128.load(dw + offset), acc));
    }
    for (; c < channels; c++)
      sumProducts(x + ((<usize>c) << 2), xStep, dy + ((<usize>c) << 2), dyStep, dw + ((<usize>c) << 2), count);
    return;
  }
  for (let c = 0; c < channels; c++) {
    for (let q = 0; q < multiplier; q++) {
      const o = (<usize>(c * multiplier + q)) << 2;
      sumProducts(x + ((<usize>c) << 2), xStep, dy + o, dyStep, dw + o, count);
    }
  }
}

/** *out += Σ_t a[t·aStep] · b[t·bStep]. */
function sumProducts(a: usize, aStep: usize, b: usize, bStep: usize, out: usize, count: i32): void {
  let acc: f32 = 0;
  for (let t = 0; t < count; t++) {
    acc += load<f32>(a) * load<f32>(b);
    a += aStep;
    b += bStep;
  }
  store<f32>(out, load<f32>(out) + acc);
}
