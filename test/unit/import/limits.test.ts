import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/graph/limits';
import { parseProjectText } from '../../../shared/graph/projectFile';
import { importKerasJson } from '../../../shared/import';
import { pathBeyondDepth } from '../../../shared/import/json';
import { importError, keras2Model } from './helpers';

const nestedArray = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

/** A valid Keras 2 model with `deep` put in place of `marker` in its text. */
const withDeepValue = (marker: string, replacement: string, deep: string) =>
  keras2Model([['x', 'Dense', { units: 2 }, ['in']]]).replace(marker, replacement.replace('DEEP', deep));

describe('JSON nesting depth', () => {
  it.each([
    ['a call argument', '"inbound_nodes":[[["in",0,0,{}]]]', '"inbound_nodes":[{"args":DEEP}]'],
    ['an inbound node', '"inbound_nodes":[[["in",0,0,{}]]]', '"inbound_nodes":[DEEP]'],
    ['an input shape', '[null,32,32,3]', 'DEEP'],
    ['a layer setting', '"units":2', '"units":2,"extra":DEEP'],
  ])('rejects 10,000 levels in %s with a line naming the limit, not an internal error', (_, marker, replacement) => {
    const error = importError(withDeepValue(marker, replacement, nestedArray(10_000)));
    expect(error).toMatch(/^The JSON is nested more than 128 levels deep \(at config\.layers\[\d\]/);
    expect(error).toContain(`Netwright reads at most ${LIMITS.jsonDepth}`);
  });

  it('reads a model whose deepest value is exactly at the limit', () => {
    // The layer's extra setting sits 6 levels down: config.layers[1].config.extra.
    const atLimit = withDeepValue('"units":2', '"units":2,"extra":DEEP', nestedArray(LIMITS.jsonDepth - 5));
    expect(importKerasJson(atLimit).ok).toBe(true);
    const beyond = withDeepValue('"units":2', '"units":2,"extra":DEEP', nestedArray(LIMITS.jsonDepth - 4));
    expect(importError(beyond)).toMatch(/nested more than 128 levels/);
  });

  it('rejects a deeply nested project file with the same line', () => {
    const result = parseProjectText(`{"format":"netwright-project","graph":${nestedArray(10_000)}}`);
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^The JSON is nested more than 128 levels deep \(at graph\[0\]\[0\]/),
    });
  });

  it('finds the path to the first value past the limit, and nothing in a shallow value', () => {
    // Five levels: the object, a's array, the inner object, b's array, the empty array in it.
    const value = { a: [1, { b: [[]] }] };
    expect(pathBeyondDepth(value, 5)).toBeNull();
    expect(pathBeyondDepth(value, 4)).toEqual(['a', 1, 'b', 0]);
    expect(pathBeyondDepth(value, 3)).toEqual(['a', 1, 'b']);
    expect(pathBeyondDepth([[], [[[]]]], 2)).toEqual([1, 0]);
    expect(pathBeyondDepth('text', 0)).toBeNull();
  });
});

describe('input sizes', () => {
  it('refuses a declared input shape of 1e308 with a line naming the limit', () => {
    expect(importError(keras2Model([['x', 'Dense', { units: 2 }, ['in']]], [1e308, 1e308, 3]))).toBe(
      "Input 'in' of shape 1e+308×1e+308×3 holds more than 2,147,483,647 values per sample, Netwright's limit (8 GiB as float32): use a smaller shape.",
    );
  });

  it('refuses an input shape override past the limit', () => {
    const model = keras2Model([['x', 'Dense', { units: 2 }, ['in']]]);
    expect(importError(model, { inputShape: [1e308, 1, 3] })).toMatch(
      /^The input shape 1e\+308×1×3 holds more than 2,147,483,647/,
    );
    expect(importKerasJson(model, { inputShape: [4096, 4096, 3] }).ok).toBe(true);
  });
});

describe('network sizes', () => {
  it('refuses a project file with more layers than the limit before validating them', () => {
    const nodes = Array.from({ length: LIMITS.nodes + 1 }, () => 0);
    const text = JSON.stringify({
      format: 'netwright-project',
      schemaVersion: 1,
      name: 'big',
      graph: { nodes, edges: [] },
    });
    expect(parseProjectText(text)).toEqual({
      ok: false,
      error: 'The project has 200,001 layers; Netwright opens at most 200,000.',
    });
  });
});
