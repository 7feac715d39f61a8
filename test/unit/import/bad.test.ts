import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importKerasJson, UNSUPPORTED_KIND } from '../../../shared/import';
import { analyse, analysisErrors, expectOneLine, FIXTURES, fixture, importError, importFixture } from './helpers';

/** Every bad fixture, and the one line (or diagnostic) it must give. */
const expected: Record<string, RegExp> = {
  'truncated.json': /^Not valid JSON at position 20000 \(the file may be truncated\)\.$/,
  'not_keras.json':
    /^This JSON is not a Keras or TensorFlow\.js model: no 'class_name'\/'config' at the top level \(found keys 'name', 'version', 'dependencies'\)\.$/,
  'graph_model.json': /TensorFlow\.js graph model, not a Layers model: convert .* --output_format=tfjs_layers_model/,
  'wrong_types_structure.json': /functional model's config has no 'layers' list/,
  'channels_first.json':
    /^Layer 'conv2d_1' \(Conv2D\) uses data_format 'channels_first'; Netwright reads channels_last models only/,
  'cycle.json': /^The model has a cycle: 'conv_a' → 'conv_b' → 'conv_c' → 'conv_a'; a Keras model cannot loop/,
  'unknown_input_size.json':
    /^Input 'input_layer' has unknown spatial size \(None×None×3\): pass --input-shape H,W,C\.$/,
  // These two import, with the layer marked (see the diagnostics tests below); strict mode fails on them.
  'unknown_class.json':
    /^Cannot import: CapsuleLayer 'digit_caps' is a custom layer class \(registered as 'Custom>CapsuleLayer'\) that Netwright does not support/,
  'wrong_types_config.json':
    /^Cannot import: Conv2D 'conv2d_1' has settings Netwright cannot read: filters: expected a positive whole number, got "32"; kernel_size: expected a positive whole number or a pair of them, got "3x3"\.$/,
};

