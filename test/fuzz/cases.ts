import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { analyzeGraph } from '../../shared/analysis';
import { generateExport } from '../../shared/export/generate';
import {
  createProjectFile,
  isProjectFileJson,
  parseProjectValue,
  serializeProject,
} from '../../shared/graph/projectFile';
import type { Graph } from '../../shared/graph/types';
import { importKerasJson } from '../../shared/import';
import { readJson } from '../../shared/import/json';
import { getTemplate } from '../../shared/templates';
import { FACTORIZATION_RULES, suggest } from '../../shared/transforms/suggest';

/**
 * One fuzz case: a real seed file (a project or a Keras JSON), mutated as text or as a JSON tree,
 * then pushed through everything that reads user files: the readers, analysis, the rewrites and
 * the exporters. A case fails when any of them throws, reports an internal error, gives a
 * multi-line message or gives totals that are not finite.
 */

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/keras');
const projectSeed = (id: string) => {
  const template = getTemplate(id);
  if (!template) throw new Error(`no template ${id}`);
  return serializeProject(createProjectFile(id, template.build()));
};

/** Small seeds run everything; large ones (Inception-v3) only the readers and analysis. */
export const seeds: readonly { name: string; text: string }[] = [
  { name: 'small-inception.netwright', text: projectSeed('small-inception') },
  { name: 'inception-a.netwright', text: projectSeed('inception-a') },
  ...['mnist_cnn.keras21-sequential.json', 'mnist_cnn.keras3-sequential.json', 'aliases.keras2.json'].map((name) => ({
    name,
    text: readFileSync(path.join(fixtures, name), 'utf8'),
  })),
  { name: 'inception_v3.keras22.json', text: readFileSync(path.join(fixtures, 'inception_v3.keras22.json'), 'utf8') },
];

const hostileStrings = [
  '"""+str(open(\'PWNED.txt\',\'w\').write(\'x\'))+"""',
  "'''\n__import__('os').system('true')\n'''",
  'a\nb',
  'a\r\nb',
  'nul\u0000byte',
  'line\u2028sep',
  '\\',
  '<script>&amp;</script>',
  '| cell | md |',
  '=HYPERLINK("x")',
  '__proto__',
  'constructor',
  '',
  ' ',
  '😀'.repeat(3),
  'x'.repeat(300),
];
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1,
    2.5,
    1e308,
    -1e308,
    2 ** 53,
    1e-320,
    [],
    {},
    [0, 0, 0],
    [1e308, 1e308, 3],
    [-1, 32, 3],
    'same',
    'valid',
    'relu',
  ),
  fc.constantFrom<unknown>(...hostileStrings),
  fc.jsonValue({ maxDepth: 2 }),
);

export type Mutation =
  | { op: 'replace'; pick: number; value: unknown }
  | { op: 'delete'; pick: number }
  | { op: 'duplicate'; pick: number }
  | { op: 'nest'; pick: number; depth: number }
  | { op: 'truncate'; at: number }
  | { op: 'splice'; at: number; remove: number; insert: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('replace' as const), pick: fc.nat(), value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('nest' as const), pick: fc.nat(), depth: fc.integer({ min: 1, max: 400 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('splice' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.nat(8),
      insert: fc.constantFrom('', '"', '{', ']', ',', '\u0000', '\\u', '1e999', 'null'),
    }),
  },
);

export interface FuzzCase {
  seed: number;
  mutations: Mutation[];
}
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record({
  seed: fc.nat(),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
});

type Container = Record<string, unknown> | unknown[];
interface Slot {
  parent: Container;
  key: string | number;
}

/** Every slot of the tree, breadth first and without recursion (a mutated tree may be deep). */
function slots(root: unknown): Slot[] {
  const found: Slot[] = [];
  const queue: unknown[] = [root];
  for (let i = 0; i < queue.length && found.length < 50_000; i++) {
    const value = queue[i];
    if (!value || typeof value !== 'object') continue;
    for (const [key, item] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
      found.push({ parent: value as Container, key });
      queue.push(item);
    }
  }
  return found;
}

