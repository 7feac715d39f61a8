/** Keras-style unique names: conv2d, conv2d_1, conv2d_2, ... skipping names already taken. */
export function uniqueName(base: string, taken: Set<string>): string {
  const clean = base.trim() || 'layer';
  if (!taken.has(clean)) return clean;
  const stem = clean.replace(/_\d+$/, '');
  for (let i = 1; ; i++) {
    const candidate = `${stem}_${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}
