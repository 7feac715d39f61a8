import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { captionRuns, deckToPptx, oneParagraphPropertyEach } from '../../../electron/services/slides/pptx';
import { comparisonDeck, type Deck } from '../../../shared/slides';
import { inceptionComparison } from './fixtures';
import { xmlProblems } from './xmlCheck';

let deck: Deck;
let parts: Record<string, string>;
const slideXml = (n: number) => parts[`ppt/slides/slide${n}.xml`]!;
/** The text of each table cell, row by row. */
const tableCells = (xml: string) =>
  [...xml.matchAll(/<a:tr\b.*?<\/a:tr>/gs)].map((row) =>
    [...row[0].matchAll(/<a:tc\b.*?<\/a:tc>/gs)].map((cell) =>
      [...cell[0].matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(''),
    ),
  );

beforeAll(async () => {
  deck = comparisonDeck(inceptionComparison(), { title: 'Inception v3: original vs factorized' });
  deck.slides.push({
    title: 'A picture and a caption',
    pictureSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><rect width="200" height="100"/></svg>',
    caption: '- **Bold** then plain\nA line & <more>',
  });
  const files = unzipSync(await deckToPptx(deck));
  parts = Object.fromEntries(
    Object.entries(files)
      .filter(([name]) => /\.(xml|rels)$/.test(name))
      .map(([name, bytes]) => [name, strFromU8(bytes)]),
  );
});

describe('deckToPptx', () => {
  it('writes a package PowerPoint opens: content types, a presentation listing every slide at 16:9', () => {
    const types = parts['[Content_Types].xml']!;
    expect(types).toContain('application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml');
    const presentation = parts['ppt/presentation.xml']!;
    expect(presentation.match(/<p:sldId /g)).toHaveLength(deck.slides.length);
    expect(presentation).toContain('<p:sldSz cx="9144000" cy="5143500"/>');
    for (let n = 1; n <= deck.slides.length; n++) {
      expect(types).toContain(`/ppt/slides/slide${n}.xml`);
      expect(slideXml(n)).toBeDefined();
    }
  });

  it('writes only well-formed XML', () => {
    const problems = Object.entries(parts).flatMap(([name, xml]) => xmlProblems(xml).map((p) => `${name}: ${p}`));
    expect(problems).toEqual([]);
    expect(Object.keys(parts).length).toBeGreaterThan(20);
  });

  it('gives each paragraph at most one paragraph-properties element, first', () => {
    for (let n = 1; n <= deck.slides.length; n++) {
      for (const [paragraph] of slideXml(n).matchAll(/<a:p>.*?<\/a:p>/gs)) {
        const count = paragraph.match(/<a:pPr\b/g)?.length ?? 0;
        expect(count, `slide ${n}: ${paragraph.slice(0, 200)}`).toBeLessThanOrEqual(1);
        if (count) expect(paragraph.startsWith('<a:p><a:pPr')).toBe(true);
      }
    }
  });

  it('puts the numbers in native table cells', () => {
    const totals = tableCells(slideXml(2));
    expect(totals[0]).toEqual(['', 'original', 'factorized', 'Change (B − A)']);
    expect(totals[1]).toEqual(['Parameters', '37,696,232', '23,851,784', '−13,844,448 (−36.7%)']);
    expect(totals[4]).toEqual(['Multiply-adds (MACs)', '9,759,473,248', '5,713,216,096', '−4,046,257,152 (−41.5%)']);
    const perModule = [...tableCells(slideXml(5)), ...tableCells(slideXml(6)).slice(1)];
    expect(perModule.find((r) => r[0] === 'mixed4')).toEqual([
      'mixed4',
      '3,706,240',
      '1,298,944',
      '−65%',
      '1,070,104,576',
      '374,063,104',
      '−65%',
    ]);
    expect(perModule).toHaveLength(1 + inceptionComparison().modules.length);
  });

  it('sets titles at 28 pt or more and a table continued over slides in one font and one set of widths', () => {
    for (let n = 1; n < deck.slides.length; n++) {
      const title = /<p:sp>.*?<a:rPr[^>]* sz="(\d+)"/s.exec(slideXml(n))!;
      expect(Number(title[1]), `slide ${n}`).toBeGreaterThanOrEqual(2800);
    }
    const look = (xml: string) => ({
      sizes: [...new Set([...xml.matchAll(/<a:tc>.*?<a:rPr[^>]* sz="(\d+)"/gs)].map((m) => m[1]))],
      widths: [...xml.matchAll(/<a:gridCol w="(\d+)"\/>/g)].map((m) => m[1]),
    });
    const [first, second] = [look(slideXml(5)), look(slideXml(6))];
    expect(first.sizes).toHaveLength(1);
    expect(second).toEqual(first);
    expect(Number(look(slideXml(2)).sizes[0])).toBeGreaterThanOrEqual(1300);
  });

  it('writes the charts as native clustered bar charts holding the exact values', () => {
    const charts = Object.keys(parts).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(2);
    const params = parts[charts.find((n) => parts[n]!.includes('3706240'))!]!;
    expect(params).toContain('<c:barDir val="col"/>');
    expect(params).toContain('<c:grouping val="clustered"/>');
    const series = [...params.matchAll(/<c:ser>.*?<\/c:ser>/gs)].map((s) => ({
      name: /<c:tx>.*?<c:v>([^<]*)<\/c:v>/s.exec(s[0])![1],
      values: [.../<c:val>.*?<\/c:val>/s.exec(s[0])![0].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => Number(v[1])),
    }));
    const comparison = inceptionComparison();
    expect(series).toEqual([
      { name: 'original', values: comparison.modules.map((m) => m.a!.params) },
      { name: 'factorized', values: comparison.modules.map((m) => m.b!.params) },
    ]);
  });

  it('embeds a picture as SVG and writes the caption as text, escaped', () => {
    const n = deck.slides.length;
    const rels = parts[`ppt/slides/_rels/slide${n}.xml.rels`]!;
    expect(rels).toMatch(/Target="\.\.\/media\/[^"]+\.svg"/);
    expect(slideXml(n)).toContain('<asvg:svgBlip');
    expect(slideXml(n)).toContain('<a:t>A line &amp; &lt;more&gt;</a:t>');
    expect(slideXml(n)).toMatch(/<a:rPr[^>]*b="1"[^>]*>.*?<a:t>Bold<\/a:t>/s);
  });

  it('writes the speaker notes', () => {
    const notes = Object.entries(parts).filter(([name]) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name));
    expect(notes.length).toBeGreaterThanOrEqual(deck.slides.length - 1);
    expect(notes.some(([, xml]) => xml.includes('FLOPs = 2 × MACs'))).toBe(true);
  });
});

