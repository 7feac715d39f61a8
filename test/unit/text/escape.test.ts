import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csvField,
  MAX_IDENTIFIER_LENGTH,
  markdownCode,
  markdownText,
  pythonComment,
  pythonDocstring,
  pythonIdentifier,
  pythonString,
  visibleText,
  xmlText,
} from '../../../shared/text';

/** Everything Python's str.splitlines breaks at, plus NUL, ESC, bidi overrides and a lone surrogate. */
const BREAKS = ['\n', '\r', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e', '\x85', '\u2028', '\u2029'];
const HIDDEN = [...BREAKS, '\x00', '\t', '\x1b', '\x7f', '\u202e', '\u2066', '\ufeff', '\u00a0', '\ud800', '\udfff'];
const HOSTILE = [
  `"""+str(open('PWNED.txt','w').write('x'))+"""`,
  "'''",
  '"',
  "'",
  '\\',
  'ends with \\',
  'ends with "',
  '""',
  '\\N{BULLET} \\x \\u12',
  '`a`` b`',
  '|pipe|',
  '<b>&amp;</b>',
  '=SUM(A1)',
  '-1',
  '@x',
  '+x',
  'emoji 😀 𝔘',
  'a'.repeat(10_000),
  '',
  ...HIDDEN.map((ch) => `a${ch}b`),
];
const ODD = [...'"\'\\`|#<>&*_[]~=+-@ ', '"""', ...HIDDEN, '😀'];
const RANDOM = fc.sample(
  fc.string({ unit: fc.oneof(fc.constantFrom(...ODD), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) }),
  { seed: 2028, numRuns: 300 },
);
const ALL = [...HOSTILE, ...RANDOM];

/** No character that could end a line, hide, or be refused by a parser. */
const UNSAFE = /[\p{C}\p{Zl}\p{Zp}]|[^\P{Zs} ]/u;

const PYTHON = '/usr/bin/python3';
const python = existsSync(PYTHON);
if (!python) console.warn(`SKIPPED Python round trips of escaped text: ${PYTHON} is missing. Install python3.`);

/**
 * Evaluates each case in one Python process: string literals and docstrings must give
 * back the text, comments must stay one comment, XML must parse to the text shown.
 */
const CHECK = `
import ast, json, sys, xml.etree.ElementTree as ET
cases = json.load(sys.stdin)
out = []
for c in cases:
    kind, text, escaped = c["kind"], c["text"], c["escaped"]
    try:
        if kind == "string":
            ok = ast.literal_eval(escaped) == text
        elif kind == "docstring":
            tree = ast.parse('def f():\\n    """' + escaped + '"""\\n')
            ok = ast.get_docstring(tree.body[0], clean=False) == text
        elif kind == "comment":
            tree = ast.parse("x = 1  # " + escaped + "\\ny = 2\\n")
            ok = len(tree.body) == 2 and len(("# " + escaped).splitlines()) == 1
        elif kind == "xml":
            el = ET.fromstring('<t a="' + escaped + "\\" b='" + escaped + "'>" + escaped + "</t>")
            ok = (el.text or "") == c["shown"] and el.get("a") == c["shown"] and el.get("b") == c["shown"]
    except Exception as err:
        ok = f"{type(err).__name__}: {err}"
    out.append(ok)
print(json.dumps(out))
`;

interface Case {
  kind: 'string' | 'docstring' | 'comment' | 'xml';
  text: string;
  escaped: string;
  shown?: string;
}

function pythonVerdicts(cases: Case[]): (boolean | string)[] {
  const run = spawnSync(PYTHON, ['-c', CHECK], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as (boolean | string)[];
}

function expectAllTrue(cases: Case[]) {
  const verdicts = pythonVerdicts(cases);
  const failures = cases.flatMap((c, i) => (verdicts[i] === true ? [] : [[c.kind, c.text, c.escaped, verdicts[i]]]));
  expect(failures).toEqual([]);
}

describe('visibleText', () => {
  it('writes every hidden or line-breaking character as its escape and leaves the rest alone', () => {
    expect(visibleText('a\nb\u2028c\x00d\ud800e 😀')).toBe('a\\x0ab\\u2028c\\x00d\\ud800e 😀');
    expect(visibleText('conv 1 (3×3)')).toBe('conv 1 (3×3)');
    for (const text of ALL) expect(visibleText(text)).not.toMatch(UNSAFE);
  });
});

describe('Python', () => {
  it('pythonString: black’s quotes, one line, nothing hidden', () => {
    expect(pythonString('conv')).toBe('"conv"');
    expect(pythonString('say "hi"')).toBe(`'say "hi"'`);
    expect(pythonString(`it's "x"`)).toBe(`'it\\'s "x"'`);
    expect(pythonString(`it's 'x' "y"`)).toBe(`"it's 'x' \\"y\\""`);
    expect(pythonString('a\\b')).toBe('"a\\\\b"');
    expect(pythonString('a\u2028b\x00')).toBe('"a\\u2028b\\x00"');
    expect(pythonString('😀')).toBe('"😀"');
    for (const text of ALL) expect(pythonString(text)).not.toMatch(UNSAFE);
  });

  it.skipIf(!python)('pythonString and pythonDocstring give back exactly the text in Python', () => {
    expectAllTrue(
      ALL.flatMap((text): Case[] => [
        { kind: 'string', text, escaped: pythonString(text) },
        { kind: 'docstring', text, escaped: pythonDocstring(text) },
      ]),
    );
  });

  it.skipIf(!python)('pythonComment stays one comment line, whatever the text', () => {
    expectAllTrue(ALL.map((text): Case => ({ kind: 'comment', text, escaped: pythonComment(text) })));
  });

  it('pythonDocstring escapes only quotes that could close the docstring', () => {
    expect(pythonDocstring('Netwright module "mixed0".')).toBe('Netwright module "mixed0".');
    expect(pythonDocstring('a"""b')).toBe('a\\"\\""b');
    expect(pythonDocstring('ends "')).toBe('ends \\"');
  });

  it('pythonIdentifier derives an ASCII identifier of bounded length, never copies the name', () => {
    expect(pythonIdentifier('conv2d_1')).toBe('conv2d_1');
    expect(pythonIdentifier('3x3-reduce')).toBe('layer_3x3_reduce');
    expect(pythonIdentifier('_modules')).toBe('layer_modules');
    expect(pythonIdentifier('')).toBe('layer');
    expect(pythonIdentifier('naïve')).toBe('na_ve');
    for (const text of ALL) {
      const id = pythonIdentifier(text);
      expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
      expect(id.length).toBeLessThanOrEqual(MAX_IDENTIFIER_LENGTH);
    }
  });
});

describe('Markdown', () => {
  it('markdownText escapes what would format, link, embed HTML or split a table cell', () => {
    expect(markdownText('mixed0')).toBe('mixed0');
    expect(markdownText('a|b')).toBe('a\\|b');
    expect(markdownText('<script>x</script>')).toBe('\\<script\\>x\\</script\\>');
    expect(markdownText('*bold* _it_ [l](u) `c` &amp; #1 ~s~ \\')).toBe(
      '\\*bold\\* \\_it\\_ \\[l\\](u) \\`c\\` \\&amp; \\#1 \\~s\\~ \\\\',
    );
    // The escape's backslash is itself escaped, so the rendered text reads \x0a.
    expect(markdownText('line\nbreak')).toBe('line\\\\x0abreak');
    for (const text of ALL) {
      const md = markdownText(text);
      expect(md).not.toMatch(UNSAFE);
      // Every special character is escaped: removing the escapes leaves none bare.
      expect(md.replace(/\\[\\`*_[\]<>&|#~]/g, '')).not.toMatch(/[\\`*_[\]<>&|#~]/);
    }
  });

  it('markdownCode fences with more backticks than the text holds, and escapes pipes in tables', () => {
    expect(markdownCode('conv_1')).toBe('`conv_1`');
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`a')).toBe('`` `a ``');
    expect(markdownCode('a|b', { inTable: true })).toBe('`a\\|b`');
    for (const text of ALL) {
      const code = markdownCode(text, { inTable: true });
      expect(code).not.toMatch(UNSAFE);
      expect(code.replace(/\\\|/g, '')).not.toContain('|');
      const fence = /^`+/.exec(code)![0];
      expect(code.slice(fence.length, -fence.length)).not.toContain(fence);
    }
  });
});

describe('CSV', () => {
  it('csvField quotes commas and quotes, keeps numbers, defuses formulas, stays on one line', () => {
    expect(csvField(12)).toBe('12');
    expect(csvField(-3.5)).toBe('-3.5');
    expect(csvField(null)).toBe('');
    expect(csvField('mixed0')).toBe('mixed0');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('a\nb')).toBe('a\\x0ab');
    for (const text of ALL) {
      const field = csvField(text);
      expect(field).not.toMatch(UNSAFE);
      expect(field).not.toMatch(/^[=+\-@]/);
      if (/[",]/.test(field)) expect(field).toMatch(/^"([^"]|"")*"$/);
    }
  });
});

describe('XML / SVG', () => {
  it('xmlText escapes markup and both quotes', () => {
    expect(xmlText(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&apos;y&apos;&gt;&amp;&lt;/a&gt;',
    );
    for (const text of ALL) expect(xmlText(text)).not.toMatch(UNSAFE);
  });

  it.skipIf(!python)('xmlText parses as element text and as an attribute in either quotes', () => {
    expectAllTrue(ALL.map((text): Case => ({ kind: 'xml', text, escaped: xmlText(text), shown: visibleText(text) })));
  });
});
