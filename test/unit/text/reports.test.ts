import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';
import { compareGraphs, toCsv, toMarkdown, toSvgChart } from '../../../shared/transforms';

/** Module and network names that would break each report format if written raw. */
const NAMES = [
  'a|b',
  'line\nbreak',
  'cr\rhere',
  'nul\x00',
  '<script>alert(1)</script>',
  '"quoted", with comma',
  '=HYPERLINK("http://x")',
  'sep\u2028\u2029\x85',
  '`code` *em* [l](u) #h',
  '\ud800 lone',
  ']]>&amp;',
];

function modular(network: number): Graph {
  const b = new GraphBuilder();
  let x = b.input([8, 8, 3]);
  NAMES.forEach((name, i) => {
    x = b.group(name, 'custom', () => b.add('Conv2D', { filters: 2 + network, kernelSize: [1, 1] }, [x], `conv${i}`));
  });
  return b.build();
}

const comparison = () =>
  compareGraphs({ name: 'A "net" <1>\n|x|', graph: modular(0) }, { name: '=B,\x00', graph: modular(1) });

const PYTHON = '/usr/bin/python3';
const python = existsSync(PYTHON);
if (!python) console.warn(`SKIPPED parsing compare reports in Python: ${PYTHON} is missing. Install python3.`);

function runPython(code: string, input: string): string {
  const run = spawnSync(PYTHON, ['-c', code], { input, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout.trim();
}

describe('compare reports of modules with hostile names', () => {
  it('Markdown: one table row per module, each with exactly its columns', () => {
    const c = comparison();
    const md = toMarkdown(c);
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Module'));
    const perModule = rows.slice(rows.findIndex((r) => r.startsWith('| Output shape')) + 1);
    expect(perModule).toHaveLength(c.modules.length);
    expect(c.modules.length).toBeGreaterThan(NAMES.length);
    // Unescaped pipes delimit cells: 7 columns, 8 pipes.
    for (const row of perModule) expect(row.replace(/\\\\/g, '').match(/(?<!\\)\|/g)).toHaveLength(8);
    for (const raw of ['<script>', '\x00', '\r', '\u2028']) expect(md).not.toContain(raw);
  });

  it.skipIf(!python)('CSV: Python’s csv module reads one record per module with 9 fields, no formulas', () => {
    const c = comparison();
    const out = runPython(
      'import csv, sys, json; rows = list(csv.reader(sys.stdin)); print(json.dumps(rows))',
      toCsv(c),
    );
    const rows = JSON.parse(out) as string[][];
    // The header, one row per module (and the layers outside modules), the total.
    expect(rows).toHaveLength(1 + c.modules.length + 1);
    for (const row of rows) expect(row).toHaveLength(9);
    for (const row of rows) expect(row[0]).not.toMatch(/^[=+\-@]/);
  });

  it.skipIf(!python)('SVG: parses as XML, with every module label as text', () => {
    const out = runPython(
      'import sys, json, xml.etree.ElementTree as ET\n' +
        'root = ET.fromstring(sys.stdin.buffer.read())\n' +
        'print(json.dumps([t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]))',
      toSvgChart(comparison()),
    );
    const texts = JSON.parse(out) as string[];
    expect(texts).toContain('a|b');
    expect(texts).toContain('line\\x0abreak');
    expect(texts).toContain('<script>alert(1)</script>');
  });
});
