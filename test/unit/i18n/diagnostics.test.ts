import { describe, expect, it } from 'vitest';
import { analyzeGraph, type Diagnostic, type DiagnosticCode } from '../../../shared/analysis';
import { catalogues, diagnosticText, LANGUAGES } from '../../../shared/i18n';
import { type DiagnosticKey, renderText, said } from '../../../shared/i18n/diagnosticText';
import { getLayerSpec, LayerError } from '../../../shared/layers';
import { windowOutput } from '../../../shared/layers/shapeMath';
import { diagnosticCases } from './diagnosticCases';
import frozen from './diagnosticMessages.json';

/** The English messages each case produced before diagnostics had keys, by case. */
const before = frozen as Record<string, { code: string; nodeId: string | null; message: string }[]>;

const analysed = Object.entries(diagnosticCases).map(([name, graph]) => ({
  name,
  diagnostics: analyzeGraph(structuredClone(graph)).diagnostics,
}));
const all: Diagnostic[] = analysed.flatMap((c) => c.diagnostics);

/** Every catalogue key of the namespace ("analysis.loop"; plural forms by their base). */
function keys(tree: object, prefix = ''): DiagnosticKey[] {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.add(`${prefix}${key.replace(/_(one|other)$/, '')}`);
    else for (const k of keys(value as object, `${prefix}${key}.`)) out.add(k);
  }
  return [...out] as DiagnosticKey[];
}

/** A thrown LayerError's text, or a failure naming what did not throw. */
function thrown(run: () => unknown): LayerError {
  try {
    run();
  } catch (error) {
    if (error instanceof LayerError) return error;
    throw error;
  }
  throw new Error('expected a LayerError');
}

/** The shape errors the analysis cannot reach (it checks the number of inputs first), thrown directly. */
const direct = [
  thrown(() => getLayerSpec('Add')!.outputShape([], {})),
  thrown(() => getLayerSpec('Subtract')!.outputShape([[1]], {})),
  thrown(() => getLayerSpec('Multiply')!.outputShape([[1]], {})),
  thrown(() => getLayerSpec('Flatten')!.outputShape([[1], [1]], {})),
  thrown(() => getLayerSpec('Flatten')!.outputShape([[]], {})),
  thrown(() => windowOutput([2, 2], { kernel: [3, 3], strides: [1, 1], padding: 'valid', noun: 'window' })),
];

