import { describe, expect, it } from 'vitest';
import { analyzeGraph, placeholderReason } from '../../../shared/analysis';
import { createProjectFile, parseProjectValue, serializeProject } from '../../../shared/graph/projectFile';
import type { Graph, LayerNode } from '../../../shared/graph/types';
import { catalogues, diagnosticText, LANGUAGES } from '../../../shared/i18n';
import { type DiagnosticKey, renderText, said } from '../../../shared/i18n/diagnosticText';
import { type ImportDiagnostic, type ImportSuccess, importKerasJson } from '../../../shared/import';
import { importOnnx } from '../../../shared/import/onnx';
import { keras2Model } from '../import/helpers';
import { type TinyModel, tinyModel } from '../import/onnx/builder';

function keras(cls: string, config: Record<string, unknown>): ImportSuccess {
  const result = importKerasJson(keras2Model([['l', cls, config, ['in']]]));
  if (!result.ok) throw new Error(result.error);
  return result;
}

function onnx(model: TinyModel): ImportSuccess {
  const result = importOnnx(tinyModel(model));
  if (!result.ok) throw new Error(result.error);
  return result;
}

const placeholderOf = (graph: Graph): LayerNode => graph.nodes.find((n) => n.kind === 'Unsupported')!;

/** What the window and the CLI show about the placeholder: its import note and its problems. */
function texts(result: ImportSuccess, language: 'en' | 'de'): string[] {
  const node = placeholderOf(result.graph);
  const notes = result.warnings.filter((w: ImportDiagnostic) => w.nodeId === node.id);
  const problems = analyzeGraph(result.graph).diagnostics.filter((d) => d.nodeId === node.id);
  return [...notes, ...problems].map((d) => diagnosticText(d, language));
}

/** Each case: the file, the English reason it gives, and words of its German reason. */
const cases: [string, () => ImportSuccess, string, string][] = [
  [
    'Keras renorm',
    () => keras('BatchNormalization', { renorm: true }),
    'uses batch renormalization (renorm: true), which Netwright does not have',
    'verwendet Batch-Renormalisierung (renorm: true), die Netwright nicht hat',
  ],
  [
    'Keras softmax axis',
    () => keras('Softmax', { axis: 1 }),
    "takes the softmax over axis 1; Netwright's softmax is over the last axis",
    'bildet den Softmax über Achse 1; Netwrights Softmax wirkt über die letzte Achse',
  ],
  [
    'Keras unknown class',
    () => keras('CapsuleLayer', {}),
    'is a layer class Netwright does not support; replace it with a layer from the palette or remove it',
    'ist eine Schichtklasse, die Netwright nicht unterstützt; durch eine Schicht aus der Palette ersetzen oder entfernen',
  ],
  [
    'Keras setting it cannot read, the schema complaint in German too',
    () => keras('Conv2D', { filters: 'x', kernel_size: 3 }),
    'has settings Netwright cannot read: filters: expected a positive whole number, got "x"',
    'hat Einstellungen, die Netwright nicht lesen kann: filters: eine positive ganze Zahl erwartet, "x" erhalten',
  ],
  [
    'ONNX Conv whose kernel does not fit, the shape error of the layer kind in German too',
    () =>
      onnx({
        input: [1, 3, 2, 2],
        weights: { w: [8, 3, 3, 3] },
        nodes: [{ op: 'Conv', inputs: ['x', 'w'], attrs: { kernel_shape: [3, 3] } }],
      }),
    "as Conv2D: A 3×3 kernel does not fit a 2×2 input with padding 'valid' — use padding 'same', a smaller kernel, or a larger input",
    'passt nicht als Conv2D: Ein 3×3-Kernel passt nicht',
  ],
  [
    'ONNX unknown operator',
    () => onnx({ nodes: [{ op: 'Erf', inputs: ['x'] }] }),
    'is an operator Netwright does not import',
    'ist ein Operator, den Netwright nicht importiert',
  ],
  [
    'ONNX Resize in linear mode',
    () =>
      onnx({
        floats: { s: [1, 1, 2, 2] },
        nodes: [{ op: 'Resize', inputs: ['x', '', 's'], attrs: { mode: 'linear' } }],
      }),
    "resizes in 'linear' mode; UpSampling2D repeats pixels (nearest)",
    "skaliert im Modus 'linear'; UpSampling2D wiederholt Pixel (nearest)",
  ],
  [
    'ONNX Conv whose weight has the wrong rank',
    () =>
      onnx({ weights: { w: [8, 3, 3] }, nodes: [{ op: 'Conv', inputs: ['x', 'w'], attrs: { kernel_shape: [3, 3] } }] }),
    'its weight has rank 3, expected rank 4',
    'hat ein Gewicht vom Rang 3, erwartet ist Rang 4',
  ],
];

