import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { type Analysis, analyzeGraph } from '../../../shared/analysis';
import { type ImportOptions, type ImportSuccess, importKerasJson } from '../../../shared/import';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/keras/', import.meta.url));

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Imports a fixture that must import; fails the test with the importer's line otherwise. */
export function importFixture(name: string, options?: ImportOptions): ImportSuccess {
  const result = importKerasJson(fixture(name), options);
  if (!result.ok) throw new Error(`${name}: ${result.error}`);
  return result;
}

export function importError(text: string, options?: ImportOptions): string {
  const result = importKerasJson(text, options);
  if (result.ok) throw new Error(`expected the import to fail, it gave ${result.graph.nodes.length} nodes`);
  expectOneLine(result.error);
  return result.error;
}

export function expectOneLine(message: string): void {
  expect(message).not.toMatch(/[\r\n]/);
  expect(message.length).toBeGreaterThan(10);
  expect(message.length).toBeLessThan(400);
}

export function analysisErrors(a: Analysis): string[] {
  return a.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.nodeId}: ${d.message}`);
}

export function analyse(result: ImportSuccess): Analysis {
  return analyzeGraph(result.graph);
}

/** A tiny Keras 2 functional model: [name, class, config, inputs] after an InputLayer 'in'. */
export function keras2Model(
  layers: [string, string, Record<string, unknown>, string[]][],
  inputShape: (number | null)[] = [32, 32, 3],
): string {
  return JSON.stringify({
    class_name: 'Model',
    config: {
      name: 'm',
      layers: [
        {
          name: 'in',
          class_name: 'InputLayer',
          config: { batch_input_shape: [null, ...inputShape], name: 'in' },
          inbound_nodes: [],
        },
        ...layers.map(([name, cls, config, inputs]) => ({
          name,
          class_name: cls,
          config: { name, ...config },
          inbound_nodes: inputs.length ? [inputs.map((s) => [s, 0, 0, {}])] : [],
        })),
      ],
      input_layers: [['in', 0, 0]],
      output_layers: [[layers.at(-1)?.[0] ?? 'in', 0, 0]],
    },
  });
}

/** One layer after a 32×32×3 input, for class-by-class checks. */
export function oneLayer(cls: string, config: Record<string, unknown>, inputShape?: (number | null)[]): string {
  return keras2Model([['x', cls, config, ['in']]], inputShape);
}
