// Whether the compiled CLI in ROOT/dist/cli may run: built completely (inputs.json is
// written last) and newer than every source it was built from.
import { readFileSync, statSync } from 'node:fs';

/** @param {URL} root the repository root, ending in '/' */
export function compiledCliIsCurrent(root) {
  try {
    const { inputs } = JSON.parse(readFileSync(new URL('dist/cli/inputs.json', root), 'utf8'));
    const built = statSync(new URL('dist/cli/netwright.js', root)).mtimeMs;
    return inputs.every((file) => statSync(new URL(file, root)).mtimeMs <= built);
  } catch {
    return false;
  }
}
