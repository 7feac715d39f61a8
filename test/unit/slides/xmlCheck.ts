/**
 * A small well-formedness check for the XML parts of a .pptx (there is no XML parser among
 * the dependencies): one root, every start tag closed in order, attributes quoted, no stray
 * `<` or `&` in text. Returns the problems found, empty when the part is well-formed.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const body = xml.replace(/^\uFEFF?<\?xml[^?]*\?>\s*/, '').replace(/<!--[\s\S]*?-->/g, '');
  const stack: string[] = [];
  let roots = 0;
  let at = 0;
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
  const text = (s: string, where: number) => {
    if (s.includes('<')) problems.push(`stray "<" at ${where}`);
    const amp = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);)/.exec(s);
    if (amp) problems.push(`stray "&" at ${where + amp.index}`);
    if (stack.length === 0 && s.trim()) problems.push(`text outside the root at ${where}`);
  };
  while (at < body.length && problems.length < 5) {
    const next = body.indexOf('<', at);
    if (next === -1) {
      text(body.slice(at), at);
      break;
    }
    text(body.slice(at, next), at);
    if (body.startsWith('<![CDATA[', next)) {
      const end = body.indexOf(']]>', next);
      if (end === -1) problems.push(`unterminated CDATA at ${next}`);
      at = end === -1 ? body.length : end + 3;
      continue;
    }
    tag.lastIndex = next;
    const m = tag.exec(body);
    if (!m) {
      problems.push(`malformed tag at ${next}: ${body.slice(next, next + 40)}`);
      break;
    }
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}> at ${next}`);
    } else {
      if (stack.length === 0) roots += 1;
      if (!selfClosing) stack.push(name!);
    }
    at = tag.lastIndex;
  }
  if (stack.length) problems.push(`unclosed <${stack.at(-1)}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
