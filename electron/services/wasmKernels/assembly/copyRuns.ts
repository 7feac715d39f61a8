// AssemblyScript, compiled to WebAssembly SIMD by `npm run build:kernels`.

/**
 * Copies `runs` runs of `runBytes` bytes, the k-th from src + k·srcStride to
 * dst + k·dstStride (runs must not overlap). Slicing, splitting and
 * concatenating NHWC tensors along channels are such copies, with runs of a
 * few dozen floats: short runs go through a vector loop, which costs less than
 * a bulk memory.copy call each; long ones use memory.copy.
 */
export function copyRuns(src: usize, srcStride: usize, dst: usize, dstStride: usize, runs: i32, runBytes: usize): void {
  for (let k = 0; k < runs; k++) {
    if (runBytes >= 256) {
      memory.copy(dst, src, runBytes);
    } else {
      let s = src;
      let d = dst;
      let left = runBytes;
      while (left >= 16) {
        v128.store(d, v128.load(s));
        s += 16;
        d += 16;
        left -= 16;
      }
      while (left >= 4) {
        store<u32>(d, load<u32>(s));
        s += 4;
        d += 4;
        left -= 4;
      }
      while (left > 0) {
        store<u8>(d, load<u8>(s));
        s++;
        d++;
        left--;
      }
    }
    src += srcStride;
    dst += dstStride;
  }
}
