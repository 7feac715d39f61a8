import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import { type ImportResult, importKerasJson, SUPPORTED_CLASSES } from '../../../shared/import';
import { expectOneLine, fixture } from './helpers';

/**
 * The importer never throws, whatever it is given, and never reaches its own
 * last-resort catch ("Internal error"): every failure is a deliberate one-line message.
 */
function expectHandled(result: ImportResult): void {
  if (result.ok) {
    for (const w of result.warnings) expectOneLine(w.message);
    // The graph it returns is one analysis can take (analysis never throws either).
    expect(() => analyzeGraph(result.graph)).not.toThrow();
    return;
  }
  expectOneLine(result.error);
  expect(result.error).not.toMatch(/^Internal error/);
}

const run = (text: string, options?: Parameters<typeof importKerasJson>[1]) => {
  let result: ImportResult | undefined;
  expect(() => {
    result = importKerasJson(text, options);
  }).not.toThrow();
  expectHandled(result!);
  return result!;
};

const CLASSES = [...SUPPORTED_CLASSES, 'CapsuleLayer', 'Sequential', 'Lambda', 'constructor', 'toString'];
const KEYS = [
  'filters',
  'kernel_size',
  'strides',
  'padding',
  'activation',
  'use_bias',
  'units',
  'axis',
  'pool_size',
  'rate',
  'target_shape',
  'max_value',
  'negative_slope',
  'batch_input_shape',
  'batch_shape',
  'data_format',
  'keepdims',
  'depth_multiplier',
  'groups',
  'name',
  'trainable',
];
const NAMES = ['a', 'b', 'c', 'in', '__proto__'];

const smallValue = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1, 3, 6, 0.5, 1e308, 'same', 'valid', 'relu', 'channels_first', 'a', ''),
  fc.array(fc.oneof(fc.integer({ min: -2, max: 300 }), fc.constant(null)), { maxLength: 5 }),
  fc.jsonValue({ maxDepth: 2 }),
);

const keras2Ref = fc.tuple(fc.constantFrom(...NAMES), fc.nat(2), fc.nat(1), fc.constant({}));
const keras3Tensor = fc.record({
  class_name: fc.constant('__keras_tensor__'),
  config: fc.record({ keras_history: fc.tuple(fc.constantFrom(...NAMES), fc.nat(1), fc.nat(1)) }),
});
const inboundNodes = fc.oneof(
  fc.constant([]),
  fc.array(fc.array(keras2Ref, { maxLength: 3 }), { maxLength: 2 }),
  fc.array(
    fc.record({ args: fc.array(fc.oneof(keras3Tensor, fc.array(keras3Tensor, { maxLength: 3 })), { maxLength: 2 }) }),
    { maxLength: 2 },
  ),
  smallValue,
);

const layerEntry = fc.record(
  {
    class_name: fc.oneof(fc.constantFrom(...CLASSES), fc.jsonValue({ maxDepth: 1 })),
    name: fc.constantFrom(...NAMES),
    config: fc.oneof(fc.dictionary(fc.constantFrom(...KEYS), smallValue, { maxKeys: 6 }), smallValue),
    inbound_nodes: inboundNodes,
  },
  { requiredKeys: ['class_name'] },
);

const kerasLike = fc.record(
  {
    class_name: fc.constantFrom('Model', 'Functional', 'Sequential', 'Conv2D', 'Other'),
    config: fc.oneof(
      fc.record({ name: fc.string(), layers: fc.array(layerEntry, { maxLength: 8 }) }, { requiredKeys: ['layers'] }),
      fc.array(layerEntry, { maxLength: 6 }),
      smallValue,
    ),
  },
  { requiredKeys: ['class_name'] },
);

const wrapped = fc.oneof(
  kerasLike,
  fc.record({ modelTopology: fc.oneof(kerasLike, fc.record({ model_config: kerasLike }), smallValue) }),
  fc.record({
    model_config: fc.oneof(
      kerasLike,
      kerasLike.map((v) => JSON.stringify(v)),
    ),
  }),
);