describe('every problem text in English and German', () => {
  it('English: each case says exactly what it said before problem texts had keys', () => {
    for (const { name, diagnostics } of analysed) {
      expect(
        diagnostics.map(({ code, nodeId, message }) => ({ code, nodeId, message })),
        name,
      ).toEqual(before[name]);
      for (const d of diagnostics) expect(diagnosticText(d, 'en')).toBe(d.message);
    }
  });

  it('German: every diagnostic of every case reads in German, no placeholder left', () => {
    for (const d of all) {
      const german = diagnosticText(d, 'de');
      expect(german, d.message).not.toContain('{{');
      expect(german, d.message).not.toBe(d.message);
    }
    const cycle = all.find((d) => d.code === 'cycle' && d.message.startsWith("Add 'n0' is part of a loop"))!;
    expect(diagnosticText(cycle, 'de')).toBe(
      "Add 'n0' liegt in einem Zyklus: 'n0' → 'n1' → 'n2' → 'n0' – Daten müssen in eine Richtung fließen, von den Eingaben zu den Ausgaben; daher eine dieser Verbindungen entfernen",
    );
  });

  it('the cases cover every code but internal-error (brokenKinds.test.ts makes those)', () => {
    const codes: DiagnosticCode[] = [
      'cycle',
      'unconnected-input',
      'too-many-inputs',
      'unknown-kind',
      'unsupported-layer',
      'invalid-params',
      'shape-error',
      'too-large',
      'duplicate-name',
      'duplicate-id',
      'missing-node',
      'unknown-group',
      'unused-output',
      'shared-weights',
      'shared-weights-mismatch',
      'downstream-unknown',
    ];
    expect(new Set(all.map((d) => d.code))).toEqual(new Set(codes));
  });

  it('every catalogue key is used by a case, a direct shape error, or is an internal error', () => {
    const used = new Set<string>();
    const visit = (text: { key: string; values: Readonly<Record<string, unknown>> }) => {
      used.add(text.key);
      for (const v of Object.values(text.values)) if (v && typeof v === 'object' && 'key' in v) visit(v as typeof text);
    };
    for (const d of all) visit(d.text);
    for (const e of direct) visit(e.text);
    // Validation issues, import notes, backend reports, refused connections, training runs' and
    // the feature views' messages have their own tests (issues.test.ts, importNotes.test.ts,
    // services/backend.test.ts, graph/changes.test.ts, train/runMessages.test.ts,
    // features/refusalTexts.test.ts).
    const unused = keys(catalogues.en.diagnostics).filter(
      (k) =>
        !used.has(k) &&
        !['issue.', 'import.', 'backend.', 'connect.', 'training.', 'features.', 'disk.', 'experiment.'].some((own) =>
          k.startsWith(own),
        ),
    );
    // Reached only by broken layer kinds, empty outputs and a failing analysis (brokenKinds.test.ts),
    // and by a layer of unknown kind that carries a reason from a file.
    expect(unused.sort()).toEqual([
      'analysis.emptyOutput',
      'analysis.emptyOutputFrom',
      'analysis.internal.analysis',
      'analysis.internal.costs',
      'analysis.internal.network',
      'analysis.internal.outputShape',
      'analysis.internal.receptiveField',
      'analysis.unknownReason',
      'and',
    ]);
  });

  it('shape errors thrown by layer kinds carry their text: English message, German rendering', () => {
    for (const error of direct) {
      expect(renderText(error.text, 'en')).toBe(error.message);
      expect(renderText(error.text, 'de')).not.toBe(error.message);
      expect(renderText(error.text, 'de')).not.toContain('{{');
    }
    expect(direct[0]!.message).toBe('Add needs at least two inputs, but got none');
    expect(renderText(direct[0]!.text, 'de')).toBe('Add braucht mindestens zwei Eingaben, hat aber keine');
  });

  it('every key differs in German unless it only joins other texts, and fills every value', () => {
    const frames = new Set([
      'analysis.shapeError',
      'analysis.unknownReason',
      'issue.field',
      'issue.list',
      'training.andThen',
      'training.compile.layer',
      'features.onnxUnreadable',
    ]);
    for (const key of keys(catalogues.en.diagnostics)) {
      const text = said(key, sampleValues(key), 3);
      const [en, de] = LANGUAGES.map((language) => renderText(text, language));
      expect(de, key).not.toContain('{{');
      expect(en, key).not.toContain('{{');
      if (!frames.has(key)) expect(de, key).not.toBe(en);
    }
  });

  it('numbers follow the language: grouped limits, German decimals', () => {
    const big = all.find((d) => d.message.includes('2.88e+17'))!;
    expect(diagnosticText(big, 'de')).toContain('2,88e+17 Multiply-Adds, mehr als die 9.007.199.254.740.991');
    expect(big.message).toContain('2.88e+17 multiply-adds, more than the 9,007,199,254,740,991');
  });
});

/** A value for every placeholder of the key's English texts: "<name>", a number for `n`. */
function sampleValues(key: DiagnosticKey): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const path of [key, `${key}_one`, `${key}_other`]) {
    let node: unknown = catalogues.en.diagnostics;
    for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    if (typeof node !== 'string') continue;
    for (const [, name] of node.matchAll(/\{\{(\w+)\}\}/g)) out[name!] = name === 'n' ? 3 : `<${name}>`;
  }
  return out;
}
