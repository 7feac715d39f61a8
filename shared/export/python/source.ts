import { pythonComment, pythonDocstring } from '../../text';
import { type Arg, type Expr, render } from './expr';

/** black's default line length; the generated code is meant to pass `black --check`. */
export const LINE_LENGTH = 88;

const spaces = (n: number) => ' '.repeat(n);

interface Split {
  open: string;
  items: Arg[];
  close: string;
  /**
   * Call arguments may stay together on one indented line when they fit (black's own
   * choice). Tuples and lists are always exploded by black, and so is a constructor
   * applied at once, where black would break at the trailing `(x)` instead.
   */
  hug: boolean;
}

/**
 * Where a too-long expression breaks: inside its outermost (last) brackets. For a Keras
 * layer applied at once, `layers.Conv2D(...)(x)`, that is the constructor's arguments,
 * with `)(x)` closing the last line, as a person (and black) writes it.
 */
function splitPoint(expr: Expr): Split | null {
  if (expr.kind === 'call') {
    const { callee } = expr;
    if (callee.kind === 'call' && callee.args.length > 0) {
      return {
        open: `${render(callee.callee)}(`,
        items: callee.args,
        close: `)(${expr.args.map(render).join(', ')})`,
        hug: false,
      };
    }
    if (expr.args.length === 0) return null;
    return { open: `${render(callee)}(`, items: expr.args, close: ')', hug: true };
  }
  // One-element tuples keep their comma on one line: black would not treat it as magic.
  if (expr.kind === 'tuple' && expr.items.length > 1) return { open: '(', items: expr.items, close: ')', hug: false };
  if (expr.kind === 'list' && expr.items.length > 0) return { open: '[', items: expr.items, close: ']', hug: false };
  return null;
}

/**
 * One statement, `head` + expression + `tail`, as black lays it out: on one line when it
 * fits in 88 columns; else broken inside its last brackets, with a call's arguments on
 * one indented line when they fit there; else one argument per line with a trailing
 * comma, a form black keeps as it is (the "magic trailing comma").
 */
export function formatStatement(indent: number, head: string, expr: Expr, tail = ''): string[] {
  const flat = `${spaces(indent)}${head}${render(expr)}${tail}`;
  if (flat.length <= LINE_LENGTH) return [flat];
  const split = splitPoint(expr);
  if (!split) return [flat];
  // An assignment or return whose first line would still be too long: black wraps the whole
  // right-hand side in parentheses instead, when it then fits on one line.
  const opening = `${spaces(indent)}${head}${flat.slice(spaces(indent).length + head.length).split(split.open)[0]}${split.open}`;
  const whole = `${spaces(indent + 4)}${render(expr)}`;
  if (/(^| )(= |return )$/.test(head) && opening.length > LINE_LENGTH && whole.length <= LINE_LENGTH) {
    return [`${spaces(indent)}${head}(`, whole, `${spaces(indent)})${tail}`];
  }
  const together = `${spaces(indent + 4)}${split.items.map(render).join(', ')}`;
  if (split.hug && together.length <= LINE_LENGTH) {
    return [`${spaces(indent)}${head}${split.open}`, together, `${spaces(indent)}${split.close}${tail}`];
  }
  const inner = split.items.flatMap((item) =>
    item.kind === 'keyword'
      ? formatStatement(indent + 4, `${item.name}=`, item.value, ',')
      : formatStatement(indent + 4, '', item, ','),
  );
  return [`${spaces(indent)}${head}${split.open}`, ...inner, `${spaces(indent)}${split.close}${tail}`];
}

/** Greedy word wrap; a single word longer than the width stays whole. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

/**
 * A Python file being written: statements, comments and docstrings, with black's layout
 * (4-space indents, wrapped comments, blank lines as given by the caller).
 */
export class PythonSource {
  private readonly lines: string[] = [];

  line(indent: number, text: string): this {
    this.lines.push(text === '' ? '' : `${spaces(indent)}${text}`);
    return this;
  }

  statement(indent: number, head: string, expr: Expr, tail = ''): this {
    this.lines.push(...formatStatement(indent, head, expr, tail));
    return this;
  }

  blank(count = 1): this {
    for (let i = 0; i < count; i++) this.lines.push('');
    return this;
  }

  /** Text made safe by pythonComment, so nothing in it can end the comment early. */
  comment(indent: number, text: string): this {
    for (const paragraph of text.split('\n')) {
      const wrapped = wrapWords(pythonComment(paragraph), LINE_LENGTH - indent - 2);
      if (wrapped.length === 0) this.line(indent, '#');
      for (const line of wrapped) this.line(indent, `# ${line}`);
    }
    return this;
  }

  /**
   * One line when it fits, else a summary line, a blank line and the wrapped rest. The
   * text is escaped by pythonDocstring, so nothing in it can close the docstring.
   */
  docstring(indent: number, rawSummary: string, body = ''): this {
    const summary = pythonDocstring(rawSummary);
    // Room for both sets of quotes: black keeps a one-line docstring's closing quotes on its line.
    const summaryLines = wrapWords(summary, LINE_LENGTH - indent - 6);
    if (!body && summaryLines.length <= 1) return this.line(indent, `"""${summary}"""`);
    const [first = '', ...rest] = summaryLines;
    this.line(indent, `"""${first}`);
    for (const line of rest) this.line(indent, line);
    if (body) {
      this.blank();
      for (const paragraph of body.split('\n').map(pythonDocstring)) {
        if (paragraph.startsWith('    ')) this.line(indent, paragraph);
        else if (paragraph === '') this.blank();
        else for (const line of wrapWords(paragraph, LINE_LENGTH - indent)) this.line(indent, line);
      }
    }
    return this.line(indent, '"""');
  }

  /** Verbatim lines (helper classes written out by hand), re-indented. */
  block(indent: number, text: string): this {
    for (const line of text.replace(/\n$/, '').split('\n')) this.line(line === '' ? 0 : indent, line);
    return this;
  }

  toString(): string {
    const text = this.lines.map((l) => l.trimEnd()).join('\n');
    return `${text.replace(/\n+$/, '')}\n`;
  }
}
