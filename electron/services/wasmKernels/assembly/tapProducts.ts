// AssemblyScript, compiled to WebAssembly SIMD by `npm run build:kernels`.
// The small matrix products the convolution kernels (conv2d.ts) add in for each filter tap.

/** The columns of a tap matrix go in groups of 8, then one of 4, then single ones: the register tiles' widths. */
function groupWidth(c: i32, n: i32): i32 {
  return c + 8 <= n ? 8 : c + 4 <= n ? 4 : 1;
}

/**
 * Matrices up to this size (bytes) stay in the L1 cache as they are; larger ones
 * are read as column panels (see packTaps and addProducts).
 */
const CACHED_MATRIX: usize = 16384;

function usesPanels(depth: i32, n: i32): bool {
  return (<usize>depth * n) << 2 > CACHED_MATRIX;
}

/**
 * Writes `taps` matrices [depth, n] at `src` (or [n, depth] when `transposed`)
 * to `dst` in the layout addProducts reads: row-major [depth, n] when small,
 * otherwise each column group as one contiguous panel [depth][width], groups in
 * order. Read in place, a group's rows lie n floats apart, and at n = 512 or
 * 1024 those strides alias in the L1 cache (a 1024 × 1024 pointwise layer ran
 * at 4 GFLOP/s). One pass over the filter per call, which every pixel reuses.
 * Returns where addProducts should read: `src` itself when it is already in
 * that layout (small and not transposed), else `dst`.
 */
export function packTaps(src: usize, dst: usize, taps: i32, depth: i32, n: i32, transposed: bool): usize {
  const paneled = usesPanels(depth, n);
  if (!paneled && !transposed) return src;
  const packed = dst;
  for (let tap = 0; tap < taps; tap++) {
    const matrix = src + ((<usize>tap * depth * n) << 2);
    for (let c = 0; c < n; ) {
      const width = paneled ? groupWidth(c, n) : n;
      for (let k = 0; k < depth; k++) {
        for (let j = 0; j < width; j++) {
          const from = transposed ? (c + j) * depth + k : k * n + c + j;
          store<f32>(dst, load<f32>(matrix + ((<usize>from) << 2)));
          dst += 4;
        }
      }
      c += width;
    }
  }
  return packed;
}

/** The first column of column c's group (see groupWidth). */
function groupStart(c: i32, n: i32): i32 {
  const eights = n & ~7;
  if (c < eights) return c & ~7;
  return c < eights + 4 && n - eights >= 4 ? eights : c;
}

/** Where column c's weights start in `mat` as packTaps wrote it. */
function columnAt(mat: usize, c: i32, n: i32, depth: i32, paneled: bool): usize {
  if (!paneled) return mat + ((<usize>c) << 2);
  const group = groupStart(c, n);
  return mat + ((<usize>group * depth + (c - group)) << 2);
}

/** How many bytes apart the rows of column c's weights lie. */
function rowBytes(c: i32, n: i32, paneled: bool): usize {
  return (<usize>(paneled ? groupWidth(groupStart(c, n), n) : n)) << 2;
}

/**
 * dst[t, 0:n] += Σ_k src[t, k] · mat[k, 0:n] for t < count, rows of dst and src
 * `dstStep` and `srcStep` bytes apart, mat as packTaps wrote it. Register tiles
 * of 4 rows × 8 columns, then 4 columns, then single columns; single rows last.
 * Each tile function has one call site, so the compiler inlines it (called per
 * tile instead, small layers lost 10–25%).
 */
