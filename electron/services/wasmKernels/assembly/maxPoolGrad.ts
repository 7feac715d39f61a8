// AssemblyScript, compiled to WebAssembly SIMD by `npm run build:kernels`.

/**
 * Max pooling's gradient, NHWC: each output's gradient goes to the first input
 * of its window holding the maximum (row-major scan; NaN never wins, and a
 * window with no number sends it to its first input). Windows are clipped to
 * the tensor; one made only of padding passes nothing. Four channels at a
 * time: each lane keeps its running maximum and where it was.
 */
export function maxPoolGrad(
  x: usize,
  dy: usize,
  dx: usize,
  batch: i32,
  inH: i32,
  inW: i32,
  channels: i32,
  outH: i32,
  outW: i32,
  strideH: i32,
  strideW: i32,
  filterH: i32,
  filterW: i32,
  padTop: i32,
  padLeft: i32,
): void {
  memory.fill(dx, 0, (<usize>batch * inH * inW * channels) << 2);
  const pixel = (<usize>channels) << 2;
  let g = dy;
  for (let n = 0; n < batch; n++) {
    for (let i = 0; i < outH; i++) {
      const top = i * strideH - padTop;
      const r0 = max(0, top);
      const r1 = min(inH, top + filterH);
      for (let j = 0; j < outW; j++) {
        const left = j * strideW - padLeft;
        const c0 = max(0, left);
        const c1 = min(inW, left + filterW);
        if (r0 < r1 && c0 < c1) {
          // Byte offset (from x, and so from dx) of channel 0 of the window's first input.
          const first = <usize>((n * inH + r0) * inW + c0) * pixel;
          const rowSkip = (<usize>inW - (c1 - c0)) * pixel;
          let d = 0;
          for (; d + 4 <= channels; d += 4) {
            const lane = (<usize>d) << 2;
            let best = f32x4.splat(f32.NEGATIVE_INFINITY);
            let at = i32x4.splat(<i32>(first + lane));
            let p = first + lane;
            for (let r = r0; r < r1; r++) {
              for (let col = c0; col < c1; col++) {
                const v = v128.load(x + p);
                const wins = f32x4.gt(v, best);
                best = v128.bitselect(v, best, wins);
                at = v128.bitselect(i32x4.splat(<i32>p), at, wins);
                p += pixel;
              }
              p += rowSkip;
            }
            const grad = v128.load(g + lane);
            addAt(dx + <usize>i32x4.extract_lane(at, 0), f32x4.extract_lane(grad, 0));
            addAt(dx + <usize>i32x4.extract_lane(at, 1) + 4, f32x4.extract_lane(grad, 1));
            addAt(dx + <usize>i32x4.extract_lane(at, 2) + 8, f32x4.extract_lane(grad, 2));
            addAt(dx + <usize>i32x4.extract_lane(at, 3) + 12, f32x4.extract_lane(grad, 3));
          }
          for (; d < channels; d++) {
            const lane = (<usize>d) << 2;
            let best = f32.NEGATIVE_INFINITY;
            let at = first + lane;
            let p = at;
            for (let r = r0; r < r1; r++) {
              for (let col = c0; col < c1; col++) {
                const v = load<f32>(x + p);
                if (v > best) {
                  best = v;
                  at = p;
                }
                p += pixel;
              }
              p += rowSkip;
            }
            addAt(dx + at, load<f32>(g + lane));
          }
        }
        g += pixel;
      }
    }
  }
}

function addAt(address: usize, value: f32): void {
  store<f32>(address, load<f32>(address) + value);
}
