/**
 * The compiled CLI's entry (scripts/build-cli.mjs bundles it to dist/cli/netwright.cjs):
 * bin/compiledCli.js loads the bundle with V8's code cache and calls runCli. The sources run
 * through electron/cli.ts instead.
 */
export { runCli } from './dispatch';
export { endQuietlyWhenReaderCloses, processIo } from './io';
