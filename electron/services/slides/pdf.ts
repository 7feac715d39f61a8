import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Deck } from '../../../shared/slides';
import { deckToPptx } from './pptx';

export const SOFFICE_MISSING =
  'PDF export needs LibreOffice: apt-get install libreoffice-impress (or install LibreOffice and put soffice on PATH)';

/** Thrown with a message for the user (CLI exit 2, or the editor's notice). */
export class SlidesProblem extends Error {
  override name = 'SlidesProblem';
}

const TIMEOUT_MS = 120_000;

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, timeout: TIMEOUT_MS, killSignal: 'SIGKILL' }, (err, _stdout, stderr) => {
      if (!err) return resolve();
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return reject(new SlidesProblem(SOFFICE_MISSING));
      if (err.killed)
        return reject(
          new SlidesProblem(`LibreOffice took over ${TIMEOUT_MS / 1000} s to make the PDF; try again, or export PPTX.`),
        );
      const reason = String(stderr).trim().split('\n').at(-1) || err.message;
      reject(new SlidesProblem(`LibreOffice could not make the PDF: ${reason}`));
    });
  });
}

/**
 * The deck as PDF: written as .pptx to a scratch folder and converted by LibreOffice
 * (`soffice --headless`), with its own profile folder so a LibreOffice the user has open
 * neither blocks nor is disturbed by the conversion.
 */
export async function deckToPdf(deck: Deck, soffice = process.env.NETWRIGHT_SOFFICE || 'soffice'): Promise<Uint8Array> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'netwright-slides-'));
  try {
    const pptxFile = path.join(scratch, 'deck.pptx');
    await writeFile(pptxFile, await deckToPptx(deck));
    const profile = `file://${path.join(scratch, 'profile')}`;
    await run(
      soffice,
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        scratch,
        pptxFile,
      ],
      scratch,
    );
    try {
      return new Uint8Array(await readFile(path.join(scratch, 'deck.pdf')));
    } catch {
      throw new SlidesProblem('LibreOffice ran but wrote no PDF; check that libreoffice-impress is installed.');
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
