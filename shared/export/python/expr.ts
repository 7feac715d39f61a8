import { pythonString } from '../../text';

/**
 * Python expressions as a small tree rather than strings, so a statement that is too
 * long can be split at its brackets the way black would (see format.ts).
 */
export type Expr =
  | { kind: 'atom'; text: string }
  | { kind: 'call'; callee: Expr; args: Arg[] }
  /** bare: `a, b` (a return value or assignment source) instead of `(a, b)`. */
  | { kind: 'tuple'; items: Expr[]; bare?: boolean }
  | { kind: 'list'; items: Expr[] };

export type Arg = Expr | { kind: 'keyword'; name: string; value: Expr };

export const atom = (text: string): Expr => ({ kind: 'atom', text });

export const call = (callee: string | Expr, args: Arg[] = []): Expr => ({
  kind: 'call',
  callee: typeof callee === 'string' ? atom(callee) : callee,
  args,
});

export const keyword = (name: string, value: Expr): Arg => ({ kind: 'keyword', name, value });

export const tuple = (items: Expr[], bare = false): Expr => ({ kind: 'tuple', items, bare });

export const list = (items: Expr[]): Expr => ({ kind: 'list', items });

/** A Python int literal. */
export const int = (value: number): Expr => {
  if (!Number.isSafeInteger(value)) throw new Error(`not a whole number: ${value}`);
  return atom(String(value));
};

/**
 * A Python float literal that reads as a float (1.0, not 1). 15 significant digits drop
 * the noise of binary arithmetic (1 − 0.99 prints 0.01, not 0.010000000000000009).
 */
export const float = (value: number): Expr => {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  const rounded = Number(value.toPrecision(15));
  const text = String(rounded);
  return atom(/[.e]/.test(text) ? text : `${text}.0`);
};

export const bool = (value: boolean): Expr => atom(value ? 'True' : 'False');

/** A string literal holding exactly `value`, in black's preferred quotes, every unsafe character escaped. */
export const str = (value: string): Expr => atom(pythonString(value));

export const intTuple = (values: readonly number[]): Expr => tuple(values.map(int));

export function render(expr: Arg): string {
  switch (expr.kind) {
    case 'atom':
      return expr.text;
    case 'keyword':
      return `${expr.name}=${render(expr.value)}`;
    case 'call':
      return `${render(expr.callee)}(${expr.args.map(render).join(', ')})`;
    case 'tuple': {
      const inner = expr.items.length === 1 ? `${render(expr.items[0]!)},` : expr.items.map(render).join(', ');
      return expr.bare ? inner : `(${inner})`;
    }
    case 'list':
      return `[${expr.items.map(render).join(', ')}]`;
  }
}
