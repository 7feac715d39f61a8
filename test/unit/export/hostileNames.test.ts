import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeExportFiles } from '../../../electron/services/export/writeFiles';
import { generateExport } from '../../../shared/export';
import type { ExportTarget } from '../../../shared/export/target';
import { hiddenCharacterProblem } from '../../../shared/export/textCheck';
import { GraphBuilder } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';
import { announceSkip, tempDir } from './helpers';

/**
 * Networks, modules and layers named to break out of what the exporter writes them
 * into (docstrings, comments, string literals, identifiers, Markdown). Every generated
 * Python file must parse, no name may become code, and importing model.py must not
 * run anything the name holds. Debian's interpreter is used directly, as elsewhere.
 */

const PYTHON = '/usr/bin/python3';
const python = existsSync(PYTHON) ? { ok: true, reason: '' } : { ok: false, reason: `${PYTHON} is missing` };
announceSkip('parsing exports of hostile names', python, 'Install python3 (apt-get install python3).');

/** What the payloads write; a derived identifier holds `PWNED_txt`, never this. */
const MARKER = 'PWNED.txt';
const PAYLOAD = `"""+str(open('${MARKER}','w').write('x'))+"""`;

const HOSTILE = [
  PAYLOAD,
  `'''+str(open('${MARKER}','w').write('x'))+'''`,
  `"+str(open('${MARKER}','w').write('x'))+"`,
  `x\nopen('${MARKER}','w')\n#`,
  `x\ropen('${MARKER}','w')#`,
  `x\u2028open('${MARKER}','w')`,
  `x\u2029open('${MARKER}','w')`,
  `x\x85open('${MARKER}','w')`,
  `x\x0b\x0c\x1c\x1d\x1e open('${MARKER}','w')`,
  `nul\x00byte${MARKER}`,
  `"""`,
  `"`,
  `'`,
  `\\`,
  `ends with a backslash\\`,
  `ends with a quote"`,
  `\\N{BULLET} \\x \\u12 ${MARKER}`,
  `{__import__('os').system('touch ${MARKER}')}`,
  '# -*- coding: rot13 -*-',
  `lone \ud800 surrogate ${MARKER}`,
  `emoji 😀 and 𝔘nicode ${MARKER}`,
  `bidi \u202e)'${MARKER}'(nepo\u202c`,
  `\x1b[31mred\x1b[0m ${MARKER}`,
  `<script>alert('${MARKER}')</script> | * _ \` [x](y) &amp;`,
  `${'long '.repeat(400)}${MARKER}`,
  `${'a'.repeat(3000)}`,
  '3x3-reduce',
  'class',
  'x',
];

