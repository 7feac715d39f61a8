import { seededRandom } from '../shared/training';

/**
 * Runs `body` with Math.random replaced by a seeded generator. tfjs draws its weight
 * initialisers' and dropout's seeds from Math.random when none is given, so this makes
 * a whole run (initial weights, dropout masks) repeat exactly for the same seed.
 * In the worker nothing else shares the global; in-process callers (tests, the bench)
 * get it back when `body` settles.
 */
export async function withSeededMathRandom<T>(seed: number, body: () => Promise<T>): Promise<T> {
  const original = Math.random;
  Math.random = seededRandom(seed ^ 0x7f4a7c15);
  try {
    return await body();
  } finally {
    Math.random = original;
  }
}
