/**
 * A string that two params objects share only when zod would see the same
 * values in them: plain JSON data in the same key order. Anything JSON would
 * blur (NaN, ±Infinity, −0, undefined, a class instance) or that is too large
 * to be worth it gives null: not cached, validated on its own.
 */
export function paramsKey(raw: Record<string, unknown>): string | null {
  const out: string[] = [];
  return write(raw, out, 0) ? out.join('') : null;
}

const MAX_DEPTH = 4;
const MAX_PARTS = 256;

function write(value: unknown, out: string[], depth: number): boolean {
  if (out.length > MAX_PARTS) return false;
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value) || Object.is(value, -0)) return false;
      out.push(String(value));
      return true;
    case 'string':
      out.push(JSON.stringify(value));
      return true;
    case 'boolean':
      out.push(value ? 't' : 'f');
      return true;
    case 'object':
      if (value === null) {
        out.push('n');
        return true;
      }
      if (depth >= MAX_DEPTH) return false;
      return Array.isArray(value) ? writeArray(value, out, depth) : writeObject(value, out, depth);
    default:
      return false;
  }
}

function writeArray(items: readonly unknown[], out: string[], depth: number): boolean {
  out.push('[');
  for (let i = 0; i < items.length; i++) {
    // A hole reads as undefined: not JSON.
    if (!(i in items) || !write(items[i], out, depth + 1)) return false;
    out.push(',');
  }
  out.push(']');
  return true;
}

function writeObject(value: object, out: string[], depth: number): boolean {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  out.push('{');
  for (const key in value) {
    if (!Object.hasOwn(value, key)) return false;
    out.push(JSON.stringify(key), ':');
    if (!write((value as Record<string, unknown>)[key], out, depth + 1)) return false;
    out.push(',');
  }
  out.push('}');
  return true;
}
