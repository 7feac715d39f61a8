// AssemblyScript, compiled to WebAssembly SIMD by `npm run build:kernels`.

/** t ← min(max(t, lo), hi) over `count` floats in place: relu is [0, ∞), relu6 [0, 6]. NaN stays NaN. */
export function clampInPlace(t: usize, count: i32, lo: f32, hi: f32): void {
  const low = f32x4.splat(lo);
  const high = f32x4.splat(hi);
  const end = t + ((<usize>count) << 2);
  const vectorEnd = t + ((<usize>count & ~3) << 2);
  for (; t < vectorEnd; t += 16) v128.store(t, f32x4.min(f32x4.max(v128.load(t), low), high));
  for (; t < end; t += 4) store<f32>(t, min(max(load<f32>(t), lo), hi));
}
