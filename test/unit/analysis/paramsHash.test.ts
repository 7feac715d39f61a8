import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paramsHash, sameParams } from '../../../shared/analysis/paramsHash';
import { paramsKey } from '../../../shared/analysis/paramsKey';

/** Params-like data, with the values paramsKey refuses mixed in. */
const leaf = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(0.5, 1e21, 2 ** 40, -0, Number.NaN, Number.POSITIVE_INFINITY, undefined),
  fc.constantFrom('a', 'b', '1', 'true', 'null', ''),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', '0', '1'), tie('value'), { maxKeys: 3 }),
  ),
})).value;
const params = fc.dictionary(fc.constantFrom('filters', 'kernelSize', 'padding', 'a', 'b', '2'), value, {
  maxKeys: 4,
});

describe('paramsHash and sameParams agree with paramsKey', () => {
  it('refuse exactly what paramsKey refuses', () => {
    fc.assert(
      fc.property(params, (raw) => {
        expect(paramsHash(raw) === null).toBe(paramsKey(raw) === null);
      }),
      { numRuns: 2000 },
    );
    expect(paramsHash({ v: [[[[1]]]] })).toBeNull();
    expect(paramsHash({ v: Array.from({ length: 300 }, () => 1) })).toBeNull();
    expect(paramsHash({ v: new Date(0) })).toBeNull();
  });

  it('call two params the same exactly when their keys are equal, and then hash them alike', () => {
    fc.assert(
      fc.property(params, params, (a, b) => {
        if (paramsKey(a) === null || paramsKey(b) === null) return;
        const equal = paramsKey(a) === paramsKey(b);
        expect(sameParams(a, b, Object.keys(a))).toBe(equal);
        if (equal) expect(paramsHash(a)).toBe(paramsHash(b));
      }),
      { numRuns: 3000 },
    );
  });

  it('tell apart key order, types that print alike and nested differences', () => {
    const pairs: [Record<string, unknown>, Record<string, unknown>][] = [
      [
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ],
      [{ v: 1 }, { v: '1' }],
      [{ v: [1, 2] }, { v: [1, 2, 3] }],
      [{ v: { a: [1] } }, { v: { a: [2] } }],
      [{ v: null }, { v: 'null' }],
      [{ v: 1 }, { v: 1, w: 1 }],
    ];
    for (const [a, b] of pairs) {
      expect(paramsKey(a)).not.toBe(paramsKey(b));
      expect(sameParams(a, b, Object.keys(a))).toBe(false);
      expect(sameParams(b, a, Object.keys(b))).toBe(false);
    }
    const conv = { filters: 64, kernelSize: [3, 3], padding: 'same', useBias: false, extra: { x: 0.1 } };
    expect(sameParams(conv, structuredClone(conv), Object.keys(conv))).toBe(true);
  });
});
