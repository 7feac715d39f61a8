import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { getTemplate } from '../../../shared/templates';
import { cli, cliFixture } from '../cli/cliHelpers';

let fx: ReturnType<typeof cliFixture>;
let ancestor: string;
let v3: string;
beforeAll(() => {
  fx = cliFixture('netwright-slides-');
  ancestor = fx.writeProject('ancestor', getTemplate('inception-v3-unfactorized')!.build());
  v3 = fx.writeProject('inception-v3', getTemplate('inception-v3')!.build());
});

const hasSoffice = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v soffice'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('netwright compare --pptx / --pdf', () => {
  it('writes the deck beside the normal output', async () => {
    const deck = fx.file('deck.pptx');
    const { code, out } = await cli('compare', ancestor, v3, '--pptx', deck);
    expect(code).toBe(0);
    expect(out).toContain('−36.7% parameters, −41.5% multiply-adds');
    const files = unzipSync(new Uint8Array(readFileSync(deck)));
    expect(strFromU8(files['ppt/slides/slide1.xml']!)).toContain('<a:t>ancestor vs inception-v3</a:t>');
    expect(strFromU8(files['ppt/slides/slide2.xml']!)).toContain('<a:t>37,696,232</a:t>');
  });

  it('refuses a file name with the wrong extension, in one line, exit 2', async () => {
    const { code, err } = await cli('compare', ancestor, v3, '--pptx', fx.file('deck.pdf'));
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/^netwright: --pptx writes a \.pptx file; name it like DECK\.pptx/);
    expect(err.join('\n')).not.toContain('\n');
    expect(existsSync(fx.file('deck.pdf'))).toBe(false);
  });

  it('refuses a folder it cannot write to before any work, exit 2', async () => {
    const { code, err } = await cli('compare', ancestor, v3, '--pdf', `${ancestor}/deck.pdf`);
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/Cannot write to .* \(--pdf\)/);
  });

  it.runIf(hasSoffice)(
    'writes the PDF with LibreOffice',
    async () => {
      const pdf = fx.file('deck.pdf');
      expect((await cli('compare', ancestor, v3, '--pdf', pdf)).code).toBe(0);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    },
    120_000,
  );

  it('says what to install where LibreOffice is missing, exit 2', async () => {
    const saved = process.env.NETWRIGHT_SOFFICE;
    process.env.NETWRIGHT_SOFFICE = '/nonexistent/soffice';
    try {
      const { code, err } = await cli('compare', ancestor, v3, '--pdf', fx.file('missing.pdf'));
      expect(code).toBe(2);
      expect(err).toEqual([
        'netwright: PDF export needs LibreOffice: apt-get install libreoffice-impress (or install LibreOffice and put soffice on PATH)',
      ]);
    } finally {
      if (saved === undefined) delete process.env.NETWRIGHT_SOFFICE;
      else process.env.NETWRIGHT_SOFFICE = saved;
    }
  });
});
