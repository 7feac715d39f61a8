import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { deckToPdf, SlidesProblem, SOFFICE_MISSING } from '../../../electron/services/slides';
import { comparisonDeck } from '../../../shared/slides';
import { inceptionComparison } from './fixtures';

const has = (command: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const tools = has('soffice') && has('pdftoppm') && has('pdfinfo');
if (!tools) {
  console.warn(
    'Skipping the PDF rendering test: it needs LibreOffice and poppler (apt-get install libreoffice-impress poppler-utils).',
  );
}

describe('deckToPdf', () => {
  it('names what to install when LibreOffice is missing', async () => {
    const deck = comparisonDeck(inceptionComparison());
    const failure = deckToPdf(deck, '/nonexistent/soffice');
    await expect(failure).rejects.toBeInstanceOf(SlidesProblem);
    await expect(failure).rejects.toThrow(SOFFICE_MISSING);
  });

  it.runIf(tools)(
    'converts the deck with LibreOffice: one page per slide, rendered at 16:9',
    async () => {
      const deck = comparisonDeck(inceptionComparison(), { title: 'Inception v3: original vs factorized' });
      deck.slides.push({
        title: 'The network',
        pictureSvg:
          '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200"><rect x="10" y="10" width="380" height="180" fill="#4c78a8"/><text x="200" y="110" font-size="32" text-anchor="middle" fill="white">SVG picture</text></svg>',
        caption: '- **5×5 → two 3×3:** the same receptive field, 28% fewer multiply-adds',
      });
      const pdf = await deckToPdf(deck);
      const dir = mkdtempSync(path.join(tmpdir(), 'netwright-pdf-'));
      const file = path.join(dir, 'deck.pdf');
      writeFileSync(file, pdf);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(Number(/^Pages:\s+(\d+)/m.exec(info)![1])).toBe(deck.slides.length);
      // Each page is the slide's 10 × 5.625 in: 720 × 405 pt.
      expect(info).toMatch(/^Page size:\s+720(\.\d+)? x 405(\.\d+)? pts/m);
      // Pages to look at: the cover, the totals table, a chart, the per-module table, the picture.
      const out = path.resolve('test-results/slides');
      mkdirSync(out, { recursive: true });
      execFileSync('pdftoppm', ['-r', '96', '-png', file, path.join(out, 'comparison')]);
      const cover = PNG.sync.read(readFileSync(path.join(out, 'comparison-1.png')));
      expect(cover.width / cover.height).toBeCloseTo(16 / 9, 2);
      // Not blank: the title and headline put dark pixels on the page.
      let dark = 0;
      for (let i = 0; i < cover.data.length; i += 4) if (cover.data[i]! < 128) dark += 1;
      expect(dark).toBeGreaterThan(2000);
    },
    120_000,
  );
});
