import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiHandler } from '../../../electron/services/apiHandler';
import { compareSlides, slideFormats } from '../../../electron/services/slides';
import { buildInceptionV3 } from '../../../shared/templates/inceptionV3';
import { buildInceptionV3Unfactorized } from '../../../shared/templates/inceptionV3Unfactorized';
import { fakeServices } from '../api/fakeServices';

const saved = process.env.NETWRIGHT_SOFFICE;
afterEach(() => {
  if (saved === undefined) delete process.env.NETWRIGHT_SOFFICE;
  else process.env.NETWRIGHT_SOFFICE = saved;
});

describe('compareSlides (the editor’s Export PPTX)', () => {
  const handler = createApiHandler(fakeServices({ compareSlides, slideFormats }));

  it('returns the comparison deck as base64 through the validated API', async () => {
    const result = await handler('compareSlides', {
      a: { name: 'original', graph: buildInceptionV3Unfactorized() },
      b: { name: 'factorized', graph: buildInceptionV3() },
      title: 'Inception v3: original vs factorized',
      format: 'pptx',
    });
    if (!result.ok) throw new Error(result.error.message);
    const value = result.value as { base64: string; suggestedName: string };
    expect(value.suggestedName).toBe('Inception_v3_original_vs_factorized.pptx');
    const files = unzipSync(new Uint8Array(Buffer.from(value.base64, 'base64')));
    expect(strFromU8(files['ppt/slides/slide1.xml']!)).toContain('−36.7% parameters, −41.5% multiply-adds');
  });

  it('writes the deck in the language the window asks for', async () => {
    const result = await handler('compareSlides', {
      a: { name: 'original', graph: buildInceptionV3Unfactorized() },
      b: { name: 'factorized', graph: buildInceptionV3() },
      format: 'pptx',
      language: 'de',
    });
    if (!result.ok) throw new Error(result.error.message);
    const files = unzipSync(new Uint8Array(Buffer.from((result.value as { base64: string }).base64, 'base64')));
    expect(strFromU8(files['ppt/slides/slide1.xml']!)).toContain('original vs. factorized');
    expect(strFromU8(files['ppt/slides/slide2.xml']!)).toContain('Summen');
  });

  it('refuses a network with errors, naming it', async () => {
    const broken = buildInceptionV3();
    broken.edges = broken.edges.slice(1);
    const result = await handler('compareSlides', {
      a: { name: 'original', graph: buildInceptionV3Unfactorized() },
      b: { name: 'factorized', graph: broken },
      format: 'pptx',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { message: 'factorized has errors; fix them before exporting slides.' },
    });
  });

  it('offers PDF only where LibreOffice is there', async () => {
    process.env.NETWRIGHT_SOFFICE = '/nonexistent/soffice';
    expect(await slideFormats()).toEqual({ formats: ['pptx'] });
    process.env.NETWRIGHT_SOFFICE = '/bin/sh';
    expect(await slideFormats()).toEqual({ formats: ['pptx', 'pdf'] });
  });
});