export function addProducts(
  dst: usize,
  dstStep: usize,
  src: usize,
  srcStep: usize,
  mat: usize,
  count: i32,
  depth: i32,
  n: i32,
): void {
  const paneled = usesPanels(depth, n);
  let t = 0;
  for (; t + 4 <= count; t += 4) {
    let c = 0;
    for (; c + 8 <= n; c += 8) {
      const at = columnAt(mat, c, n, depth, paneled);
      rows4cols8(dst + ((<usize>c) << 2), dstStep, src, srcStep, at, rowBytes(c, n, paneled), depth);
    }
    for (; c + 4 <= n; c += 4) {
      const at = columnAt(mat, c, n, depth, paneled);
      rows4cols4(dst + ((<usize>c) << 2), dstStep, src, srcStep, at, rowBytes(c, n, paneled), depth);
    }
    for (; c < n; c++) {
      const at = columnAt(mat, c, n, depth, paneled);
      rowsCol(dst + ((<usize>c) << 2), dstStep, src, srcStep, at, rowBytes(c, n, paneled), depth, 4);
    }
    dst += dstStep << 2;
    src += srcStep << 2;
  }
  for (; t < count; t++) {
    let c = 0;
    for (; c + 4 <= n; c += 4) {
      row1cols4(dst + ((<usize>c) << 2), src, columnAt(mat, c, n, depth, paneled), rowBytes(c, n, paneled), depth);
    }
    for (; c < n; c++) {
      const at = columnAt(mat, c, n, depth, paneled);
      rowsCol(dst + ((<usize>c) << 2), dstStep, src, srcStep, at, rowBytes(c, n, paneled), depth, 1);
    }
    dst += dstStep;
    src += srcStep;
  }
}

/**
 * dst[t, c] += Σ_k src[t, k] · mat[c, k] for t < count and c < n, mat row-major
 * [n, depth]: dot products along depth, four rows of src per pass over a row of mat.
 */
export function addDots(
  dst: usize,
  dstStep: usize,
  src: usize,
  srcStep: usize,
  mat: usize,
  count: i32,
  depth: i32,
  n: i32,
): void {
  const vectorBytes = (<usize>depth & ~3) << 2;
  const depthBytes = (<usize>depth) << 2;
  let t = 0;
  for (; t + 4 <= count; t += 4) {
    const s1 = src + srcStep;
    const s2 = s1 + srcStep;
    const s3 = s2 + srcStep;
    for (let c = 0; c < n; c++) {
      const m = mat + <usize>c * depthBytes;
      let a = f32x4.splat(0);
      let b = a;
      let e = a;
      let d = a;
      let k: usize = 0;
      for (; k < vectorBytes; k += 16) {
        const w = v128.load(m + k);
        a = madd(a, v128.load(src + k), w);
        b = madd(b, v128.load(s1 + k), w);
        e = madd(e, v128.load(s2 + k), w);
        d = madd(d, v128.load(s3 + k), w);
      }
      let sa = lanesSum(a);
      let sb = lanesSum(b);
      let se = lanesSum(e);
      let sd = lanesSum(d);
      for (; k < depthBytes; k += 4) {
        const w = load<f32>(m + k);
        sa += load<f32>(src + k) * w;
        sb += load<f32>(s1 + k) * w;
        se += load<f32>(s2 + k) * w;
        sd += load<f32>(s3 + k) * w;
      }
      const o = (<usize>c) << 2;
      store<f32>(dst + o, load<f32>(dst + o) + sa);
      store<f32>(dst + dstStep + o, load<f32>(dst + dstStep + o) + sb);
      store<f32>(dst + 2 * dstStep + o, load<f32>(dst + 2 * dstStep + o) + se);
      store<f32>(dst + 3 * dstStep + o, load<f32>(dst + 3 * dstStep + o) + sd);
    }
    dst += dstStep << 2;
    src += srcStep << 2;
  }
  for (; t < count; t++) {
    for (let c = 0; c < n; c++) {
      rowsCol(dst + ((<usize>c) << 2), dstStep, src, srcStep, mat + <usize>c * depthBytes, 4, depth, 1);
    }
    dst += dstStep;
    src += srcStep;
  }
}

function lanesSum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

function madd(acc: v128, a: v128, b: v128): v128 {
  return f32x4.add(acc, f32x4.mul(a, b));
}

