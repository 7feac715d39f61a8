import { describe, expect, it } from 'vitest';
import { xmlProblems } from './xmlCheck';

describe('xmlProblems (the well-formedness check the slide tests rely on)', () => {
  it('accepts well-formed XML', () => {
    expect(xmlProblems('<?xml version="1.0"?>\n<a:p x="1"><a:r><a:t>1 &amp; 2</a:t></a:r><a:br/></a:p>')).toEqual([]);
  });

  it.each([
    ['<a><b></a></b>', '</a> closes <b>'],
    ['<a><b>', 'unclosed <b>'],
    ['<a/><b/>', '2 root elements'],
    ['<a>1 & 2</a>', 'stray "&"'],
    ['<a x=1></a>', 'malformed tag'],
  ])('finds what is wrong in %s', (xml, problem) => {
    expect(xmlProblems(xml).join('; ')).toContain(problem);
  });
});