const ODD = [...'"\'\\\n\r\t\x00\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029`|#<>&{}$()[]*_~ ', '"""', "'''", '\ud800', '😀'];
const RANDOM = fc.sample(
  fc.string({
    unit: fc.oneof(fc.constantFrom(...ODD), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
    minLength: 1,
    maxLength: 12,
  }),
  { seed: 15, numRuns: 40 },
);

/** A small classifier whose every name is derived from `name`: network, input, modules, layers. */
function hostileGraph(name: string): Graph {
  const b = new GraphBuilder();
  const x = b.input([8, 8, 3], `${name} input`);
  const y = b.group(name, 'custom', () => {
    const c = b.add('Conv2D', { filters: 4, kernelSize: [3, 3], strides: [2, 2], padding: 'same' }, [x], name);
    return b.group(`${name} inner`, 'custom', () => b.add('BatchNorm', { scale: false }, [c], `${name} bn`));
  });
  const p = b.add('MaxPool2D', { poolSize: [2, 2], strides: [2, 2], padding: 'same' }, [y], `${name} pool`);
  const f = b.add('Flatten', {}, [p], `${name} flatten`);
  b.add('Dense', { units: 5, activation: 'softmax' }, [f], `${name} head`);
  return b.build();
}

const TARGETS: ExportTarget[] = ['pytorch', 'keras'];
const NAMES = [...HOSTILE, ...RANDOM];

describe('exports of networks with hostile names', () => {
  const dirs: { name: string; target: ExportTarget; dir: string; layers: string[] }[] = [];

  beforeAll(async () => {
    const root = tempDir('hostile');
    for (const [i, name] of NAMES.entries()) {
      for (const target of TARGETS) {
        const result = generateExport({ graph: hostileGraph(name), name, target });
        if (!result.ok) throw new Error(`${JSON.stringify(name)} (${target}): ${JSON.stringify(result)}`);
        const dir = path.join(root, `${i}-${target}`);
        await writeExportFiles(dir, result.export.files);
        const layers = [...result.export.network.nodes.values()].map((n) => n.name);
        dirs.push({ name, target, dir, layers });
      }
    }
  }, 120_000);

  it.skipIf(!python.ok)(
    'every generated Python file parses, calls nothing a name holds, keeps Keras layer names exact, and imports without running it',
    () => {
      const files = dirs.flatMap(({ dir }) => ['model.py', 'train.py'].map((f) => path.join(dir, f)));
      const spec = path.join(tempDir('hostile-spec'), 'spec.json');
      const imports = dirs.map(({ dir }) => path.join(dir, 'model.py'));
      // Keras layers carry the names themselves: Python must read back exactly the graph's.
      const layerNames = Object.fromEntries(
        dirs.filter((d) => d.target === 'keras').map((d) => [path.join(d.dir, 'model.py'), d.layers]),
      );
      writeFileSync(spec, JSON.stringify({ files, import: imports, marker: MARKER, layerNames }));
      const run = spawnSync(PYTHON, [path.join(import.meta.dirname, 'pythonSafety.py'), spec], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
        timeout: 300_000,
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const { problems } = JSON.parse(run.stdout) as { problems: string[] };
      expect(problems).toEqual([]);
    },
    300_000,
  );

  it('writes every file as one-line-per-line text: no control, format or separator characters', () => {
    for (const { name, target, dir } of dirs) {
      for (const file of ['model.py', 'train.py', 'README.md']) {
        const text = readFileSync(path.join(dir, file), 'utf8');
        const hidden = text.match(/[^\P{C}\n]|[\p{Zl}\p{Zp}]|\uFFFD/u);
        expect(hidden, `${target} ${file} of ${JSON.stringify(name.slice(0, 40))}`).toBeNull();
      }
    }
  });
  it('README.md keeps the renamed-layers table at two columns and the title on one line', () => {
    for (const { name, target, dir } of dirs) {
      const lines = readFileSync(path.join(dir, 'README.md'), 'utf8').split('\n');
      const label = `${target} README.md of ${JSON.stringify(name.slice(0, 40))}`;
      expect(lines[0], label).toMatch(/^# .*: (PyTorch|Keras) export from Netwright$/);
      const table = lines.slice(lines.indexOf('## Renamed layers')).filter((l) => l.startsWith('| `'));
      expect(table.length, label).toBeGreaterThan(0);
      // Unescaped pipes delimit cells: 2 columns, 3 pipes.
      for (const row of table) expect(row.match(/(?<!\\)\|/g), `${label}: ${row}`).toHaveLength(3);
    }
  });
});

describe('the last check before an export is written', () => {
  it('refuses Python or Markdown holding a character the escapers should have kept out, naming where', () => {
    const files = [
      { path: 'weights.json', contents: '{"name": "a\u2028b"}' },
      { path: 'model.py', contents: '"""Doc."""\n\nx = 1\n' },
      { path: 'README.md', contents: '# Net\n\nA name: a\u0000b\n' },
    ];
    expect(hiddenCharacterProblem(files)).toBe(
      'Nothing was exported: README.md line 3 would hold the invisible character U+0000, which the exporter should have escaped. Please report this with the network file; renaming the network, module or layer named there avoids it.',
    );
    expect(hiddenCharacterProblem(files.slice(0, 2))).toBeNull();
    expect(hiddenCharacterProblem([{ path: 'train.py', contents: 'x = 1\r\n' }])).toMatch(
      /train\.py line 1 .* U\+000D/,
    );
  });
});