describe('captionRuns', () => {
  it('makes "- " lines bullets and **spans** bold, one paragraph per line', () => {
    const runs = captionRuns('- **Parameters:** 1 → 2\nplain');
    expect(runs.map((r) => r.text)).toEqual(['Parameters:', ' 1 → 2', 'plain']);
    expect(runs[0]!.options).toMatchObject({ bold: true, bullet: { indent: 18 } });
    expect(runs[1]!.options).toMatchObject({ bold: false, breakLine: true });
    expect(runs[1]!.options).not.toHaveProperty('bullet');
    expect(runs[2]!.options).not.toHaveProperty('bullet');
  });
});

describe('oneParagraphPropertyEach', () => {
  it('keeps the first paragraph properties and drops those between runs', () => {
    const xml =
      '<a:p><a:pPr marL="1"><a:buChar char="•"/></a:pPr><a:r><a:t>a</a:t></a:r><a:pPr indent="0"><a:buNone/></a:pPr><a:r><a:t>b</a:t></a:r></a:p><a:p><a:r><a:t>c</a:t></a:r><a:pPr/></a:p>';
    expect(oneParagraphPropertyEach(xml)).toBe(
      '<a:p><a:pPr marL="1"><a:buChar char="•"/></a:pPr><a:r><a:t>a</a:t></a:r><a:r><a:t>b</a:t></a:r></a:p><a:p><a:r><a:t>c</a:t></a:r></a:p>',
    );
  });
});