describe('why a layer was not imported, in the reader’s language', () => {
  for (const [name, file, english, german] of cases) {
    it(`${name}: German note and problems carry the German reason, English ones the same words as before`, () => {
      const result = file();
      expect(placeholderOf(result.graph).params.reason).toBe(english);
      const en = texts(result, 'en');
      const de = texts(result, 'de');
      expect(en.length).toBeGreaterThan(0);
      expect(en.some((t) => t.includes(english))).toBe(true);
      expect(de.some((t) => t.includes(german))).toBe(true);
      for (const text of de) {
        expect(text).not.toContain(english);
        expect(text).not.toContain('{{');
      }
    });
  }

  it('the reason survives saving: a reopened project shows it in German', () => {
    const result = keras('CapsuleLayer', {});
    const saved = parseProjectValue(JSON.parse(serializeProject(createProjectFile('m', result.graph))));
    if (!saved.ok) throw new Error(saved.error);
    const problem = analyzeGraph(saved.project.graph).diagnostics.find((d) => d.code === 'unknown-kind')!;
    expect(diagnosticText(problem, 'de')).toBe(
      "CapsuleLayer 'l' ist eine Schichtklasse, die Netwright nicht unterstützt; durch eine Schicht aus der Palette ersetzen oder entfernen",
    );
  });

  it('a file saved before reasons had texts shows its English reason, in a German frame', () => {
    const graph = structuredClone(keras('CapsuleLayer', {}).graph);
    const node = placeholderOf(graph);
    delete node.params.reasonText;
    const problem = analyzeGraph(graph).diagnostics.find((d) => d.code === 'unknown-kind')!;
    expect(problem.message).toBe(
      "CapsuleLayer 'l' is a layer class Netwright does not support; replace it with a layer from the palette or remove it",
    );
    expect(diagnosticText(problem, 'de')).toBe(
      "CapsuleLayer 'l': is a layer class Netwright does not support; replace it with a layer from the palette or remove it",
    );
  });

  it('a stored text that does not say the English reason, or is not a text, is ignored: the file’s reason shows', () => {
    const forged: unknown[] = [
      { key: 'importReasons:keras.renorm', values: {} },
      { key: 'analysis.noInput', values: { layer: 'x' } },
      { key: 'importReasons:__proto__.constructor.name', values: {} },
      { key: 'importReasons:keras.softmaxAxis', values: { axis: { key: 'importReasons:keras.renorm' } } },
      'importReasons:keras.unknownClass',
    ];
    for (const reasonText of forged) {
      const graph = structuredClone(keras('CapsuleLayer', {}).graph);
      placeholderOf(graph).params.reasonText = reasonText;
      const problem = analyzeGraph(graph).diagnostics.find((d) => d.code === 'unknown-kind')!;
      expect(diagnosticText(problem, 'de'), JSON.stringify(reasonText)).toContain(
        "CapsuleLayer 'l': is a layer class Netwright does not support",
      );
    }
  });

  it('the inspector shows the reason in the window’s language, or the file’s own where it has no text', () => {
    const graph = structuredClone(keras('BatchNormalization', { renorm: true }).graph);
    const node = placeholderOf(graph);
    expect(placeholderReason(node.params, 'de')).toBe(
      'verwendet Batch-Renormalisierung (renorm: true), die Netwright nicht hat',
    );
    expect(placeholderReason(node.params, 'en')).toBe(node.params.reason);
    delete node.params.reasonText;
    expect(placeholderReason(node.params, 'de')).toBe(node.params.reason);
    expect(placeholderReason({ kerasClass: 'X' }, 'de')).toBeUndefined();
  });

  it('values from the file are made visible in the German text as in the English one', () => {
    const result = importKerasJson(keras2Model([['l', 'Custom\u202eLayer', {}, ['in']]]));
    if (!result.ok) throw new Error(result.error);
    const problem = analyzeGraph(result.graph).diagnostics.find((d) => d.code === 'unknown-kind')!;
    expect(problem.message).toContain('Custom\\u202eLayer');
    expect(diagnosticText(problem, 'de')).toContain('Custom\\u202eLayer');
    expect(diagnosticText(problem, 'de')).toContain('ist eine Schichtklasse');
  });
});

/** Every key of the namespace ("keras.renorm"), with a value for each of its placeholders. */
function reasonKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : reasonKeys(value as object, `${prefix}${key}.`),
  );
}

describe('the importReasons catalogue', () => {
  const frames = new Set(['frame.layer', 'frame.keras', 'frame.onnx']);

  it('every reason reads in English and German, differently, with every value filled in', () => {
    const keys = reasonKeys(catalogues.en.importReasons);
    expect(keys.length).toBeGreaterThan(60);
    for (const key of keys) {
      const template = key
        .split('.')
        .reduce<unknown>(
          (node, part) => (node as Record<string, unknown>)[part],
          catalogues.en.importReasons,
        ) as string;
      const values = Object.fromEntries(
        [...template.matchAll(/\{\{(\w+)\}\}/g)].map(([, name]) => [name!, `<${name}>`]),
      );
      const text = said(`importReasons:${key}` as DiagnosticKey, values);
      const [en, de] = LANGUAGES.map((language) => renderText(text, language));
      expect(en, key).toBe(template.replace(/\{\{(\w+)\}\}/g, '<$1>'));
      expect(de, key).not.toContain('{{');
      if (!frames.has(key)) expect(de, key).not.toBe(en);
    }
  });
});
