// AssemblyScript, compiled to WebAssembly SIMD by `npm run build:kernels`.
// The sums the filter gradient (conv2d.ts) accumulates for each filter tap.

/** tap[i,o] += Σ_k xs[k·xStep + i] · dys[k·outC + o] over `count` positions. */
export function accumulateTap(xs: usize, dys: usize, tap: usize, count: i32, inC: i32, outC: i32, xStep: usize): void {
  const tapRow = (<usize>outC) << 2;
  const dyStep = tapRow;
  let i = 0;
  for (; i + 4 <= inC; i += 4) {
    const xi = xs + ((<usize>i) << 2);
    const ti = tap + <usize>i * tapRow;
    let o = 0;
    for (; o + 8 <= outC; o += 8)
      tile4x8(xi, dys + ((<usize>o) << 2), ti + ((<usize>o) << 2), count, xStep, dyStep, tapRow);
    for (; o + 4 <= outC; o += 4)
      tile4x4(xi, dys + ((<usize>o) << 2), ti + ((<usize>o) << 2), count, xStep, dyStep, tapRow);
    for (; o < outC; o++) tile4x1(xi, dys + ((<usize>o) << 2), ti + ((<usize>o) << 2), count, xStep, dyStep, tapRow);
  }
  for (; i < inC; i++) {
    const xi = xs + ((<usize>i) << 2);
    const ti = tap + <usize>i * tapRow;
    let o = 0;
    for (; o + 8 <= outC; o += 8) tile1x8(xi, dys + ((<usize>o) << 2), ti + ((<usize>o) << 2), count, xStep, dyStep);
    for (; o < outC; o++) tile1x1(xi, dys + ((<usize>o) << 2), ti + ((<usize>o) << 2), count, xStep, dyStep);
  }
}

function madd(acc: v128, a: v128, b: v128): v128 {
  return f32x4.add(acc, f32x4.mul(a, b));
}

/** Four input channels (tap rows, `rowBytes` apart) × eight output channels. */
function tile4x8(xp: usize, dp: usize, t: usize, count: i32, xStep: usize, dyStep: usize, rowBytes: usize): void {
  const t1 = t + rowBytes;
  const t2 = t1 + rowBytes;
  const t3 = t2 + rowBytes;
  let a0 = v128.load(t);
  let a1 = v128.load(t, 16);
  let b0 = v128.load(t1);
  let b1 = v128.load(t1, 16);
  let c0 = v128.load(t2);
  let c1 = v128.load(t2, 16);
  let d0 = v128.load(t3);
  let d1 = v128.load(t3, 16);
  for (let k = 0; k < count; k++) {
    const g0 = v128.load(dp);
    const g1 = v128.load(dp, 16);
    let s = v128.load32_splat(xp);
    a0 = madd(a0, s, g0);
    a1 = madd(a1, s, g1);
    s = v128.load32_splat(xp, 4);
    b0 = madd(b0, s, g0);
    b1 = madd(b1, s, g1);
    s = v128.load32_splat(xp, 8);
    c0 = madd(c0, s, g0);
    c1 = madd(c1, s, g1);
    s = v128.load32_splat(xp, 12);
    d0 = madd(d0, s, g0);
    d1 = madd(d1, s, g1);
    xp += xStep;
    dp += dyStep;
  }
  v128.store(t, a0);
  v128.store(t, a1, 16);
  v128.store(t1, b0);
  v128.store(t1, b1, 16);
  v128.store(t2, c0);
  v128.store(t2, c1, 16);
  v128.store(t3, d0);
  v128.store(t3, d1, 16);
}

/** Four input channels × four output channels (the rest after the blocks of eight). */
function tile4x4(xp: usize, dp: usize, t: usize, count: i32, xStep: usize, dyStep: usize, rowBytes: usize): void {
  const t1 = t + rowBytes;
  const t2 = t1 + rowBytes;
  const t3 = t2 + rowBytes;
  let a = v128.load(t);
  let b = v128.load(t1);
  let c = v128.load(t2);
  let d = v128.load(t3);
  for (let k = 0; k < count; k++) {
    const g = v128.load(dp);
    a = madd(a, v128.load32_splat(xp), g);
    b = madd(b, v128.load32_splat(xp, 4), g);
    c = madd(c, v128.load32_splat(xp, 8), g);
    d = madd(d, v128.load32_splat(xp, 12), g);
    xp += xStep;
    dp += dyStep;
  }
  v128.store(t, a);
  v128.store(t1, b);
  v128.store(t2, c);
  v128.store(t3, d);
}

/** Four input channels (one vector of x) × one output channel. */
function tile4x1(xp: usize, dp: usize, t: usize, count: i32, xStep: usize, dyStep: usize, rowBytes: usize): void {
  let acc = f32x4(load<f32>(t), load<f32>(t + rowBytes), load<f32>(t + 2 * rowBytes), load<f32>(t + 3 * rowBytes));
  for (let k = 0; k < count; k++) {
    acc = madd(acc, v128.load(xp), v128.load32_splat(dp));
    xp += xStep;
    dp += dyStep;
  }
  store<f32>(t, f32x4.extract_lane(acc, 0));
  store<f32>(t + rowBytes, f32x4.extract_lane(acc, 1));
  store<f32>(t + 2 * rowBytes, f32x4.extract_lane(acc, 2));
  store<f32>(t + 3 * rowBytes, f32x4.extract_lane(acc, 3));
}

/** One input channel × eight output channels (input channels past the last multiple of four). */
function tile1x8(xp: usize, dp: usize, t: usize, count: i32, xStep: usize, dyStep: usize): void {
  let a0 = v128.load(t);
  let a1 = v128.load(t, 16);
  for (let k = 0; k < count; k++) {
    const s = v128.load32_splat(xp);
    a0 = madd(a0, s, v128.load(dp));
    a1 = madd(a1, s, v128.load(dp, 16));
    xp += xStep;
    dp += dyStep;
  }
  v128.store(t, a0);
  v128.store(t, a1, 16);
}

function tile1x1(xp: usize, dp: usize, t: usize, count: i32, xStep: usize, dyStep: usize): void {
  let acc = load<f32>(t);
  for (let k = 0; k < count; k++) {
    acc += load<f32>(xp) * load<f32>(dp);
    xp += xStep;
    dp += dyStep;
  }
  store<f32>(t, acc);
}