function rows4cols8(
  dst: usize,
  dstStep: usize,
  src: usize,
  srcStep: usize,
  mat: usize,
  matRow: usize,
  depth: i32,
): void {
  const s1 = src + srcStep;
  const s2 = s1 + srcStep;
  const s3 = s2 + srcStep;
  let a0 = f32x4.splat(0);
  let a1 = a0;
  let b0 = a0;
  let b1 = a0;
  let c0 = a0;
  let c1 = a0;
  let d0 = a0;
  let d1 = a0;
  let m = mat;
  for (let k: usize = 0; k < (<usize>depth) << 2; k += 4) {
    const w0 = v128.load(m);
    const w1 = v128.load(m, 16);
    let s = v128.load32_splat(src + k);
    a0 = madd(a0, s, w0);
    a1 = madd(a1, s, w1);
    s = v128.load32_splat(s1 + k);
    b0 = madd(b0, s, w0);
    b1 = madd(b1, s, w1);
    s = v128.load32_splat(s2 + k);
    c0 = madd(c0, s, w0);
    c1 = madd(c1, s, w1);
    s = v128.load32_splat(s3 + k);
    d0 = madd(d0, s, w0);
    d1 = madd(d1, s, w1);
    m += matRow;
  }
  const t1 = dst + dstStep;
  const t2 = t1 + dstStep;
  const t3 = t2 + dstStep;
  v128.store(dst, f32x4.add(v128.load(dst), a0));
  v128.store(dst, f32x4.add(v128.load(dst, 16), a1), 16);
  v128.store(t1, f32x4.add(v128.load(t1), b0));
  v128.store(t1, f32x4.add(v128.load(t1, 16), b1), 16);
  v128.store(t2, f32x4.add(v128.load(t2), c0));
  v128.store(t2, f32x4.add(v128.load(t2, 16), c1), 16);
  v128.store(t3, f32x4.add(v128.load(t3), d0));
  v128.store(t3, f32x4.add(v128.load(t3, 16), d1), 16);
}

function rows4cols4(
  dst: usize,
  dstStep: usize,
  src: usize,
  srcStep: usize,
  mat: usize,
  matRow: usize,
  depth: i32,
): void {
  const s1 = src + srcStep;
  const s2 = s1 + srcStep;
  const s3 = s2 + srcStep;
  let a = f32x4.splat(0);
  let b = a;
  let c = a;
  let d = a;
  let m = mat;
  for (let k: usize = 0; k < (<usize>depth) << 2; k += 4) {
    const w = v128.load(m);
    a = madd(a, v128.load32_splat(src + k), w);
    b = madd(b, v128.load32_splat(s1 + k), w);
    c = madd(c, v128.load32_splat(s2 + k), w);
    d = madd(d, v128.load32_splat(s3 + k), w);
    m += matRow;
  }
  const t1 = dst + dstStep;
  const t2 = t1 + dstStep;
  const t3 = t2 + dstStep;
  v128.store(dst, f32x4.add(v128.load(dst), a));
  v128.store(t1, f32x4.add(v128.load(t1), b));
  v128.store(t2, f32x4.add(v128.load(t2), c));
  v128.store(t3, f32x4.add(v128.load(t3), d));
}

function row1cols4(dst: usize, src: usize, mat: usize, matRow: usize, depth: i32): void {
  let a = f32x4.splat(0);
  let m = mat;
  for (let k: usize = 0; k < (<usize>depth) << 2; k += 4) {
    a = madd(a, v128.load32_splat(src + k), v128.load(m));
    m += matRow;
  }
  v128.store(dst, f32x4.add(v128.load(dst), a));
}

/** One column for `rows` rows, in scalar arithmetic. */
function rowsCol(
  dst: usize,
  dstStep: usize,
  src: usize,
  srcStep: usize,
  mat: usize,
  matRow: usize,
  depth: i32,
  rows: i32,
): void {
  for (let t = 0; t < rows; t++) {
    let acc: f32 = 0;
    let m = mat;
    for (let k: usize = 0; k < (<usize>depth) << 2; k += 4) {
      acc += load<f32>(src + k) * load<f32>(m);
      m += matRow;
    }
    store<f32>(dst, load<f32>(dst) + acc);
    dst += dstStep;
    src += srcStep;
  }
}
