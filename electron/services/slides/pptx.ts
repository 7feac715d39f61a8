import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import PptxGenJS from 'pptxgenjs';
import { formatInt } from '../../../shared/analysis';
import type { Deck, Slide, SlideChart, SlideTable } from '../../../shared/slides';
import { type Box, fitInside, slideBoxes, svgAspect } from './layout';

const FONT = 'Arial';
/** Inches of padding inside each table cell, left and right. */
const CELL_MARGIN = 0.06;
const INK = '1F2933';
const ACCENT = 'C2410C';
const SERIES_COLORS = ['4C78A8', 'F58518', '54A24B', 'B279A2', 'E45756', '72B7B2'];

type TextRun = PptxGenJS.TextProps;

/** Caption text as runs: "- " lines become bullets, **bold** spans bold. */
export function captionRuns(caption: string): TextRun[] {
  const lines = caption.split('\n');
  return lines.flatMap((line, i) => {
    const bullet = line.startsWith('- ');
    const body = bullet ? line.slice(2) : line;
    const parts = body.split(/\*\*(.+?)\*\*/g);
    const spans = parts.map((text, j) => ({ text, bold: j % 2 === 1 })).filter((s) => s.text !== '');
    if (spans.length === 0) spans.push({ text: '', bold: false });
    const last = i === lines.length - 1;
    return spans.map(
      (s, j): TextRun => ({
        text: s.text,
        options: {
          bold: s.bold,
          // pptxgenjs starts a new paragraph at every run with a bullet: only the line's first has one.
          ...(bullet && j === 0 ? { bullet: { indent: 18 } } : {}),
          ...(!last && j === spans.length - 1 ? { breakLine: true } : {}),
        },
      }),
    );
  });
}

/**
 * pptxgenjs writes paragraph properties before every run of a paragraph, not only the
 * first; a paragraph holds at most one, first, and LibreOffice applies the last one it reads
 * (dropping the bullet). Only the first is kept.
 */
export function oneParagraphPropertyEach(xml: string): string {
  return xml.replace(/<a:p>(.*?)<\/a:p>/gs, (_p, body: string) => {
    const first = body.startsWith('<a:pPr') ? (/^<a:pPr[^>]*\/>|^<a:pPr[^>]*>.*?<\/a:pPr>/s.exec(body)?.[0] ?? '') : '';
    const rest = body.slice(first.length).replace(/<a:pPr[^>]*\/>|<a:pPr[^>]*>.*?<\/a:pPr>/gs, '');
    return `<a:p>${first}${rest}</a:p>`;
  });
}

const cellText = (value: string | number) => (typeof value === 'number' ? formatInt(value) : value);

/**
 * The largest font (18 pt down to 10 pt) at which every column fits its widest cell in the
 * box and every row its height; 14 pt and up wherever the table allows it. Widths are
 * estimated at 0.62 em a character: Arial needs less, but where it is missing LibreOffice
 * draws with DejaVu Sans, which is that wide.
 */
function tableFont(table: SlideTable, box: Box, family: TableFamily): { fontSize: number; colW: number[] } {
  const texts = [table.header, ...family.rows.map((r) => r.map(cellText))];
  const chars = table.header.map((h, c) =>
    Math.max(3, h.length * 1.12, ...texts.slice(1).map((r) => String(r[c] ?? '').length)),
  );
  const widthsAt = (size: number) => chars.map((n) => (n * 0.62 * size) / 72 + 2 * CELL_MARGIN + 0.04);
  for (let size = 18; size >= 10; size -= 1) {
    const widths = widthsAt(size);
    const total = widths.reduce((s, w) => s + w, 0);
    // A line at 1.5 times the font size, plus the cell's top and bottom margins.
    const rowHeight = (size * 1.5) / 72 + 0.04;
    if (total <= box.w && rowHeight * (family.pageRows + 1) <= box.h) {
      // Spare width goes to the first column, the labels, so the numbers stay close to them.
      return { fontSize: size, colW: widths.map((w, i) => (i === 0 ? w + box.w - total : w)) };
    }
  }
  const widths = widthsAt(10);
  const total = widths.reduce((s, w) => s + w, 0);
  return { fontSize: 10, colW: widths.map((w) => (w / total) * box.w) };
}

/**
 * A table continued over several slides (the same header): all its rows, and the most on one
 * slide, so that every part gets the same font and column widths.
 */
interface TableFamily {
  rows: SlideTable['rows'];
  pageRows: number;
}

const familyKey = (table: SlideTable) => table.header.join('\u0000');

function tableFamilies(deck: Deck): Map<string, TableFamily> {
  const families = new Map<string, TableFamily>();
  for (const { table } of deck.slides) {
    if (!table) continue;
    const family = families.get(familyKey(table)) ?? { rows: [], pageRows: 0 };
    family.rows = [...family.rows, ...table.rows];
    family.pageRows = Math.max(family.pageRows, table.rows.length);
    families.set(familyKey(table), family);
  }
  return families;
}