describe('bad fixtures give one clear line', () => {
  it('covers every file in test/fixtures/keras/bad', () => {
    expect(readdirSync(join(FIXTURES, 'bad')).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [file, pattern] of Object.entries(expected)) {
    it(file, () => {
      expect(importError(fixture(`bad/${file}`), { strict: true })).toMatch(pattern);
    });
  }
});

describe('layers Netwright cannot represent become marked Unsupported nodes', () => {
  it("an unknown class ('CapsuleLayer') keeps its place and connections, with an error naming class and layer", () => {
    const r = importFixture('bad/unknown_class.json');
    expect(r.warnings).toHaveLength(1);
    const [w] = r.warnings;
    expect(w).toMatchObject({ nodeId: 'digit_caps', severity: 'error', code: 'unsupported-layer' });
    expect(w!.message).toBe(
      "CapsuleLayer 'digit_caps' is a custom layer class (registered as 'Custom>CapsuleLayer') that Netwright does not support; replace it with a layer from the palette or remove it.",
    );
    const caps = r.graph.nodes.find((n) => n.id === 'digit_caps')!;
    expect(caps.kind).toBe(UNSUPPORTED_KIND);
    expect(caps.params).toMatchObject({ kerasClass: 'CapsuleLayer', config: { num_capsule: 10, routings: 3 } });
    expect(r.graph.edges.filter((e) => e.target === 'digit_caps').map((e) => e.source)).toEqual(['dropout']);
    expect(r.graph.edges.filter((e) => e.source === 'digit_caps').map((e) => e.target)).toEqual(['flatten']);
    // Analysis flags the placeholder and still counts what it can before it.
    const a = analyse(r);
    expect(analysisErrors(a).some((e) => e.startsWith('digit_caps:'))).toBe(true);
    expect(a.nodes.conv2d_1?.paramCount.total).toBe(18_496);
  });

  it('a layer config with wrong types is marked, naming the bad values', () => {
    const r = importFixture('bad/wrong_types_config.json');
    expect(r.warnings.map((w) => [w.nodeId, w.code])).toEqual([['conv2d_1', 'unsupported-layer']]);
    expectOneLine(r.warnings[0]!.message);
    expect(r.graph.nodes.find((n) => n.id === 'conv2d_1')?.kind).toBe(UNSUPPORTED_KIND);
  });
});

describe('--input-shape', () => {
  it('fills a None×None input', () => {
    const r = importFixture('bad/unknown_input_size.json', { inputShape: [224, 224, 3] });
    expect(r.graph.nodes[0]).toMatchObject({ id: 'input_layer', kind: 'Input', params: { shape: [224, 224, 3] } });
    expect(r.warnings.map((w) => w.code)).toEqual(['input-shape-override']);
    expect(r.warnings[0]!.message).toBe("Input 'input_layer' is declared None×None×3; using 224×224×3 as asked.");
    const a = analyse(r);
    expect(analysisErrors(a)).toEqual([]);
    // conv 3×3×3×16 (no bias) + BN 4×16 + conv 3×3×16×32 + 32 + dense 32×10 + 10
    expect(a.totals.params).toBe(432 + 64 + 4_640 + 330);
    expect(a.nodes.conv2d?.outputShape).toEqual([112, 112, 16]);
  });

  it('replaces a declared size too, and says so', () => {
    const r = importFixture('inception_v3.keras22.json', { inputShape: [331, 331, 3] });
    expect(r.graph.nodes[0]?.params).toEqual({ shape: [331, 331, 3] });
    expect(r.warnings[0]?.message).toBe("Input 'input_1' is declared 299×299×3; using 331×331×3 as asked.");
    expect(analysisErrors(analyse(r))).toEqual([]);
  });

  it('a custom hint replaces the CLI flag in the message', () => {
    const error = importError(fixture('bad/unknown_input_size.json'), { inputShapeHint: 'enter the input size' });
    expect(error).toBe("Input 'input_layer' has unknown spatial size (None×None×3): enter the input size.");
  });

  it('rejects a malformed override in one line', () => {
    const bad = [224, 0, 3] as unknown as [number, number, number];
    expect(importError(fixture('vgg16.tf2.json'), { inputShape: bad })).toBe(
      'The input shape must be three positive whole numbers H,W,C, got [224,0,3].',
    );
  });
});

describe('JSON errors say where', () => {
  it('names line and column inside the file', () => {
    expect(importError('{\n  "class_name": "Model",\n  "config": {"layers": [1, 2,, 3]}\n}')).toBe(
      'Not valid JSON at position 56 (line 3, column 30): expected a value, found ",".',
    );
    expect(importError("{'class_name': 'Model'}")).toBe(
      'Not valid JSON at position 1 (line 1, column 2): expected a property name in double quotes, found "\'".',
    );
    expect(importError('{"a": 1} {"b": 2}')).toMatch(/^Not valid JSON at position 9 .*after the end of the JSON value/);
  });

  it('recognises empty files, zips and HDF5', () => {
    expect(importError('')).toBe('The file is empty.');
    expect(importError('  \n')).toBe('The file is empty.');
    expect(importError('PK\u0003\u0004\u0014\u0000rest of a zip')).toMatch(/zip archive \(a \.keras file\?\)/);
    expect(importError('\u0089HDF\r\n\u001a\n...')).toMatch(/Keras HDF5 \(\.h5\) file/);
  });

  it("reads Python's NaN / Infinity as null, with a warning", () => {
    const text = fixture('vgg16.tf2.json').replace('"name":"vgg16"', '"name":"vgg16","x":NaN,"y":[-Infinity, "NaN"]');
    expect(text).toContain('NaN');
    const r = importKerasJson(text);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['nonstandard-json']);
  });

  it('skips a byte-order mark', () => {
    expect(importKerasJson(`\uFEFF${fixture('vgg16.tf2.json')}`).ok).toBe(true);
  });
});
