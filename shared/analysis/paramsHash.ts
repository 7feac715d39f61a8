/**
 * Allocation-free twins of paramsKey for the analysis's hot path. paramsHash walks exactly
 * the values paramsKey writes and refuses exactly what it refuses (null); sameParams says
 * whether two params objects that paramsHash accepted have equal paramsKeys. Building the
 * key string cost a dozen small strings per node: most of a fresh graph's analysis time
 * went into making and collecting them.
 */

const MAX_DEPTH = 4;
const MAX_PARTS = 256;
const REFUSED = Number.NaN;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** Walk state, module-level so a walk allocates nothing; parts counts what paramsKey would write. */
let parts = 0;

const mix = (h: number, v: number): number => Math.imul(h ^ v, 0x01000193);
/** Inside for-in V8 reads this one from the enumeration; Object.hasOwn cost three times as much. */
const hasOwn = Object.prototype.hasOwnProperty;

/** A 32-bit hash of the params' content, or null where paramsKey gives null. */
export function paramsHash(raw: Record<string, unknown>): number | null {
  parts = 0;
  const h = hashValue(raw, 0x811c9dc5, 0);
  return Number.isNaN(h) ? null : h;
}

function hashValue(value: unknown, h: number, depth: number): number {
  if (parts > MAX_PARTS) return REFUSED;
  parts += 1;
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value) || Object.is(value, -0)) return REFUSED;
      if ((value | 0) === value) return mix(mix(h, 1), value);
      f64[0] = value;
      return mix(mix(mix(h, 2), u32[0]!), u32[1]!);
    case 'string':
      return hashString(mix(h, 3), value);
    case 'boolean':
      return mix(h, value ? 4 : 5);
    case 'object':
      if (value === null) return mix(h, 6);
      if (depth >= MAX_DEPTH) return REFUSED;
      return Array.isArray(value) ? hashArray(value, h, depth) : hashObject(value, h, depth);
    default:
      return REFUSED;
  }
}

function hashString(h: number, s: string): number {
  for (let k = 0; k < s.length; k++) h = mix(h, s.charCodeAt(k));
  return mix(h, s.length);
}

function hashArray(items: readonly unknown[], h: number, depth: number): number {
  h = mix(h, 7);
  for (let i = 0; i < items.length; i++) {
    if (!(i in items)) return REFUSED;
    h = hashValue(items[i], h, depth + 1);
    // Bitwise mixing would turn NaN into 0: a refusal has to be passed up explicitly.
    if (Number.isNaN(h)) return REFUSED;
    parts += 1;
  }
  parts += 1;
  return mix(h, items.length);
}

function hashObject(value: object, h: number, depth: number): number {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return REFUSED;
  h = mix(h, 8);
  for (const key in value) {
    if (!hasOwn.call(value, key)) return REFUSED;
    parts += 2;
    // Only the key's length: names are compared exactly by sameParams, and within one kind
    // the values alone already tell settings apart; hashing every name's characters doubled the cost.
    h = hashValue((value as Record<string, unknown>)[key], mix(h, key.length), depth + 1);
    if (Number.isNaN(h)) return REFUSED;
    parts += 1;
  }
  parts += 1;
  return mix(h, 9);
}

/**
 * Whether two params objects, both accepted by paramsHash, have equal paramsKeys: the same
 * plain data with keys in the same order. `keysOfA` is Object.keys(a), kept by the caller
 * so the common case compares without allocating.
 */
export function sameParams(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  keysOfA: readonly string[],
): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return sameValue(a, b);
  let k = 0;
  for (const key in b) {
    if (key !== keysOfA[k] || !sameValue(a[key], b[key])) return false;
    k += 1;
  }
  return k === keysOfA.length;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  // Objects inside params are rare: listing their keys is fine here.
  return sameParams(a as Record<string, unknown>, b as Record<string, unknown>, Object.keys(a));
}
