import { describe, expect, it } from 'vitest';
import { runCase, sampleCases } from '../../fuzz/cases';
import { python, unparsablePython } from '../../fuzz/pythonSyntax';

/**
 * A bounded, seeded fuzz run over the readers, analysis, rewrites and exporters (test/fuzz/):
 * the same cases every run, so a failure here reproduces with `npm run fuzz -- --seed 20261205`.
 * Longer runs: `npm run fuzz -- --cases 25000`.
 */
const cases = 3000;
const seed = 20261205;

describe('fuzzed files through every reader, analysis, rewrite and exporter', () => {
  const results = sampleCases(cases, seed).map((c) => ({ c, result: runCase(c) }));

  it(`behave on ${cases} seeded cases: no throw, no internal error, one-line messages, finite totals`, () => {
    const failures = results
      .filter((r) => r.result.failure)
      .map((r) => `${r.result.failure} ← ${JSON.stringify(r.c).slice(0, 300)}`);
    expect(failures).toEqual([]);
  });

  it.skipIf(!python)('export Python that always parses (needs /usr/bin/python3)', () => {
    const files = results.flatMap((r, i) => r.result.python.map((f) => ({ ...f, name: `case ${i} ${f.name}` })));
    expect(files.length).toBeGreaterThan(100);
    expect(unparsablePython(files)).toEqual([]);
  });
});
