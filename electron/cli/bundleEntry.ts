/**
 * The compiled CLI's entry (scripts/build-cli.mjs bundles it to dist/cli/netwright.cjs):
 * bin/compiledCli.js loads the bundle with V8's code cache and calls runCli. The sources run
 * through electron/cli.ts instead.
 */
import { z } from 'zod';

// A command runs once: zod's compiled fast paths (one new Function per object schema, built
// on its first parse) cost more than they save. jitless: 2.6% fewer instructions for
// `analyze` of Inception-v3 (valgrind, 953 M -> 930 M).
z.config({ jitless: true });

export { runCli } from './dispatch';
export { endQuietlyWhenReaderCloses, processIo } from './io';