function addTable(slide: PptxGenJS.Slide, table: SlideTable, box: Box, family: TableFamily): void {
  const { fontSize, colW } = tableFont(table, box, family);
  // Airy rows where the page has room: a projected table is read from the back of the room.
  const rowH = Math.min(box.h / (family.pageRows + 1), (fontSize * 2.3) / 72);
  // A column of numbers is right-aligned throughout, its "—" and "n/a" included.
  const looksNumeric = (v: string | number) => typeof v === 'number' || /^[−+\-\d]/.test(v);
  const numericColumn = table.header.map((_, c) => c > 0 && table.rows.some((r) => looksNumeric(r[c] ?? '')));
  const header: PptxGenJS.TableCell[] = table.header.map((text, c) => ({
    text,
    options: { bold: true, fill: { color: 'E4E7EB' }, align: c > 0 ? 'right' : 'left' },
  }));
  const rows: PptxGenJS.TableRow[] = table.rows.map((row) =>
    row.map((v, c) => ({
      text: cellText(v),
      options: { align: numericColumn[c] ? 'right' : 'left', bold: c === 0 },
    })),
  );
  slide.addTable([header, ...rows], {
    x: box.x,
    y: box.y,
    w: box.w,
    colW,
    rowH,
    fontFace: FONT,
    fontSize,
    color: INK,
    border: { type: 'solid', pt: 0.75, color: 'CBD2D9' },
    valign: 'middle',
    margin: [0.02, CELL_MARGIN, 0.02, CELL_MARGIN],
  });
}

function addChart(pptx: PptxGenJS, slide: PptxGenJS.Slide, chart: SlideChart, box: Box): void {
  const longest = Math.max(0, ...chart.categories.map((c) => c.length));
  const crowded = chart.categories.length * Math.max(longest, 4) * 0.1 > box.w;
  const max = Math.max(0, ...chart.series.flatMap((s) => s.values));
  // Raw values stay in the chart's data (editable, exact); the axis shows them in millions where large.
  const millions = max >= 1e6;
  slide.addChart(
    pptx.ChartType.bar,
    chart.series.map((s) => ({ name: s.name, labels: chart.categories, values: s.values })),
    {
      ...box,
      barDir: 'col',
      barGrouping: 'clustered',
      chartColors: SERIES_COLORS.slice(0, chart.series.length),
      showLegend: true,
      legendPos: 'b',
      legendFontSize: 14,
      legendFontFace: FONT,
      showTitle: false,
      catAxisLabelFontSize: crowded ? 10 : 12,
      catAxisLabelFontFace: FONT,
      ...(crowded ? { catAxisLabelRotate: -45 } : {}),
      valAxisLabelFontSize: 12,
      valAxisLabelFontFace: FONT,
      valAxisLabelFormatCode: max >= 1e7 ? '#,##0,," M"' : millions ? '#,##0.0,," M"' : '#,##0',
      showValAxisTitle: true,
      valAxisTitle: chart.yLabel,
      valAxisTitleFontSize: 14,
      valGridLine: { color: 'E4E7EB', size: 0.75 },
    },
  );
}

function addSlide(pptx: PptxGenJS, content: Slide, families: Map<string, TableFamily>): void {
  const slide = pptx.addSlide();
  const boxes = slideBoxes(content);
  const cover = !content.table && !content.chart && !content.pictureSvg && content.headline !== undefined;
  slide.addText(content.title, {
    ...boxes.title,
    fontFace: FONT,
    fontSize: cover ? 36 : 28,
    bold: true,
    color: INK,
    align: cover ? 'center' : 'left',
    valign: cover ? 'bottom' : 'middle',
    fit: 'shrink',
  });
  if (content.headline && boxes.headline) {
    slide.addText(content.headline, {
      ...boxes.headline,
      fontFace: FONT,
      fontSize: cover ? 26 : 22,
      bold: true,
      color: ACCENT,
      align: cover ? 'center' : 'left',
    });
  }
  if (content.pictureSvg && boxes.picture) {
    const base64 = Buffer.from(content.pictureSvg, 'utf8').toString('base64');
    slide.addImage({
      data: `image/svg+xml;base64,${base64}`,
      ...fitInside(boxes.picture, svgAspect(content.pictureSvg)),
    });
  }
  if (content.chart && boxes.chart) addChart(pptx, slide, content.chart, boxes.chart);
  if (content.table && boxes.table) {
    addTable(slide, content.table, boxes.table, families.get(familyKey(content.table))!);
  }
  if (content.caption && boxes.caption) {
    const alone = !content.table && !content.chart && !content.pictureSvg;
    slide.addText(captionRuns(content.caption), {
      ...boxes.caption,
      fontFace: FONT,
      fontSize: cover ? 18 : alone ? 20 : 16,
      color: INK,
      valign: 'top',
      fit: 'shrink',
      paraSpaceAfter: 4,
    });
  }
  if (content.notes) slide.addNotes(content.notes);
}

/** The deck as an editable PowerPoint file: native tables and charts, 16:9. */
export async function deckToPptx(deck: Deck): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  pptx.title = deck.title;
  pptx.company = 'Netwright';
  const families = tableFamilies(deck);
  for (const slide of deck.slides) addSlide(pptx, slide, families);
  const files = unzipSync((await pptx.write({ outputType: 'uint8array' })) as Uint8Array);
  for (const [name, bytes] of Object.entries(files)) {
    if (/^ppt\/(slides|notesSlides)\/[^/]+\.xml$/.test(name)) {
      files[name] = strToU8(oneParagraphPropertyEach(strFromU8(bytes)));
    }
  }
  return zipSync(files);
}
