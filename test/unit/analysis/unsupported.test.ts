import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import { importKerasJson } from '../../../shared/import';

describe('layers the importer could not represent', () => {
  it('show the importer\u2019s reason on the node, naming the Keras class', () => {
    const result = importKerasJson(readFileSync('test/fixtures/keras/bad/unknown_class.json', 'utf8'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const errors = analyzeGraph(result.graph).diagnostics.filter((d) => d.code === 'unknown-kind');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/CapsuleLayer/);
    expect(errors[0]!.message).not.toMatch(/"Unsupported"/);
  });
});
