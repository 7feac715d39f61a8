/**
 * What an analysis makes per node and keeps until it ends (results, output shapes, receptive
 * fields) is made here or by `new` of a plain function, never by a literal or `new Array`.
 *
 * V8 ties every literal and `new Array` to an allocation site. Once it sees that nearly all of
 * a site's objects survive a young-generation collection, as everything the pass makes does
 * while the pass runs, it allocates that site's objects in the old generation from then on
 * (allocation-site pretenuring). The old generation then grows by fresh pages, which the system
 * maps in one fault at a time, and each old object pays a write barrier for every young object
 * it points at. Where V8 had decided so, a fresh 10,000-node graph took twice as long to analyse
 * (docs/limits.md). `new` of a plain function and Array.prototype.slice have no allocation
 * site, so what they make stays young like everything else.
 */

const TWO = [0.5, 0.5];

/** [a, b], allocated young. */
export function youngPair(a: number, b: number): [number, number] {
  const pair = TWO.slice() as [number, number];
  pair[0] = a;
  pair[1] = b;
  return pair;
}

/** A copy of a short array, allocated young; the original (often a literal) dies young. */
export function youngCopy<T>(array: readonly T[]): T[] {
  return array.slice();
}