function applyTreeMutation(root: unknown, m: Exclude<Mutation, { op: 'truncate' | 'splice' }>): void {
  const all = slots(root);
  const slot = all[m.pick % Math.max(all.length, 1)];
  if (!slot) return;
  const parent = slot.parent as Record<string | number, unknown>;
  if (m.op === 'replace') parent[slot.key] = structuredClone(m.value);
  else if (m.op === 'nest') {
    let value = parent[slot.key];
    for (let i = 0; i < m.depth; i++) value = [value];
    parent[slot.key] = value;
  } else if (Array.isArray(slot.parent)) {
    if (m.op === 'delete') slot.parent.splice(slot.key as number, 1);
    else slot.parent.splice(slot.key as number, 0, structuredClone(slot.parent[slot.key as number]));
  } else if (m.op === 'delete') delete parent[slot.key];
  else parent[`${slot.key}_copy`] = structuredClone(parent[slot.key]);
}

/** The seed text with the case's mutations applied, in order. */
export function mutatedText(c: FuzzCase): { seed: string; text: string } {
  const seed = seeds[c.seed % seeds.length]!;
  let text = seed.text;
  for (const m of c.mutations) {
    if (m.op === 'truncate') text = text.slice(0, Math.floor(text.length * m.at));
    else if (m.op === 'splice') {
      const at = Math.floor(text.length * m.at);
      text = text.slice(0, at) + m.insert + text.slice(at + m.remove);
    } else {
      const parsed = readJson(text);
      if (!parsed.ok) continue;
      applyTreeMutation(parsed.value, m);
      text = JSON.stringify(parsed.value);
    }
  }
  return { seed: seed.name, text };
}

export interface CaseResult {
  /** What went wrong, or null when every stage behaved. */
  failure: string | null;
  /** Generated Python files, for a batch syntax check by the caller. */
  python: { name: string; source: string }[];
}

function checkMessage(stage: string, message: string): string | null {
  if (/internal error/i.test(message)) return `${stage}: internal error: ${message.slice(0, 200)}`;
  if (/\n/.test(message)) return `${stage}: message of several lines: ${JSON.stringify(message.slice(0, 200))}`;
  return null;
}

function read(text: string): { graph: Graph; name: string } | { error: string } {
  const json = readJson(text);
  if (!json.ok) return { error: json.error };
  if (isProjectFileJson(json.value)) {
    const loaded = parseProjectValue(json.value);
    return loaded.ok ? { graph: loaded.project.graph, name: loaded.project.name } : { error: loaded.error };
  }
  const imported = importKerasJson(text);
  return imported.ok ? { graph: imported.graph, name: imported.name } : { error: imported.error };
}

const rewriteLimit = 120;

/** Runs one case through every stage; never throws (a throw is reported as the failure). */
export function runCase(c: FuzzCase): CaseResult {
  const python: CaseResult['python'] = [];
  let stage = 'mutate';
  try {
    const { text } = mutatedText(c);
    stage = 'read';
    const loaded = read(text);
    if ('error' in loaded) return { failure: checkMessage(stage, loaded.error), python };
    stage = 'analyze';
    const analysis = analyzeGraph(loaded.graph);
    const { params, macs, activationElements } = analysis.totals;
    if (![params, macs, activationElements].every((n) => Number.isFinite(n) && n >= 0))
      return { failure: `analyze: totals not finite (params ${params}, macs ${macs})`, python };
    for (const d of analysis.diagnostics) {
      const bad = checkMessage(stage, d.message);
      if (bad) return { failure: bad, python };
    }
    if (analysis.diagnostics.some((d) => d.severity === 'error') || loaded.graph.nodes.length > rewriteLimit)
      return { failure: null, python };
    stage = 'rewrite';
    const suggestions = suggest(loaded.graph, { rules: FACTORIZATION_RULES }, analysis);
    for (const s of suggestions.slice(0, 2)) {
      const after = analyzeGraph(s.graph);
      if (after.diagnostics.some((d) => d.severity === 'error'))
        return { failure: `rewrite: ${s.rule} on ${s.nodeId} gave a network with errors`, python };
    }
    for (const target of ['pytorch', 'keras'] as const) {
      stage = `export ${target}`;
      const result = generateExport({ graph: loaded.graph, name: loaded.name, target, analysis });
      if (!result.ok) {
        const bad = 'message' in result ? checkMessage(stage, result.message) : null;
        if (bad) return { failure: bad, python };
        continue;
      }
      for (const file of result.export.files)
        if (file.path.endsWith('.py') && typeof file.contents === 'string')
          python.push({ name: `${target}/${file.path}`, source: file.contents });
    }
    return { failure: null, python };
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return { failure: `${stage}: threw ${message.slice(0, 300)}`, python };
  }
}

/** The cases of one seeded run: the same seed always gives the same cases. */
export function sampleCases(count: number, seed: number): FuzzCase[] {
  return fc.sample(fuzzCase, { numRuns: count, seed });
}
