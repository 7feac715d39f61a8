import { firstHiddenCharacter } from '../text';
import type { ExportFile } from './generate';

/**
 * The last guard before files are written: generated text (Python, Markdown) must hold
 * no control, format or separator character, which is what made Python refuse files
 * with odd names. The escapers in shared/text keep every name's such characters out, so
 * a hit is a bug; it is refused, naming the file, line and character, rather than
 * written as code that may not parse.
 */
export function hiddenCharacterProblem(files: readonly ExportFile[]): string | null {
  for (const file of files) {
    // JSON files carry names too, escaped by JSON.stringify for JSON readers.
    if (typeof file.contents !== 'string' || !/\.(py|md)$/.test(file.path)) continue;
    const found = firstHiddenCharacter(file.contents);
    if (!found) continue;
    const code = `U+${found.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
    return `Nothing was exported: ${file.path} line ${found.line} would hold the invisible character ${code}, which the exporter should have escaped. Please report this with the network file; renaming the network, module or layer named there avoids it.`;
  }
  return null;
}
