// Whether the compiled CLI in ROOT/dist/cli may run: built completely (inputs.json is
// written last) and newer than every source it was built from.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** @param {URL} root the repository root, ending in '/' */
export function compiledCliIsCurrent(root) {
  try {
    // Plain paths and no exceptions: a URL object and a thrown error per file made this check
    // cost several times its ~330 stat calls.
    const dir = fileURLToPath(root);
    const { inputs } = JSON.parse(readFileSync(`${dir}dist/cli/inputs.json`, 'utf8'));
    const built = statSync(`${dir}dist/cli/netwright.js`).mtimeMs;
    for (const file of inputs) {
      const source = statSync(dir + file, { throwIfNoEntry: false });
      if (source === undefined || source.mtimeMs > built) return false;
    }
    return true;
  } catch {
    return false;
  }
}