describe('the importer never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => void run(text)),
      { numRuns: 300 },
    );
  });

  it('on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => void run(JSON.stringify(value) ?? 'null')),
      { numRuns: 300 },
    );
  });

  it('on Keras-shaped JSON with wrong types, missing fields, cycles and dangling references', () => {
    fc.assert(
      fc.property(wrapped, fc.boolean(), (value, strict) => void run(JSON.stringify(value), { strict })),
      { numRuns: 1000 },
    );
  });

  it('on real files with one part replaced or removed', () => {
    const bases = ['mnist_cnn.keras3-sequential.json', 'aliases.keras2.json', 'resnet50.keras3.json'].map((f) =>
      JSON.parse(fixture(f)),
    );
    /** Every [parent, key] in a JSON tree. */
    const slots = (root: unknown): [Record<string, unknown> | unknown[], string | number][] => {
      const out: [Record<string, unknown> | unknown[], string | number][] = [];
      const stack = [root];
      while (stack.length) {
        const v = stack.pop();
        if (Array.isArray(v))
          v.forEach((x, i) => {
            out.push([v, i]);
            stack.push(x);
          });
        else if (v && typeof v === 'object')
          for (const [k, x] of Object.entries(v)) {
            out.push([v as Record<string, unknown>, k]);
            stack.push(x);
          }
      }
      return out;
    };
    fc.assert(
      fc.property(
        fc.nat(bases.length - 1),
        fc.nat(),
        fc.option(smallValue, { nil: undefined }),
        (which, at, replacement) => {
          const copy = structuredClone(bases[which]);
          const all = slots(copy);
          const [parent, key] = all[at % all.length]!;
          if (replacement === undefined) {
            if (Array.isArray(parent)) parent.splice(key as number, 1);
            else delete parent[key as string];
          } else (parent as Record<string, unknown>)[key] = replacement;
          run(JSON.stringify(copy));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on 10 MB of garbage, quickly and in one line', () => {
    const chunk = 'Zm9v\u0000{"a":[1,2,\u00ff garbage ]]}}\n';
    const garbage = chunk.repeat(Math.ceil(10_000_000 / chunk.length));
    const started = performance.now();
    expect(run(garbage)).toEqual({
      ok: false,
      error: 'Not valid JSON at position 0 (line 1, column 1): expected a value, found "Z".',
    });
    expect(run(`{"class_name": "Model", "config": ${garbage}`).ok).toBe(false);
    expect(run('['.repeat(10_000_000))).toEqual({
      ok: false,
      error: 'Not valid JSON at position 10000000 (the file may be truncated).',
    });
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('on deep nesting and very long models', () => {
    const deep = 100_000;
    run(`${'['.repeat(deep)}${']'.repeat(deep)}`);
    // A Keras 3 call argument nested deeper than any real one.
    const tensor = { class_name: '__keras_tensor__', config: { keras_history: ['in', 0, 0] } };
    let args: unknown = [tensor];
    for (let i = 0; i < 50; i++) args = [args];
    const nested = {
      class_name: 'Functional',
      config: {
        layers: [
          { class_name: 'InputLayer', name: 'in', config: { batch_shape: [null, 4] }, inbound_nodes: [] },
          { class_name: 'Dense', name: 'd', config: { units: 2 }, inbound_nodes: [{ args, kwargs: {} }] },
        ],
        input_layers: [['in', 0, 0]],
      },
    };
    expect(run(JSON.stringify(nested)).ok).toBe(false);
    // 20,000 layers in a chain: the ordering is iterative, not recursive.
    const layers = [{ class_name: 'Dense', config: { units: 4, batch_input_shape: [null, 4] } }];
    for (let i = 1; i < 20_000; i++) layers.push({ class_name: 'Dense', config: { units: 4 } } as (typeof layers)[0]);
    const functional = {
      class_name: 'Model',
      config: {
        layers: [
          { class_name: 'InputLayer', name: 'in', config: { batch_input_shape: [null, 4] }, inbound_nodes: [] },
          ...layers.map((l, i) => ({
            ...l,
            name: `d${i}`,
            inbound_nodes: [[[i === 0 ? 'in' : `d${i - 1}`, 0, 0, {}]]],
          })),
        ].reverse(),
      },
    };
    const r = run(JSON.stringify(functional));
    expect(r.ok && r.graph.nodes.length).toBe(20_001);
    expect(run(JSON.stringify({ class_name: 'Sequential', config: layers })).ok).toBe(true);
  });

  it('on values that are not even strings', () => {
    expect(importKerasJson(undefined as unknown as string)).toEqual({
      ok: false,
      error: "Expected the file's text, got undefined.",
    });
    expect(importKerasJson(fixture('vgg16.tf2.json'), null as unknown as undefined).ok).toBe(true);
  });
});
