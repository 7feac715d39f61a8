import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WriteProblem, writeFileAtomic } from '../../../electron/services/files';
import { RunNotSaved } from '../../../electron/services/train';
import { errorText, textOfError } from '../../../shared/api';

/** The error's English message (unchanged) and its German text, carried with it. */
function said(err: Error): { en: string; de: string } {
  expect(textOfError(err), err.message).toBeDefined();
  return { en: err.message, de: errorText(err, 'de') };
}

const failure = (code: string) => Object.assign(new Error(`${code}: it failed`), { code });

describe('disk errors in German', () => {
  it('a write that fails names the target and the reason, with its advice', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'netwright-write-texts-'));
    const file = path.join(dir, 'plain');
    writeFileSync(file, 'not a folder');
    const err = await writeFileAtomic(path.join(file, 'net.json'), '{}').then(
      () => new Error('written'),
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(WriteProblem);
    expect(said(err)).toEqual({
      en: `Cannot save to ${path.join(file, 'net.json')}: a part of the path is a file, not a folder (ENOTDIR). Choose another folder.`,
      de: `Speichern nach ${path.join(file, 'net.json')} nicht möglich: Ein Teil des Pfads ist eine Datei, kein Ordner (ENOTDIR). Wählen Sie einen anderen Ordner.`,
    });
    expect(said(new WriteProblem('/x/run', failure('ENOSPC')))).toEqual({
      en: 'Cannot save to /x/run: the disk is full (ENOSPC). Free some space or choose another disk.',
      de: 'Speichern nach /x/run nicht möglich: Der Datenträger ist voll (ENOSPC). Geben Sie Platz frei oder wählen Sie einen anderen Datenträger.',
    });
    for (const code of [
      'EROFS',
      'EACCES',
      'EPERM',
      'EDQUOT',
      'ENOENT',
      'EISDIR',
      'EEXIST',
      'ENAMETOOLONG',
      'EMFILE',
      'EIO',
    ]) {
      const { en, de } = said(new WriteProblem('/x/run', failure(code)));
      expect(en).toContain(`(${code}). `);
      expect(de).toMatch(new RegExp(`^Speichern nach /x/run nicht möglich: .* \\(${code}\\)\\. [A-ZÄÖÜ]`));
    }
  });

  it('an unknown failure keeps the system’s own words in both languages', () => {
    const { en, de } = said(new WriteProblem('/x/run', failure('EWEIRD')));
    expect(en).toBe('Cannot save to /x/run: EWEIRD: EWEIRD: it failed.');
    expect(de).toBe('Speichern nach /x/run nicht möglich: EWEIRD: EWEIRD: it failed.');
  });

  it('a run not saved says where it is kept, or why it could not be kept', () => {
    const problem = new WriteProblem('/x/run', failure('EROFS'));
    expect(said(new RunNotSaved(problem, '/keep/r1', null))).toEqual({
      en:
        'Cannot save to /x/run: the folder is read-only (EROFS). Choose another folder. The trained run is kept in /keep/r1: ' +
        'Netwright lists it under Training, and `npx netwright export FILE --to pytorch --out DIR --weights /keep/r1` exports it.',
      de:
        'Speichern nach /x/run nicht möglich: Der Ordner ist schreibgeschützt (EROFS). Wählen Sie einen anderen Ordner. ' +
        'Der trainierte Lauf liegt in /keep/r1: Netwright führt ihn unter Training, und ' +
        '`npx netwright export FILE --to pytorch --out DIR --weights /keep/r1` exportiert ihn.',
    });
    expect(said(new RunNotSaved(problem, null, null)).de).toMatch(
      / Auch der trainierte Lauf ließ sich nicht behalten \(kein Ordner, um ihn zu behalten\)\.$/,
    );
    expect(said(new RunNotSaved(problem, null, 'disk gone'))).toMatchObject({
      en: expect.stringMatching(/ The trained run could not be kept either \(disk gone\)\.$/),
      de: expect.stringMatching(/ Auch der trainierte Lauf ließ sich nicht behalten \(disk gone\)\.$/),
    });
  });
});
