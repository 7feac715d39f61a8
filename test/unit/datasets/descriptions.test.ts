import { describe, expect, it } from 'vitest';
import { DatasetProblem, loadDataset } from '../../../electron/services/datasets';
import { renderText } from '../../../shared/i18n/diagnosticText';
import { jpegBytes, pngBytes, tempDir, writeFolder } from './fixtures';

const rgb8 = { height: 8, width: 8, channels: 3 as const, flatten: false };

describe("a dataset's description in German", () => {
  it('says what was loaded, the English description unchanged', () => {
    const d = loadDataset({ kind: 'synthetic', samples: 1200 }, rgb8, 3, 2_000_000);
    expect(d.info.description).toBe('Built-in synthetic shapes and textures: 1,200 images, 3 classes, seed 2000000');
    expect(renderText(d.info.descriptionText!, 'de')).toBe(
      'Eingebaute synthetische Formen und Texturen: 1.200 Bilder, 3 Klassen, Seed 2000000',
    );
  });

  it('says how many samples a run used, and what a folder held', () => {
    const root = writeFolder(tempDir(), {
      cat: { 'a.png': pngBytes(8, 8, [200, 10, 10, 255]), 'notes.txt': 'x' },
      dog: { 'b.jpg': jpegBytes(8, 8, [10, 10, 200]), 'c.png': pngBytes(8, 8, [10, 10, 200, 255]) },
    });
    const d = loadDataset({ kind: 'folder', path: root, samples: 2 }, rgb8, 2, 1);
    expect(d.info.description).toBe(
      `Image folder ${root}: 3 PNG/JPEG images in 2 class folders (1 other files skipped) (2 used, chosen at random with the run's seed)`,
    );
    expect(renderText(d.info.descriptionText!, 'de')).toBe(
      `Bildordner ${root}: 3 PNG-/JPEG-Bilder in 2 Klassenordnern (1 andere Dateien übersprungen) (2 davon verwendet, zufällig mit dem Seed des Laufs gewählt)`,
    );
  });

  it('reads in German inside a problem that names the dataset', () => {
    let problem: DatasetProblem | undefined;
    try {
      loadDataset({ kind: 'synthetic', samples: 30, classes: 5 }, rgb8, 3, 7);
    } catch (err) {
      problem = err as DatasetProblem;
    }
    expect(problem).toBeInstanceOf(DatasetProblem);
    expect(problem!.message).toMatch(/^Built-in synthetic shapes and textures: 30 images, 5 classes, seed 7 has 5/);
    expect(renderText(problem!.text!, 'de')).toMatch(
      /^Eingebaute synthetische Formen und Texturen: 30 Bilder, 5 Klassen, Seed 7 hat 5 Klassen/,
    );
  });
});
